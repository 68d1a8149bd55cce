// `ktl validate`'s work for its -f sources: read them, validate every document, and turn the reader's
// problems and the validator's into the report's lines (text) or records (json), in file order, with
// the counts the summary needs.
import type {Ctx} from '../context.js'
import {collectManifests, formatPath, type ManifestDocument, type ManifestError} from '../manifests/reader.js'
import type {KubeObject} from '../resources/objects.js'
import {clusterCRDSource, type CRDSource, staticCRDSource} from './crd-sources.js'
import {formatFieldPath, formatProblem} from './problems.js'
import {type DocumentResult, validateEach} from './validate.js'

export interface SourcesJob {
  filenames: string[]
  recursive: boolean
  output: 'text' | 'json'
  ignoreMissingSchemas: boolean
  /** CRDs of --schema-location. */
  locationCRDs?: KubeObject[]
}

export interface Counts {
  documents: number
  valid: number
  invalid: number
  skipped: number
}

export interface JSONProblem {
  path?: string
  line?: number
  column?: number
  message: string
}

export interface JSONRecord {
  file: string | null
  index: number | null
  item?: string
  apiVersion?: string
  kind?: string
  name?: string
  valid: boolean
  skipped?: boolean
  errors: JSONProblem[]
  warnings: JSONProblem[]
}

export interface ValidationReport {
  /** Text output: one line per problem, in file order. */
  lines: string[]
  /** JSON output: one record per document, in file order. */
  records: JSONRecord[]
  counts: Counts
  /** Problems that concern no document (a path that does not exist): the run fails whatever the counts. */
  failed: boolean
}

export async function validateSources(ctx: Ctx, job: SourcesJob): Promise<ValidationReport> {
  const collected = await collectManifests({filenames: job.filenames, recursive: job.recursive, stdin: ctx.io.in, env: ctx.env})
  const crdSources: CRDSource[] = []
  if (job.locationCRDs) crdSources.push(staticCRDSource('--schema-location', job.locationCRDs))
  crdSources.push(clusterCRDSource(ctx))
  const results = await validateEach(collected.documents, {
    missingSchemas: job.ignoreMissingSchemas ? 'warn' : 'error',
    crdSources,
  })
  const order = new Map(collected.sources.map((s, i) => [s.name, i]))
  const failedDocuments = new Set<string>()
  for (const error of collected.errors) if (error.index !== undefined) failedDocuments.add(documentKey(error.source ?? '', error.index, error.itemPath))
  const invalid = failedDocuments.size + results.filter((r) => r.problems.some((p) => p.severity === 'error')).length
  const skipped = results.filter((r) => r.skipped).length
  const documents = collected.documents.length + failedDocuments.size
  return {
    lines: job.output === 'text' ? textLines(collected.errors, results, order) : [],
    records: job.output === 'json' ? jsonRecords(collected.documents, results, collected.errors, order) : [],
    counts: {documents, valid: documents - invalid - skipped, invalid, skipped},
    failed: collected.errors.some((e) => e.index === undefined),
  }
}

/** The lines for problems that concern no document of the input (--schema-location's reader errors). */
export function errorLines(errors: readonly ManifestError[]): string[] {
  return errors.map((e) => e.message)
}

export function errorRecords(errors: readonly ManifestError[]): JSONRecord[] {
  return errors.map((e) => ({file: e.source ?? null, index: e.index ?? null, valid: false, errors: [readerProblem(e)], warnings: []}))
}

/** `N documents, M valid, K invalid[, S skipped]` */
export function summaryLine(counts: Counts): string {
  const documents = `${counts.documents} document${counts.documents === 1 ? '' : 's'}`
  return `${documents}, ${counts.valid} valid, ${counts.invalid} invalid${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`
}

function documentKey(source: string, index: number, itemPath: ReadonlyArray<string | number>): string {
  return `${source}\u0000${index}\u0000${formatPath(itemPath)}`
}

function textLines(readerErrors: readonly ManifestError[], results: readonly DocumentResult[], order: Map<string, number>): string[] {
  const entries = [
    ...readerErrors.map((e) => ({order: e.source === undefined ? -1 : (order.get(e.source) ?? -1), line: e.line ?? 0, column: e.column ?? 0, text: e.message})),
    ...results.flatMap((r) => r.problems.map((p) => ({order: order.get(p.document.source) ?? -1, line: p.line, column: p.column, text: formatProblem(p)}))),
  ]
  entries.sort((a, b) => a.order - b.order || a.line - b.line || a.column - b.column)
  return entries.map((e) => e.text)
}

function jsonRecords(documents: readonly ManifestDocument[], results: readonly DocumentResult[], readerErrors: readonly ManifestError[], order: Map<string, number>): JSONRecord[] {
  const records = new Map<string, JSONRecord>()
  const placeless: JSONRecord[] = []
  const recordFor = (source: string, index: number, itemPath: ReadonlyArray<string | number>): JSONRecord => {
    const key = documentKey(source, index, itemPath)
    let record = records.get(key)
    if (!record) {
      record = {file: source, index, ...(itemPath.length > 0 ? {item: formatPath(itemPath)} : {}), valid: true, errors: [], warnings: []}
      records.set(key, record)
    }
    return record
  }
  for (const [i, document] of documents.entries()) {
    const record = recordFor(document.source, document.index, document.itemPath)
    record.apiVersion = document.object.apiVersion
    record.kind = document.object.kind
    const name = document.object.metadata?.name
    if (typeof name === 'string') record.name = name
    for (const problem of results[i].problems) {
      const entry = {path: formatFieldPath(problem.path), line: problem.line, column: problem.column, message: problem.message}
      if (problem.severity === 'error') record.errors.push(entry)
      else record.warnings.push(entry)
    }
    if (results[i].skipped) record.skipped = true
  }
  for (const error of readerErrors) {
    if (error.index === undefined) placeless.push(...errorRecords([error]))
    else recordFor(error.source ?? '', error.index, error.itemPath).errors.push(readerProblem(error))
  }
  const rank = (record: JSONRecord) => order.get(record.file ?? '') ?? -1
  const ordered = [...records.values()].sort((a, b) => rank(a) - rank(b) || (a.index ?? 0) - (b.index ?? 0))
  return [...placeless, ...ordered.map(inFieldOrder)]
}

/** The record with its fields in reading order: where, what, verdict, details. */
function inFieldOrder(record: JSONRecord): JSONRecord {
  const {file, index, item, apiVersion, kind, name, skipped, errors, warnings} = record
  return {
    file,
    index,
    ...(item === undefined ? {} : {item}),
    ...(apiVersion === undefined ? {} : {apiVersion, kind}),
    ...(name === undefined ? {} : {name}),
    valid: errors.length === 0,
    ...(skipped ? {skipped} : {}),
    errors,
    warnings,
  }
}

function readerProblem(error: ManifestError): JSONProblem {
  return error.line === undefined ? {message: error.detail} : {line: error.line, column: error.column, message: error.detail}
}
