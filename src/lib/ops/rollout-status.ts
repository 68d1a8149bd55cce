// `ktl rollout status`: watches each object until its rollout is done, printing kubectl's status line
// on every change. On a terminal the waiting line rewrites itself in place; piped, every line is
// printed as kubectl prints it.
import type {Ctx} from '../context.js'
import type {OutStream} from '../io.js'
import type {KubeObject} from '../resources/objects.js'
import {checkErr, GoError} from '../errors.js'
import {type RolloutStatus, statusViewer} from '../rollout/status-viewer.js'
import {visitInfos} from '../resources/infos.js'
import type {BuilderArgs} from '../resources/plan.js'
import {untilWithSync} from '../resources/until.js'
import {groupKindString, requireResources, rolloutInfos, workloadKind} from '../rollout/targets.js'

export interface RolloutStatusOptions extends BuilderArgs {
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
  const found = await rolloutInfos(ctx, opts)
  const client = await ctx.client()
  const line = new StatusLine(ctx.io.out, ctx.io.outIsTTY)
  if (found.entries.length === 0 && found.deferred.length === 0) ctx.io.err.write(`No resources found in ${await ctx.namespace()} namespace.\n`)
  const error = await visitInfos(found, async (target) => {
    const viewer = statusViewer(workloadKind(target.resource))
    if (!viewer) throw new GoError(`no status viewer has been implemented for ${groupKindString(target.resource)}`)
    try {
      const done = (object: KubeObject) => {
        const status = viewer(object, opts.revision)
        line.show(status)
        return status.done || !opts.watch
      }
      await untilWithSync(client, target, done, {
        timeoutMs: opts.timeoutMs,
        timedOut: () => new GoError(TIMED_OUT),
        deleted: () => {
          // Aborted so as not to watch a new object of the same name without saying so.
          throw new GoError('object has been deleted')
        },
        signal: opts.signal,
      })
    } finally {
      line.end()
    }
  })
  if (error) throw checkErr(error)
}
