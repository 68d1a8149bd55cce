// kubectl's DaemonSet describer.
import {formatPodPhaseCounts, podStatusForController} from './controller-pods.js'
import {eventReference, eventsFor} from './fetch.js'
import {labelSelectorString} from './format.js'
import {describePodTemplate, type Obj} from './pod-spec.js'
import type {Describer} from './registry.js'
import {describeEvents, formatLabels, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export const describeDaemonSet: Describer = async (dctx, obj) => {
  const daemon = obj as Obj
  const meta = daemon.metadata ?? {}
  const spec: Obj = daemon.spec ?? {}
  const status: Obj = daemon.status ?? {}
  const selector = labelSelectorString(spec.selector)
  const pods = await podStatusForController(dctx, meta.namespace ?? '', selector, meta.uid)
  const events = await eventsFor(dctx, eventReference(obj, 'DaemonSet'))
  return tabbedString((w) => {
    // kubectl 1.32 prints no Namespace line for DaemonSets.
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`)
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`)
    w.write(LEVEL_0, `Pods Status:\t${formatPodPhaseCounts(pods)}\n`)
    describePodTemplate(spec.template, w, dctx.now)
    if (events) describeEvents(events, w, dctx.now)
  })
}
