// `ktl events`: kubectl 1.32's events table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) sorted by
// time, for a namespace, every namespace or one object (--for), and -w to follow new events.
import type {Ctx} from '../context.js'
import {createPrinter} from '../create/output.js'
import {humanDuration} from '../describe/time.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, usageError} from '../errors.js'
import {goSort} from '../go/sort.js'
import {TabWriter} from '../printers/columns.js'
import {escapeTerminal} from '../printers/table.js'
import {listAndWatch} from '../resources/list-watch.js'
import {withoutManagedFields} from '../resources/managed-fields.js'
import type {ObjectList} from '../resources/objects.js'
import {apiVersion} from '../resources/paths.js'
import {listAllItems} from '../resources/pager.js'

export interface EventsOptions {
  allNamespaces: boolean
  /** --for TYPE/NAME. */
  for?: string
  /** --types, each value possibly a comma list. */
  types: string[]
  watch: boolean
  noHeaders: boolean
  output?: string
  showManagedFields?: boolean
  allowMissingTemplateKeys?: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
  chunkSize: number
  /** The clock ages are measured against (tests fix it). */
  now?: () => number
  signal?: AbortSignal
}

type Obj = Record<string, any>

const NO_MATCH = "the server doesn't have a resource type"

/** The types --types keeps, upper-cased for comparison; empty keeps all. Throws kubectl's error for others. */
export function parseEventTypes(values: string[]): string[] {
  const types = values.flatMap((v) => v.split(','))
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw usageError('valid --types are Normal or Warning')
  return types.map((t) => t.toLowerCase())
}

/** decodeResourceTypeName: the TYPE/NAME --for names, with kubectl's errors. */
export function splitFor(text: string): {type: string; name: string} {
  if (!text.includes('/')) throw usageError('--for must be in resource/name form')
  const parts = text.split('/')
  if (parts.length !== 2) throw usageError('arguments in resource/name form may not have more than one slash')
  return {type: parts[0].toLowerCase(), name: parts[1]}
}

/** Microseconds since the epoch of a Time or MicroTime, or undefined when unset. */
function micros(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined
  const m = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(timestamp)
  if (!m) return undefined
  const ms = Date.parse(`${m[1]}${m[3]}`)
  if (Number.isNaN(ms)) return undefined
  return ms * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6))
}

/** eventTime: the time kubectl sorts an event by (series, then lastTimestamp, then eventTime). */
function sortTime(e: Obj): number {
  if (e.series) return micros(e.series.lastObservedTime) ?? 0
  return micros(e.lastTimestamp) ?? micros(e.eventTime) ?? 0
}

/** sort.Sort(SortableEvents): by time, with Go's unstable sort for equal times. */
export function sortEvents<T extends Obj>(events: T[]): T[] {
  const keys = events.map(sortTime)
  goSort(events.length, {
    less: (i, j) => keys[i] < keys[j],
    swap: (i, j) => {
      ;[events[i], events[j]] = [events[j], events[i]]
      ;[keys[i], keys[j]] = [keys[j], keys[i]]
    },
  })
  return events
}

function since(timestamp: string | null | undefined, now: number): string {
  const t = micros(timestamp)
  return t === undefined ? '<unknown>' : humanDuration(now - Math.trunc(t / 1000))
}

/** getInterval: the LAST SEEN cell, with the count and first time for repeated events. */
export function eventInterval(e: Obj, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now)
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
  return first
}

/** kubectl's EventPrinter: a heading before the first event, then one row per event. */
export class EventTable {
  private headed = false
  constructor(
    private tabs: TabWriter,
    private opts: {noHeaders: boolean; allNamespaces: boolean; now: () => number},
  ) {}

