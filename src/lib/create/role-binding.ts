// `ktl create rolebinding` and `create clusterrolebinding`: a binding of a Role or ClusterRole to
// users, groups and service accounts.
import {usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export interface Subjects {
  users: string[]
  groups: string[]
  /** NAMESPACE:NAME each. */
  serviceAccounts: string[]
}

export interface RoleBindingOptions extends Subjects {
  name: string
  role: string
  clusterRole: string
}

const RBAC_GROUP = 'rbac.authorization.k8s.io'

/** kubectl's checks of a rolebinding's flags. */
export function validateRoleBinding(opts: RoleBindingOptions): void {
  if (opts.name === '') throw usageError('name must be specified')
  if ((opts.role === '') === (opts.clusterRole === '')) throw usageError('exactly one of clusterrole or role must be specified')
}

/** The subjects in kubectl's order (users, groups, service accounts), or its error for a malformed service account. */
export function bindingSubjects(subjects: Subjects): Array<Record<string, string>> {
  const result: Array<Record<string, string>> = []
  for (const name of subjects.users) result.push({kind: 'User', apiGroup: RBAC_GROUP, name})
  for (const name of subjects.groups) result.push({kind: 'Group', apiGroup: RBAC_GROUP, name})
  for (const sa of subjects.serviceAccounts) {
    const parts = sa.split(':')
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw usageError('serviceaccount must be <namespace>:<name>')
    result.push({kind: 'ServiceAccount', name: parts[1], namespace: parts[0]})
  }
  return result
}

function buildBinding(kind: string, name: string, roleRef: {kind: string; name: string}, subjects: Subjects): KubeObject {
  const list = bindingSubjects(subjects)
  return {
    kind,
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: generatedMeta(name),
    // omitempty: no subjects, no field
    ...(list.length > 0 ? {subjects: list} : {}),
    roleRef: {apiGroup: RBAC_GROUP, kind: roleRef.kind, name: roleRef.name},
  }
}

/** The RoleBinding of `create rolebinding` (validated: exactly one of role and clusterRole). */
export function buildRoleBinding(opts: RoleBindingOptions): KubeObject {
  const roleRef = opts.role !== '' ? {kind: 'Role', name: opts.role} : {kind: 'ClusterRole', name: opts.clusterRole}
  return buildBinding('RoleBinding', opts.name, roleRef, opts)
}

/** The ClusterRoleBinding of `create clusterrolebinding`. */
export function buildClusterRoleBinding(opts: Subjects & {name: string; clusterRole: string}): KubeObject {
  return buildBinding('ClusterRoleBinding', opts.name, {kind: 'ClusterRole', name: opts.clusterRole}, opts)
}
