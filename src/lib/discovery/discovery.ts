// Discovery as kubectl does it: /api and /apis (aggregated documents when the server offers them,
// else one document per group-version, fetched in parallel), through the shared disk cache, and the
// RESTMapper on top.
import {join} from 'node:path'
import {goDuration} from '../client/client.js'
import {headersTimeoutError, jsonSyntaxError, statusError} from '../client/errors.js'
import type {KubeClient, RequestOptions, Response} from '../client/types.js'
import {CliError, NoResourceTypeError, StatusError, usageError} from '../errors.js'
import {DEFAULT_DISCOVERY_TTL_MS, DiscoveryDiskCache, defaultCacheDir, discoveryCacheDir} from './cache.js'
import {
  AGGREGATED_ACCEPT,
  type APIGroupDiscoveryListDoc,
  type APIGroupDoc,
  type APIGroupListDoc,
  type APIResourceListDoc,
  type APIVersionsDoc,
  isAggregatedContentType,
  legacyGroup,
  splitAggregated,
  toAPIResources,
} from './documents.js'
import {type GroupVersionResources, NoResourceMatchError, resolveResourceType} from './rest-mapper.js'
import type {APIGroup, APIResource, Discovery, ResolveOptions, ServerResources} from './types.js'

export interface DiscoveryOptions {
  homeDir: string
  env: NodeJS.ProcessEnv
  /** How long cached documents stay valid (kubectl: 6 hours). */
  ttlMs?: number
  /** The cache root (kubectl's --cache-dir); default KUBECACHEDIR or ~/.kube/cache. */
  cacheDir?: string
  /** --request-timeout; when 0, discovery requests get client-go's 32 seconds. */
  requestTimeoutMs?: number
}

/** client-go gives discovery requests 32 seconds when the user set no --request-timeout. */
export function discoveryTimeoutMs(requestTimeoutMs: number | undefined): number {
  return requestTimeoutMs || DISCOVERY_TIMEOUT_MS
}

const DISCOVERY_TIMEOUT_MS = 32_000

export function createDiscovery(client: KubeClient, opts: DiscoveryOptions): Discovery {
  return new CachedDiscovery(client, opts)
}

interface ServerGroups {
  groups: APIGroupDoc[]
  /** Present when the groups came from aggregated discovery, which carries every resource list. */
  lists?: Map<string, APIResourceListDoc>
}

interface ListResult {
  list?: APIResourceListDoc
  error?: CliError
}

interface AllLists {
  groups: APIGroupDoc[]
  lists: Map<string, APIResourceListDoc>
  failed: Map<string, CliError>
}

class CachedDiscovery implements Discovery {
  private cache: DiscoveryDiskCache
  /** The client enforces --request-timeout itself; without one, discovery brings its own. */
  private ownTimeoutMs?: number
  private serverGroups?: Promise<ServerGroups>
  private lists = new Map<string, Promise<ListResult>>()
  /** Group-versions the last resolution could not read. */
  private lastFailures = new Map<string, CliError>()

  constructor(
    private client: KubeClient,
    opts: DiscoveryOptions,
  ) {
    const root = opts.cacheDir || defaultCacheDir(opts.homeDir, opts.env)
    this.cache = new DiscoveryDiskCache(discoveryCacheDir(join(root, 'discovery'), client.server), opts.ttlMs ?? DEFAULT_DISCOVERY_TTL_MS)
    if (!opts.requestTimeoutMs) this.ownTimeoutMs = DISCOVERY_TIMEOUT_MS
  }

  async invalidate(): Promise<void> {
    this.cache.invalidate()
    this.serverGroups = undefined
    this.lists.clear()
  }

  async groups(): Promise<APIGroup[]> {
    const {groups} = await this.loadGroups()
    return groups.map((g) => ({
      name: g.name,
      versions: (g.versions ?? []).map((v) => v.version),
      preferredVersion: g.preferredVersion?.version ?? '',
    }))
  }

