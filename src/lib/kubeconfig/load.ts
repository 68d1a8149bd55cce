// Which kubeconfig files apply and what they say together, with kubectl's loading rules: --kubeconfig
// alone, else every file in KUBECONFIG, else ~/.kube/config. Missing files in KUBECONFIG are
// skipped; for each cluster, user and context the first file that names it wins whole; the first
// non-empty current-context wins. Each entry remembers the file it came from (where writes go and
// what its relative paths are relative to).
import {readFile, stat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {AggregateCliError, CliError} from '../errors.js'
import {DecodeError, decodeKubeconfig, parseKubeconfigYAML} from './decode.js'
import {goPathError, isNotExist} from './go-text.js'
import type {AuthInfo, Cluster, ConfigOverrides, Context, KubeconfigFile, NamedExtension} from './types.js'

export interface KubeconfigPaths {
  /** --kubeconfig as typed. */
  explicitPath?: string
  /** KUBECONFIG split on ':' and deduplicated (empty entries kept; they are skipped when loading). */
  envPaths: string[]
  /** ~/.kube/config. */
  globalPath: string
  /** The files to read, first wins. */
  precedence: string[]
}

export function kubeconfigPaths(overrides: ConfigOverrides, env: NodeJS.ProcessEnv, homeDir: string): KubeconfigPaths {
  const envPaths = env.KUBECONFIG ? [...new Set(env.KUBECONFIG.split(':'))] : []
  const globalPath = join(homeDir, '.kube', 'config')
  const explicitPath = overrides.kubeconfig || undefined
  const precedence = explicitPath ? [explicitPath] : envPaths.length > 0 ? envPaths : [globalPath]
  return {explicitPath, envPaths, globalPath, precedence}
}

/**
 * The file that gets new entries (kubectl's GetDefaultFilename): --kubeconfig, else the only file in
 * KUBECONFIG, else the first of them that exists, else the last of them, else ~/.kube/config.
 */
export async function defaultKubeconfigFile(paths: KubeconfigPaths, cwd: string): Promise<string> {
  if (paths.explicitPath) return paths.explicitPath
  const envPaths = paths.envPaths.filter((p) => p !== '')
  if (envPaths.length === 1) return envPaths[0]
  for (const p of envPaths) if (await exists(resolve(cwd, p))) return p
  if (envPaths.length > 0) return envPaths[envPaths.length - 1]
  return paths.globalPath
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

export interface LoadedFile {
  /** As listed (relative paths are relative to the working directory). */
  path: string
  /** The typed content. */
  config: KubeconfigFile
  /** The parsed YAML as written, so a rewrite keeps fields ktl does not know. */
  raw: unknown
}

/** Reads one kubeconfig file; undefined when it does not exist. */
export async function readKubeconfigFile(path: string, cwd: string): Promise<LoadedFile | undefined> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (err) {
    if (isNotExist(err)) return undefined
    const op = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open'
    throw loadError(path, goPathError(op, path, err))
  }
  try {
    const raw = await parseKubeconfigYAML(text)
    return {path, config: decodeKubeconfig(raw), raw}
  } catch (err) {
    if (err instanceof DecodeError) throw loadError(path, err.message)
    throw err
  }
}

function loadError(path: string, message: string): CliError {
  return new CliError(`error: error loading config file "${path}": ${message}`)
}

export interface Entry<T> {
  value: T
  /** The file it came from, as listed. */
  file: string
}

export interface MergedKubeconfig {
  paths: KubeconfigPaths
  /** Files that exist, in precedence order. */
  files: LoadedFile[]
  /** Files in the precedence list that do not exist. */
  missing: string[]
  currentContext: string
  colors: boolean
  preferenceExtensions: Map<string, Entry<NamedExtension>>
  clusters: Map<string, Entry<Cluster>>
  users: Map<string, Entry<AuthInfo>>
  contexts: Map<string, Entry<Context>>
  extensions: Map<string, Entry<NamedExtension>>
}

export interface LoadOptions {
  cwd: string
  /** kubectl's config commands treat a missing --kubeconfig file as empty; everything else fails. */
  allowMissingExplicit?: boolean
}

export async function loadKubeconfig(paths: KubeconfigPaths, opts: LoadOptions): Promise<MergedKubeconfig> {
  if (paths.explicitPath && !opts.allowMissingExplicit && !(await exists(resolve(opts.cwd, paths.explicitPath)))) {
    throw new CliError(`error: stat ${paths.explicitPath}: no such file or directory`)
  }
  const files: LoadedFile[] = []
  const missing: string[] = []
  const errors: CliError[] = []
  for (const path of paths.precedence) {
    if (path === '') continue
    try {
      const file = await readKubeconfigFile(path, opts.cwd)
      if (file) files.push(file)
      else missing.push(path)
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      errors.push(err)
    }
  }
  if (errors.length === 1) throw errors[0]
  // kubectl prints each of several errors on its own line, without the `error: ` prefix.
  if (errors.length > 1) throw new AggregateCliError(errors.map((e) => new CliError(e.message.replace(/^error: /, ''))))
  return mergeKubeconfigs(paths, files, missing)
}

export function mergeKubeconfigs(paths: KubeconfigPaths, files: LoadedFile[], missing: string[] = []): MergedKubeconfig {
  const merged: MergedKubeconfig = {
    paths,
    files,
    missing,
    currentContext: '',
    colors: false,
    preferenceExtensions: new Map(),
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    extensions: new Map(),
  }
  for (const {path, config} of files) {
    merged.currentContext ||= config['current-context'] ?? ''
    const prefs = config.preferences as {colors?: boolean; extensions?: NamedExtension[]} | undefined
    merged.colors ||= Boolean(prefs?.colors)
    addFirst(merged.preferenceExtensions, prefs?.extensions ?? [], (e) => [e.name, e], path)
    addFirst(merged.clusters, config.clusters ?? [], (c) => [c.name, c.cluster ?? {}], path)
    addFirst(merged.users, config.users ?? [], (u) => [u.name, u.user ?? {}], path)
    addFirst(merged.contexts, config.contexts ?? [], (c) => [c.name, c.context ?? {}], path)
    addFirst(merged.extensions, config.extensions ?? [], (e) => [e.name, e], path)
  }
  return merged
}

function addFirst<I, T>(map: Map<string, Entry<T>>, items: I[], entry: (item: I) => [string, T], file: string): void {
  for (const item of items) {
    const [name, value] = entry(item)
    if (!map.has(name)) map.set(name, {value, file})
  }
}
