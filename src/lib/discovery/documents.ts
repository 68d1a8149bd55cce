// The discovery documents an API server serves (/api, /apis, /api/v1, /apis/G/V and the aggregated
// apidiscovery.k8s.io lists), converted to the forms kubectl caches on disk and ktl works with.
import type {APIResource} from './types.js'

/** metav1.APIResource as served (and cached) in an APIResourceList. */
export interface APIResourceDoc {
  name: string
  singularName?: string
  namespaced?: boolean
  group?: string
  version?: string
  kind: string
  verbs?: string[] | null
  shortNames?: string[]
  categories?: string[]
  storageVersionHash?: string
}

export interface APIResourceListDoc {
  kind?: string
  apiVersion?: string
  groupVersion: string
  resources?: APIResourceDoc[] | null
}

export interface GroupVersionForDiscovery {
  groupVersion: string
  version: string
}

export interface APIGroupDoc {
  name: string
  versions?: GroupVersionForDiscovery[] | null
  preferredVersion?: GroupVersionForDiscovery
  serverAddressByClientCIDRs?: unknown[]
}

export interface APIGroupListDoc {
  kind?: string
  apiVersion?: string
  groups?: APIGroupDoc[] | null
}

/** /api without aggregated discovery: the legacy group's versions. */
export interface APIVersionsDoc {
  kind?: string
  versions?: string[] | null
}

interface GroupVersionKindDoc {
  group?: string
  version?: string
  kind?: string
}

interface APISubresourceDiscoveryDoc {
  subresource: string
  responseKind?: GroupVersionKindDoc
  verbs?: string[] | null
}

interface APIResourceDiscoveryDoc {
  resource: string
  responseKind?: GroupVersionKindDoc
  scope?: string
  singularResource?: string
  verbs?: string[] | null
  shortNames?: string[]
  categories?: string[]
  subresources?: APISubresourceDiscoveryDoc[] | null
}

interface APIVersionDiscoveryDoc {
  version: string
  resources?: APIResourceDiscoveryDoc[] | null
  freshness?: string
}

export interface APIGroupDiscoveryListDoc {
  kind?: string
  apiVersion?: string
  items?: Array<{metadata?: {name?: string}; versions?: APIVersionDiscoveryDoc[] | null}> | null
}

/** kubectl's Accept header for /api and /apis: aggregated discovery first, plain JSON last. */
export const AGGREGATED_ACCEPT = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
  'application/json',
].join(',')

/** Whether a response's Content-Type says it is an aggregated APIGroupDiscoveryList (v2 or v2beta1). */
export function isAggregatedContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const params = new Map<string, string>()
  for (const part of contentType.split(';').slice(1)) {
    const [k, v] = part.split('=').map((s) => s.trim())
    if (k && v !== undefined) params.set(k.toLowerCase(), v)
  }
  return params.get('g') === 'apidiscovery.k8s.io' && params.get('as') === 'APIGroupDiscoveryList' && (params.get('v') === 'v2' || params.get('v') === 'v2beta1')
}

