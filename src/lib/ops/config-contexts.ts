// `ktl config get-contexts | current-context | use-context | set-context | rename-context |
// delete-context | delete-cluster | delete-user`, with kubectl's output and
// messages. They read the kubeconfig files only (no server), and write back through kubeconfig/write.
import type {Ctx} from '../context.js'
import {AggregateCliError, CliError, usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {defaultKubeconfigFile, kubeconfigPaths, loadKubeconfig, type MergedKubeconfig} from '../kubeconfig/load.js'
import type {Context} from '../kubeconfig/types.js'
import {compareCodePoints} from '../printers/json.js'

function startingConfig(ctx: Ctx, cwd: string): Promise<MergedKubeconfig> {
  return loadKubeconfig(kubeconfigPaths(ctx.overrides, ctx.env, ctx.homeDir), {cwd, allowMissingExplicit: true})
}

export interface GetContextsOptions {
  names: string[]
  output: string
  noHeaders: boolean
  cwd?: string
}

export async function runGetContexts(ctx: Ctx, opts: GetContextsOptions): Promise<void> {
  if (opts.output !== '' && opts.output !== 'name') {
    throw usageError(`--output ${opts.output} is not available in ktl config get-contexts; resetting to default output format`)
  }
  const config = await startingConfig(ctx, opts.cwd ?? process.cwd())
  const missing: string[] = []
  const names: string[] = []
  if (opts.names.length === 0) names.push(...config.contexts.keys())
  for (const name of opts.names) {
    if (config.contexts.has(name)) names.push(name)
    else missing.push(`context ${name} not found`)
  }
  names.sort(compareCodePoints)
  if (opts.output === 'name') {
    ctx.io.out.write(names.map((n) => `${n}\n`).join(''))
  } else {
    const rows: string[][] = []
    if (!opts.noHeaders) rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'])
    for (const name of names) {
      const c = config.contexts.get(name)?.value ?? {}
      rows.push([config.currentContext === name ? '*' : ' ', name, c.cluster ?? '', c.user ?? '', c.namespace ?? ''])
    }
    const {formatColumns} = await import('../printers/columns.js')
    ctx.io.out.write(formatColumns(rows))
  }
  if (missing.length === 1) throw usageError(missing[0])
  if (missing.length > 1) throw new AggregateCliError(missing.map((m) => new CliError(m)))
}

export async function runCurrentContext(ctx: Ctx, opts: {cwd?: string} = {}): Promise<void> {
  const config = await startingConfig(ctx, opts.cwd ?? process.cwd())
  if (!config.currentContext) throw usageError('current-context is not set')
  ctx.io.out.write(`${config.currentContext}\n`)
}

export async function runUseContext(ctx: Ctx, opts: {name: string; cwd?: string}): Promise<void> {
  const cwd = opts.cwd ?? process.cwd()
  const config = await startingConfig(ctx, cwd)
  if (opts.name === '') throw usageError('empty context names are not allowed')
  if (!config.contexts.has(opts.name)) throw usageError(`no context exists with the name: ${goQuote(opts.name)}`)
  const {writeCurrentContext} = await import('../kubeconfig/write.js')
  await writeCurrentContext(config, opts.name, cwd)
  ctx.io.out.write(`Switched to context ${goQuote(opts.name)}.\n`)
}

export interface SetContextOptions {
  name: string
  current: boolean
  /** undefined when the flag was not given; '' clears the field. */
  cluster?: string
  user?: string
  namespace?: string
  cwd?: string
}

export async function runSetContext(ctx: Ctx, opts: SetContextOptions): Promise<void> {
  if (opts.name === '' && !opts.current) throw usageError('you must specify a non-empty context name or --current')
  if (opts.name !== '' && opts.current) throw usageError('you cannot specify both a context name and --current')
  const cwd = opts.cwd ?? process.cwd()
  const config = await startingConfig(ctx, cwd)
  let name = opts.name
  if (opts.current) {
    if (!config.currentContext) throw usageError('no current context is set')
    name = config.currentContext
  }
  const existing = config.contexts.get(name)
  const context: Context = structuredClone(existing?.value ?? {})
  if (opts.cluster !== undefined) context.cluster = opts.cluster
  if (opts.user !== undefined) context.user = opts.user
  if (opts.namespace !== undefined) context.namespace = opts.namespace
  const {writeContext} = await import('../kubeconfig/write.js')
  await writeContext(config, name, context, cwd)
  ctx.io.out.write(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`)
}

const ENTRY_WORD = {contexts: 'context', clusters: 'cluster', users: 'user'} as const

/** `config delete-context | delete-cluster | delete-user NAME`. */
export async function runDeleteEntry(ctx: Ctx, opts: {kind: 'contexts' | 'clusters' | 'users'; name: string; cwd?: string}): Promise<void> {
  const cwd = opts.cwd ?? process.cwd()
  const config = await startingConfig(ctx, cwd)
  // kubectl names --kubeconfig, else the file new entries go to.
  const file = await defaultKubeconfigFile(config.paths, cwd)
  const word = ENTRY_WORD[opts.kind]
  if (!config[opts.kind].has(opts.name)) throw new CliError(`error: cannot delete ${word} ${opts.name}, not in ${file}`)
  if (opts.kind === 'contexts' && config.currentContext === opts.name) {
    ctx.io.err.write('warning: this removed your active context, use "ktl config use-context" to select a different one\n')
  }
  const {deleteEntry} = await import('../kubeconfig/write.js')
  await deleteEntry(config, opts.kind, opts.name, cwd)
  ctx.io.out.write(`deleted ${word} ${opts.name} from ${file}\n`)
}

/** `config rename-context OLD NEW`: the current context too when it is OLD. */
export async function runRenameContext(ctx: Ctx, opts: {from: string; to: string; cwd?: string}): Promise<void> {
  if (opts.to === '') throw new CliError('error: You must specify a new non-empty context name')
  const cwd = opts.cwd ?? process.cwd()
  const config = await startingConfig(ctx, cwd)
  // kubectl names --kubeconfig, else the file new entries go to.
  const file = await defaultKubeconfigFile(config.paths, cwd)
  if (!config.contexts.has(opts.from)) throw new CliError(`error: cannot rename the context ${goQuote(opts.from)}, it's not in ${file}`)
  if (config.contexts.has(opts.to)) {
    throw new CliError(`error: cannot rename the context ${goQuote(opts.from)}, the context ${goQuote(opts.to)} already exists in ${file}`)
  }
  const {renameContext} = await import('../kubeconfig/write.js')
  await renameContext(config, opts.from, opts.to, cwd)
  ctx.io.out.write(`Context ${goQuote(opts.from)} renamed to ${goQuote(opts.to)}.\n`)
}

/** `config get-clusters` and `config get-users`: a NAME column, entries in the order the files list them. */
export async function runGetNames(ctx: Ctx, opts: {kind: 'clusters' | 'users'; cwd?: string}): Promise<void> {
  const config = await startingConfig(ctx, opts.cwd ?? process.cwd())
  const names = [...config[opts.kind].keys()]
  ctx.io.out.write(['NAME', ...names].map((n) => `${n}\n`).join(''))
}
