// `ktl get`: fetch what the arguments name, print it the way -o asks, keep going past objects that
// fail and report them at the end, like kubectl.
import type {Ctx} from '../context.js'
import {AggregateCliError, CliError, inAggregate, StatusError, usageError} from '../errors.js'
import {TabWriter} from '../printers/columns.js'
import type {CellColorizer} from '../printers/status-colors.js'
import {TablePrinter} from '../printers/table.js'
import {buildVisits, type Visit} from '../resources/builder.js'
import {selectorListError} from '../resources/list-error.js'
import {withoutManagedFields} from '../resources/managed-fields.js'
import {type KubeObject, listItems, type ObjectList, TABLE_ACCEPT, type Table} from '../resources/objects.js'
import {explainNotFound} from '../resources/missing-namespace.js'
import {listPages} from '../resources/pager.js'
import {kindPrefix, resourcePath} from '../resources/paths.js'
import {objectMetaTable} from '../printers/object-meta-table.js'
import {type OutputFormat, parseOutputFormat} from './get-output.js'

export interface GetOptions {
  args: string[]
  /** -f: the objects these manifests name. */
  filenames?: string[]
  /** -R */
  recursive?: boolean
  output?: string
  /** --template: the template of -o go-template, jsonpath or custom-columns. */
  template?: string
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean
  allNamespaces: boolean
  selector?: string
  fieldSelector?: string
  showLabels: boolean
  labelColumns: string[]
  sortBy?: string
  noHeaders: boolean
  showKind: boolean
  chunkSize: number
  ignoreNotFound: boolean
  showManagedFields: boolean
  raw?: string
  watch?: boolean
  watchOnly?: boolean
  /** ktl's --watch-table: watch, redrawing the table in place when stdout is a terminal. */
  watchTable?: boolean
  outputWatchEvents?: boolean
}

/** What one request gave back: a server-side Table (human output) or plain objects. */
interface Fetched {
  visit: Visit
  tables: Table[]
  objects: KubeObject[]
}

