// kubectl's Deployment describer, with the Deployment's ReplicaSets split into the new one (same pod
// template) and the old ones, as kubectl's deployment util finds them.
import {printControllerConditions} from './controller-pods.js'
import {eventReference, eventsFor, listAll} from './fetch.js'
import {labelSelectorString} from './format.js'
import {describePodTemplate, intOrString, type Obj} from './pod-spec.js'
import type {DescribeContext, Describer} from './registry.js'
import {describeEvents, formatRFC1123Z, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export const describeDeployment: Describer = async (dctx, obj) => {
  const d = obj as Obj
  const meta = d.metadata ?? {}
  const spec: Obj = d.spec ?? {}
  const status: Obj = d.status ?? {}
  const selector = labelSelectorString(spec.selector)
  const events = await eventsFor(dctx, eventReference(obj, 'Deployment'))
  let replicaSets: {old: Obj[]; new: Obj[]} | undefined
  try {
    replicaSets = await deploymentReplicaSets(dctx, d, selector)
  } catch {
    // kubectl leaves the ReplicaSet lines out when it cannot list them.
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
    const rollingUpdate = spec.strategy?.rollingUpdate
    if (rollingUpdate) {
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrNil(rollingUpdate.maxUnavailable)} max unavailable, ${intOrNil(rollingUpdate.maxSurge)} max surge\n`)
    }
    describePodTemplate(spec.template, w, dctx.now)
    printControllerConditions(w, status.conditions as Obj[] | undefined)
    if (replicaSets && (replicaSets.old.length > 0 || replicaSets.new.length > 0)) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(replicaSets.old)}\n`)
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(replicaSets.new)}\n`)
    }
    if (events) describeEvents(events, w, dctx.now)
  })
}

/** *intstr.IntOrString's String(): `<nil>` when unset. */
function intOrNil(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : intOrString(v)
}

function replicaSetsByLabels(replicaSets: Obj[]): string {
  const list = replicaSets.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ')
  return list === '' ? '<none>' : list
}

/** deploymentutil.GetAllReplicaSetsInChunks: the owned ReplicaSets, the oldest with the Deployment's template as the new one. */
async function deploymentReplicaSets(dctx: DescribeContext, d: Obj, selector: string): Promise<{old: Obj[]; new: Obj[]}> {
  const namespace = d.metadata?.namespace ?? ''
  const all = await listAll<Obj>(dctx, `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/replicasets`, {labelSelector: selector})
  return splitReplicaSets(all, d)
}

/** The ReplicaSets among `all` that `d` controls, oldest first, the first with d's template as the new one. */
export function splitReplicaSets(all: Obj[], d: Obj): {old: Obj[]; new: Obj[]} {
  const owned = all.filter((rs) => ((rs.metadata?.ownerReferences ?? []) as Obj[]).some((r) => r.controller === true && r.uid === d.metadata?.uid))
  owned.sort((a, b) => {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0
    const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0
    if (ta !== tb) return ta - tb
    const na = a.metadata?.name ?? ''
    const nb = b.metadata?.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  })
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
  return {old: owned.filter((rs) => rs !== newRS), new: newRS ? [newRS] : []}
}

/** Pod templates equal apart from the pod-template-hash label (empty and missing lists and maps are equal, as in Go). */
export function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  const strip = (t: Obj | undefined) => {
    if (!t) return t
    const labels = {...(t.metadata?.labels ?? {})}
    delete labels['pod-template-hash']
    return {...t, metadata: {...(t.metadata ?? {}), labels}}
  }
  return JSON.stringify(normalize(strip(a))) === JSON.stringify(normalize(strip(b)))
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize)
  if (typeof value === 'object') {
    const entries = Object.entries(value as Obj)
      .map(([k, v]) => [k, normalize(v)] as const)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    return entries.length === 0 ? undefined : Object.fromEntries(entries)
  }
  return value
}
