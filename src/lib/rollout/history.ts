// Rollout history and rollback, as kubectl's history viewers and rollbackers do them: a Deployment's
// revisions are its ReplicaSets, a DaemonSet's or StatefulSet's are its ControllerRevisions.
import type {KubeClient} from '../client/types.js'
import {equalIgnoreHash, splitReplicaSets} from '../describe/deployment.js'
import {labelSelectorString} from '../describe/format.js'
import {describePodTemplate} from '../describe/pod-spec.js'
import {escapeTerminal, type PrefixWriter, tabbedString} from '../describe/writer.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {GoError} from '../errors.js'
import {REVISION_ANNOTATION} from './status-viewer.js'
import type {ObjectInfo} from '../resources/infos.js'
import {groupKindString, workloadKind} from './targets.js'

type Obj = Record<string, any>

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

/** One revision: the pod template it ran, and the object `-o` prints for it. */
export interface Revision {
  template: Obj
  object: KubeObject
}

/** The revisions of a Deployment, DaemonSet or StatefulSet by number, or kubectl's error for other kinds. */
export async function fetchHistory(client: KubeClient, target: ObjectInfo, verb: 'history' | 'rollbacker'): Promise<Map<number, Revision>> {
  const kind = supportedKind(target, verb)
  if (kind === 'Deployment') {
    const history = new Map<number, Revision>()
    for (const rs of await deploymentReplicaSets(client, target.object)) {
      const revision = Number(rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0')
      if (!Number.isInteger(revision)) continue
      const template: Obj = structuredClone(rs.spec?.template ?? {})
      const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION]
      if (cause) template.metadata = {...template.metadata, annotations: {...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause}}
      history.set(revision, {template, object: rs})
    }
    return history
  }
  const history = new Map<number, Revision>()
  for (const cr of await controllerRevisions(client, target.object)) {
    const template = revisionTemplate(cr)
    const object: Obj = {...target.object, spec: {...(target.object.spec as Obj), template}}
    // kubectl prints its Go struct, whose StatefulSetStatus always has availableReplicas.
    if (kind === 'StatefulSet' && object.status && object.status.availableReplicas === undefined) object.status = {...object.status, availableReplicas: 0}
    history.set(cr.revision ?? 0, {template, object})
  }
  return history
}

/** The kind a history viewer or rollbacker exists for, or kubectl's errors for the rest. */
function supportedKind(target: ObjectInfo, verb: 'history' | 'rollbacker'): 'Deployment' | 'DaemonSet' | 'StatefulSet' {
  const kind = workloadKind(target.resource)
  if (kind) return kind
  const gk = groupKindString(target.resource)
  if (!VISITED_KINDS.has(`${target.resource.group}/${target.resource.kind}`)) {
    const retrieving = verb === 'history' ? 'history' : 'rollbacker'
    throw new GoError(`error retrieving ${retrieving} for ${JSON.stringify(gk)}, no visitor method exists for {${target.resource.group} ${target.resource.kind}}`)
  }
  throw new GoError(verb === 'history' ? `no history viewer has been implemented for ${JSON.stringify(gk)}` : `no rollbacker has been implemented for ${JSON.stringify(gk)}`)
}

// The kinds kubectl's GroupKindElement visitor knows; others have "no visitor method".
const VISITED_KINDS = new Set([
  ...['apps', 'extensions'].flatMap((g) => ['DaemonSet', 'Deployment', 'ReplicaSet'].map((k) => `${g}/${k}`)),
  'apps/StatefulSet',
  'batch/Job',
  'batch/CronJob',
  '/Pod',
  '/ReplicationController',
])

/** deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls, old ones then the new one. */
async function deploymentReplicaSets(client: KubeClient, d: Obj): Promise<Obj[]> {
  const namespace = encodeURIComponent(d.metadata?.namespace ?? '')
  let list: ObjectList
  try {
    const selector = labelSelectorString(d.spec?.selector)
    list = (await client.request<ObjectList>({path: `/apis/apps/v1/namespaces/${namespace}/replicasets`, query: {labelSelector: selector}})).data
  } catch (err) {
    throw new GoError(`failed to retrieve replica sets from deployment ${d.metadata?.name ?? ''}: ${(err as Error).message}`)
  }
  const split = splitReplicaSets(list.items as Obj[], d)
  return [...split.old, ...split.new].map((rs) => ({kind: 'ReplicaSet', apiVersion: 'apps/v1', ...rs}))
}

/** The ControllerRevisions a DaemonSet or StatefulSet controls. */
async function controllerRevisions(client: KubeClient, owner: KubeObject): Promise<Obj[]> {
  const namespace = encodeURIComponent(owner.metadata?.namespace ?? '')
  const selector = labelSelectorString((owner.spec as Obj | undefined)?.selector)
  const list = (await client.request<ObjectList>({path: `/apis/apps/v1/namespaces/${namespace}/controllerrevisions`, query: {labelSelector: selector}})).data
  return (list.items as Obj[]).filter((cr) => ((cr.metadata?.ownerReferences ?? []) as Obj[]).some((r) => r.controller === true && r.uid === owner.metadata?.uid))
}

/** The pod template a ControllerRevision records (its data replaces the whole template). */
function revisionTemplate(cr: Obj): Obj {
  const template: Obj = {...(cr.data?.spec?.template ?? {})}
  delete template.$patch
  return template
}

