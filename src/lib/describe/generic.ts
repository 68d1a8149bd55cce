// kubectl's generic describer, used for every kind without a dedicated one (custom resources
// included): the metadata, then the object's fields as an indented tree with field names turned into
// words ("apiVersion" -> "API Version"), then its events.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import {goValue} from './format.js'
import type {Describer} from './registry.js'
import {
  describeEvents,
  LEVEL_0,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTerminating,
  tabbedString,
} from './writer.js'

const SKIPPED_FIELDS = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

export const describeGeneric: Describer = async (dctx, obj) => {
  const events = await eventsFor(dctx, eventReference(obj))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`)
    printTerminating(w, obj.metadata, dctx.now)
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations)
    printUnstructuredContent(w, LEVEL_0, obj as KubeObject, '', SKIPPED_FIELDS)
    if (events) describeEvents(events, w, dctx.now)
  })
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Fields in byte order; maps and lists open a level, other values print after a tab. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const skipExpr = `${skipPrefix}.${field}`
    if (skip.includes(skipExpr)) continue
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructuredContent(w, level + 1, value, skipExpr, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, skipExpr, skip)
        else w.write(level + 1, `${goValue(child)}\n`)
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
    }
  }
}

const COMMON_ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID'])

/** "apiVersion" -> "API Version", "podCIDR" -> "Pod CIDR"; names with anything but letters and '-' stay. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field
  return splitCamelCase(field)
    .filter((part) => part !== '_')
    .map((part) => (COMMON_ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : titleFirst(part)))
    .join(' ')
}

function titleFirst(part: string): string {
  const first = String.fromCodePoint(part.codePointAt(0)!)
  return first.toUpperCase() + part.slice(first.length)
}

/** github.com/fatih/camelcase's Split: runs of lower, upper, digit and other characters; "PDFLoader" -> PDF, Loader. */
export function splitCamelCase(src: string): string[] {
  const classOf = (r: string) => (/\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4)
  const runs: string[][] = []
  let last = 0
  for (const r of src) {
    const c = classOf(r)
    if (c === last) runs[runs.length - 1].push(r)
    else runs.push([r])
    last = c
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i][0]) && /\p{Ll}/u.test(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}
