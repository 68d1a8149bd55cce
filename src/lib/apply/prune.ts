// apply --prune: after applying, delete the objects that an earlier apply created (they carry the
// last-applied annotation) and that the manifests no longer name, among kubectl's allowlist of types.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {LAST_APPLIED_ANNOTATION} from '../create/last-applied.js'
import {usageError} from '../errors.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {kindPrefix, resourcePath} from '../resources/paths.js'
import {deleteOptionsBody, type PropagationPolicy} from '../ops/delete-options.js'
import type {DryRun} from './types.js'
import {dryRunSuffix} from '../dry-run.js'

/** kubectl's default --prune-allowlist: group/version/kind. */
const DEFAULT_ALLOWLIST = [
  'core/v1/ConfigMap', 'core/v1/Endpoints', 'core/v1/Namespace', 'core/v1/PersistentVolumeClaim', 'core/v1/PersistentVolume',
  'core/v1/Pod', 'core/v1/ReplicationController', 'core/v1/Secret', 'core/v1/Service', 'batch/v1/Job', 'batch/v1/CronJob',
  'networking.k8s.io/v1/Ingress', 'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet',
]

export interface PruneOptions {
  selector?: string
  all: boolean
  /** --prune-allowlist entries (group/version/kind, `core` for the core group); kubectl's list when empty. */
  allowlist: string[]
  dryRun: DryRun
  /** --cascade: what becomes of the pruned objects' dependents. */
  propagationPolicy: PropagationPolicy
  /** --grace-period; negative for the object's own. */
  gracePeriod: number
  /** Namespaces that applied objects went to. */
  namespaces: Set<string>
  /** `group/Kind/namespace/name` of every applied object. */
  applied: Set<string>
}

export interface PrunedObject {
  resource: APIResource
  object: KubeObject
}

export function checkPruneFlags(opts: {selector?: string; all: boolean}): void {
  if (!opts.all && !opts.selector) {
    throw usageError(
      'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. ' +
        'If you did not mean to prune all resources, specify a label selector',
    )
  }
}

export function appliedKey(group: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group}/${kind}/${namespace ?? ''}/${name}`
}

/**
 * Deletes (or, for dry runs, only reports) what is to be pruned, calling `onPruned` in kubectl's
 * order: type by type down the allowlist. Beyond kubectl: allowlisted types the server does not serve
 * are skipped (kubectl 1.32 fails on servers before batch/v1 CronJob).
 */
export async function prune(ctx: Ctx, opts: PruneOptions, onPruned: (p: PrunedObject) => void): Promise<void> {
  const client = await ctx.client()
  const served = await (await ctx.discovery()).allResources()
  const entries = opts.allowlist.length > 0 ? opts.allowlist : DEFAULT_ALLOWLIST
  for (const entry of entries) {
    const [group, version, kind] = entry.split('/')
    const resource = served.find((r) => r.group === (group === 'core' ? '' : group) && r.version === version && r.kind === kind)
    if (!resource) continue
    const scopes = resource.namespaced ? [...opts.namespaces] : [undefined]
    for (const namespace of scopes) {
      const res = await client.request<ObjectList>({
        path: resourcePath(resource, namespace),
        query: {labelSelector: opts.selector},
        resource: {group: resource.group, resource: resource.name},
      })
      for (const item of res.data.items ?? []) {
        const name = item.metadata?.name ?? ''
        if (!item.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]) continue
        if (opts.applied.has(appliedKey(resource.group, resource.kind, item.metadata?.namespace, name))) continue
        if (opts.dryRun !== 'client') {
          await client.request({
            method: 'DELETE',
            path: resourcePath(resource, item.metadata?.namespace, name),
            body: deleteOptionsBody(opts, opts.dryRun, true),
            resource: {group: resource.group, resource: resource.name, name},
          })
        }
        onPruned({resource, object: {apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version, kind: resource.kind, ...item}})
      }
    }
  }
}

export function prunedLine(p: PrunedObject, dryRun: DryRun): string {
  return `${kindPrefix(p.resource)}/${p.object.metadata?.name ?? ''} pruned${dryRunSuffix(dryRun)}\n`
}
