// kubectl's `-o yaml`: sigs.k8s.io/yaml marshals the object to JSON, reads that JSON back with
// gopkg.in/yaml.v2 (so numbers become int/uint/float by yaml.v2's rules) and emits it with
// yaml.v2's libyaml-derived emitter. This module reproduces that pipeline for JSON-shaped values:
// the scalar resolver decides which strings need quotes, and the emitter below mirrors yaml.v2's
// state (column, indent, whitespace/indention flags) so line folding at column 80, block scalars
// and quoting come out byte for byte.

import {usageError} from '../errors.js'
import {compareCodePoints, goJSONNumber} from './json.js'

/** What kubectl prints for `-o yaml` of `value` (an object decoded from JSON). */
export function formatYAML(value: unknown): string {
  const reading = inspect(value)
  if (reading === 'unreadable') throw usageError('yaml: control characters are not allowed')
  const emitter = new Emitter()
  emitter.node(reading === 'changes' ? readBack(value, {lines: 0}) : value, false)
  // document end: yaml.v2 ends the last line; the implicit document needs no `...`
  emitter.writeIndent()
  return emitter.text()
}

// ---------------------------------------------------------------------------------------------
// Reading Go's JSON text back as YAML. Go writes every character raw except quotes, backslashes,
// control characters, <, >, & and U+2028/U+2029, so a few raw characters reach yaml.v2's reader
// and scanner and change the outcome.

// The reader refuses these characters, so kubectl fails rather than printing.
const UNREADABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/
const NEL = '\u0085'

type Reading = 'same' | 'changes' | 'unreadable'

/** Whether yaml.v2 reads Go's JSON for `value` back as the same value, another one, or not at all. */
function inspect(value: unknown): Reading {
  if (typeof value === 'string') return UNREADABLE.test(value) ? 'unreadable' : value.includes(NEL) ? 'changes' : 'same'
  if (value === null || typeof value !== 'object') return 'same'
  let reading: Reading = 'same'
  if (Array.isArray(value)) {
    for (const item of value) {
      const r = inspect(item)
      if (r === 'unreadable') return r
      if (r === 'changes') reading = r
    }
    return reading
  }
  for (const [key, item] of Object.entries(value)) {
    const k = inspect(key)
    if (k === 'unreadable') return k
    // a key more than 1024 JSON characters long fails, see readBack; 170 characters escape to at most 1024
    if (k === 'changes' || (key.length > 170 && quotedLength(key) > 1024)) reading = 'changes'
    const r = inspect(item)
    if (r === 'unreadable') return r
    if (r === 'changes') reading = r
  }
  return reading
}

interface ReadState {
  lines: number // line breaks (NEL) the scanner has passed, for its error messages
}

/** The value yaml.v2 decodes from Go's JSON for `value`, walked in the JSON text's order. */
function readBack(value: unknown, state: ReadState): unknown {
  if (typeof value === 'string') return value.includes(NEL) ? foldQuoted(value, state) : value
  if (Array.isArray(value)) return value.map((item) => readBack(item === undefined ? null : item, state))
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort(compareCodePoints)
  const out: Record<string, unknown> = Object.create(null)
  for (const key of keys) {
    const read = readBack(key, state) as string
    // a flow mapping key must be a simple key: on one line and at most 1024 characters of JSON text
    if (key.includes(NEL) || quotedLength(key) > 1024) {
      throw usageError(`yaml: ${state.lines > 0 ? `line ${state.lines}: ` : ''}did not find expected ',' or '}'`)
    }
    out[read] = readBack(record[key], state)
  }
  return out
}

function quotedLength(key: string): number {
  let n = 2
  for (const ch of key) {
    const c = ch.codePointAt(0) as number
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) n += 6
    else n += 1
  }
  return n
}

