// The one manifest reader behind every verb's -f (get, describe, create, apply, delete, validate).
//
// API
//   readManifests({filenames, recursive, stdin, env?}) -> Promise<ManifestDocument[]>
//     Every object the -f arguments name, in kubectl's order, or a CliError: `error: LINE` for one
//     problem, an AggregateCliError (one line each, no prefix) for several, as kubectl prints them.
//     Sources that hold no objects give []; the verb words that ("no objects passed to apply").
//   collectManifests(same options) -> Promise<{documents, errors: ManifestError[]}>
//     The same without throwing, for `ktl validate`, which reports every problem of every file.
//     Each ManifestError has source, index, line, column, itemPath and detail fields.
//   ManifestDocument:
//     source    the path as given, joined with the entry name for files found in a directory
//               (d/app.yaml), the URL, or "STDIN" (kubectl's name for it in messages)
//     index     0-based document number within the source (messages print index + 1)
//     itemPath  [] for a plain document; ['items', 2] (or deeper, for nested Lists) for an object
//               taken out of a `kind: List` or `*List`
//     object    the decoded object, apiVersion and kind guaranteed to be non-empty strings
//     position(path) the 1-based {line, column} of a JSON path relative to `object`: a key for a
//               string step (['spec', 'replicas'] -> the `replicas` key), the item itself for an index
//               step (['spec', 'containers', 0] -> where that item starts; for a quoted scalar its
//               opening quote, for a block scalar its | or >), the object's start for []. Undefined
//               when the path is not in the source. Columns count characters; a tab is one.
//
// Sources (kubectl's resource builder): -f FILE reads FILE whatever its extension; -f DIR reads the
// .json, .yaml and .yml files in DIR (case-sensitive) in byte order of their names, and with -R those
// of every subdirectory, depth first; -f - reads stdin once; -f http(s)://URL fetches the URL; a -f
// path that does not exist is tried as a Go glob pattern. Several -f arguments keep their order.
// Problems with the arguments themselves (missing paths, bad patterns or URLs, stdin twice, nothing
// to read) are reported before anything is read, as kubectl does.
//
// Decoding: a stream whose first non-space character is "{" is a stream of JSON values; anything else
// is YAML cut into documents at lines that start with "---", decoded with gopkg.in/yaml.v2's YAML 1.1
// rules (yes/no/on/off/y/n are booleans, 0755 is octal, dates stay strings, merge keys `<<` apply).
// Integers are exact: a JS number up to 2^53, a bigint beyond that up to int64 (JSON.stringify throws
// on a bigint: serialize with printers/json.ts or a bigint-aware replacer); larger integers become
// floats as in kubectl. Empty and comment-only documents and `null` documents are skipped; `kind: List`
// and any `*List` with an items array are replaced by their items (recursively); items of a `FooList`
// that name neither apiVersion nor kind become apiVersion-of-the-list/Foo, as in kubectl.
//
// Errors: each is one line. Problems with a place in a document read
//   SOURCE:LINE:COLUMN: document N: [items[I]: ]MESSAGE
// (e.g. `app.yaml:14:3: document 2: yaml: mapping key "name" already defined at line 13, column 3`),
// MESSAGE keeping kubectl's words where kubectl has them ("error validating data: [apiVersion not set,
// kind not set]", "invalid Yaml document separator: foo", "json: invalid character 'C' looking for
// beginning of value"). Problems without a place keep kubectl's whole message: `the path "x" does not
// exist`, `open d/a.yaml: no such file or directory`, `unable to read URL "...", server reported 404
// Not Found, status code=404`. A document with a problem is left out; the reader goes on with the
// following documents and sources so that all problems are reported at once. Beyond kubectl: duplicate
// keys, NUL and other control characters, nesting deeper than 1000 levels and alias bombs are errors
// with a place.
import {constants as bufferConstants} from 'node:buffer'
import {readFileSync} from 'node:fs'
import type {Readable} from 'node:stream'
import {AggregateCliError, CliError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import type {DecodedStream, RawDocument} from './decoded.js'
import {decodeJSONStream} from './json-decode.js'
import {LineIndex, nodeAtPath, offsetOfNode, offsetOfPath, type PosNode, type Position} from './positions.js'
import {errnoCode, expandFilenames, goErrnoText, type ManifestSource} from './sources.js'

export type {Position} from './positions.js'

export interface ReadManifestsOptions {
  filenames: readonly string[]
  recursive: boolean
  stdin: Readable
  /** For -f URL: proxies and SSL_CERT_FILE. */
  env?: NodeJS.ProcessEnv
  /** For -f URL: kubectl's three attempts a second apart, adjustable for tests. */
  urlAttempts?: number
  urlRetryDelayMs?: number
}

export type ManifestObject = KubeObject & {apiVersion: string; kind: string}

export interface ManifestDocument {
  source: string
  index: number
  itemPath: Array<string | number>
  object: ManifestObject
  position(path: ReadonlyArray<string | number>): Position | undefined
  /** Where the value at a path starts (after `key: `), for problems with the value rather than the key. */
  valuePosition(path: ReadonlyArray<string | number>): Position | undefined
}

/** A problem with the input; `message` is the line to print (without kubectl's "error: " prefix). */
export class ManifestError extends CliError {
  constructor(
    /** What kubectl would say, or ktl's words for what kubectl does not check. */
    readonly detail: string,
    readonly source?: string,
    /** 0-based document number. */
    readonly index?: number,
    readonly line?: number,
    readonly column?: number,
    readonly itemPath: Array<string | number> = [],
  ) {
    super(line === undefined ? detail : `${source}:${line}:${column}: document ${(index ?? 0) + 1}: ${itemPath.length ? `${formatPath(itemPath)}: ` : ''}${detail}`)
    this.name = 'ManifestError'
  }
}

export interface CollectedManifests {
  documents: ManifestDocument[]
  errors: ManifestError[]
  /** What the -f arguments expanded to: files (a directory gives each of its files), stdin, URLs. */
  sources: ManifestSource[]
}

export async function readManifests(opts: ReadManifestsOptions): Promise<ManifestDocument[]> {
  const {documents, errors} = await collectManifests(opts)
  if (errors.length > 0) throw manifestFailure(errors)
  return documents
}

/** kubectl's form for failures: one gets "error: ", several are listed a line each. */
export function manifestFailure(errors: ManifestError[]): CliError {
  return errors.length === 1 ? new CliError(`error: ${errors[0].message}`) : new AggregateCliError(errors)
}

// URLs (and stdin) are fetched this many sources ahead of decoding, so several downloads overlap.
const READ_AHEAD = 16

export async function collectManifests(opts: ReadManifestsOptions): Promise<CollectedManifests> {
  const expanded = await expandFilenames(opts.filenames, opts.recursive)
  if (expanded.errors.length > 0) return {documents: [], errors: expanded.errors.map((m) => new ManifestError(m)), sources: []}
  const sources = expanded.sources
  const documents: ManifestDocument[] = []
  const errors: ManifestError[] = []
  const pending: Array<Promise<Loaded> | undefined> = sources.slice(0, READ_AHEAD).map((s) => load(s, opts))
  for (let i = 0; i < sources.length; i++) {
    const loaded = await (pending[i] as Promise<Loaded>)
    pending[i] = undefined
    if (i + READ_AHEAD < sources.length) pending.push(load(sources[i + READ_AHEAD], opts))
    if (loaded.error !== undefined) {
      errors.push(new ManifestError(loaded.error))
      continue
    }
    await decodeSource(sources[i].name, loaded.text as string, documents, errors)
  }
  return {documents, errors, sources}
}

interface Loaded {
  text?: string
  error?: string
}

async function load(source: ManifestSource, opts: ReadManifestsOptions): Promise<Loaded> {
  let bytes: Buffer
  try {
    // Synchronous reads: ten times cheaper than fs/promises for directories of small files.
    if (source.kind === 'file') bytes = readFileSync(source.name)
    else if (source.kind === 'stdin') {
      const chunks: Buffer[] = []
      for await (const chunk of opts.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
      bytes = Buffer.concat(chunks)
    } else {
      const {fetchURL} = await import('../client/fetch-url.js')
      bytes = await fetchURL(source.name, {env: opts.env, attempts: opts.urlAttempts, retryDelayMs: opts.urlRetryDelayMs})
    }
  } catch (err) {
    if (err instanceof CliError) return {error: err.message.replace(/^error: /, '')}
    const syscall = (err as NodeJS.ErrnoException).syscall
    if (errnoCode(err) && syscall === 'open') return {error: `open ${source.name}: ${goErrnoText(err)}`}
    return {error: `error parsing ${source.name}: read ${source.name}: ${goErrnoText(err)}`}
  }
  // V8 caps string length; kubectl streams, ktl keeps one string per source.
  const limit = bufferConstants.MAX_STRING_LENGTH
  if (bytes.length > limit) return {error: `error parsing ${source.name}: file too large (${bytes.length} bytes, at most ${limit})`}
  return {text: decodeText(bytes)}
}

/** kubectl's BOMOverride: a UTF-16 byte order mark switches to UTF-16; a UTF-8 one is dropped; bad UTF-8 becomes U+FFFD. */
function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)))
    return swapped.swap16().toString('utf16le')
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  return bytes.toString('utf8')
}

