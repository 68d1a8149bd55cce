// `ktl rollout status`: watches each object until its rollout is done, printing kubectl's status line
// on every change. On a terminal the waiting line rewrites itself in place; piped, every line is
// printed as kubectl prints it.
import type {Readable} from 'node:stream'
import type {KubeClient} from '../client/types.js'
import type {Ctx} from '../context.js'
import {CliError, StatusError} from '../errors.js'
import type {OutStream} from '../io.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {GoError} from '../resources/visit-errors.js'
import {type RolloutStatus, statusViewer} from '../rollout/status-viewer.js'
import {findTargets, type Target, type TargetOptions, visitTargets} from '../resources/targets.js'
import {groupKindString, requireResources, workloadKind} from '../rollout/targets.js'
import {ndjson} from './get-watch.js'

export interface RolloutStatusOptions extends TargetOptions {
  revision: number
  /** --watch (default true): keep watching until the rollout is done. */
  watch: boolean
  /** --timeout in milliseconds, per object; 0 waits for ever. */
  timeoutMs: number
  signal?: AbortSignal
}

/**
 * Status lines on stdout. On a terminal a line that is not final replaces the one before it (carriage
 * return and erase to end of line); the final line ends with a newline. Elsewhere each line is written
 * whole, exactly as kubectl writes it.
 */
export class StatusLine {
  private open = false
  constructor(
    private out: OutStream,
    private tty: boolean,
  ) {}

  show(status: RolloutStatus): void {
    if (!this.tty) {
      this.out.write(status.text)
      return
    }
    const text = status.text.endsWith('\n') ? status.text.slice(0, -1) : status.text
    this.out.write(`${this.open ? '\r\x1b[K' : ''}${text}${status.done ? '\n' : ''}`)
    this.open = !status.done
  }

  /** Leaves the last waiting line on screen and moves past it. */
  end(): void {
    if (this.open) this.out.write('\n')
    this.open = false
  }
}

const TIMED_OUT = 'timed out waiting for the condition'

export async function runRolloutStatus(ctx: Ctx, opts: RolloutStatusOptions): Promise<void> {
  if (opts.revision < 0) throw new GoError(`revision must be a positive integer: ${opts.revision}`)
  requireResources(opts)
  const {ordered, namespace} = await findTargets(ctx, opts)
  const client = await ctx.client()
  const line = new StatusLine(ctx.io.out, ctx.io.outIsTTY)
  if (ordered.length === 0) ctx.io.err.write(`No resources found in ${namespace} namespace.\n`)
  await visitTargets(ordered, async (target) => {
    const viewer = statusViewer(workloadKind(target.resource))
    if (!viewer) throw new GoError(`no status viewer has been implemented for ${groupKindString(target.resource)}`)
    try {
      await untilDone(client, target, (object) => {
        const status = viewer(object, opts.revision)
        line.show(status)
        return status.done || !opts.watch
      }, opts)
    } finally {
      line.end()
    }
  })
}

/**
 * watchtools.UntilWithSync on one object: its current state, then every change, until `done` says
 * so, the object is deleted or the time is up. A watch the server closes is resumed.
 */
async function untilDone(client: KubeClient, target: Target, done: (object: KubeObject) => boolean, opts: RolloutStatusOptions): Promise<void> {
  const controller = new AbortController()
  let timedOut = false
  const timer = opts.timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), opts.timeoutMs) : undefined
  const onAbort = () => controller.abort()
  opts.signal?.addEventListener('abort', onAbort)
  const signal = controller.signal
  const path = resourcePath(target.resource, target.namespace)
  const fieldSelector = `metadata.name=${target.name}`
  const resource = {group: target.resource.group, resource: target.resource.name}
  const failIfTimedOut = (err: unknown): never => {
    if (timedOut) throw new GoError(TIMED_OUT)
    throw err
  }
  try {
    const list = async (): Promise<{rv: string; finished: boolean}> => {
      const res = await client.request<ObjectList>({path, query: {fieldSelector}, resource, signal}).catch(failIfTimedOut)
      const object = res.data.items[0]
      return {rv: res.data.metadata?.resourceVersion ?? '', finished: object !== undefined && done(object)}
    }
    let {rv, finished} = await list()
    while (!finished) {
      if (signal.aborted) failIfTimedOut(new CliError('error: interrupted'))
      let stream: Readable
      try {
        stream = (await client.stream({path, query: {fieldSelector, watch: 1, resourceVersion: rv, allowWatchBookmarks: 'true'}, resource, signal})).data
      } catch (err) {
        if (err instanceof StatusError && err.code === 410) {
          ;({rv, finished} = await list())
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
          if (event.type === 'DELETED') throw new GoError('object has been deleted')
          if (done(object)) {
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
      if (gone) ({rv, finished} = await list())
    }
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
  }
}
