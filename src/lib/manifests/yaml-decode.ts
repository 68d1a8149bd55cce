// YAML manifests, decoded the way kubectl decodes them: the stream is cut into documents at lines that
// start with "---" (kubectl's YAMLReader, including its refusal of "--- text"), each document is parsed
// once with js-yaml's parseEvents, and one pass over the events builds both the object (gopkg.in/yaml.v2
// rules, see yaml-scalars.ts) and the position of every key and item.
import type {Event, ScalarEvent} from 'js-yaml'
import {goQuote} from '../go/quote.js'
import type {DecodedStream, RawProblem} from './decoded.js'
import {excessiveAliasing, MAX_DEPTH, setKey} from './decoded.js'
import {findEntry, recordEntry, type PosMapping, type PosNode, type PosSequence, type Position} from './positions.js'
import {keyString, resolveScalar, resolvedKind, resolveTaggedScalar, ScalarError, type ScalarKind, type ScalarValue, YAML_TAG_PREFIX} from './yaml-scalars.js'

type JsYaml = typeof import('js-yaml')

/** One piece of the stream between separator lines. */
export interface Chunk {
  start: number
  end: number
  /** Whether a separator line precedes it: text before the first separator is a document only if it has content. */
  afterSeparator: boolean
  /** The separator line had more than a comment after "---" (kubectl refuses it). */
  badSeparator?: {at: number; text: string}
}

/** kubectl's YAMLReader: a line starting with "---" ends a document; only a comment may follow it. */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = []
  let start = 0
  let afterSeparator = false
  let badSeparator: Chunk['badSeparator']
  const nextSeparator = (from: number) => {
    const i = text.indexOf('\n---', from)
    return i === -1 ? -1 : i + 1
  }
  for (let line = text.startsWith('---') ? 0 : nextSeparator(0); line !== -1; ) {
    let lineEnd = text.indexOf('\n', line)
    if (lineEnd === -1) lineEnd = text.length
    chunks.push({start, end: line, afterSeparator, badSeparator})
    const rest = text.slice(line + 3, lineEnd)
    const trimmed = rest.trim()
    badSeparator = trimmed !== '' && trimmed[0] !== '#' ? {at: line + 3 + rest.indexOf(trimmed[0]), text: trimmed} : undefined
    afterSeparator = true
    start = Math.min(lineEnd + 1, text.length)
    line = nextSeparator(lineEnd)
  }
  chunks.push({start, end: text.length, afterSeparator, badSeparator})
  return chunks
}

// What yaml.v2 accepts in a stream; anything else is "control characters are not allowed".
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u

let jsYaml: Promise<JsYaml> | undefined

/** Decodes a YAML stream; documents are numbered as YAML counts them (see Chunk.afterSeparator). */
export async function decodeYAMLStream(text: string, locate: (offset: number) => Position): Promise<DecodedStream> {
  const yaml = await (jsYaml ??= import('js-yaml'))
  const result: DecodedStream = {documents: [], problems: []}
  let index = 0
  // Most manifests are printable ASCII; only the others need the per-document check.
  const printableASCII = !/[^\t\n\r\x20-\x7e]/.test(text)
  const composer = new Composer(locate, yaml)
  for (const chunk of splitDocuments(text)) {
    if (chunk.badSeparator) {
      result.problems.push({index: index++, at: chunk.badSeparator.at, message: `invalid Yaml document separator: ${chunk.badSeparator.text}`})
      continue
    }
    const body = text.slice(chunk.start, chunk.end)
    const control = printableASCII ? null : NOT_PRINTABLE.exec(body)
    if (control) {
      const code = control[0].codePointAt(0) as number
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      result.problems.push({index: index++, at: chunk.start + control.index, message: `yaml: control characters are not allowed (found ${name})`})
      continue
    }
    let events: Event[]
    try {
      events = yaml.parseEvents(body, {maxDepth: MAX_DEPTH})
    } catch (err) {
      result.problems.push({index: index++, ...parseFailure(err, chunk.start)})
      continue
    }
    const documents = composer.compose(body, chunk.start, events)
    if (documents.length === 0) {
      if (chunk.afterSeparator) index++
      continue
    }
    for (const doc of documents) {
      if (doc.problems.length > 0) for (const p of doc.problems) result.problems.push({index, ...p})
      else result.documents.push({index, at: doc.at, value: doc.value, pos: doc.pos})
      index++
    }
  }
  return result
}

