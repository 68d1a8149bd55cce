// Where completion candidates beyond ktl's own commands come from: the kubeconfig (contexts,
// clusters, users), the discovery disk cache (resource types) and quick list requests (names), each
// bounded by the completion's deadline. Only a list request, or discovery with no usable cache,
// loads the HTTP client.
import {createHash} from 'node:crypto'
import {join} from 'node:path'
import type {KubeClient} from '../client/types.js'
import {DEFAULT_DISCOVERY_TTL_MS, DiscoveryDiskCache, defaultCacheDir, discoveryCacheDir} from '../discovery/cache.js'
import {type APIGroupDoc, toAPIResources} from '../discovery/documents.js'
import {type GroupVersionResources, type MapperInput, resolveResourceType} from '../discovery/rest-mapper.js'
import type {APIResource} from '../discovery/types.js'
import {memoryIO} from '../io.js'
import type {ClientConfig} from '../kubeconfig/resolve.js'
import type {ConfigOverrides} from '../kubeconfig/types.js'
import {resourcePath} from '../resources/paths.js'

/** How long a list of names answers the next Tab without asking the server again. */
const NAMES_TTL_MS = 5_000

export interface SourceOptions {
  env: NodeJS.ProcessEnv
  homeDir: string
  cwd: string
  overrides: ConfigOverrides
  /** Aborts at the completion's deadline. */
  signal: AbortSignal
  /** Milliseconds left before the deadline. */
  remainingMs(): number
}

export class CompletionSources {
  private config?: Promise<ClientConfig>
  private client?: Promise<KubeClient>
  private types?: Promise<MapperInput | undefined>

  constructor(private opts: SourceOptions) {}

  clientConfig(): Promise<ClientConfig> {
    this.config ??= import('../kubeconfig/resolve.js').then(({loadClientConfig}) =>
      loadClientConfig({overrides: this.opts.overrides, env: this.opts.env, homeDir: this.opts.homeDir, cwd: this.opts.cwd}),
    )
    return this.config
  }

  /** Names of the kubeconfig's contexts, clusters or users. */
  async kubeconfigNames(kind: 'contexts' | 'clusters' | 'users'): Promise<string[]> {
    const {kubeconfigPaths, loadKubeconfig} = await import('../kubeconfig/load.js')
    const merged = await loadKubeconfig(kubeconfigPaths(this.opts.overrides, this.opts.env, this.opts.homeDir), {cwd: this.opts.cwd})
    return [...merged[kind].keys()].sort()
  }

  /** The server's resource types: from the discovery cache while it is fresh, else from the server. */
  resourceTypes(): Promise<MapperInput | undefined> {
    this.types ??= this.loadTypes()
    return this.types
  }

  /** The resource a typed name (pods, deploy, deployments.apps) stands for, if the server has it. */
  async resolveType(name: string): Promise<APIResource | undefined> {
    const input = await this.resourceTypes()
    if (!input) return undefined
    try {
      return resolveResourceType(name, input)
    } catch {
      return undefined
    }
  }

  /**
   * Names of `resource`'s objects in `namespace` (all namespaces when undefined for a namespaced
   * type): from a few-seconds-old answer when there is one, else one list request.
   */
  async names(resource: APIResource, namespace: string | undefined): Promise<string[]> {
    const {restConfig, userName} = await this.clientConfig()
    const path = resourcePath(resource, namespace)
    const cache = new DiscoveryDiskCache(join(defaultCacheDir(this.opts.homeDir, this.opts.env), 'ktl-completion'), NAMES_TTL_MS)
    // Keyed by who asks: the user, and whom it impersonates (--as lists what that identity may see).
    const identity = `${userName}\n${JSON.stringify(restConfig.impersonate ?? null)}`
    const file = `${createHash('sha256').update(`${restConfig.server}\n${identity}\n${path}`).digest('hex').slice(0, 32)}.json`
    const cached = await cache.read(file)
    if (cached !== undefined) {
      const names = parseNames(cached)
      if (names) return names
    }
    const client = await this.httpClient()
    const {data} = await client.request<{items?: {metadata?: {name?: string}}[]}>({
      path,
      query: {limit: 500},
      // Names are all completion needs: the server sends metadata only when it can.
      accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json',
      signal: this.opts.signal,
    })
    const names = (data.items ?? []).flatMap((item) => (item.metadata?.name ? [item.metadata.name] : []))
    await cache.write(file, `${JSON.stringify({names})}\n`)
    return names
  }

