// Where a command's output goes. Lib code writes here, never to process.stdout, so tests can run
// any operation against in-memory streams in TTY or non-TTY mode.
import {PassThrough, type Readable} from 'node:stream'

export interface OutStream {
  write(chunk: string): unknown
}

export interface IOStreams {
  in: Readable
  out: OutStream
  err: OutStream
  inIsTTY: boolean
  outIsTTY: boolean
  errIsTTY: boolean
  /** Colour on stdout: only on a TTY, never with NO_COLOR, always with FORCE_COLOR. */
  color: boolean
  /** The terminal's size now, when stdout is one (it can change while a command runs). */
  outSize?: () => {rows?: number; columns?: number}
}

export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true
  return isTTY
}

export function systemIO(env: NodeJS.ProcessEnv = process.env): IOStreams {
  const outIsTTY = Boolean(process.stdout.isTTY)
  return {
    in: process.stdin,
    out: process.stdout,
    err: process.stderr,
    inIsTTY: Boolean(process.stdin.isTTY),
    outIsTTY,
    errIsTTY: Boolean(process.stderr.isTTY),
    color: colorWanted(env, outIsTTY),
    outSize: () => ({rows: process.stdout.rows, columns: process.stdout.columns}),
  }
}

export interface MemoryIO extends IOStreams {
  stdout(): string
  stderr(): string
}

/** In-memory streams for tests. */
export function memoryIO(opts: {tty?: boolean; color?: boolean; stdin?: string; size?: {rows?: number; columns?: number}} = {}): MemoryIO {
  const out: string[] = []
  const err: string[] = []
  const input = new PassThrough()
  input.end(opts.stdin ?? '')
  const tty = opts.tty ?? false
  return {
    in: input,
    out: {write: (chunk: string) => out.push(chunk)},
    err: {write: (chunk: string) => err.push(chunk)},
    inIsTTY: tty,
    outIsTTY: tty,
    errIsTTY: tty,
    color: opts.color ?? false,
    outSize: () => opts.size ?? {},
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  }
}