export async function runGet(ctx: Ctx, opts: GetOptions): Promise<void> {
  if (opts.raw !== undefined) return runGetRaw(ctx, opts.raw)
  const format = await parseOutputFormat(opts.output ?? '', {noHeaders: opts.noHeaders, template: opts.template, allowMissingKeys: opts.allowMissingTemplateKeys})
  const watch = opts.watch || opts.watchTable
  if (opts.outputWatchEvents && !watch && !opts.watchOnly) throw usageError('--output-watch-events option can only be used with --watch or --watch-only')
  if (opts.args.length === 0 && (opts.filenames ?? []).length === 0) {
    throw new CliError(
      'You must specify the type of resource to get. Use "ktl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "ktl explain <resource>" for a detailed description of that resource (e.g. ktl explain pods).\n' +
        "See 'ktl get -h' for help and examples",
    )
  }
  const fromFiles = (opts.filenames ?? []).length > 0
  const {visits, singleItemImplied, failures} = await buildVisits(ctx, {
    args: opts.args,
    allNamespaces: opts.allNamespaces,
    filenames: opts.filenames,
    recursive: opts.recursive,
  })
  if (opts.selector !== undefined && !fromFiles && visits.some((v) => v.name !== undefined)) throw usageError('name cannot be provided when a selector is specified')
  if (visits.some((v) => v.name === '')) throw usageError('resource name may not be empty')
  if (watch || opts.watchOnly) {
    const {runWatch} = await import('./get-watch.js')
    return runWatch(ctx, visits, format, {
      watchOnly: opts.watchOnly ?? false,
      inPlace: Boolean(opts.watchTable) && ctx.io.outIsTTY,
      outputWatchEvents: opts.outputWatchEvents ?? false,
      selector: opts.selector,
      fieldSelector: opts.fieldSelector,
      allNamespaces: opts.allNamespaces,
      noHeaders: opts.noHeaders,
      wide: opts.output === 'wide',
      showKind: opts.showKind,
      labelColumns: opts.labelColumns,
      showLabels: opts.showLabels,
      showManagedFields: opts.showManagedFields,
      colorize: await colorizerFor(ctx),
    })
  }
  const client = await ctx.client()
  const errors: CliError[] = []
  let fetched: Fetched[] = []
  const human = format.kind === 'table'
  // kubectl fetches everything at once when sorting, so the sort sees every object.
  const chunkSize = opts.sortBy ? 0 : opts.chunkSize
  const rowMetadata = opts.allNamespaces || opts.showLabels || opts.labelColumns.length > 0 || (fromFiles && opts.selector !== undefined)
  const failed = (before: number) => errors.push(...failures.filter((f) => f.before === before).map((f) => f.error))
  for (const [i, visit] of visits.entries()) {
    failed(i)
    try {
      fetched.push(await fetchVisit(client, visit, {human, rowMetadata, sortBy: opts.sortBy, selector: opts.selector, fieldSelector: opts.fieldSelector, chunkSize}))
    } catch (err) {
      if (err instanceof StatusError && err.code === 404 && opts.ignoreNotFound) continue
      // kubectl get returns its errors as an aggregate inside an aggregate, which changes how they print.
      const failure = err instanceof CliError ? inAggregate(err) : err
      // A transport failure will fail every other request the same way: stop at the first.
      if (!(failure instanceof StatusError)) throw failure
      errors.push(failure)
    }
  }
  failed(visits.length)
  if (fromFiles && opts.selector !== undefined) fetched = await keepLabelled(fetched, opts.selector)
  const namespace = await ctx.namespace()
  let written = false
  const out = {write: (s: string) => ((written ||= s.length > 0), ctx.io.out.write(s))}
  if (opts.sortBy) fetched = await sortFetched(fetched, opts.sortBy, human, singleItemImplied)
  // One object asked for by name (or one file) and not there: every format but the table prints nothing, only the errors.
  if (format.kind !== 'table' && singleItemImplied && errors.length > 0) {
    if (errors.length > 1) throw new AggregateCliError(errors)
    throw errors[0] instanceof StatusError ? errors[0] : new CliError(`error: ${errors[0].message}`)
  }
  if (format.kind === 'table') printTables(out, fetched, opts, await colorizerFor(ctx))
  else {
    if (format.kind === 'generic') format.prepare?.()
    try {
      await printObjects(out, fetched, format, {singleItemImplied, showManagedFields: opts.showManagedFields})
    } catch (err) {
      // kubectl reports a printer's failure after the objects' own errors
      if (!(err instanceof CliError) || errors.length === 0) throw err
      errors.push(inAggregate(err))
    }
  }
  // Only the table says so when nothing matched; every other format prints its empty form.
  if (!written && errors.length === 0 && !opts.ignoreNotFound && format.kind === 'table') {
    const allNamespaced = !opts.allNamespaces && visits.every((v) => v.resource.namespaced)
    ctx.io.err.write(allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n')
  }
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new AggregateCliError(errors)
}

/**
 * -l with -f: kubectl keeps the named objects whose live labels match. It tests a server Table's own
 * (empty) labels rather than its rows', so its table output drops every object; ktl tests each row.
 */
async function keepLabelled(fetched: Fetched[], selector: string): Promise<Fetched[]> {
  const {parseLabelSelector} = await import('../resources/label-selector.js')
  const matches = parseLabelSelector(selector)
  return fetched.map((f) => ({
    ...f,
    objects: f.objects.filter((o) => matches(o.metadata?.labels)),
    tables: f.tables.map((t) => ({...t, rows: t.rows.filter((r) => matches(r.object?.metadata?.labels))})),
  }))
}

/** Status colours for tables, only when stdout is a terminal that wants colour. */
async function colorizerFor(ctx: Ctx): Promise<CellColorizer | undefined> {
  return ctx.io.color ? (await import('../printers/status-colors.js')).statusColorizer() : undefined
}

async function runGetRaw(ctx: Ctx, path: string): Promise<void> {
  const client = await ctx.client()
  const res = await client.request<string>({path, raw: true})
  ctx.io.out.write(res.data)
}

interface FetchOptions {
  human: boolean
  /** The table reads rows' metadata: namespaces (-A), labels (-L, --show-labels, -l with -f). */
  rowMetadata: boolean
  sortBy?: string
  selector?: string
  fieldSelector?: string
  chunkSize: number
}

async function fetchVisit(client: Awaited<ReturnType<Ctx['client']>>, visit: Visit, opts: FetchOptions): Promise<Fetched> {
  const accept = opts.human ? TABLE_ACCEPT : undefined
  const query: Record<string, string | number | undefined> = {}
  // Sorting a server-side Table needs each row's whole object.
  if (opts.human && opts.sortBy) query.includeObject = 'Object'
  // Rows carry each object's metadata (managedFields too) unless told not to: skip it when no column needs it.
  else if (opts.human && !opts.rowMetadata) query.includeObject = 'None'
  const resource = {group: visit.resource.group, resource: visit.resource.name, name: visit.name}
  const result: Fetched = {visit, tables: [], objects: []}
  if (visit.name !== undefined) {
    try {
      const res = await client.request<KubeObject | Table>({path: resourcePath(visit.resource, visit.namespace, visit.name), accept, query, resource})
      collect(result, res.data, visit, opts.human)
    } catch (err) {
      if (err instanceof StatusError && err.code === 404 && visit.resource.namespaced) throw await explainNotFound(client, visit.namespace, err)
      throw err
    }
    return result
  }
  query.labelSelector = opts.selector
  query.fieldSelector = opts.fieldSelector
  try {
    for await (const page of listPages<ObjectList | Table>(client, {path: resourcePath(visit.resource, visit.namespace), accept, query, resource}, opts.chunkSize)) {
      collect(result, page, visit, opts.human)
    }
  } catch (err) {
    throw listError(err, visit, opts)
  }
  return result
}

/** A 400 or 404 on a list says which list, keeping the server's reason. */
function listError(err: unknown, visit: Visit, opts: FetchOptions): unknown {
  if (!(err instanceof StatusError) || (err.code !== 400 && err.code !== 404)) return err
  return selectorListError(err, visit.resource, opts.selector, opts.fieldSelector)
}

function collect(result: Fetched, data: KubeObject | ObjectList | Table, visit: Visit, human: boolean): void {
  if (data.kind === 'Table') {
    result.tables.push(data as Table)
    return
  }
  const list = data as ObjectList
  const objects = Array.isArray(list.items) ? listItems(list, visit.resource.kind) : [data as KubeObject]
  // A server without Table support answered with plain JSON: kubectl's default columns, NAME and AGE.
  if (human) result.tables.push(objectMetaTable(objects, Date.now()))
  else result.objects.push(...objects)
}

/**
 * kubectl's --sort-by: plain objects sort as one list across every type. Tables sort row by row,
 * but when several Tables came back kubectl first sorts the Tables themselves (which fails on
 * their missing fields); a Table whose rows cannot be compared is dropped, as kubectl drops it.
 */
async function sortFetched(fetched: Fetched[], sortBy: string, human: boolean, singleItemImplied: boolean): Promise<Fetched[]> {
  const {sortObjects, sortTableRows, TableSortError} = await import('../printers/sort.js')
  if (human) {
    const tables = fetched.flatMap((f) => f.tables)
    if (tables.length > 1) sortObjects(tables, sortBy)
    for (const f of fetched) {
      f.tables = f.tables.flatMap((table) => {
        try {
          return [{...table, rows: sortTableRows(table.rows, sortBy)}]
        } catch (err) {
          if (err instanceof TableSortError) return []
          throw err
        }
      })
    }
    return fetched
  }
  if (singleItemImplied) return fetched
  const all = fetched.flatMap((f) => f.objects.map((object): Fetched => ({visit: f.visit, tables: [], objects: [object]})))
  return sortObjects(all, sortBy, (f) => f.objects[0])
}

function printTables(out: {write(s: string): unknown}, fetched: Fetched[], opts: GetOptions, colorize?: CellColorizer): void {
  const withKind = opts.showKind || new Set(fetched.map((f) => `${f.visit.resource.group}/${f.visit.resource.kind}`)).size > 1
  let printer: TablePrinter | undefined
  let lastResource: Visit['resource'] | undefined
  let separatorPending = false
  let writtenSinceMapping = false
  const tracked = {
    write: (s: string) => {
      if (s.length === 0) return
      if (separatorPending) {
        out.write('\n')
        separatorPending = false
      }
      writtenSinceMapping = true
      out.write(s)
    },
  }
  const tabs = new TabWriter(tracked)
  for (const f of fetched) {
    if (!lastResource || lastResource.group !== f.visit.resource.group || lastResource.kind !== f.visit.resource.kind) {
      tabs.flush()
      tabs.resetWidths()
      if (lastResource && !opts.noHeaders && writtenSinceMapping) separatorPending = true
      writtenSinceMapping = false
      printer = new TablePrinter(tabs, {
        wide: opts.output === 'wide',
        noHeaders: opts.noHeaders,
        withNamespace: opts.allNamespaces && f.visit.resource.namespaced,
        kind: withKind ? kindPrefix(f.visit.resource) : undefined,
        columnLabels: opts.labelColumns,
        showLabels: opts.showLabels,
        colorize,
      })
      lastResource = f.visit.resource
    }
    for (const table of f.tables) printer?.print(table)
  }
  tabs.flush()
}

async function printObjects(
  out: {write(s: string): unknown},
  fetched: Fetched[],
  format: OutputFormat,
  opts: {singleItemImplied: boolean; showManagedFields: boolean},
): Promise<void> {
  const objects = fetched.flatMap((f) => f.objects.map((object) => ({object, visit: f.visit})))
  if (format.kind === 'name') {
    for (const {object, visit} of objects) out.write(`${kindPrefix(visit.resource)}/${object.metadata?.name ?? ''}\n`)
    return
  }
  if (format.kind === 'custom-columns') {
    // kubectl prints one List through one printer: one header (even with no rows), one alignment.
    const tabs = new TabWriter(out)
    format.printer().printObj({apiVersion: 'v1', items: objects.map((o) => o.object), kind: 'List', metadata: {resourceVersion: ''}}, tabs)
    tabs.flush()
    return
  }
  if (format.kind !== 'generic') return
  const strip = (o: KubeObject): KubeObject => (opts.showManagedFields || !format.hidesManagedFields ? o : withoutManagedFields(o))
  const doc =
    opts.singleItemImplied && objects.length === 1
      ? strip(objects[0].object)
      : {apiVersion: 'v1', items: objects.map((o) => strip(o.object)), kind: 'List', metadata: {resourceVersion: ''}}
  format.print(doc, out)
}
