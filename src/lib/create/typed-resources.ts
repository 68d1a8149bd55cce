// The resource types kubectl's generators send through typed clients: their REST paths are compiled
// into kubectl, so creating one asks no discovery question first.
import type {APIResource} from '../discovery/types.js'

type Known = [kind: string, apiVersion: string, resource: string, namespaced: boolean]

const KNOWN: Known[] = [
  ['ConfigMap', 'v1', 'configmaps', true],
  ['Namespace', 'v1', 'namespaces', false],
  ['ResourceQuota', 'v1', 'resourcequotas', true],
  ['Secret', 'v1', 'secrets', true],
  ['Service', 'v1', 'services', true],
  ['ServiceAccount', 'v1', 'serviceaccounts', true],
  ['Deployment', 'apps/v1', 'deployments', true],
  ['CronJob', 'batch/v1', 'cronjobs', true],
  ['Job', 'batch/v1', 'jobs', true],
  ['Ingress', 'networking.k8s.io/v1', 'ingresses', true],
  ['PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', true],
  ['ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', false],
  ['Role', 'rbac.authorization.k8s.io/v1', 'roles', true],
  ['RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', true],
  ['PriorityClass', 'scheduling.k8s.io/v1', 'priorityclasses', false],
]

/** The resource a typed client would post `kind` of `apiVersion` to, or undefined for any other type. */
export function typedResource(apiVersion: string, kind: string): APIResource | undefined {
  const known = KNOWN.find(([k, v]) => k === kind && v === apiVersion)
  if (!known) return undefined
  const slash = apiVersion.indexOf('/')
  return {
    name: known[2],
    singularName: kind.toLowerCase(),
    namespaced: known[3],
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind,
    verbs: ['create'],
    shortNames: [],
    categories: [],
  }
}