function parseFailure(err: unknown, base: number): Omit<RawProblem, 'index'> {
  const e = err as {reason?: string; mark?: {position: number}; message?: string}
  if (err instanceof RangeError) return {at: base, message: `yaml: exceeded max depth of ${MAX_DEPTH}`}
  const reason = e.reason ?? e.message ?? String(err)
  const at = base + (e.mark?.position ?? 0)
  if (/exceeded maxDepth/.test(reason)) return {at, message: `yaml: exceeded max depth of ${MAX_DEPTH}`}
  return {at, message: `yaml: ${reason}`}
}

interface Anchor {
  value: unknown
  pos: PosNode
  kind: ScalarKind
  /** How many nodes decoding it again costs (yaml.v2 counts alias expansions). */
  size: number
}

/** An open mapping or sequence. One class, so the hot paths see one shape. */
class Frame {
  // `declare`: assigned in the constructor only, so no class-field definitions run first
  declare value: Record<string, unknown> | unknown[]
  declare mapping: PosMapping | undefined
  declare sequence: PosSequence | undefined
  declare at: number
  declare anchor: string | undefined
  declare startCount: number
  /** For mappings: a key was read and waits for its value. */
  declare hasKey: boolean
  declare key: string
  declare keyAt: number
  declare merge: boolean

  constructor(value: Record<string, unknown> | unknown[], mapping: PosMapping | undefined, sequence: PosSequence | undefined, at: number, anchor: string | undefined, startCount: number) {
    this.value = value
    this.mapping = mapping
    this.sequence = sequence
    this.at = at
    this.anchor = anchor
    this.startCount = startCount
    this.hasKey = false
    this.key = ''
    this.keyAt = at
    this.merge = false
  }
}

interface ComposedDocument {
  at: number
  value: unknown
  pos: PosNode
  problems: Array<Omit<RawProblem, 'index'>>
}

/** Fails the document being composed; the rest of its events are skipped. */
class DocumentFailure extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message)
  }
}

const EVENT = {DOCUMENT: 1, SEQUENCE: 2, MAPPING: 3, SCALAR: 4, ALIAS: 5, POP: 6} as const
const STYLE = {PLAIN: 1, SINGLE_QUOTED: 2, DOUBLE_QUOTED: 3} as const
const MERGE_TAG = `${YAML_TAG_PREFIX}merge`

class Composer {
  private frames: Frame[] = []
  private top: Frame | undefined
  private anchors: Map<string, Anchor> | undefined
  private openAnchors: Set<string> | undefined
  private handles: Map<string, string> | undefined
  private decodeCount = 0
  private aliasCount = 0
  private doc!: ComposedDocument
  /** Open containers left to skip after a failure; -1 while composing normally. */
  private skipping = -1

  private src = ''
  private base = 0

  constructor(
    private readonly locate: (offset: number) => Position,
    private readonly yaml: JsYaml,
  ) {}

  /** The documents of one piece of the stream; `base` is its offset in the whole text. */
  compose(src: string, base: number, events: Event[]): ComposedDocument[] {
    this.src = src
    this.base = base
    this.frames = []
    this.top = undefined
    this.skipping = -1
    const documents: ComposedDocument[] = []
    for (let i = 0; i < events.length; i++) {
      const event = events[i]
      const type = event.type
      if (this.skipping >= 0) {
        if (type === EVENT.MAPPING || type === EVENT.SEQUENCE) this.skipping++
        else if (type === EVENT.POP && this.skipping-- === 0) {
          documents.push(this.doc)
          this.skipping = -1
        }
        continue
      }
      try {
        if (type === EVENT.SCALAR) this.scalar(event)
        else if (type === EVENT.POP) {
          if (this.top === undefined) documents.push(this.doc)
          else this.close()
        } else if (type === EVENT.MAPPING || type === EVENT.SEQUENCE) this.open(event.start, type === EVENT.MAPPING, event.anchorStart, event.anchorEnd)
        else if (type === EVENT.ALIAS) this.alias(this.src.slice(event.anchorStart, event.anchorEnd), this.base + event.anchorStart - 1)
        else this.startDocument(event.directives)
      } catch (err) {
        if (!(err instanceof DocumentFailure)) throw err
        this.doc.problems.push({at: err.at, message: err.message})
        // a container refused as it opened still sends its content and its POP
        this.skipping = this.frames.length + (type === EVENT.MAPPING || type === EVENT.SEQUENCE ? 1 : 0)
        this.frames = []
        this.top = undefined
      }
    }
    return documents
  }

