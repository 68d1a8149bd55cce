// `ktl create role`: a Role with one rule per API group. Resources are checked against the server's
// discovery as kubectl's RESTMapper does (short names expand, `resource.group`, `resource/subresource`).
import type {Ctx} from '../context.js'
import type {Discovery} from '../discovery/types.js'
import {CliError, usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {type CreateObjectOptions, runCreateObject} from '../ops/create.js'
import {compareCodePoints} from '../printers/json.js'
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export interface CreateRoleOptions {
  name: string
  /** --verb values, CSV already split. */
  verbs: string[]
  /** --resource values, CSV already split: `resource[.group][/subresource]` each. */
  resources: string[]
  resourceNames: string[]
}

/** A --resource entry: `resource[.group][/subresource]`. */
export interface RuleResource {
  group: string
  resource: string
  subresource: string
}

export interface PolicyRule {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']

// Verbs that only make sense on some resources.
const SPECIAL_VERBS: Record<string, Array<{group: string; resource: string}>> = {
  use: [
    {group: 'policy', resource: 'podsecuritypolicies'},
    {group: 'extensions', resource: 'podsecuritypolicies'},
  ],
  bind: [
    {group: 'rbac.authorization.k8s.io', resource: 'roles'},
    {group: 'rbac.authorization.k8s.io', resource: 'clusterroles'},
  ],
  escalate: [
    {group: 'rbac.authorization.k8s.io', resource: 'roles'},
    {group: 'rbac.authorization.k8s.io', resource: 'clusterroles'},
  ],
  impersonate: [
    {group: '', resource: 'users'},
    {group: '', resource: 'serviceaccounts'},
    {group: '', resource: 'groups'},
    {group: 'authentication.k8s.io', resource: 'userextras'},
  ],
}

/** Verbs without repeats; `*` anywhere stands for all of them. */
export function dedupVerbs(verbs: string[]): string[] {
  return verbs.includes('*') ? ['*'] : [...new Set(verbs)]
}

/** The --resource entries as kubectl reads them; a bare `*` replaces the whole list. */
export function parseRuleResources(entries: string[]): RuleResource[] {
  const resources: RuleResource[] = []
  for (const entry of entries) {
    const slash = entry.indexOf('/')
    const head = slash < 0 ? entry : entry.slice(0, slash)
    const subresource = slash < 0 ? '' : entry.slice(slash + 1)
    const dot = head.indexOf('.')
    const resource = {group: dot < 0 ? '' : head.slice(dot + 1), resource: dot < 0 ? head : head.slice(0, dot), subresource}
    if (resource.resource === '*' && dot < 0 && slash < 0) return [resource]
    resources.push(resource)
  }
  return resources
}

/** The resource typed, as the server serves it (plural, with its group), or undefined when nothing matches. */
export type ResourceMapper = (group: string, resource: string) => Promise<{group: string; resource: string} | undefined>

const NO_MATCH = "error: the server doesn't have a resource type "

/**
 * kubectl's RESTMapper.ResourceFor over discovery: short names, singular and plural names, a group
 * given in full or as a prefix; no kind names and no `resource.version.group` reading.
 */
export function discoveryMapper(ctx: Ctx): ResourceMapper {
  let discovery: Discovery | undefined
  const warn = (message: string) => ctx.io.err.write(`Warning: ${message}\n`)
  return async (group, resource) => {
    // `*` is never a served name; asking would only refresh discovery for nothing
    if (resource === '*' || resource === '') return undefined
    discovery ??= await ctx.discovery()
    let found
    try {
      found = await discovery.resolve(group === '' ? resource : `${resource}.${group}`, {warn})
    } catch (err) {
      if (err instanceof CliError && err.message.startsWith(NO_MATCH)) return undefined
      throw err
    }
    const lower = resource.toLowerCase()
    const named = lower === found.name || lower === (found.singularName || found.kind.toLowerCase()) || found.shortNames.includes(resource)
    if (!named || !found.group.startsWith(group)) return undefined
    return {group: found.group, resource: found.name}
  }
}

/** kubectl's message for a resource discovery does not know, printed without `error: `. */
function noMatchError(r: RuleResource): CliError {
  const where = r.group === '' ? '' : ` in group ${goQuote(r.group)}`
  return new CliError(`the server doesn't have a resource type ${goQuote(r.resource)}${where}`)
}

/**
 * CreateRoleOptions.validateResource: every resource up to the first `*` must be known, and special
 * verbs need their resources.
 */
export async function validateRuleResources(mapper: ResourceMapper, verbs: string[], resources: RuleResource[]): Promise<void> {
  for (const r of resources) {
    if (r.resource === '') throw usageError('resource must be specified if apiGroup/subresource specified')
    if (r.resource === '*') return
    const mapped = await mapper(r.group, r.resource)
    const resource = mapped ?? {group: r.group, resource: r.resource}
    // a special verb's own resources need not be served (users, groups): naming one forgives the miss
    let known = mapped !== undefined
    for (const verb of verbs) {
      const allowed = SPECIAL_VERBS[verb]
      if (!allowed) continue
      if (!allowed.some((a) => a.group === resource.group && a.resource === resource.resource)) {
        throw usageError(`can not perform '${verb}' on '${resource.resource}' in group '${resource.group}'`)
      }
      known = true
    }
    if (!known) throw noMatchError(r)
  }
}

/** generateResourcePolicyRules: one rule per API group (groups sorted), then one for the URLs. */
export async function policyRules(
  mapper: ResourceMapper,
  verbs: string[],
  resources: RuleResource[],
  resourceNames: string[],
  nonResourceURLs: string[],
): Promise<PolicyRule[]> {
  const byGroup = new Map<string, string[]>()
  for (const r of resources) {
    let mapped: {group: string; resource: string} | undefined
    try {
      mapped = await mapper(r.group, r.resource)
    } catch {
      // kubectl keeps the resource as typed when the mapper fails here
    }
    const group = mapped?.group ?? r.group
    let resource = mapped?.resource ?? r.resource
    if (r.subresource !== '') resource = `${resource}/${r.subresource}`
    const list = byGroup.get(group) ?? []
    if (!list.includes(resource)) list.push(resource)
    byGroup.set(group, list)
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort(compareCodePoints).map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(resourceNames.length > 0 ? {resourceNames} : {}),
  }))
  if (nonResourceURLs.length > 0) rules.push({verbs, nonResourceURLs})
  return rules
}

