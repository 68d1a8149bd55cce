// `ktl create clusterrole`: a Role's rules plus non-resource URLs, or an aggregation rule instead.
import type {Ctx} from '../context.js'
import {usageError} from '../errors.js'
import {type CreateObjectOptions, runCreateObject} from '../ops/create.js'
import {compareCodePoints} from '../printers/json.js'
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'
import {
  type CreateRoleOptions,
  dedupVerbs,
  discoveryMapper,
  type PolicyRule,
  parseRuleResources,
  policyRules,
  validateRuleResources,
  warnNonStandardVerbs,
} from './role.js'

export interface CreateClusterRoleOptions extends CreateRoleOptions {
  /** --non-resource-url values, CSV already split. */
  nonResourceURLs: string[]
  /** --aggregation-rule labels. */
  aggregationLabels: Map<string, string>
}

const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options']

/** The ClusterRole kubectl builds: `rules` (null with an aggregation rule) or the aggregation rule's selector. */
export function buildClusterRole(name: string, content: {rules: PolicyRule[]} | {aggregationLabels: Map<string, string>}): KubeObject {
  const role: KubeObject = {kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: generatedMeta(name)}
  if ('rules' in content) {
    role.rules = content.rules
  } else {
    const keys = [...content.aggregationLabels.keys()].sort(compareCodePoints)
    role.rules = null
    role.aggregationRule = {clusterRoleSelectors: [{matchLabels: Object.fromEntries(keys.map((k) => [k, content.aggregationLabels.get(k)]))}]}
  }
  return role
}

export async function runCreateClusterRole(ctx: Ctx, opts: CreateClusterRoleOptions, options: CreateObjectOptions): Promise<void> {
  const nonResourceURLs = [...new Set(opts.nonResourceURLs)]
  const verbs = dedupVerbs(opts.verbs)
  const resources = parseRuleResources(opts.resources)
  const resourceNames = [...new Set(opts.resourceNames)]
  if (opts.name === '') throw usageError('name must be specified')
  if (opts.aggregationLabels.size > 0) {
    if (nonResourceURLs.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) {
      throw usageError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames')
    }
    await runCreateObject(ctx, buildClusterRole(opts.name, {aggregationLabels: opts.aggregationLabels}), options)
    return
  }
  if (verbs.length === 0) throw usageError('at least one verb must be specified')
  if (resources.length === 0 && nonResourceURLs.length === 0) throw usageError('one of resource or nonResourceURL must be specified')
  const mapper = discoveryMapper(ctx)
  if (resources.length > 0) {
    warnNonStandardVerbs(ctx, verbs)
    await validateRuleResources(mapper, verbs, resources)
  }
  if (nonResourceURLs.length > 0) validateNonResourceURLs(verbs, nonResourceURLs)
  const rules = await policyRules(mapper, verbs, resources, resourceNames, nonResourceURLs)
  await runCreateObject(ctx, buildClusterRole(opts.name, {rules}), options)
}

/** Only HTTP verbs apply to URLs, and a `*` only at a URL's end. */
export function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const verb of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(verb)) throw usageError(`invalid verb: '${verb}' for nonResourceURL`)
  for (const url of urls) {
    if (url === '*') continue
    if (!url.startsWith('/')) throw usageError('nonResourceURL should start with /')
    if (url.slice(0, -1).includes('*')) throw usageError("nonResourceURL only supports wildcard matches when '*' is at the end")
  }
}