  async allResources(): Promise<APIResource[]> {
    const {lists} = await this.loadAll()
    return [...lists.values()].flatMap((l) => toAPIResources(l))
  }

  async preferredResources(): Promise<APIResource[]> {
    return (await this.serverPreferredResources()).resources
  }

  /** discovery.ServerPreferredResources: per group and resource, the preferred version if it serves it, else the first that does. */
  async serverPreferredResources(): Promise<ServerResources> {
    const {groups, lists, failed} = await this.loadAll()
    const chosen = new Map<string, APIResource>()
    for (const g of groups) {
      const preferred = g.preferredVersion?.version
      for (const v of g.versions ?? []) {
        const list = lists.get(v.groupVersion)
        if (!list) continue
        for (const r of toAPIResources(list)) {
          const key = `${r.name}.${g.name}`
          if (chosen.has(key) && v.version !== preferred) continue
          chosen.set(key, {...r, group: g.name, version: v.version})
        }
      }
    }
    return {resources: [...chosen.values()], error: failed.size > 0 ? groupDiscoveryFailed(failed) : undefined}
  }

  async resolve(name: string, opts: ResolveOptions = {}): Promise<APIResource> {
    try {
      return await this.resolveOnce(name, opts)
    } catch (err) {
      // Names come from the cache first: a miss on data from an earlier run earns one refetch.
      if (!(err instanceof NoResourceMatchError) || this.cache.fresh) throw await this.unresolved(err)
    }
    await this.invalidate()
    try {
      return await this.resolveOnce(name, opts)
    } catch (err) {
      throw await this.unresolved(err)
    }
  }

  async expandCategory(category: string): Promise<string[] | undefined> {
    const {lists} = await this.loadAll()
    const names = new Set<string>()
    for (const list of lists.values()) {
      for (const r of toAPIResources(list)) if (r.categories.includes(category)) names.add(r.group === '' ? r.name : `${r.name}.${r.group}`)
    }
    return names.size > 0 ? [...names] : undefined
  }

  private async resolveOnce(name: string, opts: ResolveOptions): Promise<APIResource> {
    const {groups, lists, failed} = await this.loadAll()
    this.lastFailures = failed
    const input: GroupVersionResources[] = []
    for (const g of groups) {
      for (const v of g.versions ?? []) {
        const list = lists.get(v.groupVersion)
        if (list) input.push({group: g.name, version: v.version, resources: toAPIResources(list)})
      }
    }
    const warnings: string[] = []
    const found = resolveResourceType(name, {groups, lists: input}, (w) => warnings.push(w))
    for (const w of warnings) opts.warn?.(w)
    return found
  }

  /**
   * A miss while the server could not be reached is the server's fault, not the name's; otherwise
   * kubectl's error, with the closest name the server has for every verb that resolves a type.
   */
  private async unresolved(err: unknown): Promise<unknown> {
    if (!(err instanceof NoResourceMatchError)) return err
    const transport = [...this.lastFailures.values()].find((e) => !(e instanceof StatusError))
    if (transport) return transport
    const {closestResourceName} = await import('./suggest.js')
    return new NoResourceTypeError(err.resource, `error: ${err.message}`, closestResourceName(err.resource, await this.allResources()))
  }

