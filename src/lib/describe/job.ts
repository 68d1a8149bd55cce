// kubectl's Job describer.
import {eventReference, eventsFor} from './fetch.js'
import {labelSelectorString} from './format.js'
import {describePodTemplate, type Obj} from './pod-spec.js'
import type {Describer} from './registry.js'
import {
  controllerOf,
  describeEvents,
  formatRFC1123Z,
  humanDuration,
  LEVEL_0,
  parseTime,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTerminating,
  tabbedString,
} from './writer.js'

export const describeJob: Describer = async (dctx, obj) => {
  const job = obj as Obj
  const meta = job.metadata ?? {}
  const spec: Obj = job.spec ?? {}
  const status: Obj = job.status ?? {}
  const events = await eventsFor(dctx, eventReference(obj, 'Job'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    let selector: string
    try {
      selector = labelSelectorString(spec.selector)
    } catch (err) {
      selector = `Failed to get selector: ${(err as Error).message}`
    }
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`)
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${formatRFC1123Z(status.completionTime)}\n`)
    const start = parseTime(status.startTime)
    const end = parseTime(status.completionTime)
    if (start !== undefined && end !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(end - start)}\n`)
    if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    const counts = `${status.active ?? 0} Active${isSet(status.ready) ? ` (${status.ready} Ready)` : ''} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`
    w.write(LEVEL_0, `Pods Statuses:\t${counts}\n`)
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes ?? '', 50)}\n`)
    describePodTemplate(spec.template, w, dctx.now)
    if (events) describeEvents(events, w, dctx.now)
  })
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null
}

/** The completed indexes, cut after the first comma past `softLimit` characters. */
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>'
  let ix = softLimit
  while (ix < indexes.length && indexes[ix] !== ',') ix++
  if (ix >= indexes.length) return indexes
  return `${indexes.slice(0, ix + 1)}...`
}