  print(e: Obj): void {
    if (!this.opts.noHeaders && !this.headed) {
      this.tabs.write(`${this.opts.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`)
      this.headed = true
    }
    const involved: Obj = e.involvedObject ?? {}
    const cells = [
      eventInterval(e, this.opts.now()),
      escapeTerminal(e.type ?? ''),
      escapeTerminal(e.reason ?? ''),
      `${escapeTerminal(involved.kind ?? '')}/${escapeTerminal(involved.name ?? '')}`,
      escapeTerminal((e.message ?? '').trim()),
    ]
    this.tabs.write(`${this.opts.allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : ''}${cells.join('\t')}\n`)
  }
}

export async function runEvents(ctx: Ctx, opts: EventsOptions): Promise<void> {
  const types = parseEventTypes(opts.types)
  const print = opts.output || opts.template ? await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys ?? true, template: opts.template}) : undefined
  const namespace = await ctx.namespace()
  let fieldSelector: string | undefined
  if (opts.for) {
    const {type, name} = splitFor(opts.for)
    const discovery = await ctx.discovery()
    let resource: APIResource
    try {
      resource = await discovery.resolve(type)
    } catch (err) {
      // kubectl prints a mapper miss as it is, without "error: ".
      if (err instanceof CliError && err.message.startsWith(`error: ${NO_MATCH}`)) throw new CliError(err.message.slice('error: '.length))
      throw err
    }
    fieldSelector = `involvedObject.kind=${resource.kind},involvedObject.apiVersion=${apiVersion(resource)},involvedObject.name=${name}`
  }
  const client = await ctx.client()
  const path = opts.allNamespaces ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`
  const wanted = (e: Obj) => types.length === 0 || types.includes(String(e.type ?? '').toLowerCase())
  const now = opts.now ?? Date.now
  const tabs = new TabWriter(ctx.io.out)
  const table = new EventTable(tabs, {noHeaders: opts.noHeaders, allNamespaces: opts.allNamespaces, now})
  const printOpts = {typed: true, operation: '', showManagedFields: opts.showManagedFields ?? false}

  if (opts.watch) {
    await followEvents(ctx, path, fieldSelector, (e) => {
      if (!wanted(e)) return
      if (print) print(e, ctx.io.out, printOpts)
      else {
        table.print(e)
        tabs.flush()
      }
    }, opts.signal)
    return
  }

  const items = await listAllItems<Obj>(client, {path, query: {fieldSelector}, resource: {resource: 'events'}}, opts.chunkSize)
  const events = sortEvents(items.filter(wanted).map((e) => (e.kind ? e : {kind: 'Event', apiVersion: 'v1', ...e})))
  if (events.length === 0) {
    ctx.io.err.write(opts.allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`)
    return
  }
  if (print) {
    // kubectl's name printer writes nothing for the EventList it is given.
    if (opts.output === 'name') return
    const shown = opts.showManagedFields ? events : events.map((e) => withoutManagedFields(e))
    print({kind: 'EventList', apiVersion: 'v1', metadata: {}, items: shown}, ctx.io.out, printOpts)
    return
  }
  for (const e of events) table.print(e)
  tabs.flush()
}

/**
 * Every event as the server sends it from a watch without a resourceVersion (the ones it holds, then
 * new ones). Beyond kubectl, a watch the server closes is resumed from the last event seen.
 */
async function followEvents(ctx: Ctx, path: string, fieldSelector: string | undefined, see: (e: Obj) => void, signal?: AbortSignal): Promise<void> {
  const client = await ctx.client()
  await listAndWatch({
    client,
    path,
    query: {fieldSelector},
    // No first list; after a 410 Gone (history compacted), go on from now rather than print every event again.
    list: async (relist, signal) => (relist ? (await client.request<ObjectList>({path, query: {fieldSelector, limit: 1}, signal})).data.metadata?.resourceVersion : undefined),
    onEvent: (event) => {
      // Events expire after an hour: their deletion is not news.
      if (event.type === 'DELETED') return
      const object = event.object
      see(object.kind ? object : {kind: 'Event', apiVersion: 'v1', ...object})
    },
    signal,
  })
}