  private async loadAll(): Promise<AllLists> {
    const serverGroups = await this.loadGroups()
    const lists = new Map<string, APIResourceListDoc>()
    const failed = new Map<string, CliError>()
    const gvs = serverGroups.groups.flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion))
    const results = await Promise.all(gvs.map((gv): ListResult | Promise<ListResult> => (serverGroups.lists?.has(gv) ? {list: serverGroups.lists.get(gv)} : this.loadList(gv))))
    gvs.forEach((gv, i) => {
      const {list, error} = results[i]
      if (list) lists.set(gv, list)
      if (error) failed.set(gv, error)
    })
    return {groups: serverGroups.groups, lists, failed}
  }

  private loadGroups(): Promise<ServerGroups> {
    this.serverGroups ??= this.fetchGroups()
    const pending = this.serverGroups
    // A failure must not stick: the next call (e.g. after invalidate) asks again.
    pending.catch(() => {
      if (this.serverGroups === pending) this.serverGroups = undefined
    })
    return pending
  }

  private async fetchGroups(): Promise<ServerGroups> {
    const groups = await this.cache.readGroups()
    if (groups) return {groups}
    const [core, named] = await Promise.all([this.fetchRoot('/api'), this.fetchRoot('/apis')])
    let live: ServerGroups
    if (core.aggregated || named.aggregated) {
      const a = splitAggregated((core.aggregated ?? {}) as APIGroupDiscoveryListDoc)
      const b = splitAggregated((named.aggregated ?? {}) as APIGroupDiscoveryListDoc)
      live = {groups: [...a.groups, ...b.groups], lists: new Map([...a.lists, ...b.lists])}
    } else {
      const legacy = core.legacy ? legacyGroup(core.legacy as APIVersionsDoc) : undefined
      const rest = ((named.legacy as APIGroupListDoc | undefined)?.groups ?? []) as APIGroupDoc[]
      live = {groups: legacy ? [legacy, ...rest] : rest}
    }
    if (live.groups.length > 0) {
      const writes = [...(live.lists ?? [])].map(([gv, list]) => this.cache.writeResourceList(gv, list))
      await Promise.all([this.cache.writeGroups(live.groups), ...writes])
    }
    return live
  }

  /** GET /api or /apis, offering aggregated discovery; a 404 is an empty answer, as client-go tolerates. */
  private async fetchRoot(path: string): Promise<{aggregated?: unknown; legacy?: unknown}> {
    const res = await this.get({path, accept: AGGREGATED_ACCEPT, allowErrorStatus: true, raw: true})
    if (res.status === 404) return {}
    const contentType = res.headers['content-type']
    if (res.status < 200 || res.status > 299) {
      // client-go reads these answers raw: a Status body goes unread, only text is quoted.
      const text = !contentType || /^\s*text\//i.test(contentType)
      throw statusError(res.status, text ? res.data : '', 'GET', {contentType})
    }
    const doc = parseJSON(res.data)
    return isAggregatedContentType(contentType) ? {aggregated: doc} : {legacy: doc}
  }

  private loadList(gv: string): Promise<ListResult> {
    let pending = this.lists.get(gv)
    if (!pending) {
      pending = this.fetchList(gv)
      this.lists.set(gv, pending)
    }
    return pending
  }

  private async fetchList(gv: string): Promise<ListResult> {
    const fromCache = await this.cache.readResourceList(gv)
    if (fromCache) return {list: fromCache}
    try {
      const path = gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`
      const {data} = await this.get<APIResourceListDoc>({path, accept: 'application/json, */*'})
      if ((data.resources ?? []).length > 0) await this.cache.writeResourceList(gv, data)
      return {list: data}
    } catch (err) {
      if (err instanceof CliError) return {error: err}
      throw err
    }
  }

  private async get<T = string>(opts: RequestOptions): Promise<Response<T>> {
    if (this.ownTimeoutMs === undefined) return this.client.request<T>(opts)
    const signal = AbortSignal.timeout(this.ownTimeoutMs)
    try {
      return await this.client.request<T>({...opts, query: {timeout: goDuration(this.ownTimeoutMs)}, signal})
    } catch (err) {
      if (signal.aborted && !(err instanceof CliError)) throw headersTimeoutError()
      throw err
    }
  }
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw jsonSyntaxError(text)
  }
}

/** discovery.ErrGroupDiscoveryFailed's text: failed group-versions sorted, each with its error. */
function groupDiscoveryFailed(failed: Map<string, CliError>): CliError {
  const parts = [...failed].map(([gv, err]) => `${gv}: ${errorText(err)}`).sort()
  return usageError(`unable to retrieve the complete list of server APIs: ${parts.join(', ')}`)
}

/** What Go's err.Error() says: a Status error is just its message. */
function errorText(err: CliError): string {
  return err instanceof StatusError ? (err.status.message ?? '') : err.message
}
