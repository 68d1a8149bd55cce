// Runs ktl (the built CLI) and kubectl as processes against the e2e control plane.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export const E2E_DIR = process.env.KTL_E2E_DIR ?? '/tmp/ktl-e2e'
export const API_PORT = process.env.KTL_E2E_API_PORT ?? '16443'
export const SERVER = `https://127.0.0.1:${API_PORT}`
const ROOT = resolve(import.meta.dirname, '../..')

/** kubectl 1.32 is the oracle; the PATH `kubectl` on these machines is a dispatcher that may pick another version. */
export const KUBECTL = process.env.KUBECTL ?? (existsSync('/usr/lib/google-cloud-sdk/bin/kubectl.1.32') ? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32' : 'kubectl')

export type E2EUser = 'admin' | 'token' | 'readonly'

export function kubeconfig(user: E2EUser = 'admin'): string {
  return join(E2E_DIR, `${user}.kubeconfig`)
}

export interface Run {
  stdout: string
  stderr: string
  code: number | null
}

export interface RunOptions {
  user?: E2EUser
  /** Extra environment; HOME defaults to a per-CLI folder so discovery caches never mix. */
  env?: NodeJS.ProcessEnv
  stdin?: string
  /** Pass no --kubeconfig (the test sets KUBECONFIG or flags itself). */
  noKubeconfig?: boolean
}

function homeFor(cli: string): string {
  const dir = join(E2E_DIR, `home-${cli}`)
  mkdirSync(dir, {recursive: true})
  return dir
}

function run(command: string, args: string[], opts: RunOptions, home: string, prefix: string[] = []): Promise<Run> {
  const flags = opts.noKubeconfig ? [] : ['--kubeconfig', kubeconfig(opts.user)]
  const dashdash = args.indexOf('--')
  const fullArgs = dashdash < 0 ? [...prefix, ...args, ...flags] : [...prefix, ...args.slice(0, dashdash), ...flags, ...args.slice(dashdash)]
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, fullArgs, {
      cwd: ROOT,
      env: {PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', ...opts.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({stdout, stderr, code}))
    child.stdin.end(opts.stdin ?? '')
  })
}

export function ktl(args: string[], opts: RunOptions = {}): Promise<Run> {
  // node (24, the test runner's own) + bin/run.js: exactly what a user's `ktl` runs.
  return run(process.execPath, args, opts, opts.env?.HOME ?? homeFor('ktl'), [join(ROOT, 'bin/run.js')])
}

export function kubectl(args: string[], opts: RunOptions = {}): Promise<Run> {
  return run(KUBECTL, args, opts, opts.env?.HOME ?? homeFor('kubectl'))
}

/** A fresh, empty HOME (no kubeconfig, no caches). */
export function emptyHome(): string {
  return mkdtempSync(join(tmpdir(), 'ktl-home-'))
}

/**
 * Runs ktl and kubectl side by side (at the same moment, so server-computed ages agree) and retries
 * a few times when the only difference could be an age that ticked over between the two requests.
 */
export async function bothCLIs(args: string[], opts: RunOptions = {}, attempts = 3): Promise<{ours: Run; theirs: Run}> {
  let last: {ours: Run; theirs: Run} | undefined
  for (let i = 0; i < attempts; i++) {
    const [ours, theirs] = await Promise.all([ktl(args, opts), kubectl(args, opts)])
    last = {ours, theirs}
    if (ours.stdout === theirs.stdout && ours.stderr === theirs.stderr) return last
  }
  return last as {ours: Run; theirs: Run}
}

/** kubectl with the admin user, failing the test when it fails: for setting up objects. */
export async function kubectlOK(args: string[], opts: RunOptions = {}): Promise<string> {
  const run = await kubectl(args, opts)
  if (run.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${run.stderr}`)
  return run.stdout
}

// A server-computed age (5s, 3m2s, 4h, 2d3h, 10y) as a table cell.
const AGE = /(?<=^|\s)\d+[smhdy](\d+[smh])?(?=\s|$)/gm

/**
 * The same bytes, except for ages that ticked between the two CLIs' requests (ktl and kubectl start
 * at different speeds): those compare as equal, and with them the padding of their column.
 */
export function sameOutput(ours: string, theirs: string): boolean {
  if (ours === theirs) return true
  const normal = (s: string) => s.replace(AGE, '<age>').replace(/ +/g, ' ')
  return normal(ours) === normal(theirs)
}
