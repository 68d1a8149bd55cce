// `describe role | clusterrole | rolebinding | clusterrolebinding`, laid out as kubectl's RBAC
// describers lay them out: the rules broken down, compacted and sorted as `auth can-i --list` shows
// them; a binding's role and subjects. They print no namespace and no events, as kubectl's do not.
import {combineResourceGroup, compactRules, goList} from '../resources/policy-rules.js'
import type {KubeObject} from '../resources/objects.js'
import type {Describer} from './registry.js'
import {LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, tabbedString} from './writer.js'

interface Rule {
  verbs?: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

interface Role extends KubeObject {
  rules?: Rule[] | null
}

interface Binding extends KubeObject {
  roleRef?: {kind?: string; name?: string}
  subjects?: Array<{kind?: string; name?: string; namespace?: string}> | null
}

/** RoleDescriber and ClusterRoleDescriber. */
export const describeRole: Describer = async (_dctx, obj) => {
  const role = obj as Role
  const meta = role.metadata ?? {}
  const rules = role.rules ?? []
  // BreakdownRule takes a rule's resource part and its URL part apart.
  const compacted = compactRules({resourceRules: rules, nonResourceRules: rules})
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, 'PolicyRule:\n')
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n')
    for (const r of compacted) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`)
    }
  })
}

/** RoleBindingDescriber and ClusterRoleBindingDescriber. */
export const describeBinding: Describer = async (_dctx, obj) => {
  const binding = obj as Binding
  const meta = binding.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, 'Role:\n')
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ''}\n`)
    w.write(LEVEL_0, 'Subjects:\n')
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n')
    w.write(LEVEL_1, '----\t----\t---------\n')
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`)
  })
}
