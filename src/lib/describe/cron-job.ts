// kubectl's CronJob describer. kubectl 1.32 reads CronJobs only as batch/v1 (and fails against
// servers older than 1.21); this describes the object in whichever version the server serves it.
import {eventReference, eventsFor} from './fetch.js'
import {labelSelectorString} from './format.js'
import {describePodTemplate, type Obj, printBoolPtr} from './pod-spec.js'
import type {Describer} from './registry.js'
import {describeEvents, formatRFC1123Z, LEVEL_0, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export const describeCronJob: Describer = async (dctx, obj) => {
  const cronJob = obj as Obj
  const meta = cronJob.metadata ?? {}
  const spec: Obj = cronJob.spec ?? {}
  const status: Obj = cronJob.status ?? {}
  const events = await eventsFor(dctx, eventReference(obj, 'CronJob'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`)
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`)
    w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`)
    w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`)
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${isSet(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`)
    describeJobTemplate(spec.jobTemplate ?? {}, w, dctx.now)
    w.write(LEVEL_0, `Last Schedule Time:\t${status.lastScheduleTime ? formatRFC1123Z(status.lastScheduleTime) : '<unset>'}\n`)
    printActiveJobs(w, 'Active Jobs', status.active)
    if (events) describeEvents(events, w, dctx.now)
  })
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null
}

function orUnset(v: unknown): string {
  return isSet(v) ? String(v) : '<unset>'
}

function describeJobTemplate(template: Obj, w: PrefixWriter, now: number): void {
  const spec: Obj = template.spec ?? {}
  if (spec.selector) {
    let selector: string
    try {
      selector = labelSelectorString(spec.selector)
    } catch (err) {
      selector = `Failed to get selector: ${(err as Error).message}`
    }
    w.write(LEVEL_0, `Selector:\t${selector}\n`)
  } else {
    w.write(LEVEL_0, 'Selector:\t<unset>\n')
  }
  w.write(LEVEL_0, `Parallelism:\t${orUnset(spec.parallelism)}\n`)
  w.write(LEVEL_0, `Completions:\t${orUnset(spec.completions)}\n`)
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  describePodTemplate(spec.template, w, now)
}

function printActiveJobs(w: PrefixWriter, title: string, jobs: Obj[] | null | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!jobs || jobs.length === 0) {
    w.writeLine('<none>')
    return
  }
  jobs.forEach((job, i) => {
    if (i !== 0) w.write(LEVEL_0, ', ')
    w.write(LEVEL_0, job.name ?? '')
  })
  w.writeLine('')
}