// yaml_parser_scan_flow_scalar on a double-quoted JSON string whose only raw whitespace is spaces
// and NEL line breaks: a break and the spaces around it fold to one space, further breaks stay
// as newlines, and `---` or `...` right after a break ends the document.
function foldQuoted(s: string, state: ReadState): string {
  let out = ''
  let i = 0
  let afterBreak = false
  while (i < s.length) {
    if (afterBreak && (s.startsWith('---', i) || s.startsWith('...', i)) && (s[i + 3] === ' ' || s[i + 3] === NEL)) {
      throw usageError(`yaml: line ${state.lines + 1}: found unexpected document indicator`)
    }
    while (i < s.length && s[i] !== ' ' && s[i] !== NEL) out += s[i++]
    if (i === s.length) break
    let whitespace = ''
    let breaks = 0
    while (i < s.length && (s[i] === ' ' || s[i] === NEL)) {
      if (s[i] === NEL) {
        breaks++
        state.lines++
      } else if (breaks === 0) {
        whitespace += ' '
      }
      i++
    }
    afterBreak = breaks > 0 && s[i - 1] === NEL
    if (breaks === 0) out += whitespace
    else out += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Scalars: which style yaml.v2's encoder asks for, and what the emitter's analysis allows.

type Style = 'plain' | 'single' | 'double' | 'literal'

interface Scalar {
  text: string
  chars: number[] | null // code points, when a writer needs them one by one
  style: Style // requested by the encoder
  bytes: number // UTF-8 length
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

const BEST_WIDTH = 80
const BEST_INDENT = 2

function scalarOf(value: unknown): Scalar {
  if (value === null || value === undefined) return analyze('null', 'plain')
  if (typeof value === 'boolean') return analyze(value ? 'true' : 'false', 'plain')
  if (typeof value === 'number' || typeof value === 'bigint') return analyze(yamlNumber(value), 'plain')
  const s = String(value)
  let style: Style
  if (s.includes('\n')) style = 'literal'
  else if (resolvesToString(s) && !BASE60_FLOAT.test(s)) style = 'plain'
  else style = 'double'
  return analyze(s, style)
}

/**
 * A number as yaml.v2 prints it after reading Go's JSON text for it: integers that fit int64 or
 * uint64 stay integers, everything else is a float64 printed with strconv's 'g' format.
 */
function yamlNumber(n: number | bigint): string {
  const text = goJSONNumber(n)
  if (/^-?\d+$/.test(text)) {
    const big = BigInt(text)
    if (big >= -(2n ** 63n) && big < 2n ** 64n) return big.toString()
  }
  return goFloatG(Number(text))
}

/** strconv.FormatFloat(f, 'g', -1, 64) with yaml.v2's spelling of the infinities. */
export function goFloatG(f: number): string {
  if (Number.isNaN(f)) return '.nan'
  if (f === Infinity) return '.inf'
  if (f === -Infinity) return '-.inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  const [mantissa, expText] = f.toExponential().split('e')
  const exp = Number(expText)
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp)
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`
  }
  return String(f)
}

/** yaml.v2's resolve(): would this text, written plain, read back as a string? */
function resolvesToString(s: string): boolean {
  if (s === '') return false // null
  const c = s[0]
  if ('yYnNtTfFoO~'.includes(c)) return !RESERVED_WORDS.has(s)
  if (c === '.') return !RESERVED_WORDS.has(s) && !isGoFloat(s)
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (RESERVED_WORDS.has(s)) return false
    if (isYAMLTimestamp(s)) return false
    const plain = s.replaceAll('_', '')
    if (goParseInt(plain) === 'ok' || goParseUint(plain) === 'ok') return false
    if (YAML_FLOAT.test(plain) && isGoFloat(plain)) return false
    if (plain.startsWith('0b')) {
      const digits = plain.slice(2)
      if (goParseIntBase(digits, 2) === 'ok' || (!/^[+-]/.test(digits) && goParseIntBase(digits, 2, true) === 'ok')) return false
    } else if (plain.startsWith('-0b') && goParseIntBase('-' + plain.slice(3), 2) === 'ok') {
      return false
    }
    return true
  }
  return true
}

const RESERVED_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
])

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

type ParseResult = 'ok' | 'range' | 'syntax'

/** strconv.ParseInt(s, 0, 64). */
function goParseInt(s: string): ParseResult {
  let body = s
  let negative = false
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-'
    body = body.slice(1)
  }
  const value = parsePrefixed(body)
  if (value === null) return 'syntax'
  const signed = negative ? -value : value
  return signed >= -(2n ** 63n) && signed <= 2n ** 63n - 1n ? 'ok' : 'range'
}

/** strconv.ParseUint(s, 0, 64). */
function goParseUint(s: string): ParseResult {
  const value = parsePrefixed(s)
  if (value === null) return 'syntax'
  return value < 2n ** 64n ? 'ok' : 'range'
}

/** strconv.ParseInt(digits, base, 64), or ParseUint when unsigned. */
function goParseIntBase(digits: string, base: number, unsigned = false): ParseResult {
  let body = digits
  let negative = false
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-'
    body = body.slice(1)
  }
  const value = parseDigits(body, base)
  if (value === null) return 'syntax'
  if (unsigned) return value < 2n ** 64n ? 'ok' : 'range'
  const signed = negative ? -value : value
  return signed >= -(2n ** 63n) && signed <= 2n ** 63n - 1n ? 'ok' : 'range'
}

// Base 0: 0x/0o/0b prefixes, a leading 0 means octal, otherwise decimal.
function parsePrefixed(body: string): bigint | null {
  if (body.length >= 2 && body[0] === '0') {
    const p = body[1].toLowerCase()
    if (p === 'x') return parseDigits(body.slice(2), 16)
    if (p === 'o') return parseDigits(body.slice(2), 8)
    if (p === 'b') return parseDigits(body.slice(2), 2)
    return parseDigits(body.slice(1), 8)
  }
  return parseDigits(body, 10)
}

function parseDigits(digits: string, base: number): bigint | null {
  if (digits === '') return null
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 10 ? /^[0-9]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/
  if (!valid.test(digits)) return null
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''
  return BigInt(prefix + digits)
}

/** strconv.ParseFloat(s, 64) succeeds for a decimal literal (overflow to infinity is an error). */
function isGoFloat(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && Number.isFinite(Number(s))
}

// yaml.v2 reads these four layouts with time.Parse: 2006-1-2T15:4:5.999999999Z07:00 (T or t),
// 2006-1-2 15:4:5.999999999 and 2006-1-2.
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:([Tt ])(\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/

function isYAMLTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s)
  if (!m) return false
  const [, year, month, day, sep, hour, minute, second, zone] = m
  if (sep !== undefined) {
    if ((sep === ' ') !== (zone === undefined)) return false
    if (Number(hour) >= 24 || Number(minute) >= 60 || Number(second) >= 60) return false
    if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false
  }
  const mo = Number(month)
  const d = Number(day)
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysIn(mo, Number(year))
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029
}

function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
}

function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
}

/** Code points of s; a lone surrogate becomes U+FFFD, as Go's JSON decoder would have made it. */
function codePoints(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000)
        i++
        continue
      }
    }
    out.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c)
  }
  return out
}

// Text the analysis below always passes for block plain style: no indicators, spaces or breaks.
const SIMPLE = /^[A-Za-z0-9_/][A-Za-z0-9_./=+-]*$/

// yaml_emitter_analyze_scalar, for a scalar in block context.
function analyze(text: string, style: Style): Scalar {
  if (SIMPLE.test(text)) {
    return {text, chars: null, style, bytes: text.length, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true}
  }
  const chars = codePoints(text)
  let bytes = 0
  for (const c of chars) bytes += utf8Length(c)
  const scalar: Scalar = {text, chars, style, bytes, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true}
  const n = chars.length
  if (n === 0) {
    scalar.blockAllowed = false
    return scalar
  }
  let blockIndicators = false
  let lineBreaks = false
  let specialCharacters = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false
  if (n >= 3 && ((chars[0] === 0x2d && chars[1] === 0x2d && chars[2] === 0x2d) || (chars[0] === 0x2e && chars[1] === 0x2e && chars[2] === 0x2e))) {
    blockIndicators = true
  }
  for (let i = 0; i < n; i++) {
    const c = chars[i]
    const next = i + 1 < n ? chars[i + 1] : -1
    const followedByWhitespace = next === -1 || next === 0x20 || next === 0x09
    if (i === 0) {
      switch (c) {
        case 0x23: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x26: case 0x2a:
        case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
          blockIndicators = true
          break
        case 0x3f: case 0x3a:
        case 0x2d:
          if (followedByWhitespace) blockIndicators = true
          break
      }
    } else if (c === 0x3a) {
      if (followedByWhitespace) blockIndicators = true
    } else if (c === 0x23) {
      if (precededByWhitespace) blockIndicators = true
    }
    if (!isPrintable(c)) specialCharacters = true
    if (c === 0x20) {
      if (i === 0) leadingSpace = true
      if (i === n - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === n - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreak(c)
  }
  scalar.multiline = lineBreaks
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) scalar.blockPlainAllowed = false
  if (trailingSpace) scalar.blockAllowed = false
  if (breakSpace) {
    scalar.blockPlainAllowed = false
    scalar.singleQuotedAllowed = false
  }
  if (spaceBreak || specialCharacters) {
    scalar.blockPlainAllowed = false
    scalar.singleQuotedAllowed = false
    scalar.blockAllowed = false
  }
  if (lineBreaks) scalar.blockPlainAllowed = false
  if (blockIndicators) scalar.blockPlainAllowed = false
  return scalar
}

// ---------------------------------------------------------------------------------------------
// The emitter. Only what JSON-shaped data reaches: block mappings and sequences, `{}` and `[]`
// for empty ones, scalars; no anchors, tags or flow collections with content.

class Emitter {
  private out = ''
  private column = 0
  private indent = -1
  private readonly indents: number[] = []
  private whitespace = true
  private indention = true

  text(): string {
    return this.out
  }

  node(value: unknown, mapping: boolean): void {
    if (Array.isArray(value)) {
      this.sequence(value, mapping)
    } else if (value !== null && typeof value === 'object') {
      this.mapping(value as Record<string, unknown>)
    } else {
      this.scalar(scalarOf(value), false)
    }
  }

  private mapping(record: Record<string, unknown>): void {
    const keys = Object.keys(record).filter((k) => record[k] !== undefined)
    if (keys.length === 0) {
      this.emptyCollection('{', '}')
      return
    }
    const sorted = sortMapKeys(keys)
    this.increaseIndent(false, false)
    for (const key of sorted) {
      this.writeIndent()
      const keyScalar = scalarOf(key)
      if (!keyScalar.multiline && keyScalar.bytes <= 128) {
        this.scalar(keyScalar, true)
        this.writeIndicator(':', false, false, false)
      } else {
        this.writeIndicator('?', true, false, true)
        this.scalar(keyScalar, false)
        this.writeIndent()
        this.writeIndicator(':', true, false, true)
      }
      this.node(record[key], true)
    }
    this.popIndent()
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.emptyCollection('[', ']')
      return
    }
    // a sequence that is a mapping's value starts at the mapping's own indentation
    this.increaseIndent(false, mappingContext && !this.indention)
    for (const item of items) {
      this.writeIndent()
      this.writeIndicator('-', true, false, true)
      this.node(item === undefined ? null : item, false)
    }
    this.popIndent()
  }

  private emptyCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false)
    this.increaseIndent(true, false)
    this.popIndent()
    this.writeIndicator(close, false, false, false)
  }

  // yaml_emitter_select_scalar_style + yaml_emitter_emit_scalar
  private scalar(scalar: Scalar, simpleKey: boolean): void {
    let style = scalar.style
    if (simpleKey && scalar.multiline) style = 'double'
    if (style === 'plain') {
      if (!scalar.blockPlainAllowed) style = 'single'
      if (scalar.text === '' && simpleKey) style = 'single'
    }
    if (style === 'single' && !scalar.singleQuotedAllowed) style = 'double'
    if (style === 'literal' && (!scalar.blockAllowed || simpleKey)) style = 'double'
    this.increaseIndent(true, false)
    const allowBreaks = !simpleKey
    switch (style) {
      case 'plain':
        this.writePlain(scalar, allowBreaks)
        break
      case 'single':
        this.writeSingleQuoted(charsOf(scalar), allowBreaks)
        break
      case 'double':
        this.writeDoubleQuoted(charsOf(scalar), allowBreaks)
        break
      case 'literal':
        this.writeLiteral(scalar)
        break
    }
    this.popIndent()
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number
  }

  private put(s: string): void {
    this.out += s
    this.column++
  }

  // text without breaks, one column per code point
  private putRun(s: string): void {
    this.out += s
    let n = s.length
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff) n--
    }
    this.column += n
  }

  private putAscii(s: string): void {
    this.out += s
    this.column += s.length
  }

  private putBreak(): void {
    this.out += '\n'
    this.column = 0
  }

  // write_break for a break other than \n: the character itself ends the line
  private writeBreak(c: number): void {
    if (c === 0x0a) {
      this.putBreak()
    } else {
      this.out += String.fromCodePoint(c)
      this.column = 0
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.putAscii(indicator)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  private writePlain(scalar: Scalar, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    // no space the loop below could fold at: the whole text goes on this line
    const lastSpace = scalar.text.lastIndexOf(' ')
    if (!allowBreaks || lastSpace === -1 || this.column + lastSpace <= BEST_WIDTH) {
      this.putRun(scalar.text)
      this.whitespace = false
      this.indention = false
      return
    }
    // a plain scalar never holds a line break: the analysis rules plain style out for those
    const chars = charsOf(scalar)
    let spaces = false
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (c === 0x20) {
        if (!spaces && this.column > BEST_WIDTH && chars[i + 1] !== 0x20) this.writeIndent()
        else this.put(' ')
        spaces = true
      } else {
        this.put(String.fromCodePoint(c))
        spaces = false
      }
    }
    this.whitespace = false
    this.indention = false
  }

  private writeSingleQuoted(chars: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false)
    let spaces = false
    let breaks = false
    const last = chars.length - 1
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last && chars[i + 1] !== 0x20) this.writeIndent()
        else this.put(' ')
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (c === 0x27) this.put("'")
        this.put(String.fromCodePoint(c))
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeDoubleQuoted(chars: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false)
    // yaml.v2 tests for a byte order mark at the start of the value, not at each character, so a
    // value that starts with one has every character escaped
    const bom = chars[0] === 0xfeff
    let spaces = false
    const last = chars.length - 1
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.putAscii('\\' + escapeCharacter(c))
        spaces = false
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < last) {
          this.writeIndent()
          if (chars[i + 1] === 0x20) this.put('\\')
        } else {
          this.put(' ')
        }
        spaces = true
      } else {
        this.put(String.fromCodePoint(c))
        spaces = false
      }
    }
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeLiteral(scalar: Scalar): void {
    const chars = charsOf(scalar)
    this.writeIndicator('|', true, false, false)
    if (chars[0] === 0x20 || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false)
    const n = chars.length
    let chomp = ''
    if (!isBreak(chars[n - 1])) chomp = '-'
    else if (n === 1 || isBreak(chars[n - 2])) chomp = '+'
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    if (!/[\u2028\u2029]/.test(scalar.text)) {
      // \n is the only break a literal block can hold besides U+2028/U+2029: go line by line
      const lines = scalar.text.split('\n')
      for (let k = 0; k < lines.length; k++) {
        if (k > 0) {
          this.putBreak()
          this.indention = true
        }
        if (lines[k] !== '') {
          this.writeIndent()
          this.putRun(lines[k])
          this.indention = false
        }
      }
      return
    }
    let breaks = true
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(String.fromCodePoint(c))
        this.indention = false
        breaks = false
      }
    }
  }
}

function charsOf(scalar: Scalar): number[] {
  if (scalar.chars === null) scalar.chars = codePoints(scalar.text)
  return scalar.chars
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
}

function escapeCharacter(c: number): string {
  const named = ESCAPES[c]
  if (named !== undefined) return named
  const hex = c.toString(16).toUpperCase()
  if (c <= 0xff) return 'x' + hex.padStart(2, '0')
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0')
  return 'U' + hex.padStart(8, '0')
}

// ---------------------------------------------------------------------------------------------
// Key order: yaml.v2 sorts keys with a "natural" Less: letters after other characters, runs of
// digits compared as (wrapping int64) numbers. That Less is not transitive for some key sets (e.g.
// "1.5", "12" and " "); kubectl's order for those depends on Go's random map iteration order and
// varies from run to run, so any order is as right as another there.

function sortMapKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys
  const data = keys.map((text) => ({text, chars: codePoints(text)}))
  data.sort((x, y) => (keyLess(x.chars, y.chars) ? -1 : keyLess(y.chars, x.chars) ? 1 : 0))
  return data.map((k) => k.text)
}

function keyLess(ar: number[], br: number[]): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i]
    if (al || bl) return bl
    let seeded = false
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          seeded = true
          break
        }
      }
    }
    let ai = i
    while (ai < ar.length && isDigit(ar[ai])) ai++
    let bi = i
    while (bi < br.length && isDigit(br[bi])) bi++
    const an = digitRun(ar, i, ai, seeded)
    const bn = digitRun(br, i, bi, seeded)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i] < br[i]
  }
  return ar.length < br.length
}

// Go accumulates n = n*10 + (rune - '0') in an int64, wrapping on overflow; non-ASCII digits
// contribute their distance from '0'.
function digitRun(chars: number[], from: number, to: number, seeded: boolean): number | bigint {
  let n = seeded ? 1 : 0
  if (to - from <= 14 && chars.slice(from, to).every((c) => c <= 0x39)) {
    for (let k = from; k < to; k++) n = n * 10 + (chars[k] - 0x30)
    return n
  }
  let big = BigInt(n)
  for (let k = from; k < to; k++) big = BigInt.asIntN(64, big * 10n + BigInt(chars[k] - 0x30))
  return big >= -(2n ** 53n) && big <= 2n ** 53n ? Number(big) : big
}

const LETTER = /\p{L}/u
const DIGIT = /\p{Nd}/u

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
  return LETTER.test(String.fromCodePoint(c))
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39
  return DIGIT.test(String.fromCodePoint(c))
}
