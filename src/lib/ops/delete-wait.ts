// --wait: after the DELETE requests, wait until every deleted object is gone from the server, by
// watching (kubectl lists and watches each object by name; ktl watches all of them at once, one
// watch per type and namespace, and reports the first one still there when time runs out).
import type {KubeClient} from '../client/types.js'
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, StatusError} from '../errors.js'
import {listAndWatch} from '../resources/list-watch.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {withProgress} from '../terminal-progress.js'
import {progressLines} from './delete-progress.js'

export interface WaitTarget {
  resource: APIResource
  namespace?: string
  name: string
  /** The uid the DELETE answered with: an object recreated under the same name is not waited for. */
  uid?: string
}

/** A deleted object still on the server, with the last state seen of it. */
export interface Remaining {
  target: WaitTarget
  object?: KubeObject
}

export interface WaitOptions {
  /** Give up after this long; a negative value gives up after the first look. */
  timeoutMs: number
  /** Hears every change to what remains, in the order the objects were deleted. */
  onChange?: (remaining: Remaining[]) => void
}

/**
 * Waits as `delete --wait` does: on a terminal stderr, after `progressDelayMs`, what remains is shown
 * (and erased when done); elsewhere nothing extra is written.
 */
export async function waitUntilGone(ctx: Ctx, client: KubeClient, targets: WaitTarget[], timeoutMs: number, progressDelayMs: number): Promise<void> {
  const withNamespace = new Set(targets.map((t) => t.namespace ?? '')).size > 1
  await withProgress(ctx, progressDelayMs, (_, progress) =>
    waitForDeletion(client, targets, {timeoutMs, onChange: progress && ((remaining) => progress.update(progressLines(remaining, withNamespace)))}),
  )
}

export async function waitForDeletion(client: KubeClient, targets: WaitTarget[], opts: WaitOptions): Promise<void> {
  const remaining = new Map<number, Remaining>(targets.map((target, i) => [i, {target}]))
  const changed = () => opts.onChange?.([...remaining.values()])
  const groups = new Map<string, number[]>()
  for (const [i, t] of targets.entries()) {
    const key = `${t.resource.group}/${t.resource.name}/${t.namespace ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), i])
  }
  // Stops the other watches when one fails.
  const controller = new AbortController()
  // Out of time before starting: one look, as kubectl takes, and no watch.
  const watch = opts.timeoutMs >= 0
  const deadline = Date.now() + opts.timeoutMs
  try {
    await Promise.all([...groups.values()].map((ids) => watchGroup(client, ids, remaining, {signal: controller.signal, changed, deadline, watch})))
  } catch (err) {
    controller.abort()
    // kubectl does not fail a delete because it may not watch what it deleted.
    if (err instanceof StatusError && (err.code === 403 || err.code === 405)) return
    throw err
  }
  const first = remaining.values().next().value
  if (first) throw new CliError(`error: timed out waiting for the condition on ${first.target.resource.name}/${first.target.name}`)
}

interface GroupOptions {
  signal: AbortSignal
  changed: () => void
  deadline: number
  /** false: list once and stop. */
  watch: boolean
}

/** Lists, then watches, one type in one namespace until none of `ids` is left in `remaining`. */
async function watchGroup(client: KubeClient, ids: number[], remaining: Map<number, Remaining>, opts: GroupOptions): Promise<void> {
  const {changed} = opts
  const {resource, namespace} = (remaining.get(ids[0]) as Remaining).target
  const path = resourcePath(resource, namespace)
  // One object: the server filters by name, as kubectl's own watch does.
  const fieldSelector = ids.length === 1 ? `metadata.name=${(remaining.get(ids[0]) as Remaining).target.name}` : undefined
  const gr = {group: resource.group, resource: resource.name}
  // The ids still waited for, by name (the same name twice is two targets).
  const byName = new Map<string, number[]>()
  for (const id of ids) {
    const name = (remaining.get(id) as Remaining).target.name
    byName.set(name, [...(byName.get(name) ?? []), id])
  }
  const see = (object: KubeObject, deleted: boolean) => {
    const name = object.metadata?.name ?? ''
    const waiting = byName.get(name)
    if (!waiting) return
    const left = waiting.filter((id) => {
      const entry = remaining.get(id) as Remaining
      const replaced = entry.target.uid !== undefined && object.metadata?.uid !== entry.target.uid
      if (deleted || replaced) return !remaining.delete(id)
      entry.object = object
      return true
    })
    if (left.length > 0) byName.set(name, left)
    else byName.delete(name)
    changed()
  }
  const goneAll = (names: string[]) => {
    for (const name of names) see({metadata: {name}}, true)
  }
  await listAndWatch({
    client,
    path,
    query: {fieldSelector},
    resource: gr,
    list: async (_relist, signal) => {
      let data: ObjectList
      try {
        data = (await client.request<ObjectList>({path, query: {fieldSelector}, signal, resource: gr})).data
      } catch (err) {
        // The type itself is gone (a CRD deleted with its objects): so are the objects.
        if (err instanceof StatusError && err.code === 404) {
          goneAll([...byName.keys()])
          return ''
        }
        throw err
      }
      const present = new Set((data.items ?? []).map((item) => item.metadata?.name))
      goneAll([...byName.keys()].filter((name) => !present.has(name)))
      for (const item of data.items ?? []) see(item, false)
      return data.metadata?.resourceVersion ?? ''
    },
    onEvent: (event) => see(event.object, event.type === 'DELETED'),
    done: () => byName.size === 0 || !opts.watch,
    signal: opts.signal,
    deadline: opts.watch ? opts.deadline : undefined,
  })
}
