// `ktl get -w`: the initial list, then every change as it happens. Better than kubectl: a watch the
// server closes is resumed from the last resourceVersion seen, a server that restarts is waited for
// (kubectl exits when its watch connection closes), and a 410 Gone (history compacted) re-lists and
// prints only what changed, so each change prints once and none is lost.
import type {Ctx} from '../context.js'
import {usageError} from '../errors.js'
import type {IOStreams, OutStream} from '../io.js'
import {TabWriter} from '../printers/columns.js'
import {goMarshalJSON} from '../printers/jsonpath.js'
import {LiveTable} from '../printers/live-table.js'
import {TablePrinter} from '../printers/table.js'
import type {Visit} from '../resources/builder.js'
import {listAndWatch} from '../resources/list-watch.js'
import {withoutManagedFields} from '../resources/managed-fields.js'
import {type KubeObject, listItems, type ObjectList, TABLE_ACCEPT, type Table, type TableRow} from '../resources/objects.js'
import {kindPrefix, resourcePath} from '../resources/paths.js'
import type {OutputFormat} from './get-output.js'

export interface WatchOptions {
  watchOnly: boolean
  outputWatchEvents: boolean
  selector?: string
  fieldSelector?: string
  allNamespaces: boolean
  noHeaders: boolean
  wide: boolean
  showKind: boolean
  labelColumns: string[]
  showLabels: boolean
  showManagedFields?: boolean
  colorize?: (column: string, value: string) => string
  /** --watch-table on a terminal: one table redrawn in place (stdout must be a terminal, the format a table). */
  inPlace?: boolean
  /** Stop after this many events (tests); watch forever when undefined. */
  maxEvents?: number
  /** How long to keep trying to reach a server that went away before giving up with its error (default 30 s). */
  reconnectWindowMs?: number
  signal?: AbortSignal
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

// A restarting API server is back within seconds; one that stays away for this long is gone.
const RECONNECT_WINDOW_MS = 30_000

const EVENT_LABEL: Record<string, string> = {ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   '}

export async function runWatch(ctx: Ctx, visits: Visit[], format: OutputFormat, opts: WatchOptions): Promise<void> {
  const resources = new Set(visits.map((v) => `${v.resource.group}/${v.resource.name}`))
  if (resources.size !== 1) throw usageError('you may only specify a single resource type')
  const names = visits.flatMap((v) => (v.name === undefined ? [] : [v.name]))
  if (names.length > 1) throw usageError('watch is only supported on individual resources and resource collections, but 2 resources were found')
  const visit = visits[0]
  const client = await ctx.client()
  const printer = new EventPrinter(ctx.io, format, visit, opts)
  const fieldSelector = names.length === 1 ? joinSelectors(`metadata.name=${names[0]}`, opts.fieldSelector) : opts.fieldSelector
  const query = {labelSelector: opts.selector, fieldSelector}
  const path = resourcePath(visit.resource, visit.namespace)
  const human = format.kind === 'table'
  const accept = human ? TABLE_ACCEPT : undefined
  // resourceVersion of what was last printed per object, so a re-list prints only real changes.
  const seen = new Map<string, {rv: string; row: TableRow | KubeObject}>()
  let events = 0

  const list = async (print: boolean, signal: AbortSignal): Promise<string> => {
    const res = await client.request<ObjectList | Table>({path, accept, query: {...query, ...(human ? {includeObject: 'Object'} : {})}, signal})
    printer.rememberColumns(res.data)
    const current = new Map<string, {rv: string; row: TableRow | KubeObject}>()
    for (const entry of entries(res.data)) current.set(entry.key, {rv: entry.rv, row: entry.row})
    if (print) {
      for (const [key, entry] of current) {
        const before = seen.get(key)
        if (before?.rv === entry.rv) continue
        printer.print(before ? 'MODIFIED' : 'ADDED', entry.row, res.data)
        events++
      }
      for (const [key, entry] of seen) {
        if (current.has(key)) continue
        printer.print('DELETED', entry.row, res.data)
        events++
      }
    }
    seen.clear()
    for (const [key, entry] of current) seen.set(key, entry)
    return res.data.metadata?.resourceVersion ?? ''
  }

  await listAndWatch<KubeObject | Table>({
    client,
    path,
    query,
    accept,
    list: async (relist, signal) => {
      const resourceVersion = await list(relist || !opts.watchOnly, signal)
      if (!relist) printer.flushInitial()
      return resourceVersion
    },
    onEvent: (event) => {
      for (const entry of entries(event.object)) {
        if (event.type === 'DELETED') seen.delete(entry.key)
        else seen.set(entry.key, {rv: entry.rv, row: entry.row})
        printer.print(event.type, entry.row, event.object)
        events++
      }
    },
    done: () => opts.maxEvents !== undefined && events >= opts.maxEvents,
    signal: opts.signal,
    reconnectWindowMs: opts.reconnectWindowMs ?? RECONNECT_WINDOW_MS,
  })
}

function joinSelectors(a: string, b: string | undefined): string {
  return b ? `${a},${b}` : a
}

/** The objects (or Table rows) in a list, a Table or a single watched object, keyed by uid. */
function entries(data: ObjectList | Table | KubeObject): Array<{key: string; rv: string; row: TableRow | KubeObject}> {
  if (data.kind === 'Table') {
    return (data as Table).rows.map((row) => ({key: keyOf(row.object), rv: row.object?.metadata?.resourceVersion ?? '', row}))
  }
  const list = data as ObjectList
  if (Array.isArray(list.items)) {
    return listItems(list).map((object) => ({key: keyOf(object), rv: object.metadata?.resourceVersion ?? '', row: object}))
  }
  const object = data as KubeObject
  return [{key: keyOf(object), rv: object.metadata?.resourceVersion ?? '', row: object}]
}

function keyOf(object: KubeObject | undefined): string {
  const m = object?.metadata
  return m?.uid ?? `${m?.namespace ?? ''}/${m?.name ?? ''}`
}

/** Prints each event the way kubectl's watch does for the chosen -o. */
class EventPrinter {
  private out: OutStream
  private tabs: TabWriter
  private table?: TablePrinter
  private live?: LiveTable
  private columns?: Table['columnDefinitions']
  private columnsPrinter?: ReturnType<Extract<OutputFormat, {kind: 'custom-columns'}>['printer']>
  private documents = 0

  constructor(
    io: IOStreams,
    private format: OutputFormat,
    private visit: Visit,
    private opts: WatchOptions,
  ) {
    this.out = io.out
    this.tabs = new TabWriter(this.out)
    if (format.kind === 'table') {
      const tableOptions = {
        wide: opts.wide,
        noHeaders: opts.noHeaders,
        withNamespace: opts.allNamespaces && visit.resource.namespaced,
        kind: opts.showKind ? kindPrefix(visit.resource) : undefined,
        columnLabels: opts.labelColumns,
        showLabels: opts.showLabels,
        colorize: opts.colorize,
      }
      if (opts.inPlace && !opts.outputWatchEvents) this.live = new LiveTable(this.out, tableOptions, () => io.outSize?.() ?? {})
      else this.table = new TablePrinter(this.tabs, tableOptions)
    }
  }

  /** Watch events may carry no column definitions: the list's are the ones to use. */
  rememberColumns(source: ObjectList | Table | KubeObject): void {
    const definitions = (source as Table).columnDefinitions
    if (definitions?.length) this.columns = definitions
  }

  flushInitial(): void {
    this.tabs.flush()
    this.live?.start()
  }

  print(type: EventType, row: TableRow | KubeObject, source: ObjectList | Table | KubeObject): void {
    if (this.live) {
      this.rememberColumns(source)
      const key = keyOf((row as TableRow).object)
      if (type === 'DELETED') this.live.delete(key)
      else this.live.set(key, row as TableRow, this.columns ?? [])
      return
    }
    if (this.table) {
      this.rememberColumns(source)
      const table: Table = {kind: 'Table', columnDefinitions: this.columns ?? [], rows: [row as TableRow]}
      if (this.opts.outputWatchEvents) {
        table.columnDefinitions = [{name: 'Event', type: 'string', format: '', priority: 0}, ...table.columnDefinitions]
        table.rows = [{...(row as TableRow), cells: [EVENT_LABEL[type], ...(row as TableRow).cells]}]
      }
      this.table.print(table)
      this.tabs.flush()
      return
    }
    let object = row as KubeObject
    // Objects lose managedFields for json/yaml; a watch event is printed whole, as kubectl does.
    const stripped = this.format.kind === 'generic' && this.format.hidesManagedFields && !this.opts.showManagedFields && !this.opts.outputWatchEvents
    if (stripped) object = withoutManagedFields(object)
    const doc = this.opts.outputWatchEvents ? {type, object} : object
    if (this.opts.outputWatchEvents && this.format.kind === 'generic' && this.format.compactEvents) {
      // kubectl prints each metav1.WatchEvent as one compact JSON line, type before object.
      this.out.write(`{"type":${JSON.stringify(type)},"object":${goMarshalJSON(object)}}\n`)
      return
    }
    switch (this.format.kind) {
      case 'name':
        this.out.write(`${kindPrefix(this.visit.resource)}/${object.metadata?.name ?? ''}\n`)
        return
      case 'custom-columns':
        // One printer and one tabwriter for the whole watch, as kubectl shares them.
        this.columnsPrinter ??= this.format.printer()
        this.columnsPrinter.printObj(object, this.tabs)
        this.tabs.flush()
        return
      case 'generic':
        if (this.documents++ > 0 && this.format.separator) this.out.write(this.format.separator)
        this.format.print(doc, this.out)
    }
  }
}
