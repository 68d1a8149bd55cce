// Runs the built ktl as a user would, for the reliability suites: every case is one process with a
// deadline, judged the way issue 6 counts it. A crash is a stack trace on stderr, an exit status
// other than 0 or 1, or death by a signal the case did not send; a hang is a process still running
// at its deadline.
import {spawn} from 'node:child_process'
import {join, resolve} from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface CaseRun {
  stdout: string
  stderr: string
  code: number | null
  signal: NodeJS.Signals | null
  /** Still running at the deadline (then killed). */
  hung: boolean
  /** Ended by the case itself (stopWhen), as a user ends a watch. */
  stopped: boolean
  ms: number
}

export interface CaseOptions {
  env?: NodeJS.ProcessEnv
  stdin?: string | Buffer
  /** Milliseconds before the case counts as a hang; kubectl-like commands answer in well under it. */
  deadlineMs?: number
  cwd?: string
  /** For commands that run until stopped (get -w): once stdout satisfies this, wait stopGraceMs, then SIGTERM. */
  stopWhen?: (stdout: string) => boolean
  /** Time left for output that should not come (a duplicate line) before the stop (default 500 ms). */
  stopGraceMs?: number
}

/** `node bin/run.js ARGS` with a clean environment (HOME from opts.env, else the caller's). */
export function runKtl(args: string[], opts: CaseOptions = {}): Promise<CaseRun> {
  const started = Date.now()
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run.js'), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: {PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...opts.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let hung = false
    let stopped = false
    let stopping: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      hung = true
      child.kill('SIGKILL')
    }, opts.deadlineMs ?? 15_000)
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (stopping || !opts.stopWhen?.(stdout)) return
      stopping = setTimeout(() => {
        stopped = true
        child.kill('SIGTERM')
      }, opts.stopGraceMs ?? 500)
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(stopping)
      resolvePromise({stdout, stderr, code, signal, hung, stopped, ms: Date.now() - started})
    })
    // A child that exits before reading its stdin closes the pipe under us: not the case's fault.
    child.stdin.on('error', () => {})
    child.stdin.end(opts.stdin ?? '')
  })
}

export type Verdict = 'ok' | 'crash' | 'hang'

/** A stack frame line as Node prints it ("    at fn (file:line:col)"). */
const STACK_FRAME = /^\s{4}at /m

export function verdict(run: CaseRun): Verdict {
  if (run.hung) return 'hang'
  const stoppedByCase = run.stopped && run.signal === 'SIGTERM'
  if ((run.signal !== null && !stoppedByCase) || (run.code !== 0 && run.code !== 1 && !stoppedByCase) || STACK_FRAME.test(run.stderr)) return 'crash'
  return 'ok'
}

/** What a suite counts, for its closing line and the README's Reliability section. */
export class Tally {
  tried = 0
  crashes: string[] = []
  hangs: string[] = []

  constructor(readonly suite: string) {}

  /** Counts the run and returns its verdict. */
  record(label: string, run: CaseRun): Verdict {
    this.tried++
    const v = verdict(run)
    if (v === 'crash') this.crashes.push(label)
    if (v === 'hang') this.hangs.push(label)
    return v
  }

  summary(): string {
    return `${this.suite}: ${this.tried} cases tried, ${this.crashes.length} crashes, ${this.hangs.length} hangs`
  }
}
