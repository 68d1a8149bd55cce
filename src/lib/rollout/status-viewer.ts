// kubectl's rollout status viewers: one line saying where a Deployment, DaemonSet or StatefulSet's
// rollout stands, and whether it is done. Pure functions of the object.
import {GoError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'

export interface RolloutStatus {
  /** The line kubectl prints, newline included. */
  text: string
  done: boolean
}

type Obj = Record<string, any>

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

/** deploymentutil.Revision: the revision annotation as an integer, 0 when absent. */
export function deploymentRevision(object: KubeObject): number {
  const value = object.metadata?.annotations?.[REVISION_ANNOTATION]
  if (value === undefined) return 0
  if (!/^[+-]?\d+$/.test(value)) throw new GoError(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`)
  return Number(value)
}

export function deploymentStatus(d: Obj, revision: number): RolloutStatus {
  const name = d.metadata?.name ?? ''
  if (revision > 0) {
    let current: number
    try {
      current = deploymentRevision(d)
    } catch (err) {
      throw new GoError(`cannot get the revision of deployment "${name}": ${(err as Error).message}`)
    }
    if (revision !== current) throw new GoError(`desired revision (${revision}) is different from the running revision (${current})`)
  }
  const status: Obj = d.status ?? {}
  if ((d.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = ((status.conditions ?? []) as Obj[]).find((c) => c.type === 'Progressing')
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new GoError(`deployment "${name}" exceeded its progress deadline`)
    const replicas: number | undefined = d.spec?.replicas
    const updated = status.updatedReplicas ?? 0
    if (replicas !== undefined && replicas !== null && updated < replicas) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`)
    }
    if ((status.replicas ?? 0) > updated) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`)
    }
    if ((status.availableReplicas ?? 0) < updated) {
      return waiting(`Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`)
    }
    return {text: `deployment "${name}" successfully rolled out\n`, done: true}
  }
  return waiting('Waiting for deployment spec update to be observed...\n')
}

export function daemonSetStatus(ds: Obj): RolloutStatus {
  const name = ds.metadata?.name ?? ''
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new GoError('rollout status is only available for RollingUpdate strategy type')
  const status: Obj = ds.status ?? {}
  if ((ds.metadata?.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const desired = status.desiredNumberScheduled ?? 0
    if ((status.updatedNumberScheduled ?? 0) < desired) {
      return waiting(`Waiting for daemon set "${name}" rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`)
    }
    if ((status.numberAvailable ?? 0) < desired) {
      return waiting(`Waiting for daemon set "${name}" rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`)
    }
    return {text: `daemon set "${name}" successfully rolled out\n`, done: true}
  }
  return waiting('Waiting for daemon set spec update to be observed...\n')
}

export function statefulSetStatus(sts: Obj): RolloutStatus {
  const strategy: Obj = sts.spec?.updateStrategy ?? {}
  if (strategy.type !== 'RollingUpdate') throw new GoError('rollout status is only available for RollingUpdate strategy type')
  const status: Obj = sts.status ?? {}
  if (!status.observedGeneration || (sts.metadata?.generation ?? 0) > status.observedGeneration) {
    return waiting('Waiting for statefulset spec update to be observed...\n')
  }
  const replicas: number | undefined = sts.spec?.replicas ?? undefined
  if (replicas !== undefined && (status.readyReplicas ?? 0) < replicas) return waiting(`Waiting for ${replicas - (status.readyReplicas ?? 0)} pods to be ready...\n`)
  if (strategy.rollingUpdate) {
    const partition: number | undefined = strategy.rollingUpdate.partition ?? undefined
    if (replicas !== undefined && partition !== undefined && (status.updatedReplicas ?? 0) < replicas - partition) {
      return waiting(`Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`)
    }
    return {text: `partitioned roll out complete: ${status.updatedReplicas ?? 0} new pods have been updated...\n`, done: true}
  }
  if (status.updateRevision !== status.currentRevision) {
    return waiting(`waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision ?? ''}...\n`)
  }
  return {text: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`, done: true}
}

function waiting(text: string): RolloutStatus {
  return {text, done: false}
}

/** The status viewer for a kind, as kubectl's StatusViewerFor picks it. */
export function statusViewer(kind: string | undefined): ((object: KubeObject, revision: number) => RolloutStatus) | undefined {
  switch (kind) {
    case 'Deployment':
      return (o, revision) => deploymentStatus(o, revision)
    case 'DaemonSet':
      return (o) => daemonSetStatus(o)
    case 'StatefulSet':
      return (o) => statefulSetStatus(o)
  }
  return undefined
}
