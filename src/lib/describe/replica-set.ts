// kubectl's ReplicaSet describer.
import {StatusError} from '../errors.js'
import {formatPodPhaseCounts, podStatusForController, printReplicaStatus} from './controller-pods.js'
import {eventReference, eventsFor} from './fetch.js'
import {formatLabelSelector, labelSelectorString} from './format.js'
import type {Obj} from './pod-spec.js'
import type {Describer} from './registry.js'
import {controllerOf, describeEvents, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export const describeReplicaSet: Describer = async (dctx, obj) => {
  const rs = obj as Obj
  const meta = rs.metadata ?? {}
  const spec: Obj = rs.spec ?? {}
  const status: Obj = rs.status ?? {}
  const selector = labelSelectorString(spec.selector)
  let pods: string
  try {
    pods = formatPodPhaseCounts(await podStatusForController(dctx, meta.namespace ?? '', selector, meta.uid))
  } catch (err) {
    // Go prints the API error's own message, without kubectl's "Error from server" decoration.
    pods = `error in fetching pods: ${err instanceof StatusError ? (err.status.message ?? '') : err instanceof Error ? err.message : String(err)}`
  }
  const events = await eventsFor(dctx, eventReference(obj, 'ReplicaSet'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    printReplicaStatus(w, spec, status, pods, dctx.now)
    if (events) describeEvents(events, w, dctx.now)
  })
}
