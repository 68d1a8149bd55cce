// What the workload describers print about a controller: how many of its pods are in each phase
// (kubectl's getPodStatusForController: pods matching the selector, counted only when the controller
// named by `uid` owns them), its replica counts and pod template, and its conditions.
import {listAll} from './fetch.js'
import {describePodTemplate, type Obj} from './pod-spec.js'
import type {DescribeContext} from './registry.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter} from './writer.js'

export interface PodPhaseCounts {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

export async function podStatusForController(dctx: DescribeContext, namespace: string, selector: string, uid: string | undefined): Promise<PodPhaseCounts> {
  const pods = await listAll<Obj>(dctx, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, {labelSelector: selector})
  const counts: PodPhaseCounts = {running: 0, waiting: 0, succeeded: 0, failed: 0}
  for (const pod of pods) {
    const owner = ((pod.metadata?.ownerReferences ?? []) as Obj[]).find((r) => r.controller === true)
    if (!owner || owner.uid !== uid) continue
    if (pod.status?.phase === 'Running') counts.running++
    else if (pod.status?.phase === 'Pending') counts.waiting++
    else if (pod.status?.phase === 'Succeeded') counts.succeeded++
    else if (pod.status?.phase === 'Failed') counts.failed++
  }
  return counts
}

export function formatPodPhaseCounts(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`
}

/** The Type/Status/Reason table of a controller's conditions; nothing when it has none. */
export function printControllerConditions(w: PrefixWriter, conditions: readonly Obj[] | null | undefined): void {
  if (!conditions || conditions.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''}\t${c.reason ?? ''}\n`)
}

/** A ReplicaSet's or ReplicationController's replicas, pods, pod template and conditions. */
export function printReplicaStatus(w: PrefixWriter, spec: Obj, status: Obj, pods: string, now: number): void {
  w.write(LEVEL_0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 0} desired\n`)
  w.write(LEVEL_0, `Pods Status:\t${pods}\n`)
  describePodTemplate(spec.template, w, now)
  printControllerConditions(w, status.conditions as Obj[] | undefined)
}