export function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`
}

export function parseGroupVersion(gv: string): {group: string; version: string} {
  const i = gv.indexOf('/')
  return i < 0 ? {group: '', version: gv} : {group: gv.slice(0, i), version: gv.slice(i + 1)}
}

/** The legacy group as client-go builds it from /api (absent when /api lists no versions). */
export function legacyGroup(doc: APIVersionsDoc): APIGroupDoc | undefined {
  const versions = (doc.versions ?? []).map((v) => ({groupVersion: v, version: v}))
  if (versions.length === 0) return undefined
  return {name: '', versions, preferredVersion: versions[0]}
}

export interface AggregatedSplit {
  groups: APIGroupDoc[]
  lists: Map<string, APIResourceListDoc>
}

/**
 * Groups and per-group-version resource lists from an aggregated document, as client-go converts
 * them: the first fresh version is preferred, and stale versions are left out.
 */
export function splitAggregated(doc: APIGroupDiscoveryListDoc): AggregatedSplit {
  const groups: APIGroupDoc[] = []
  const lists = new Map<string, APIResourceListDoc>()
  for (const item of doc.items ?? []) {
    const name = item.metadata?.name ?? ''
    const versions: GroupVersionForDiscovery[] = []
    for (const v of item.versions ?? []) {
      if (v.freshness === 'Stale') continue
      const groupVersion = groupVersionString(name, v.version)
      versions.push({groupVersion, version: v.version})
      lists.set(groupVersion, {kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: (v.resources ?? []).flatMap(aggregatedResource)})
    }
    groups.push({name, versions: versions.length > 0 ? versions : null, preferredVersion: versions[0] ?? {groupVersion: '', version: ''}})
  }
  return {groups, lists}
}

function aggregatedResource(r: APIResourceDiscoveryDoc): APIResourceDoc[] {
  const namespaced = r.scope === 'Namespaced'
  const singularName = r.singularResource ?? ''
  const parent: APIResourceDoc = {name: r.resource, singularName, namespaced, ...kindOf(r.responseKind), verbs: r.verbs ?? null}
  if (r.shortNames?.length) parent.shortNames = r.shortNames
  if (r.categories?.length) parent.categories = r.categories
  const subresources = (r.subresources ?? []).map(
    (s): APIResourceDoc => ({name: `${r.resource}/${s.subresource}`, singularName, namespaced, ...kindOf(s.responseKind), verbs: s.verbs ?? null}),
  )
  return [parent, ...subresources]
}

function kindOf(gvk: GroupVersionKindDoc | undefined): Pick<APIResourceDoc, 'group' | 'version' | 'kind'> {
  const out: Pick<APIResourceDoc, 'group' | 'version' | 'kind'> = {kind: gvk?.kind ?? ''}
  if (gvk?.group) out.group = gvk.group
  if (gvk?.version) out.version = gvk.version
  return out
}

/** Resource types of one group-version, in server order; subresources (name with "/") only when asked. */
export function toAPIResources(list: APIResourceListDoc, opts: {subresources?: boolean} = {}): APIResource[] {
  const {group, version} = parseGroupVersion(list.groupVersion)
  const out: APIResource[] = []
  for (const r of list.resources ?? []) {
    if (!opts.subresources && r.name.includes('/')) continue
    out.push({
      name: r.name,
      singularName: r.singularName ?? '',
      namespaced: r.namespaced ?? false,
      group,
      version,
      kind: r.kind,
      verbs: r.verbs ?? [],
      shortNames: r.shortNames ?? [],
      categories: r.categories ?? [],
    })
  }
  return out
}

// The cache files hold what client-go's LegacyCodec writes: Go struct field order, one line, a
// trailing newline. Matching it byte for byte lets kubectl and ktl share ~/.kube/cache.

export function encodeGroupList(groups: APIGroupDoc[]): string {
  const encoded = groups.map((g) => {
    const out: Record<string, unknown> = {
      name: g.name,
      versions: g.versions?.map((v) => ({groupVersion: v.groupVersion, version: v.version})) ?? null,
      preferredVersion: {groupVersion: g.preferredVersion?.groupVersion ?? '', version: g.preferredVersion?.version ?? ''},
    }
    if (g.serverAddressByClientCIDRs?.length) out.serverAddressByClientCIDRs = g.serverAddressByClientCIDRs
    return out
  })
  return `${JSON.stringify({kind: 'APIGroupList', apiVersion: 'v1', groups: encoded})}\n`
}

export function encodeResourceList(list: APIResourceListDoc): string {
  const resources = (list.resources ?? []).map((r) => {
    const out: Record<string, unknown> = {name: r.name, singularName: r.singularName ?? '', namespaced: r.namespaced ?? false}
    if (r.group) out.group = r.group
    if (r.version) out.version = r.version
    out.kind = r.kind
    out.verbs = r.verbs ?? null
    if (r.shortNames?.length) out.shortNames = r.shortNames
    if (r.categories?.length) out.categories = r.categories
    if (r.storageVersionHash) out.storageVersionHash = r.storageVersionHash
    return out
  })
  return `${JSON.stringify({kind: 'APIResourceList', apiVersion: 'v1', groupVersion: list.groupVersion, resources})}\n`
}

/** A cached APIGroupList, or undefined when the file is not one (client-go then asks the server). */
export function decodeGroupList(text: string): APIGroupDoc[] | undefined {
  const doc = safeParse(text) as APIGroupListDoc | undefined
  if (!doc || doc.kind !== 'APIGroupList' || !Array.isArray(doc.groups)) return undefined
  return doc.groups
}

export function decodeResourceList(text: string): APIResourceListDoc | undefined {
  const doc = safeParse(text) as APIResourceListDoc | undefined
  if (!doc || doc.kind !== 'APIResourceList' || typeof doc.groupVersion !== 'string') return undefined
  return doc
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
