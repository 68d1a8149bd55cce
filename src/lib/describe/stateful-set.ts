// kubectl's StatefulSet describer.
import {formatPodPhaseCounts, podStatusForController} from './controller-pods.js'
import {eventReference, eventsFor} from './fetch.js'
import {labelSelectorString} from './format.js'
import {describePodTemplate, describeVolumeClaimTemplates, intOrString, type Obj} from './pod-spec.js'
import type {Describer} from './registry.js'
import {persistentVolumeClaimClass} from './storage.js'
import {describeEvents, formatRFC1123Z, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export const describeStatefulSet: Describer = async (dctx, obj) => {
  const ps = obj as Obj
  const meta = ps.metadata ?? {}
  const spec: Obj = ps.spec ?? {}
  const status: Obj = ps.status ?? {}
  const selector = labelSelectorString(spec.selector)
  const pods = await podStatusForController(dctx, meta.namespace ?? '', selector, meta.uid)
  const events = await eventsFor(dctx, eventReference(obj, 'StatefulSet'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.replicas ?? 0} total\n`)
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
    const rollingUpdate = spec.updateStrategy?.rollingUpdate
    if (rollingUpdate && rollingUpdate.partition !== undefined && rollingUpdate.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${rollingUpdate.partition}\n`)
      if (rollingUpdate.maxUnavailable !== undefined && rollingUpdate.maxUnavailable !== null) {
        w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(rollingUpdate.maxUnavailable)}\n`)
      }
    }
    w.write(LEVEL_0, `Pods Status:\t${formatPodPhaseCounts(pods)}\n`)
    describePodTemplate(spec.template, w, dctx.now)
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w, persistentVolumeClaimClass)
    if (events) describeEvents(events, w, dctx.now)
  })
}
