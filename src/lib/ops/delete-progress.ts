// Beyond kubectl: while `ktl delete` waits on a terminal, stderr shows which deleted objects are still
// there and what each waits on (finalizers, a pod's grace period), redrawn in place and erased at the
// end so that only kubectl's lines stay. Nothing of this is written when stderr is not a terminal.
import type {OutStream} from '../io.js'
import {kindPrefix} from '../resources/paths.js'
import type {Remaining} from './delete-wait.js'

// Longer lists end in "... and N more" so the block fits a terminal.
const MAX_LINES = 10
const REDRAW_MS = 100

export interface ProgressOptions {
  /** Draw nothing until the wait has lasted this long (quick deletes never flash a block). */
  delayMs: number
  /** Objects come from several namespaces: name each one's. */
  withNamespace: boolean
}

export class DeletionProgress {
  private drawn = 0
  private latest?: Remaining[]
  private dirty = false
  private shown = false
  private timers: NodeJS.Timeout[] = []

  constructor(
    private err: OutStream,
    private opts: ProgressOptions,
  ) {
    this.timers.push(
      setTimeout(() => {
        this.shown = true
        this.draw()
        this.timers.push(setInterval(() => this.dirty && this.draw(), REDRAW_MS))
      }, opts.delayMs),
    )
  }

  update(remaining: Remaining[]): void {
    this.latest = remaining
    this.dirty = true
  }

  /** Stops drawing and erases the block. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    if (this.drawn > 0) this.err.write(`\x1b[${this.drawn}A\x1b[J`)
    this.drawn = 0
  }

  private draw(): void {
    this.dirty = false
    if (!this.shown || !this.latest) return
    const lines = progressLines(this.latest, this.opts.withNamespace)
    // Lines longer than the terminal are cut rather than wrapped (DECAWM off), so the count of lines
    // to move back over stays right.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A` : ''
    this.err.write(`\x1b[?7l${up}\x1b[J${lines.map((l) => `${l}\n`).join('')}\x1b[?7h`)
    this.drawn = lines.length
  }
}

export function progressLines(remaining: Remaining[], withNamespace: boolean): string[] {
  if (remaining.length === 0) return []
  const shown = remaining.length > MAX_LINES ? remaining.slice(0, MAX_LINES - 1) : remaining
  const noun = remaining.length === 1 ? 'object' : 'objects'
  const lines = [`Waiting for ${remaining.length} ${noun} to be deleted (Ctrl-C stops the wait, not the deletion):`]
  for (const r of shown) lines.push(`  ${objectLabel(r.target, withNamespace)}: ${waitingOn(r)}`)
  if (shown.length < remaining.length) lines.push(`  ... and ${remaining.length - shown.length} more`)
  return lines
}

export function objectLabel(target: Remaining['target'], withNamespace: boolean): string {
  const label = `${kindPrefix(target.resource)}/${target.name}`
  return withNamespace && target.namespace ? `${label} -n ${target.namespace}` : label
}

function waitingOn(r: Remaining): string {
  const metadata = r.object?.metadata
  const finalizers = metadata?.finalizers ?? []
  if (finalizers.length > 0) return `waiting for finalizers ${finalizers.join(', ')}`
  const grace = metadata?.deletionGracePeriodSeconds
  if (typeof grace === 'number' && grace > 0) return `terminating (grace period ${grace}s)`
  return 'deleting'
}
