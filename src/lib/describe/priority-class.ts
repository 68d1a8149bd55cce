// `describe priorityclass`, laid out as kubectl's PriorityClassDescriber lays it out.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Describer} from './registry.js'
import {describeEvents, formatLabels, LEVEL_0, tabbedString} from './writer.js'

interface PriorityClass extends KubeObject {
  value?: number
  globalDefault?: boolean
  preemptionPolicy?: string
  description?: string
}

export const describePriorityClass: Describer = async (dctx, obj) => {
  const pc = obj as PriorityClass
  // As kubectl's, a failed event search is left out rather than reported.
  const events = await eventsFor(dctx, eventReference(pc, 'PriorityClass'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`)
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault ?? false}\n`)
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`)
    if (events) describeEvents(events, w, dctx.now)
  })
}
