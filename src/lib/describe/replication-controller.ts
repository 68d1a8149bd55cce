// kubectl's ReplicationController describer: a ReplicaSet's layout, with an equality selector and
// no conditions on terminating; a failed pod listing fails the description, as in kubectl.
import {formatPodPhaseCounts, podStatusForController, printReplicaStatus} from './controller-pods.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Obj} from './pod-spec.js'
import type {Describer} from './registry.js'
import {describeEvents, formatLabels, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, tabbedString} from './writer.js'

export const describeReplicationController: Describer = async (dctx, obj) => {
  const rc = obj as Obj
  const meta = rc.metadata ?? {}
  const spec: Obj = rc.spec ?? {}
  const status: Obj = rc.status ?? {}
  const selectorSet = (spec.selector ?? {}) as Record<string, string>
  // labels.SelectorFromSet(...).String(): keys sorted.
  const selector = Object.keys(selectorSet)
    .sort()
    .map((k) => `${k}=${selectorSet[k]}`)
    .join(',')
  const pods = formatPodPhaseCounts(await podStatusForController(dctx, meta.namespace ?? '', selector, meta.uid))
  const events = await eventsFor(dctx, eventReference(obj, 'ReplicationController'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Selector:\t${formatLabels(selectorSet)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    printReplicaStatus(w, spec, status, pods, dctx.now)
    if (events) describeEvents(events, w, dctx.now)
  })
}
