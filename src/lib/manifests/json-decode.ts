// JSON manifests, decoded as kubectl decodes a stream that starts with "{": a sequence of JSON values
// (Go's json.Decoder), numbers as apimachinery reads them (int64 exact, float64 otherwise), syntax
// errors in encoding/json's words. One pass builds the object and the position of every key and item.
import {goQuote} from '../go/quote.js'
import type {DecodedStream, RawProblem} from './decoded.js'
import {MAX_DEPTH, setKey} from './decoded.js'
import {findEntry, recordEntry, type PosMapping, type PosNode, type PosSequence, type Position} from './positions.js'

class SyntaxFailure extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message)
  }
}

interface Frame {
  object?: Record<string, unknown>
  array?: unknown[]
  pos: PosMapping | PosSequence
  key: string
  keyAt: number
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const PLAIN_CHARS = /[^"\\\x00-\x1f]*/y
const ESCAPES: Record<string, string> = {'"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t'}

/** Decodes a stream of JSON values; a syntax error ends the stream, as it does for kubectl. */
export function decodeJSONStream(text: string, locate: (offset: number) => Position): DecodedStream {
  return new JSONStreamParser(text, locate).run()
}

class JSONStreamParser {
  private i = 0
  private problems: Array<Omit<RawProblem, 'index'>> = []

  constructor(
    private readonly text: string,
    private readonly locate: (offset: number) => Position,
  ) {}

  run(): DecodedStream {
    const result: DecodedStream = {documents: [], problems: []}
    for (let index = 0; ; index++) {
      this.skipSpace()
      if (this.i >= this.text.length) break
      const at = this.i
      this.problems = []
      try {
        const [value, pos] = this.value()
        if (this.problems.length > 0) for (const p of this.problems) result.problems.push({index, ...p})
        else result.documents.push({index, at, value, pos})
      } catch (err) {
        if (!(err instanceof SyntaxFailure)) throw err
        result.problems.push({index, at: err.at, message: err.message})
        break
      }
    }
    return result
  }

  private value(): [unknown, PosNode] {
    const stack: Frame[] = []
    for (;;) {
      this.skipSpace()
      const at = this.i
      let value: unknown
      let pos: PosNode = at
      const c = this.text[at]
      if (c === '{' || c === '[') {
        if (stack.length >= MAX_DEPTH) throw new SyntaxFailure(at, `json: exceeded max depth of ${MAX_DEPTH}`)
        this.i++
        this.skipSpace()
        const frame: Frame = c === '{' ? {object: {}, pos: {at, entries: []}, key: '', keyAt: at} : {array: [], pos: {at, items: []}, key: '', keyAt: at}
        const close = c === '{' ? '}' : ']'
        if (this.text[this.i] !== close) {
          stack.push(frame)
          if (frame.object) this.key(frame)
          continue
        }
        this.i++
        value = frame.object ?? frame.array
        pos = frame.pos
      } else if (c === '"') value = this.string()
      else if (c === '-' || (c >= '0' && c <= '9')) value = this.number()
      else if (c === 't') value = this.literal('true', true)
      else if (c === 'f') value = this.literal('false', false)
      else if (c === 'n') value = this.literal('null', null)
      else throw this.unexpected('looking for beginning of value')
      // Attach the value, then close every container that ends here.
      for (;;) {
        const top = stack[stack.length - 1]
        if (!top) return [value, pos]
        if (top.object) this.set(top, value, pos)
        else {
          ;(top.array as unknown[]).push(value)
          ;(top.pos as PosSequence).items.push(pos)
        }
        this.skipSpace()
        const d = this.text[this.i]
        if (d === ',') {
          this.i++
          if (top.object) this.key(top)
          break
        }
        if (d !== (top.object ? '}' : ']')) throw this.unexpected(top.object ? 'after object key:value pair' : 'after array element')
        this.i++
        stack.pop()
        value = top.object ?? top.array
        pos = top.pos
      }
    }
  }

  /** Reads `"key" :` and leaves the position at the value. */
  private key(frame: Frame): void {
    this.skipSpace()
    if (this.text[this.i] !== '"') throw this.unexpected('looking for beginning of object key string')
    frame.keyAt = this.i
    frame.key = this.string()
    this.skipSpace()
    if (this.text[this.i] !== ':') throw this.unexpected('after object key')
    this.i++
  }

  private set(frame: Frame, value: unknown, pos: PosNode): void {
    const mapping = frame.pos as PosMapping
    const object = frame.object as Record<string, unknown>
    const key = frame.key
    if (Object.hasOwn(object, key)) {
      const first = this.locate((findEntry(mapping, key) as [number, PosNode])[0])
      this.problems.push({at: frame.keyAt, message: `json: object key ${goQuote(key)} already defined at line ${first.line}, column ${first.column}`})
    }
    if (key === '__proto__') setKey(object, key, value)
    else object[key] = value
    recordEntry(mapping, key, frame.keyAt, pos)
  }

  private string(): string {
    const text = this.text
    let i = this.i + 1
    let out = ''
    for (;;) {
      PLAIN_CHARS.lastIndex = i
      PLAIN_CHARS.test(text)
      out += text.slice(i, PLAIN_CHARS.lastIndex)
      i = PLAIN_CHARS.lastIndex
      if (i >= text.length) throw this.eof()
      const c = text[i]
      if (c === '"') {
        this.i = i + 1
        return out
      }
      if (c !== '\\') {
        this.i = i
        throw this.unexpected('in string literal')
      }
      const e = text[i + 1]
      if (e === undefined) throw this.eof()
      if (e !== 'u') {
        const decoded = ESCAPES[e]
        if (decoded === undefined) {
          this.i = i + 1
          throw this.unexpected('in string escape code')
        }
        out += decoded
        i += 2
        continue
      }
      let unit = this.hex4(i + 2)
      i += 6
      if (unit >= 0xd800 && unit <= 0xdbff && text[i] === '\\' && text[i + 1] === 'u') {
        const low = this.hex4(i + 2)
        if (low >= 0xdc00 && low <= 0xdfff) {
          out += String.fromCharCode(unit, low)
          i += 6
          continue
        }
      }
      // Go replaces a surrogate that is not part of a pair.
      if (unit >= 0xd800 && unit <= 0xdfff) unit = 0xfffd
      out += String.fromCharCode(unit)
    }
  }

  private hex4(from: number): number {
    for (let k = from; k < from + 4; k++) {
      const ch = this.text[k]
      if (ch === undefined) {
        this.i = k
        throw this.eof()
      }
      if (!/[0-9a-fA-F]/.test(ch)) {
        this.i = k
        throw this.unexpected('in \\u hexadecimal character escape')
      }
    }
    return Number.parseInt(this.text.slice(from, from + 4), 16)
  }

  private number(): number | bigint {
    const text = this.text
    const start = this.i
    let i = start
    const digits = () => {
      while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
    }
    const needDigit = (context: string) => {
      const d = text.charCodeAt(i)
      if (!(d >= 0x30 && d <= 0x39)) {
        this.i = i
        throw i >= text.length ? this.eof() : this.unexpected(context)
      }
    }
    if (text[i] === '-') {
      i++
      needDigit('in numeric literal')
    }
    if (text[i] === '0') i++
    else digits()
    let float = false
    if (text[i] === '.') {
      i++
      needDigit('after decimal point in numeric literal')
      digits()
      float = true
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      needDigit('in exponent of numeric literal')
      digits()
      float = true
    }
    this.i = i
    const literal = text.slice(start, i)
    if (!float) {
      if (literal.length <= 15) return Number(literal) || 0
      const big = BigInt(literal)
      if (big < INT64_MIN || big > INT64_MAX) return Number(literal)
      return big >= -Number.MAX_SAFE_INTEGER && big <= Number.MAX_SAFE_INTEGER ? Number(big) : big
    }
    const f = Number(literal)
    if (!Number.isFinite(f)) throw new SyntaxFailure(start, `json: cannot unmarshal number ${literal} into Go value of type float64`)
    return f
  }

  private literal<T>(word: string, value: T): T {
    for (let k = 1; k < word.length; k++) {
      const ch = this.text[this.i + k]
      if (ch !== word[k]) {
        this.i += k
        if (ch === undefined) throw this.eof()
        throw this.unexpected(`in literal ${word} (expecting ${quoteChar(word[k])})`)
      }
    }
    this.i += word.length
    return value
  }

  private skipSpace(): void {
    const text = this.text
    let i = this.i
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
    this.i = i
  }

  private unexpected(context: string): SyntaxFailure {
    if (this.i >= this.text.length) return this.eof()
    const ch = String.fromCodePoint(this.text.codePointAt(this.i) as number)
    return new SyntaxFailure(this.i, `json: invalid character ${quoteChar(ch)} ${context}`)
  }

  private eof(): SyntaxFailure {
    return new SyntaxFailure(this.text.length, 'unexpected EOF')
  }
}

/** encoding/json's quoteChar: the offending byte (the first byte of a multi-byte character) in single quotes. */
function quoteChar(ch: string): string {
  if (ch === "'") return `'\\''`
  if (ch === '"') return `'"'`
  const code = ch.codePointAt(0) as number
  const byte = code < 0x80 ? code : Buffer.from(ch, 'utf8')[0]
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`
}
