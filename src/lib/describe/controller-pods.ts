// How many of a controller's pods are in each phase (kubectl's getPodStatusForController): pods
// matching the selector, counted only when the controller named by `uid` owns them.
import {listAll} from './fetch.js'
import type {Obj} from './pod-spec.js'
import type {DescribeContext} from './registry.js'

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
