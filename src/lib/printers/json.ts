// kubectl's `-o json`: Go's json.MarshalIndent(obj, "", "    ") of an unstructured object plus a
// newline. Unstructured objects are Go maps, so keys come out sorted by their UTF-8 bytes.

import {usageError} from '../errors.js'

export interface JSONFormatOptions {
  /** One level of indentation; kubectl's printers use four spaces, `version -o json` two. */
  indent?: string
  /**
   * Sort object keys (true, the default: unstructured objects are Go maps). Output kubectl prints
   * from Go structs (config view, version) keeps field order: pass false with keys in that order.
   */
  sortKeys?: boolean
}

/** What kubectl prints for `-o json` of `value` (an object decoded from JSON), trailing newline included. */
export function formatJSON(value: unknown, options: JSONFormatOptions = {}): string {
  const out: string[] = []
  writeValue(out, value, '', options.indent ?? '    ', options.sortKeys ?? true)
  out.push('\n')
  return out.join('')
}

/**
 * Go's json.Marshal text of `value`: compact and HTML-escaped, keys sorted by their bytes as a Go
 * map's are, or in their own order for what kubectl encodes from a Go struct (`sortKeys` false).
 */
export function compactJSON(value: unknown, sortKeys = true): string {
  const out: string[] = []
  writeCompact(out, value, sortKeys)
  return out.join('')
}

function writeCompact(out: string[], value: unknown, sortKeys: boolean): void {
  const scalar = scalarText(value)
  if (scalar !== undefined) {
    out.push(scalar)
  } else if (Array.isArray(value)) {
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',')
      writeCompact(out, value[i], sortKeys)
    }
    out.push(']')
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => record[k] !== undefined)
    if (sortKeys) keys.sort(compareCodePoints)
    out.push('{')
    for (let i = 0; i < keys.length; i++) {
      if (i > 0) out.push(',')
      out.push(quoteString(keys[i]), ':')
      writeCompact(out, record[keys[i]], sortKeys)
    }
    out.push('}')
  } else {
    out.push('null')
  }
}

/** Go's json.Marshal text for a number decoded by apimachinery (int64 when integral, else float64). */
export function goJSONNumber(n: number | bigint): string {
  if (typeof n === 'bigint') {
    if (n >= INT64_MIN && n <= INT64_MAX) return n.toString()
    // apimachinery decodes integers beyond int64 as float64
    return goJSONNumber(Number(n))
  }
  if (!Number.isFinite(n)) throw usageError(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`)
  // Go formats float64 with 'f' between 1e-6 and 1e21 and 'e' outside, shortest digits, exponent
  // without a leading zero: exactly JavaScript's Number#toString. Negative zero prints as 0: JSON
  // text "-0" decodes to int64 0, and JSON.parse cannot tell it from a float64 "-0.0".
  return String(n)
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Compares strings the way Go compares them: by UTF-8 bytes, which is code point order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // UTF-16 order differs from code point order only when a surrogate meets U+E000..U+FFFF
    if (x >= 0xd800 && y >= 0xd800) return (a.codePointAt(i) as number) - (b.codePointAt(i) as number)
    return x - y
  }
  return a.length - b.length
}

/** The text of a JSON scalar; undefined for arrays and objects. */
function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return quoteString(value)
  if (typeof value === 'number' || typeof value === 'bigint') return goJSONNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return undefined
}

function writeValue(out: string[], value: unknown, indent: string, step: string, sortKeys: boolean): void {
  const scalar = scalarText(value)
  if (scalar !== undefined) {
    out.push(scalar)
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]')
      return
    }
    const inner = indent + step
    out.push('[\n')
    for (let i = 0; i < value.length; i++) {
      out.push(inner)
      writeValue(out, value[i], inner, step, sortKeys)
      out.push(i < value.length - 1 ? ',\n' : '\n')
    }
    out.push(indent, ']')
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => record[k] !== undefined)
    if (sortKeys) keys.sort(compareCodePoints)
    if (keys.length === 0) {
      out.push('{}')
      return
    }
    const inner = indent + step
    out.push('{\n')
    for (let i = 0; i < keys.length; i++) {
      out.push(inner, quoteString(keys[i]), ': ')
      writeValue(out, record[keys[i]], inner, step, sortKeys)
      out.push(i < keys.length - 1 ? ',\n' : '\n')
    }
    out.push(indent, '}')
  } else {
    out.push('null')
  }
}

const HEX = '0123456789abcdef'

// Go's encoder with HTML escaping on (json.Marshal's default): <, > and & as \u00XX, U+2028 and
// U+2029 escaped, control characters escaped, everything else (DEL and non-ASCII too) raw.
function quoteString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    switch (c) {
      case 0x22:
        out += '\\"'
        break
      case 0x5c:
        out += '\\\\'
        break
      case 0x08:
        out += '\\b'
        break
      case 0x0c:
        out += '\\f'
        break
      case 0x0a:
        out += '\\n'
        break
      case 0x0d:
        out += '\\r'
        break
      case 0x09:
        out += '\\t'
        break
      case 0x3c:
      case 0x3e:
      case 0x26:
      case 0x2028:
      case 0x2029:
        out += '\\u' + HEX[c >> 12] + HEX[(c >> 8) & 0xf] + HEX[(c >> 4) & 0xf] + HEX[c & 0xf]
        break
      default:
        if (c < 0x20) {
          out += '\\u00' + HEX[c >> 4] + HEX[c & 0xf]
        } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
          out += s[i] + s[i + 1]
          i++
        } else if (c >= 0xd800 && c <= 0xdfff) {
          // A lone surrogate reached Go as U+FFFD: its decoder replaces invalid escapes.
          out += '\ufffd'
        } else {
          out += s[i]
        }
    }
  }
  return out + '"'
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/
