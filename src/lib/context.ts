// Ctx carries what an operation needs, each part built on first use and memoised, so a command that
// never talks to a server never loads the kubeconfig, HTTP or discovery code.
import {homedir} from 'node:os'
import type {KubeClient} from './client/types.js'
import type {Discovery} from './discovery/types.js'
import type {IOStreams} from './io.js'
import type {ClientConfig} from './kubeconfig/resolve.js'
import type {ConfigOverrides, RestConfig} from './kubeconfig/types.js'

export interface Ctx {
  io: IOStreams
  env: NodeJS.ProcessEnv
  homeDir: string
  overrides: ConfigOverrides
  /** -v level: 6 logs each request's method, URL, status and time; 8 adds bodies (credentials redacted). */
  verbosity: number
  clientConfig(): Promise<ClientConfig>
  restConfig(): Promise<RestConfig>
  /** The namespace to use and whether the user chose it (flag or context) rather than the default. */
  namespace(): Promise<string>
  client(): Promise<KubeClient>
  discovery(): Promise<Discovery>
  /** --output-errors: how failures are printed on stderr (text when unset). */
  errorsFormat?: 'text' | 'json'
}

export interface CtxOptions {
  io: IOStreams
  env?: NodeJS.ProcessEnv
  homeDir?: string
  overrides?: ConfigOverrides
  verbosity?: number
  /** --output-errors: how failures are printed on stderr. */
  errorsFormat?: 'text' | 'json'
}

function memo<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined
  return () => (value ??= build())
}

export function createCtx(opts: CtxOptions): Ctx {
  const env = opts.env ?? process.env
  const homeDir = opts.homeDir ?? env.HOME ?? homedir()
  const overrides = opts.overrides ?? {}
  const verbosity = opts.verbosity ?? 0
  const clientConfig = memo(async () => {
    const {loadClientConfig} = await import('./kubeconfig/resolve.js')
    return loadClientConfig({overrides, env, homeDir, terminal: {in: opts.io.in, inIsTTY: opts.io.inIsTTY, err: opts.io.err}})
  })
  const client = memo(async () => {
    const [{createClient}, {stderrAllowsColor, warningWriter}] = await Promise.all([import('./client/client.js'), import('./client/warnings.js')])
    const onWarnings = warningWriter(opts.io.err, stderrAllowsColor(opts.io, env))
    return createClient((await clientConfig()).restConfig, {io: opts.io, verbosity, env, onWarnings})
  })
  const discovery = memo(async () => {
    const {createDiscovery} = await import('./discovery/discovery.js')
    return createDiscovery(await client(), {homeDir, env, requestTimeoutMs: (await clientConfig()).restConfig.timeoutMs})
  })
  return {
    io: opts.io,
    env,
    homeDir,
    overrides,
    verbosity,
    clientConfig,
    restConfig: async () => (await clientConfig()).restConfig,
    namespace: async () => (await clientConfig()).namespace,
    client,
    discovery,
    errorsFormat: opts.errorsFormat,
  }
}

/**
 * Prints a failure a command reports and goes on from: kubectl's text `text`, or with
 * --output-errors=json its JSON line. Failures a command ends with are the base command's to print.
 */
export async function reportError(ctx: Ctx, err: Error, text: string): Promise<void> {
  if (ctx.errorsFormat !== 'json') return void ctx.io.err.write(`${text}\n`)
  const {failureLines} = await import('./errors-json.js')
  ctx.io.err.write(failureLines(err, text))
}
