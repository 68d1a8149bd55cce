// Exec credential plugins (client.authentication.k8s.io v1 and v1beta1), as client-go runs them: the
// command is spawned directly (no shell) with the kubeconfig's args and env plus KUBERNETES_EXEC_INFO,
// its stdout must be an ExecCredential, and the credential is kept until its expirationTimestamp or
// until the client reports a 401 (invalidate). Error texts are client-go's.
import {spawn} from 'node:child_process'
import {access, stat} from 'node:fs/promises'
import {constants} from 'node:fs'
import {delimiter, join} from 'node:path'
import type {Readable} from 'node:stream'
import {CliError} from '../errors.js'
import type {OutStream} from '../io.js'
import {compactStructJSON} from '../printers/config-json.js'
import {goJSONSyntaxError} from '../go/json-syntax.js'
import {checkTypeMeta, DecodeError, decodeExecCredential} from './decode.js'
import {keyPairProblem} from './pem.js'
import type {CredentialSource, Credentials, ExecConfig} from './types.js'

export const EXEC_GROUP = 'client.authentication.k8s.io'
export const EXEC_VERSIONS = [`${EXEC_GROUP}/v1`, `${EXEC_GROUP}/v1beta1`]
/** The cluster extension whose value is handed to the plugin as spec.cluster.config. */
export const EXEC_CLUSTER_EXTENSION = `${EXEC_GROUP}/exec`

/** What a plugin is told about the cluster when provideClusterInfo is set. */
export interface ExecCluster {
  server: string
  tlsServerName?: string
  insecureSkipTLSVerify?: boolean
  caData?: Buffer
  proxyUrl?: string
  disableCompression?: boolean
  config?: unknown
}

export interface ExecTerminal {
  in: Readable
  inIsTTY: boolean
  err: OutStream
}

export interface ExecOptions {
  /** The exec stanza; a command with a slash has already been resolved against its kubeconfig's folder. */
  exec: ExecConfig
  cluster: ExecCluster
  env: NodeJS.ProcessEnv
  /** Where an interactive plugin reads and where its stderr goes; without it plugins never get stdin. */
  terminal?: ExecTerminal
  now?: () => number
}

/** A failure getting credentials, worded as kubectl prints it. */
function credentialError(message: string): CliError {
  return new CliError(`Unable to connect to the server: getting credentials: ${message}`)
}

export function execCredentials(opts: ExecOptions): CredentialSource {
  const now = opts.now ?? Date.now
  let cached: {creds: Credentials; expiresAt?: number} | undefined
  let running: Promise<Credentials> | undefined
  return {
    get() {
      if (cached && (cached.expiresAt === undefined || now() <= cached.expiresAt)) return Promise.resolve(cached.creds)
      running ??= runPlugin(opts).then(
        (result) => {
          cached = result
          running = undefined
          return result.creds
        },
        (err: unknown) => {
          running = undefined
          throw err
        },
      )
      return running
    },
    invalidate() {
      cached = undefined
    },
  }
}

function interactiveMode(opts: ExecOptions): boolean {
  const tty = Boolean(opts.terminal?.inIsTTY)
  switch (opts.exec.interactiveMode) {
    case 'Never':
      return false
    case 'Always':
      if (!tty) throw credentialError('exec plugin cannot support interactive mode: standard input is not a terminal')
      return true
    default:
      return tty
  }
}

/** KUBERNETES_EXEC_INFO: the ExecCredential client-go encodes for the plugin. */
function execInfo(opts: ExecOptions, interactive: boolean): string {
  const spec = new Map<string, unknown>()
  if (opts.exec.provideClusterInfo) {
    const c = opts.cluster
    const cluster = new Map<string, unknown>([['server', c.server]])
    if (c.tlsServerName) cluster.set('tls-server-name', c.tlsServerName)
    if (c.insecureSkipTLSVerify) cluster.set('insecure-skip-tls-verify', true)
    if (c.caData && c.caData.length > 0) cluster.set('certificate-authority-data', c.caData.toString('base64'))
    if (c.proxyUrl) cluster.set('proxy-url', c.proxyUrl)
    if (c.disableCompression) cluster.set('disable-compression', true)
    if (c.config !== undefined && c.config !== null) cluster.set('config', c.config)
    spec.set('cluster', cluster)
  }
  spec.set('interactive', interactive)
  return compactStructJSON(
    new Map<string, unknown>([
      ['kind', 'ExecCredential'],
      ['apiVersion', opts.exec.apiVersion],
      ['spec', spec],
    ]),
  )
}

