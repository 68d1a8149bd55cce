// Progress that ktl shows and kubectl doesn't: a few lines on a terminal's stderr, drawn only once an
// operation has run for a while (quick ones never flash them), redrawn in place, taken off the screen
// while the command's own lines are written and at the end, so that only kubectl's lines stay.
// Nothing of it is written when stderr is not a terminal.
import {REQUEST_LOG_VERBOSITY} from './client/log.js'
import type {Ctx} from './context.js'
import type {IOStreams, OutStream} from './io.js'

/** How long an operation runs before its progress shows. */
export const PROGRESS_DELAY_MS = 1000
const REDRAW_MS = 100

const CSI = '\x1b['
// Lines longer than the terminal are cut rather than wrapped (DECAWM off), so the count of lines to
// move back over stays right.
const WRAP_OFF = `${CSI}?7l`
const WRAP_ON = `${CSI}?7h`
const ERASE_DOWN = `${CSI}J`
const up = (lines: number) => (lines > 0 ? `${CSI}${lines}A` : '')

export class TerminalProgress {
  private lines: string[] = []
  /** Terminal lines the last drawing took, which the next one goes back over. */
  private drawn = 0
  private dirty = false
  private shown = false
  /** The command's own output stopped mid-line: a drawing now would join it. */
  private midLine = false
  private drawQueued = false
  private timers: NodeJS.Timeout[] = []

  constructor(
    private err: OutStream,
    delayMs = PROGRESS_DELAY_MS,
  ) {
    this.timers.push(
      setTimeout(() => {
        this.shown = true
        this.draw()
        this.timers.push(setInterval(() => this.dirty && this.draw(), REDRAW_MS))
      }, delayMs),
    )
  }

  /** The lines to show from now on (drawn at the next redraw, or under the next line of output). */
  update(lines: string[]): void {
    this.lines = lines
    this.dirty = true
  }

  /** `io` whose writes take the progress off the screen first and draw it again below what they wrote. */
  guard(io: IOStreams): IOStreams {
    // Piped stdout never reaches the terminal, so its lines cannot mix with the progress.
    return {...io, out: io.outIsTTY ? this.guarded(io.out) : io.out, err: this.guarded(io.err)}
  }

  /** Stops drawing and erases what is drawn. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.shown = false
    this.erase()
  }

  private guarded(stream: OutStream): OutStream {
    return {
      write: (chunk: string) => {
        this.erase()
        const written = stream.write(chunk)
        this.midLine = !chunk.endsWith('\n')
        this.drawSoon()
        return written
      },
    }
  }

  /** Draws once the caller's synchronous work is over, so that an update made right after its line shows. */
  private drawSoon(): void {
    if (this.drawQueued) return
    this.drawQueued = true
    queueMicrotask(() => {
      this.drawQueued = false
      this.draw()
    })
  }

  private erase(): void {
    if (this.drawn > 0) this.err.write(`${up(this.drawn)}${ERASE_DOWN}`)
    this.drawn = 0
  }

  private draw(): void {
    if (!this.shown || this.midLine) return
    this.dirty = false
    if (this.drawn === 0 && this.lines.length === 0) return
    this.err.write(`${WRAP_OFF}${up(this.drawn)}${ERASE_DOWN}${this.lines.map((l) => `${l}\n`).join('')}${WRAP_ON}`)
    this.drawn = this.lines.length
  }
}

/**
 * Runs `work` with progress on a terminal: `progress` to update and a ctx whose output goes around
 * it. Without a terminal on stderr (or with -v's request log there, whose lines would tear it, or on
 * a dumb terminal) `work` gets ctx as it is and no progress.
 */
export async function withProgress<T>(ctx: Ctx, delayMs: number, work: (ctx: Ctx, progress?: TerminalProgress) => Promise<T>): Promise<T> {
  if (!ctx.io.errIsTTY || ctx.verbosity >= REQUEST_LOG_VERBOSITY || ctx.env.TERM === 'dumb') return work(ctx)
  const progress = new TerminalProgress(ctx.io.err, delayMs)
  try {
    return await work({...ctx, io: progress.guard(ctx.io)}, progress)
  } finally {
    progress.stop()
  }
}

/** One step of many: `Applying 37/200: deployment.apps/web`. */
export function stepLine(verb: string, position: number, total: number, what: string): string {
  return `${verb} ${position}/${total}: ${what}`
}