export function buildRole(name: string, rules: PolicyRule[]): KubeObject {
  return {kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: generatedMeta(name), rules}
}

/** Warns about verbs outside kubectl's list, as kubectl does before checking resources. */
export function warnNonStandardVerbs(ctx: Ctx, verbs: string[]): void {
  for (const verb of verbs) if (!VALID_RESOURCE_VERBS.includes(verb)) ctx.io.err.write(`Warning: '${verb}' is not a standard resource verb\n`)
}

export async function runCreateRole(ctx: Ctx, opts: CreateRoleOptions, options: CreateObjectOptions): Promise<void> {
  const verbs = dedupVerbs(opts.verbs)
  const resources = parseRuleResources(opts.resources)
  const resourceNames = [...new Set(opts.resourceNames)]
  if (opts.name === '') throw usageError('name must be specified')
  if (verbs.length === 0) throw usageError('at least one verb must be specified')
  warnNonStandardVerbs(ctx, verbs)
  if (resources.length === 0) throw usageError('at least one resource must be specified')
  const mapper = discoveryMapper(ctx)
  await validateRuleResources(mapper, verbs, resources)
  const role = buildRole(opts.name, await policyRules(mapper, verbs, resources, resourceNames, []))
  await runCreateObject(ctx, role, options)
}
