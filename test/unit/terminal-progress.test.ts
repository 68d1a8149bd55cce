// The progress ktl draws on a terminal's stderr: not before the delay, redrawn in place, taken off
// the screen around the command's own lines and at the end; and nothing at all without a terminal.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {Ctx} from '../../src/lib/context.js'
import {type MemoryIO, memoryIO} from '../../src/lib/io.js'
import {stepLine, TerminalProgress, withProgress} from '../../src/lib/terminal-progress.js'

// Drawings under a line of output wait for the writer's turn to end.
const turnEnds = () => Promise.resolve()
const drawing = (...lines: string[]) => `\x1b[?7l\x1b[J${lines.map((l) => `${l}\n`).join('')}\x1b[?7h`

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

/** Progress showing `working` at once, and `io` guarded by it. */
function working(io: MemoryIO) {
  const progress = new TerminalProgress(io.err, 0)
  const guarded = progress.guard(io)
  progress.update(['working'])
  vi.advanceTimersByTime(0)
  return {progress, guarded}
}

describe('TerminalProgress', () => {
  it('draws after the delay, redraws in place on change, erases at the end', () => {
    const written: string[] = []
    const progress = new TerminalProgress({write: (s: string) => written.push(s)}, 500)
    progress.update(['Waiting for 2:', '  a', '  b'])
    vi.advanceTimersByTime(400)
    expect(written).toEqual([])
    vi.advanceTimersByTime(200)
    progress.update(['Waiting for 1:', '  a'])
    vi.advanceTimersByTime(100)
    vi.advanceTimersByTime(300)
    progress.stop()
    vi.advanceTimersByTime(1000)
    expect(written).toEqual([drawing('Waiting for 2:', '  a', '  b'), '\x1b[?7l\x1b[3A\x1b[JWaiting for 1:\n  a\n\x1b[?7h', '\x1b[2A\x1b[J'])
  })

  it('writes nothing when stopped before the delay', () => {
    const written: string[] = []
    const progress = new TerminalProgress({write: (s: string) => written.push(s)}, 500)
    progress.update(['one'])
    vi.advanceTimersByTime(100)
    progress.stop()
    vi.advanceTimersByTime(1000)
    expect(written).toEqual([])
  })

  it("takes itself off the screen for each line of the command's output and draws again below it", async () => {
    const io = memoryIO({tty: true})
    const progress = new TerminalProgress(io.err, 1000)
    const guarded = progress.guard(io)
    progress.update([stepLine('Applying', 1, 3, 'configmap/a')])
    guarded.out.write('early line\n')
    await turnEnds()
    vi.advanceTimersByTime(1000)
    guarded.out.write('configmap/a created\n')
    progress.update([stepLine('Applying', 2, 3, 'configmap/b')])
    await turnEnds()
    guarded.err.write('a warning\n')
    guarded.err.write('and another\n')
    await turnEnds()
    progress.stop()
    expect(io.stdout()).toBe('early line\nconfigmap/a created\n')
    const b = drawing('Applying 2/3: configmap/b')
    expect(io.stderr()).toBe(`${drawing('Applying 1/3: configmap/a')}\x1b[1A\x1b[J${b}\x1b[1A\x1b[Ja warning\nand another\n${b}\x1b[1A\x1b[J`)
  })

  it('waits for the end of a line before drawing under it', async () => {
    const io = memoryIO({tty: true})
    const {progress, guarded} = working(io)
    guarded.out.write('half ')
    await turnEnds()
    progress.update(['still working'])
    vi.advanceTimersByTime(500)
    guarded.out.write('a line\n')
    await turnEnds()
    progress.stop()
    expect(io.stdout()).toBe('half a line\n')
    expect(io.stderr()).toBe(`${drawing('working')}\x1b[1A\x1b[J${drawing('still working')}\x1b[1A\x1b[J`)
  })

  it('draws nothing after it stopped', async () => {
    const io = memoryIO({tty: true})
    const {progress, guarded} = working(io)
    guarded.out.write('last line\n')
    progress.stop()
    await turnEnds()
    vi.advanceTimersByTime(500)
    expect(io.stdout()).toBe('last line\n')
    expect(io.stderr()).toBe(`${drawing('working')}\x1b[1A\x1b[J`)
  })

  it('leaves piped stdout alone: its lines never reach the terminal', async () => {
    const io = {...memoryIO({tty: true}), outIsTTY: false}
    const {progress, guarded} = working(io)
    expect(guarded.out).toBe(io.out)
    guarded.out.write('line\n')
    await turnEnds()
    progress.update(['still working'])
    vi.advanceTimersByTime(100)
    progress.stop()
    expect(io.stdout()).toBe('line\n')
    expect(io.stderr()).toBe(`${drawing('working')}\x1b[?7l\x1b[1A\x1b[Jstill working\n\x1b[?7h\x1b[1A\x1b[J`)
  })
})

describe('withProgress', () => {
  const ctxWith = (io: MemoryIO, more: Partial<Ctx> = {}) => ({io, env: {}, verbosity: 0, ...more}) as Ctx

  it('gives work a guarded ctx and erases the progress when work fails', async () => {
    const io = memoryIO({tty: true})
    const ctx = ctxWith(io)
    const run = withProgress(ctx, 0, async (live, progress) => {
      expect(live).not.toBe(ctx)
      progress?.update(['working'])
      await vi.advanceTimersByTimeAsync(0)
      live.io.out.write('done\n')
      throw new Error('failed')
    })
    await expect(run).rejects.toThrow('failed')
    expect(io.stdout()).toBe('done\n')
    expect(io.stderr()).toBe(`${drawing('working')}\x1b[1A\x1b[J${drawing('working')}\x1b[1A\x1b[J`)
  })

  it('shows nothing without a terminal on stderr, under -v=6 and on a dumb terminal', async () => {
    const cases = [ctxWith(memoryIO()), ctxWith(memoryIO({tty: true}), {verbosity: 6}), ctxWith(memoryIO({tty: true}), {env: {TERM: 'dumb'}})]
    for (const ctx of cases) {
      const answer = await withProgress(ctx, 0, async (live, progress) => {
        expect(live).toBe(ctx)
        expect(progress).toBeUndefined()
        await vi.advanceTimersByTimeAsync(1000)
        live.io.out.write('done\n')
        return 42
      })
      expect(answer).toBe(42)
      const io = ctx.io as MemoryIO
      expect(io.stdout()).toBe('done\n')
      expect(io.stderr()).toBe('')
    }
  })
})