  private startDocument(directives: ReadonlyArray<{kind: string; handle?: string; prefix?: string}>): void {
    this.doc = {at: this.base, value: null, pos: this.base, problems: []}
    this.anchors = undefined
    this.openAnchors = undefined
    this.handles = undefined
    for (const d of directives) if (d.kind === 'tag') (this.handles ??= new Map()).set(d.handle as string, d.prefix as string)
    this.decodeCount = 1
    this.aliasCount = 0
  }

  private open(start: number, isMapping: boolean, anchorStart: number, anchorEnd: number): void {
    const at = this.base + start
    const parent = this.top
    if (parent?.mapping !== undefined && !parent.hasKey) throw new DocumentFailure(at, 'yaml: invalid map key: a mapping or sequence cannot be a key')
    let anchor: string | undefined
    if (anchorStart !== -1) {
      anchor = this.src.slice(anchorStart, anchorEnd)
      ;(this.openAnchors ??= new Set()).add(anchor)
    }
    const frame = isMapping
      ? new Frame({}, {at, entries: []}, undefined, at, anchor, this.decodeCount++)
      : new Frame([], undefined, {at, items: []}, at, anchor, this.decodeCount++)
    this.frames.push(frame)
    this.top = frame
  }

  private close(): void {
    const frame = this.frames.pop() as Frame
    this.top = this.frames.length > 0 ? this.frames[this.frames.length - 1] : undefined
    const pos = (frame.mapping ?? frame.sequence) as PosNode
    if (frame.anchor !== undefined) {
      this.openAnchors?.delete(frame.anchor)
      ;(this.anchors ??= new Map()).set(frame.anchor, {value: frame.value, pos, kind: 'str', size: this.decodeCount - frame.startCount})
    }
    this.add(frame.value, pos, frame.at, 'str', false)
  }

  private scalar(event: ScalarEvent): void {
    const text = this.yaml.getScalarValue(this.src, event)
    let at = this.scalarAt(event)
    let value: ScalarValue
    let kind: ScalarKind = 'str'
    let mergeKey = false
    if (event.tagStart === -1) {
      if (event.style === STYLE.PLAIN) {
        value = resolveScalar(text)
        kind = resolvedKind
        mergeKey = text === '<<'
      } else value = text
    } else {
      const tag = this.tagName(this.src.slice(event.tagStart, event.tagEnd))
      if (tag === '!') value = text
      else {
        try {
          value = resolveTaggedScalar(tag, text)
        } catch (err) {
          if (err instanceof ScalarError) throw new DocumentFailure(at < 0 ? this.base + event.tagStart : at, err.message)
          throw err
        }
        kind = resolvedKind
        mergeKey = text === '<<' && tag === MERGE_TAG
      }
    }
    this.decodeCount++
    if (at < 0) at = this.implicitAt()
    if (event.anchorStart !== -1) (this.anchors ??= new Map()).set(this.src.slice(event.anchorStart, event.anchorEnd), {value, pos: at, kind, size: 1})
    this.add(value, at, at, kind, mergeKey)
  }

  private alias(name: string, at: number): void {
    if (this.openAnchors?.has(name)) throw new DocumentFailure(at, `yaml: anchor '${name}' value contains itself`)
    const anchor = this.anchors?.get(name)
    if (!anchor) throw new DocumentFailure(at, `yaml: unknown anchor '${name}' referenced`)
    this.decodeCount += 1 + anchor.size
    this.aliasCount += anchor.size
    if (excessiveAliasing(this.decodeCount, this.aliasCount)) {
      throw new DocumentFailure(at, 'yaml: document contains excessive aliasing')
    }
    // Go decodes an alias afresh each time; copies keep later edits of one place from showing in another.
    this.add(copyValue(anchor.value), anchor.pos, at, anchor.kind, false)
  }

