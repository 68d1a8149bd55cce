// Name resolution as kubectl's RESTMapper stack does it (shortcut expander over a priority RESTMapper
// built from discovery): a typed name -> one resource type served at one group-version.
//
// Order of attempts, as in kubectl's resource builder:
//   1. `resource.version.group` taken as fully specified (when the name has two dots or more);
//   2. `resource[.group]` with any version;
//   3. `Kind[.version.group]` / `Kind[.group]` matched against kinds.
// Short names expand first (case-sensitive, group order decides, a warning names the losers); plural
// and singular names match case-insensitively, and a group given without a version may be a prefix
// (`deployments.ap`); when several group-versions serve the name, the core group wins, then groups in
// server order, each with its preferred version first.
import {goQuote} from '../go/quote.js'
import type {APIGroupDoc} from './documents.js'
import type {APIResource} from './types.js'

export interface GroupVersionResources {
  group: string
  version: string
  /** Resource types of this group-version (no subresources), in server order. */
  resources: APIResource[]
}

/** What the mapper works on: groups in server order and every group-version's resources, in the same order. */
export interface MapperInput {
  groups: APIGroupDoc[]
  lists: GroupVersionResources[]
}

/** Nothing matched: kubectl says `the server doesn't have a resource type "<resource>"`. */
export class NoResourceMatchError extends Error {
  constructor(readonly resource: string) {
    super(`the server doesn't have a resource type ${goQuote(resource)}`)
    this.name = 'NoResourceMatchError'
  }
}

interface PartialResource {
  group: string
  version: string
  resource: string
}

/** schema.ParseResourceArg: `a.b.c...` is also read as resource=a, version=b, group=rest. */
export function parseResourceArg(arg: string): {fullySpecified?: PartialResource; groupResource: {group: string; resource: string}} {
  let fullySpecified: PartialResource | undefined
  if (arg.split('.').length - 1 >= 2) {
    const [resource, version, ...rest] = arg.split('.')
    fullySpecified = {resource, version, group: rest.join('.')}
  }
  const i = arg.indexOf('.')
  const groupResource = i < 0 ? {group: '', resource: arg} : {group: arg.slice(i + 1), resource: arg.slice(0, i)}
  return {fullySpecified, groupResource}
}

/** Resolves one type name; `warn` hears kubectl's ambiguous short name warnings. Throws NoResourceMatchError. */
export function resolveResourceType(arg: string, input: MapperInput, warn?: (message: string) => void): APIResource {
  const mapper = new PriorityMapper(input)
  const {fullySpecified, groupResource} = parseResourceArg(arg)
  const expand = (r: PartialResource) => expandShortcut(r, input.lists, warn)
  let found: APIResource | undefined
  if (fullySpecified) found = mapper.resourceFor(expand(fullySpecified))
  found ??= mapper.resourceFor(expand({...groupResource, version: ''}))
  if (found) return found
  // Kinds: `Kind.version.group` first, then `Kind.group`.
  if (fullySpecified) found = mapper.resourceForKind({group: fullySpecified.group, version: fullySpecified.version, kind: fullySpecified.resource})
  found ??= mapper.resourceForKind({group: groupResource.group, version: '', kind: groupResource.resource})
  if (found) return found
  throw new NoResourceMatchError(groupResource.resource)
}

/** client-go's shortcutExpander: exact names win, then short names in group order, then group prefixes. */
function expandShortcut(r: PartialResource, lists: GroupVersionResources[], warn?: (message: string) => void): PartialResource {
  const inGroup = (group: string) => r.group === '' || r.group === group
  for (const list of lists) {
    if (!inGroup(list.group)) continue
    if (list.resources.some((res) => r.resource === res.name || r.resource === res.singularName)) return r
  }
  const shortcuts = lists.flatMap((list) => list.resources.flatMap((res) => res.shortNames.map((short) => ({group: list.group, short, name: res.name}))))
  let expanded: PartialResource | undefined
  const warned = new Set<string>()
  for (const s of shortcuts) {
    if (!inGroup(s.group) || r.resource !== s.short) continue
    if (!expanded) {
      // The version the user typed is dropped, as client-go does: `hpa.v2.autoscaling` means the preferred version.
      expanded = {group: s.group, version: '', resource: s.name}
      continue
    }
    if (s.group === expanded.group && s.name === expanded.resource) continue
    const longForm = s.group === '' ? s.name : `${s.name}.${s.group}`
    if (!warned.has(longForm)) {
      warned.add(longForm)
      warn?.(`short name ${goQuote(r.resource)} could also match lower priority resource ${longForm}`)
    }
  }
  if (expanded) return expanded
  // `hpa.autoscal` means autoscaling's hpa.
  if (r.group === '') return r
  const prefixed = shortcuts.find((s) => s.group.startsWith(r.group) && s.short === r.resource)
  return prefixed ? {...r, group: prefixed.group, resource: prefixed.name} : r
}

interface Candidate {
  resource: APIResource
  /** Position in kubectl's priority order: lower wins. */
  rank: number
}

/** meta.PriorityRESTMapper over one DefaultRESTMapper per group-version. */
class PriorityMapper {
  private ranks = new Map<string, number>()

  constructor(private input: MapperInput) {
    // core/v1 first, then each group's preferred version and its other versions, in server order.
    const order: string[] = ['/v1']
    for (const g of input.groups) {
      const served = new Set(input.lists.filter((l) => l.group === g.name).map((l) => l.version))
      const preferred = g.preferredVersion?.version ?? ''
      if (preferred && served.has(preferred)) order.push(`${g.name}/${preferred}`)
      for (const v of g.versions ?? []) if (v.version !== preferred && served.has(v.version)) order.push(`${g.name}/${v.version}`)
    }
    for (const key of order) if (!this.ranks.has(key)) this.ranks.set(key, this.ranks.size)
  }

  resourceFor(r: PartialResource): APIResource | undefined {
    const name = r.resource.toLowerCase()
    const candidates: Candidate[] = []
    for (const list of this.input.lists) {
      // A group without a version also matches by prefix: `storageclass.storage` finds storage.k8s.io.
      if (r.group !== '' && (r.version === '' ? !list.group.startsWith(r.group) : r.group !== list.group)) continue
      if (r.version !== '' && r.version !== list.version) continue
      for (const res of list.resources) {
        if (name !== '' && (name === res.name || name === singularOf(res))) candidates.push(this.candidate(res))
      }
    }
    return pick(candidates)
  }

  resourceForKind(k: {group: string; version: string; kind: string}): APIResource | undefined {
    const candidates: Candidate[] = []
    for (const list of this.input.lists) {
      if (k.group !== list.group) continue
      if (k.version !== '' && k.version !== list.version) continue
      // A kind maps to the last resource registered for it in a group-version.
      const matches = list.resources.filter((res) => k.kind === res.kind || k.kind === res.kind.toLowerCase())
      if (matches.length > 0) candidates.push(this.candidate(matches[matches.length - 1]))
    }
    return pick(candidates)
  }

  private candidate(resource: APIResource): Candidate {
    const rank = this.ranks.get(`${resource.group}/${resource.version}`) ?? Number.MAX_SAFE_INTEGER
    return {resource, rank}
  }
}

/** Servers before 1.27 list no singular names for built-in types; client-go then uses the lowercase kind. */
function singularOf(res: APIResource): string {
  return res.singularName || res.kind.toLowerCase()
}

function pick(candidates: Candidate[]): APIResource | undefined {
  let best: Candidate | undefined
  for (const c of candidates) if (!best || c.rank < best.rank) best = c
  return best?.resource
}
