// watchtools.UntilWithSync for one object, as kubectl's rollout status and wait use it: the object's
// current state from a list by name, then every change from a watch, until a condition holds or the
// time is up. A watch the server closes is resumed, and a 410 Gone re-lists.
import type {Readable} from 'node:stream'
import type {KubeClient} from '../client/types.js'
import {CliError, StatusError} from '../errors.js'
import {ndjson} from '../ops/get-watch.js'
import {type KubeObject, listItems, type ObjectList} from './objects.js'
import {resourcePath} from './paths.js'
import type {Target} from './targets.js'
import {GoError} from './visit-errors.js'
import {DeadlineTimer} from '../deadline-timer.js'

export interface UntilOptions {
  /** Milliseconds; 0 waits for ever. */
  timeoutMs: number
  /** The error to throw when time is up. */
  timedOut: () => CliError
  /** Hears a DELETED event; throw a GoError to stop waiting (returning waits for the name to come back). */
  deleted: (object: KubeObject) => void
  /** Hears that the first list found no such object; throw to stop (returning waits for it). */
  missing?: () => void
  signal?: AbortSignal
}

/** Resolves with the object `done` accepted. */
export async function untilWithSync(
  client: KubeClient,
  target: Pick<Target, 'resource' | 'namespace' | 'name'>,
  done: (object: KubeObject) => boolean,
  opts: UntilOptions,
): Promise<KubeObject> {
  const controller = new AbortController()
  let timedOut = false
  const timer = opts.timeoutMs > 0 ? new DeadlineTimer(Date.now() + opts.timeoutMs, () => ((timedOut = true), controller.abort())) : undefined
  const onAbort = () => controller.abort()
  opts.signal?.addEventListener('abort', onAbort)
  const signal = controller.signal
  const path = resourcePath(target.resource, target.namespace)
  const fieldSelector = `metadata.name=${target.name}`
  const resource = {group: target.resource.group, resource: target.resource.name}
  const failIfTimedOut = (err: unknown): never => {
    if (timedOut) throw opts.timedOut()
    throw err
  }
  let accepted: KubeObject | undefined
  const check = (object: KubeObject): boolean => {
    if (!done(object)) return false
    accepted = object
    return true
  }
  try {
    const list = async (first: boolean): Promise<{rv: string; finished: boolean}> => {
      const res = await client.request<ObjectList>({path, query: {fieldSelector}, resource, signal}).catch(failIfTimedOut)
      const object = listItems(res.data, target.resource.kind)[0]
      if (object === undefined && first) opts.missing?.()
      return {rv: res.data.metadata?.resourceVersion ?? '', finished: object !== undefined && check(object)}
    }
    let {rv, finished} = await list(true)
    while (!finished) {
      if (signal.aborted) failIfTimedOut(new CliError('error: interrupted'))
      let stream: Readable
      try {
        stream = (await client.stream({path, query: {fieldSelector, watch: 1, resourceVersion: rv, allowWatchBookmarks: 'true'}, resource, signal})).data
      } catch (err) {
        if (err instanceof StatusError && err.code === 410) {
          ;({rv, finished} = await list(false))
          continue
        }
        return failIfTimedOut(err)
      }
      let gone = false
      try {
        for await (const event of ndjson(stream)) {
          const object = event.object as KubeObject
          if (event.type === 'BOOKMARK') {
            rv = object.metadata?.resourceVersion ?? rv
            continue
          }
          if (event.type === 'ERROR') {
            if ((object as {code?: number}).code === 410) {
              gone = true
              break
            }
            throw new StatusError(object as never)
          }
          rv = object.metadata?.resourceVersion ?? rv
          if (event.type === 'DELETED') opts.deleted(object)
          else if (check(object)) {
            finished = true
            break
          }
        }
      } catch (err) {
        if (signal.aborted) failIfTimedOut(err)
        // A connection lost mid-stream is resumed like a stream the server ended.
        if (!(err instanceof Error) || err instanceof StatusError || err instanceof GoError) throw err
      } finally {
        stream.destroy()
      }
      if (gone) ({rv, finished} = await list(false))
    }
  } finally {
    timer?.clear()
    opts.signal?.removeEventListener('abort', onAbort)
  }
  return accepted as KubeObject
}
