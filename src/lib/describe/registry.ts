// Which describer prints which kind.
//
// Contract for describers (one file per kind in src/lib/describe/, e.g. deployment.ts):
//   export const describeDeployment: Describer = async (dctx, obj) => tabbedString((w) => { ... })
// - `obj` is the object as the resource builder fetched it (JSON, the served version of
//   dctx.resource). Describers read fields defensively: any of them may be missing.
// - Related objects (pods of a ReplicaSet, ReplicaSets of a Deployment, events) are fetched through
//   the helpers in fetch.ts — listAll() pages with dctx.settings.chunkSize like kubectl, eventsFor()
//   returns undefined when --show-events=false — or directly with `await dctx.ctx.client()`.
// - Output is built with writer.ts (tabbedString, PrefixWriter, printLabelsMultiline,
//   printAnnotationsMultiline, describeEvents, printTerminating) so it lines up exactly as kubectl's
//   tabwriter output. Ages are measured against dctx.now, never Date.now(), so tests are repeatable.
// - Throw StatusError/CliError for failures kubectl reports; the op prints them and goes on with the
//   next object.
// Adding a describer: create the file, then add one line to DESCRIBERS keyed by `group/Kind` (core
// kinds have an empty group: `/Pod`). The module is imported only when an object of that kind is
// described. Every kind without an entry gets the generic describer (generic.ts).
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import type {KubeObject} from '../resources/objects.js'

export interface DescriberSettings {
  /** --show-events: list the object's events and print the Events table. */
  showEvents: boolean
  /** --chunk-size: `limit` for every list request a describer makes (0: no limit). */
  chunkSize: number
}

export interface DescribeContext {
  /** The command's context: client(), discovery(), io. */
  ctx: Ctx
  settings: DescriberSettings
  /** The resource type the object was fetched as (group, version, kind, plural name, namespaced). */
  resource: APIResource
  /** Milliseconds since the epoch that ages ("5m") are measured against. */
  now: number
}

/** Returns the whole description, ending in a newline, as kubectl's Describe returns it. */
export type Describer = (dctx: DescribeContext, obj: KubeObject) => Promise<string>

const DESCRIBERS: Record<string, () => Promise<Describer>> = {
  '/Pod': async () => (await import('./pod.js')).describePod,
  'apps/Deployment': async () => (await import('./deployment.js')).describeDeployment,
  'apps/ReplicaSet': async () => (await import('./replica-set.js')).describeReplicaSet,
  'apps/StatefulSet': async () => (await import('./stateful-set.js')).describeStatefulSet,
  'apps/DaemonSet': async () => (await import('./daemon-set.js')).describeDaemonSet,
  'batch/Job': async () => (await import('./job.js')).describeJob,
  'batch/CronJob': async () => (await import('./cron-job.js')).describeCronJob,
  '/Service': async () => (await import('./service.js')).describeService,
  '/Endpoints': async () => (await import('./endpoints.js')).describeEndpoints,
  '/ConfigMap': async () => (await import('./config-map.js')).describeConfigMap,
  '/Secret': async () => (await import('./secret.js')).describeSecret,
  '/Namespace': async () => (await import('./namespace.js')).describeNamespace,
  '/Node': async () => (await import('./node.js')).describeNode,
  '/PersistentVolume': async () => (await import('./persistent-volume.js')).describePersistentVolume,
  '/PersistentVolumeClaim': async () => (await import('./persistent-volume-claim.js')).describePersistentVolumeClaim,
  '/ServiceAccount': async () => (await import('./service-account.js')).describeServiceAccount,
  'policy/PodDisruptionBudget': async () => (await import('./pod-disruption-budget.js')).describePodDisruptionBudget,
  'networking.k8s.io/NetworkPolicy': async () => (await import('./network-policy.js')).describeNetworkPolicy,
  'networking.k8s.io/Ingress': async () => (await import('./ingress.js')).describeIngress,
  'extensions/Ingress': async () => (await import('./ingress.js')).describeIngress,
  'autoscaling/HorizontalPodAutoscaler': async () => (await import('./horizontal-pod-autoscaler.js')).describeHorizontalPodAutoscaler,
  '/ReplicationController': async () => (await import('./replication-controller.js')).describeReplicationController,
  '/ResourceQuota': async () => (await import('./resource-quota.js')).describeResourceQuota,
  '/LimitRange': async () => (await import('./limit-range.js')).describeLimitRange,
  'scheduling.k8s.io/PriorityClass': async () => (await import('./priority-class.js')).describePriorityClass,
  'storage.k8s.io/StorageClass': async () => (await import('./storage-class.js')).describeStorageClass,
  'rbac.authorization.k8s.io/Role': async () => (await import('./rbac.js')).describeRole,
  'rbac.authorization.k8s.io/ClusterRole': async () => (await import('./rbac.js')).describeRole,
  'rbac.authorization.k8s.io/RoleBinding': async () => (await import('./rbac.js')).describeBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': async () => (await import('./rbac.js')).describeBinding,
}

/** The describer for a group/kind: its dedicated one, else the generic describer. */
export async function describerFor(group: string, kind: string): Promise<Describer> {
  const load = DESCRIBERS[`${group}/${kind}`]
  if (load) return load()
  return (await import('./generic.js')).describeGeneric
}