  private httpClient(): Promise<KubeClient> {
    this.client ??= (async () => {
      const {restConfig} = await this.clientConfig()
      const {createClient} = await import('../client/client.js')
      // Nothing may reach the terminal during completion: warnings and logs go to a stream nobody reads.
      return createClient({...restConfig, timeoutMs: Math.max(1, this.opts.remainingMs())}, {io: memoryIO(), verbosity: 0, env: this.opts.env})
    })()
    return this.client
  }

  private async loadTypes(): Promise<MapperInput | undefined> {
    const {restConfig} = await this.clientConfig()
    const cacheDir = discoveryCacheDir(join(defaultCacheDir(this.opts.homeDir, this.opts.env), 'discovery'), restConfig.server)
    const cached = await typesFromCache(new DiscoveryDiskCache(cacheDir, DEFAULT_DISCOVERY_TTL_MS))
    if (cached) return cached
    // No usable cache: discovery as every command does it, which also fills the cache for the next Tab.
    const {createDiscovery} = await import('../discovery/discovery.js')
    const discovery = createDiscovery(await this.httpClient(), {homeDir: this.opts.homeDir, env: this.opts.env, requestTimeoutMs: Math.max(1, this.opts.remainingMs())})
    const [groups, resources] = await Promise.all([discovery.groups(), discovery.allResources()])
    const byGV = new Map<string, APIResource[]>()
    for (const r of resources) byGV.set(`${r.group}/${r.version}`, [...(byGV.get(`${r.group}/${r.version}`) ?? []), r])
    const groupDocs: APIGroupDoc[] = groups.map((g) => ({
      name: g.name,
      versions: g.versions.map((v) => ({groupVersion: g.name ? `${g.name}/${v}` : v, version: v})),
      preferredVersion: {groupVersion: g.name ? `${g.name}/${g.preferredVersion}` : g.preferredVersion, version: g.preferredVersion},
    }))
    const lists = groups.flatMap((g) => g.versions.map((v) => ({group: g.name, version: v, resources: byGV.get(`${g.name}/${v}`) ?? []})))
    return {groups: groupDocs, lists}
  }
}

/** Every group-version's resources from the disk cache, or undefined when any file is missing or stale. */
async function typesFromCache(cache: DiscoveryDiskCache): Promise<MapperInput | undefined> {
  const groups = await cache.readGroups()
  if (!groups) return undefined
  const versions = groups.flatMap((g) => (g.versions ?? []).map((v) => ({group: g.name, version: v.version, gv: v.groupVersion})))
  const lists = await Promise.all(
    versions.map(async ({group, version, gv}): Promise<GroupVersionResources | undefined> => {
      const list = await cache.readResourceList(gv)
      return list ? {group, version, resources: toAPIResources(list)} : undefined
    }),
  )
  if (lists.some((l) => l === undefined)) return undefined
  return {groups, lists: lists as GroupVersionResources[]}
}

/**
 * The names a user can type for the server's resource types, as `kubectl api-resources -o name`
 * lists them (plural, plural.group) plus short names; only types with `verb` when given.
 */
export function typeNames(input: MapperInput, verb?: string): string[] {
  const names = new Set<string>()
  for (const list of input.lists) {
    for (const r of list.resources) {
      if (verb && !r.verbs.includes(verb)) continue
      names.add(r.name)
      if (r.group !== '') names.add(`${r.name}.${r.group}`)
      for (const s of r.shortNames) names.add(s)
    }
  }
  return [...names].sort()
}

function parseNames(text: string): string[] | undefined {
  try {
    const doc = JSON.parse(text) as {names?: unknown}
    return Array.isArray(doc.names) && doc.names.every((n) => typeof n === 'string') ? (doc.names as string[]) : undefined
  } catch {
    return undefined
  }
}
