// `describe poddisruptionbudget`, laid out as kubectl's PodDisruptionBudgetDescriber lays it out
// (policy/v1 and v1beta1 alike).
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import {formatLabelSelector, type LabelSelector} from './format.js'
import type {Describer} from './registry.js'
import {describeEvents, LEVEL_0, LEVEL_2, tabbedString} from './writer.js'

interface PodDisruptionBudget extends KubeObject {
  spec?: {minAvailable?: number | string | null; maxUnavailable?: number | string | null; selector?: LabelSelector | null}
  status?: {disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number}
}

export const describePodDisruptionBudget: Describer = async (dctx, obj) => {
  const pdb = obj as PodDisruptionBudget
  const meta = pdb.metadata ?? {}
  const spec = pdb.spec ?? {}
  const status = pdb.status ?? {}
  const events = await eventsFor(dctx, eventReference(pdb, 'PodDisruptionBudget'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`)
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`)
    w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`)
    w.write(LEVEL_0, 'Status:\n')
    w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`)
    w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`)
    w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`)
    if (events) describeEvents(events, w, dctx.now)
  })
}