// js-yaml and the YAML decoder load on the first YAML source only.
let yamlDecoder: Promise<typeof import('./yaml-decode.js')> | undefined

async function decodeSource(source: string, text: string, documents: ManifestDocument[], errors: ManifestError[]): Promise<void> {
  const lines = new LineIndex(text)
  const locate = (offset: number) => lines.locate(offset)
  let decoded: DecodedStream
  if (/^\s*\{/.test(text)) decoded = decodeJSONStream(text, locate)
  else {
    const {decodeYAMLStream} = await (yamlDecoder ??= import('./yaml-decode.js'))
    decoded = await decodeYAMLStream(text, locate)
  }
  const fail = (index: number, at: number, detail: string, itemPath: Array<string | number> = []) => {
    const {line, column} = lines.locate(at)
    errors.push(new ManifestError(detail, source, index, line, column, itemPath))
  }
  // Problems and documents each come in document order; merge them so messages follow the file.
  let p = 0
  const flushProblems = (before: number) => {
    for (; p < decoded.problems.length && decoded.problems[p].index < before; p++) {
      const problem = decoded.problems[p]
      fail(problem.index, problem.at, problem.message)
    }
  }
  for (const raw of decoded.documents) {
    flushProblems(raw.index + 1)
    if (raw.value !== null) addObjects(raw, raw.value, raw.pos, [], {source, lines, documents, fail})
  }
  flushProblems(Number.POSITIVE_INFINITY)
}

interface Sink {
  source: string
  lines: LineIndex
  documents: ManifestDocument[]
  fail: (index: number, at: number, detail: string, itemPath?: Array<string | number>) => void
}

function addObjects(raw: RawDocument, value: unknown, pos: PosNode, itemPath: Array<string | number>, sink: Sink): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    sink.fail(raw.index, offsetOfNode(pos), `error validating data: invalid object to validate: expected a mapping, got ${describeValue(value)}`, itemPath)
    return
  }
  const object = value as Record<string, unknown>
  if (isList(object)) {
    const items = (object.items ?? []) as unknown[]
    const itemsPos = nodeAtPath(pos, ['items'])
    const listKind = object.kind as string
    for (let i = 0; i < items.length; i++) {
      const item = items[i]
      const itemPos = itemsPos !== undefined && typeof itemsPos === 'object' && 'items' in itemsPos ? (itemsPos.items[i] ?? itemsPos) : pos
      if (listKind !== 'List' && isMapping(item) && isUnset(item.apiVersion) && isUnset(item.kind)) {
        item.kind = listKind.slice(0, -'List'.length)
        item.apiVersion = object.apiVersion
      }
      addObjects(raw, item, itemPos, [...itemPath, 'items', i], sink)
    }
    return
  }
  const missing: string[] = []
  let at = offsetOfNode(pos)
  for (const field of ['apiVersion', 'kind']) {
    const v = object[field]
    if (isUnset(v)) missing.push(`${field} not set`)
    else if (typeof v !== 'string') {
      missing.push(`${field} isn't string type`)
      if (missing.length === 1) at = offsetOfPath(pos, [field]) ?? at
    }
  }
  if (missing.length > 0) {
    sink.fail(raw.index, at, `error validating data: ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}`, itemPath)
    return
  }
  sink.documents.push(new SourceDocument(sink.source, raw.index, itemPath, object as ManifestObject, pos, sink.lines))
}

class SourceDocument implements ManifestDocument {
  constructor(
    readonly source: string,
    readonly index: number,
    readonly itemPath: Array<string | number>,
    readonly object: ManifestObject,
    private readonly pos: PosNode,
    private readonly lines: LineIndex,
  ) {}

  position(path: ReadonlyArray<string | number>): Position | undefined {
    const at = offsetOfPath(this.pos, path)
    return at === undefined ? undefined : this.lines.locate(at)
  }

  valuePosition(path: ReadonlyArray<string | number>): Position | undefined {
    const node = nodeAtPath(this.pos, path)
    return node === undefined ? undefined : this.lines.locate(offsetOfNode(node))
  }
}

function isList(object: Record<string, unknown>): boolean {
  return typeof object.kind === 'string' && object.kind.endsWith('List') && (Array.isArray(object.items) || object.items === null)
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function isUnset(v: unknown): boolean {
  return v === undefined || v === null || v === ''
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a sequence'
  if (typeof v === 'string') return 'a string'
  if (typeof v === 'boolean') return 'a boolean'
  return 'a number'
}

/** items[2].items[0] */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('')
}