/** exec.LookPath against the caller's PATH (not the plugin's env), as Go's exec.Command does. */
async function lookPath(command: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const candidates = command.includes('/') ? [command] : (env.PATH ?? '').split(delimiter).map((dir) => join(dir || '.', command))
  for (const candidate of candidates) {
    try {
      if (!(await stat(candidate)).isFile()) continue
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

function notFound(exec: ExecConfig): CliError {
  let message =
    `exec: executable ${exec.command} not found\n\n` +
    'It looks like you are trying to use a client-go credential plugin that is not installed.\n\n' +
    'To learn more about this feature, consult the documentation available at:\n' +
    '      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins'
  if (exec.installHint) message += `\n\n${exec.installHint}`
  return credentialError(message)
}

interface PluginResult {
  code: number
  stdout: string
  stderr: string
}

function spawnPlugin(path: string, opts: ExecOptions, interactive: boolean, info: string): Promise<PluginResult> {
  const env: NodeJS.ProcessEnv = {...opts.env}
  for (const v of opts.exec.env ?? []) env[v.name] = v.value
  env.KUBERNETES_EXEC_INFO = info
  const terminal = opts.terminal
  const stdinFd = typeof (terminal?.in as {fd?: unknown} | undefined)?.fd === 'number'
  const child = spawn(path, opts.exec.args ?? [], {
    env,
    stdio: [interactive ? (stdinFd ? terminal?.in : 'pipe') : 'ignore', 'pipe', 'pipe'],
  })
  if (interactive && !stdinFd && child.stdin) terminal?.in.pipe(child.stdin)
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr?.on('data', (chunk: Buffer) => {
    // A plugin that talks to the user (prompts, device codes) must be seen while it runs.
    if (interactive && terminal) terminal.err.write(chunk.toString('utf8'))
    else err.push(chunk)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (interactive && !stdinFd) terminal?.in.unpipe(child.stdin ?? undefined)
      resolve({code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    })
  })
}

async function runPlugin(opts: ExecOptions): Promise<{creds: Credentials; expiresAt?: number}> {
  const interactive = interactiveMode(opts)
  const path = await lookPath(opts.exec.command, opts.env)
  if (!path) throw notFound(opts.exec)
  let result: PluginResult
  try {
    result = await spawnPlugin(path, opts, interactive, execInfo(opts, interactive))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES') throw notFound(opts.exec)
    throw credentialError(`exec: ${(err as Error).message}`)
  }
  const stderr = result.stderr.trim()
  if (result.code !== 0) {
    const detail = stderr ? `: ${stderr.split(/\r?\n/).join('; ')}` : ''
    throw credentialError(`exec: executable ${opts.exec.command} failed with exit code ${result.code}${detail}`)
  }
  if (result.stderr && opts.terminal) opts.terminal.err.write(result.stderr)
  return parseExecCredential(result.stdout, opts.exec.apiVersion)
}

/** Reads the plugin's stdout with client-go's checks and messages. */
export async function parseExecCredential(stdout: string, apiVersion: string): Promise<{creds: Credentials; expiresAt?: number}> {
  let parsed: unknown = {}
  if (stdout.trim() !== '') {
    try {
      parsed = JSON.parse(stdout)
    } catch (err) {
      throw credentialError(`decoding stdout: couldn't get version/kind; json parse error: ${jsonSyntaxError(stdout, err as Error)}`)
    }
  }
  let credential
  try {
    checkTypeMeta(parsed)
    const meta = parsed as {apiVersion?: string; kind?: string}
    const kind = meta.kind || 'ExecCredential'
    if (meta.apiVersion && (!EXEC_VERSIONS.includes(meta.apiVersion) || kind !== 'ExecCredential')) {
      throw new DecodeError(`no kind "${kind}" is registered for version "${meta.apiVersion}" in scheme "pkg/client/auth/exec/exec.go:62"`)
    }
    credential = decodeExecCredential(parsed)
  } catch (err) {
    if (err instanceof DecodeError) throw credentialError(`decoding stdout: ${err.message}`)
    throw err
  }
  const returned = credential.apiVersion || `${EXEC_GROUP}/__internal`
  if (returned !== apiVersion) {
    throw credentialError(`exec plugin is configured to use API version ${apiVersion}, plugin returned version ${returned}`)
  }
  const status = credential.status
  if (!status) throw credentialError("exec plugin didn't return a status field")
  const {token, clientCertificateData: cert, clientKeyData: key} = status
  if (!token && !cert && !key) throw credentialError("exec plugin didn't return a token or cert/key pair")
  if (!cert !== !key) throw credentialError('exec plugin returned only certificate or key, not both')
  const creds: Credentials = {}
  if (token) creds.token = token
  if (cert && key) {
    const problem = await keyPairProblem(Buffer.from(cert), Buffer.from(key))
    if (problem) throw credentialError(`failed parsing client key/certificate: ${problem}`)
    creds.certData = Buffer.from(cert)
    creds.keyData = Buffer.from(key)
  }
  return {creds, expiresAt: status.expirationTimestamp?.getTime()}
}

// Go's wording for the usual ways a plugin's output is not JSON; other cases keep Node's.
function jsonSyntaxError(text: string, err: Error): string {
  return goJSONSyntaxError(text) ?? err.message
}