  /** Puts a finished node where it belongs: document root, sequence item, mapping key or value. */
  private add(value: unknown, pos: PosNode, at: number, kind: ScalarKind, mergeKey: boolean): void {
    const frame = this.top
    if (frame === undefined) {
      this.checkValue(value, at)
      this.doc.value = value
      this.doc.pos = pos
      this.doc.at = typeof pos === 'number' ? pos : pos.at
      return
    }
    const mapping = frame.mapping
    if (mapping === undefined) {
      this.checkValue(value, at)
      ;(frame.value as unknown[]).push(value)
      ;(frame.sequence as PosSequence).items.push(pos)
      return
    }
    if (!frame.hasKey) {
      if (value !== null && typeof value === 'object') throw new DocumentFailure(at, 'yaml: invalid map key: a mapping or sequence cannot be a key')
      frame.hasKey = true
      frame.keyAt = at
      frame.merge = mergeKey
      if (!mergeKey) {
        if (typeof value === 'string') frame.key = value
        else {
          try {
            frame.key = keyString(value as ScalarValue, kind)
          } catch (err) {
            if (err instanceof ScalarError) throw new DocumentFailure(at, err.message)
            throw err
          }
        }
      }
      return
    }
    frame.hasKey = false
    if (frame.merge) {
      this.merge(frame, mapping, value, pos)
      return
    }
    this.checkValue(value, at)
    const key = frame.key
    const target = frame.value as Record<string, unknown>
    if (Object.hasOwn(target, key) && !mapping.merged?.delete(key)) {
      const first = this.locate((findEntry(mapping, key) as [number, PosNode])[0])
      this.doc.problems.push({at: frame.keyAt, message: `yaml: mapping key ${goQuote(key)} already defined at line ${first.line}, column ${first.column}`})
    }
    if (key === '__proto__') setKey(target, key, value)
    else target[key] = value
    recordEntry(mapping, key, frame.keyAt, pos)
  }

  /** yaml.v2's merge: keys are set in order, so they replace earlier keys and later keys replace them. */
  private merge(frame: Frame, mapping: PosMapping, value: unknown, pos: PosNode): void {
    const into = (source: Record<string, unknown>, sourcePos: PosNode) => {
      const from = typeof sourcePos === 'object' && 'entries' in sourcePos ? sourcePos : undefined
      const merged = (mapping.merged ??= new Set())
      for (const key of Object.keys(source)) {
        setKey(frame.value as Record<string, unknown>, key, source[key])
        const entry = from && findEntry(from, key)
        recordEntry(mapping, key, entry ? entry[0] : frame.keyAt, entry ? entry[1] : frame.keyAt)
        merged.add(key)
      }
    }
    const fail = () => new DocumentFailure(frame.keyAt, 'yaml: map merge requires map or sequence of maps as the value')
    if (isMapping(value)) into(value, pos)
    else if (Array.isArray(value)) {
      if (!value.every(isMapping)) throw fail()
      const items = typeof pos === 'object' && 'items' in pos ? pos.items : []
      // earlier mappings in the list take precedence, so they are merged last
      for (let i = value.length - 1; i >= 0; i--) into(value[i] as Record<string, unknown>, items[i] ?? frame.keyAt)
    } else throw fail()
  }

  /** sigs.k8s.io/yaml converts to JSON, which has no NaN or infinities. */
  private checkValue(value: unknown, at: number): void {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const name = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'
      this.doc.problems.push({at, message: `error converting YAML to JSON: json: unsupported value: ${name}`})
    }
  }

  /** Where a scalar starts: its first character, the opening quote, or a block scalar's | or > indicator. */
  private scalarAt(event: ScalarEvent): number {
    const start = event.valueStart
    if (start === -1) return event.anchorStart !== -1 ? this.base + event.anchorStart - 1 : event.tagStart !== -1 ? this.base + event.tagStart : -1
    const style = event.style
    if (style === STYLE.PLAIN) return this.base + start
    if (style === STYLE.SINGLE_QUOTED || style === STYLE.DOUBLE_QUOTED) return this.base + start - 1
    let end = start - 1
    if (end > 0 && this.src.charCodeAt(end - 1) === 0x0d) end--
    const lineStart = this.src.lastIndexOf('\n', end - 1) + 1
    const header = /[|>][-+0-9]*[ \t]*(?:#.*)?$/.exec(this.src.slice(lineStart, end))
    return this.base + (header ? lineStart + header.index : start)
  }

  /** An empty scalar has no text of its own: it sits at its key, its sequence, or the document start. */
  private implicitAt(): number {
    const frame = this.top
    if (frame === undefined) return this.base
    return frame.mapping !== undefined && frame.hasKey ? frame.keyAt : frame.at
  }

  private tagName(raw: string): string {
    if (raw === '!') return raw
    if (raw.startsWith('!<')) return percentDecode(raw.slice(2, -1))
    const second = raw.indexOf('!', 1)
    const handle = second === -1 ? '!' : raw.slice(0, second + 1)
    const prefix = this.handles?.get(handle) ?? (handle === '!!' ? YAML_TAG_PREFIX : handle)
    return prefix + percentDecode(raw.slice(handle.length))
  }
}

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copyValue)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) setKey(out, key, copyValue((value as Record<string, unknown>)[key]))
  return out
}
