// The text layer every describer writes through, laid out as kubectl's describe package lays it out:
// a PrefixWriter (two spaces per level) over Go's text/tabwriter with describe's settings
// (minwidth 0, padding 2, spaces), plus the blocks most describers share — labels, annotations and
// the events table.
import {TabWriter, type TabWriterOptions} from '../printers/columns.js'
import type {ObjectMeta} from '../resources/objects.js'
import {goSortSlice} from '../go/sort.js'
import {parseTime, translateTimestampSince} from './time.js'

export {formatRFC1123Z, humanDuration, parseTime, translateTimestampSince} from './time.js'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

/** tabwriter.NewWriter(out, 0, 8, 2, ' ', 0), as kubectl's tabbedString makes it. */
export const DESCRIBE_TAB_WRITER: TabWriterOptions = {minWidth: 0, padding: 2, padChar: ' ', rememberWidths: false}

/** cli-runtime's printers.EscapeTerminal: server text must not drive the terminal. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

/**
 * kubectl's PrefixWriter. `write(level, text)` indents `text` by two spaces per level; text is
 * already formatted (describers build it with template strings where kubectl uses Printf verbs).
 * Cells end with a tab; lines are aligned per block of consecutive lines, as Go's tabwriter does.
 */
export interface PrefixWriter {
  write(level: number, text: string): void
  /** fmt.Sprintln: the parts joined by spaces, then a newline, with no indentation. */
  writeLine(...parts: unknown[]): void
  /** Ends the current alignment block (kubectl flushes before the events table). */
  flush(): void
}

class TabbedPrefixWriter implements PrefixWriter {
  constructor(private tw: TabWriter) {}

  write(level: number, text: string): void {
    this.tw.write(escapeTerminal('  '.repeat(level) + text))
  }

  writeLine(...parts: unknown[]): void {
    this.tw.write(escapeTerminal(sprintln(parts)))
  }

  flush(): void {
    this.tw.flush()
  }
}

class NestedPrefixWriter implements PrefixWriter {
  constructor(
    private inner: PrefixWriter,
    private indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text)
  }

  writeLine(...parts: unknown[]): void {
    this.inner.write(this.indent, sprintln(parts))
  }

  flush(): void {
    this.inner.flush()
  }
}

function sprintln(parts: unknown[]): string {
  return `${parts.map((p) => String(p)).join(' ')}\n`
}

/** A writer that adds `indent` levels to everything written through it (NewNestedPrefixWriter). */
export function nestedPrefixWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return new NestedPrefixWriter(w, indent)
}

/** kubectl's tabbedString: runs `fn` against a fresh PrefixWriter and returns the aligned text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const chunks: string[] = []
  const tw = new TabWriter({write: (s: string) => chunks.push(s)}, DESCRIBE_TAB_WRITER)
  fn(new TabbedPrefixWriter(tw))
  tw.flush()
  return chunks.join('')
}

/** Go's `%v` for a []string: "[a b c]". */
export function goStringSlice(values: readonly string[] | null | undefined): string {
  return `[${(values ?? []).join(' ')}]`
}

/** labels.FormatLabels: "a=b,c=d" sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

/** `Title:\tk=v` then one aligned line per further label, `<none>` when there are none. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | null | undefined): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels, new Set())
}

export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | null | undefined,
  skip: ReadonlySet<string>,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.has(k))
    .sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`)
  })
}

/** Never shown by describe: the whole last-applied object would drown everything else. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

/** kubectl's printAnnotationsMultiline: long or multi-line values go on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | null | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = trimSuffix(annotations![key], '\n')
    // Go measures these lengths in bytes.
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shortenBytes(line, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

function trimSuffix(s: string, suffix: string): string {
  return s.endsWith(suffix) ? s.slice(0, -suffix.length) : s
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}

/** Go's `s[:max] + "..."` on a string longer than `max` bytes (a cut rune becomes U+FFFD when printed). */
export function shortenBytes(s: string, max: number): string {
  const bytes = Buffer.from(s, 'utf8')
  if (bytes.length <= max) return s
  return `${bytes.subarray(0, max).toString('utf8')}...`
}

/** core/v1 Event, the fields describe reads. */
export interface CoreEvent {
  metadata?: ObjectMeta
  type?: string
  reason?: string
  message?: string
  source?: {component?: string; host?: string}
  /** The JSON name of the ReportingController field. */
  reportingComponent?: string
  count?: number
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  eventTime?: string | null
  series?: {count?: number; lastObservedTime?: string | null} | null
  involvedObject?: {kind?: string; name?: string; namespace?: string; uid?: string; apiVersion?: string; fieldPath?: string}
}

/**
 * kubectl's DescribeEvents: `Events:\t<none>`, or the table of events sorted by last timestamp (with
 * Go's unstable sort, so ties come out as kubectl prints them), ages measured against `now`.
 */
export function describeEvents(events: CoreEvent[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const lastSeen = (e: CoreEvent) => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY
  const sorted = goSortSlice([...events], (a, b) => lastSeen(a) < lastSeen(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    let firstSeen = translateTimestampSince(e.eventTime, now)
    if (parseTime(e.eventTime) === undefined) firstSeen = translateTimestampSince(e.firstTimestamp, now)
    let interval: string
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${firstSeen})`
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${firstSeen})`
    else interval = firstSeen
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}

/** An object's controller (`Kind/name`), or '' — kubectl's printController. */
export function controllerOf(meta: ObjectMeta | undefined): string {
  const ref = meta?.ownerReferences?.find((r) => r.controller === true)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/**
 * Beyond kubectl: what an object being deleted waits on. `Status:\tTerminating (lasts <age>)` for
 * kinds where kubectl prints no Status line (pass status=false to skip it where kubectl already says
 * Terminating), then `Waiting on finalizers:\ta, b` when metadata.finalizers is not empty.
 * Writes nothing for an object without deletionTimestamp.
 */
export function printTerminating(w: PrefixWriter, meta: ObjectMeta | undefined, now: number, opts: {status?: boolean} = {}): void {
  if (!meta?.deletionTimestamp) return
  if (opts.status ?? true) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`)
  const finalizers = meta.finalizers ?? []
  if (finalizers.length > 0) w.write(LEVEL_0, `Waiting on finalizers:\t${finalizers.join(', ')}\n`)
}
