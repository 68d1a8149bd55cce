// RBAC policy rules as kubectl shows them (auth can-i --list, describe role and clusterrole):
// rbacutil's BreakdownRule, CompactRules and SortableRuleSlice, and describe's CombineResourceGroup.

export interface RulesStatus {
  resourceRules?: Array<{verbs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]}> | null
  nonResourceRules?: Array<{verbs?: string[]; nonResourceURLs?: string[]}> | null
  incomplete?: boolean
  evaluationError?: string
}

export interface PolicyRule {
  verbs: string[]
  apiGroups: string[]
  resources: string[]
  resourceNames: string[]
  nonResourceURLs: string[]
}

const rule = (r: Partial<PolicyRule>): PolicyRule => ({verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r})

/** Go's %v of a []string. */
export function goList(values: string[]): string {
  return `[${values.join(' ')}]`
}

/** rbacv1.PolicyRule's String(), which kubectl sorts the rows by. */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`
}

/**
 * rbacutil.BreakdownRule then CompactRules then SortableRuleSlice: one rule per group, resource, verb
 * and name; resource rules that differ only by verb merged (verbs in the order met); URL rules kept
 * one per URL and verb; sorted by their String().
 */
export function compactRules(status: RulesStatus): PolicyRule[] {
  const broken: PolicyRule[] = []
  for (const r of status.resourceRules ?? []) {
    for (const group of r.apiGroups ?? []) {
      for (const resource of r.resources ?? []) {
        for (const verb of r.verbs ?? []) {
          if ((r.resourceNames ?? []).length > 0) {
            for (const name of r.resourceNames!) broken.push(rule({apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name]}))
          } else {
            broken.push(rule({apiGroups: [group], resources: [resource], verbs: [verb]}))
          }
        }
      }
    }
  }
  for (const r of status.nonResourceRules ?? []) {
    for (const url of r.nonResourceURLs ?? []) for (const verb of r.verbs ?? []) broken.push(rule({nonResourceURLs: [url], verbs: [verb]}))
  }
  const compacted: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const r of broken) {
    if (r.nonResourceURLs.length > 0) {
      compacted.push(r)
      continue
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? ''])
    const existing = simple.get(key)
    if (!existing) simple.set(key, {...r, verbs: [...r.verbs]})
    else for (const verb of r.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb)
  }
  compacted.push(...simple.values())
  const keyed = compacted.map((r) => ({r, key: ruleString(r)}))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return keyed.map((k) => k.r)
}

/** describe.CombineResourceGroup: `resource.group/subresource`. */
export function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return ''
  const slash = resources[0].indexOf('/')
  const [resource, sub] = slash < 0 ? [resources[0], undefined] : [resources[0].slice(0, slash), resources[0].slice(slash + 1)]
  let combined = resource
  if (groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`
  if (sub !== undefined) combined += `/${sub}`
  return combined
}