/** kubectl's printTemplate: DescribePodTemplate's text, tabs left as they are. */
export function printTemplate(template: Obj): string {
  let text = ''
  const w: PrefixWriter = {
    write: (level, s) => (text += escapeTerminal('  '.repeat(level) + s)),
    writeLine: (...parts) => (text += escapeTerminal(`${parts.map(String).join(' ')}\n`)),
    flush: () => undefined,
  }
  describePodTemplate(template, w, Date.now())
  return text
}

/** ViewHistory: the REVISION/CHANGE-CAUSE table, or one revision's pod template. */
export function viewHistory(history: Map<number, Revision>, revision: number): string {
  if (history.size === 0) return 'No rollout history found.'
  if (revision > 0) {
    const entry = history.get(revision)
    if (!entry) throw new GoError('unable to find the specified revision')
    return printTemplate(entry.template)
  }
  const revisions = [...history.keys()].sort((a, b) => a - b)
  return tabbedString((w) => {
    w.write(0, 'REVISION\tCHANGE-CAUSE\n')
    for (const r of revisions) w.write(0, `${r}\t${history.get(r)?.template.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`)
  })
}

export type DryRun = 'none' | 'client' | 'server'

/** What a rollback does: the word printed after the name, and the request to make (none to skip). */
export interface RollbackPlan {
  result: string
  patch?: {body: string; contentType: string}
}

// Annotations a Deployment keeps across a rollback; the ReplicaSet's own are copied otherwise.
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

const ROLLED_BACK = 'rolled back'

/** DeploymentRollbacker.Rollback, given the Deployment and its ReplicaSets (old ones, then the new one). */
export function planDeploymentRollback(d: Obj, replicaSets: Obj[], toRevision: number, dryRun: DryRun): RollbackPlan {
  if (toRevision < 0) throw revisionNotFound(toRevision)
  const rs = replicaSetForRevision(d, replicaSets, toRevision)
  if (dryRun === 'client') return {result: printTemplate(rs.spec?.template ?? {})}
  if (d.spec?.paused) throw new GoError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return {result: `skipped rollback (current template already matches revision ${toRevision})`}
  const template: Obj = structuredClone(rs.spec?.template ?? {})
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash']
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries((d.metadata?.annotations ?? {}) as Record<string, string>)) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  for (const [k, v] of Object.entries((rs.metadata?.annotations ?? {}) as Record<string, string>)) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
  const body = JSON.stringify([
    {op: 'replace', path: '/spec/template', value: template},
    {op: 'replace', path: '/metadata/annotations', value: annotations},
  ])
  return {result: ROLLED_BACK, patch: {body, contentType: 'application/json-patch+json'}}
}

function replicaSetForRevision(d: Obj, replicaSets: Obj[], toRevision: number): Obj {
  let latest: Obj | undefined
  let latestRevision = -1
  let previous: Obj | undefined
  let previousRevision = -1
  for (const rs of replicaSets) {
    const text = rs.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0'
    if (!/^[+-]?\d+$/.test(text)) continue
    const v = Number(text)
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision
        previous = latest
        latestRevision = v
        latest = rs
      } else if (previousRevision < v) {
        previousRevision = v
        previous = rs
      }
    } else if (toRevision === v) return rs
  }
  if (toRevision > 0) throw revisionNotFound(toRevision)
  if (!previous) throw new GoError(`no rollout history found for deployment ${JSON.stringify(d.metadata?.name ?? '')}`)
  return previous
}

/** DaemonSetRollbacker / StatefulSetRollbacker.Rollback, given the object and its ControllerRevisions. */
export function planControllerRevisionRollback(object: Obj, revisions: Obj[], toRevision: number, dryRun: DryRun): RollbackPlan {
  if (toRevision < 0) throw revisionNotFound(toRevision)
  if (toRevision === 0 && revisions.length <= 1) throw new GoError('no last revision to roll back to')
  let target: Obj | undefined
  if (toRevision === 0) target = [...revisions].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))[revisions.length - 2]
  else target = revisions.find((cr) => (cr.revision ?? 0) === toRevision)
  if (!target) throw revisionNotFound(toRevision)
  const template = revisionTemplate(target)
  if (dryRun === 'client') return {result: `will roll back to ${printTemplate(template)}`}
  if (equalIgnoreHash(template, object.spec?.template)) return {result: `skipped rollback (current template already matches revision ${toRevision})`}
  return {result: ROLLED_BACK, patch: {body: JSON.stringify(target.data ?? {}), contentType: 'application/strategic-merge-patch+json'}}
}

function revisionNotFound(revision: number): GoError {
  return new GoError(`unable to find specified revision ${revision} in history`)
}

/** Plans the rollback of a target, fetching what its rollbacker needs. */
export async function planRollback(client: KubeClient, target: ObjectInfo, toRevision: number, dryRun: DryRun): Promise<RollbackPlan> {
  const kind = supportedKind(target, 'rollbacker')
  if (kind === 'Deployment') {
    if (toRevision < 0) throw revisionNotFound(toRevision)
    return planDeploymentRollback(target.object, await deploymentReplicaSets(client, target.object), toRevision, dryRun)
  }
  return planControllerRevisionRollback(target.object, await controllerRevisions(client, target.object), toRevision, dryRun)
}
