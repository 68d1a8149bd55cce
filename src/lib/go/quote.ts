// Go's strconv quoting (Quote, QuoteToASCII, QuoteRune, CanBackquote) and unquoting (Unquote,
// UnquoteChar), which kubectl's messages, %q and %#v output and template literals are made of.

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

export function goIsPrint(ch: string): boolean {
  return PRINTABLE.test(ch)
}

/** fmt's %#U of a rune: `U+0025 '%'`, without the quoted character when it is not printable. */
export function goRuneU(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
  const ch = String.fromCodePoint(c)
  return goIsPrint(ch) ? `${hex} '${ch}'` : hex
}

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
}

function hex(c: number, digits: number): string {
  return c.toString(16).padStart(digits, '0')
}

/** strconv's appendEscapedRune: one character as it stands between `quote`s. */
function escapeRune(ch: string, quote: string, asciiOnly: boolean): string {
  if (ch === quote || ch === '\\') return `\\${ch}`
  let c = ch.codePointAt(0) as number
  if (asciiOnly ? c < 0x80 && goIsPrint(ch) : goIsPrint(ch)) return ch
  const short = SHORT_ESCAPES[ch]
  if (short !== undefined) return short
  if (c < 0x20 || c === 0x7f) return `\\x${hex(c, 2)}`
  // a lone surrogate stands for the invalid UTF-8 Go would have replaced
  if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
  if (c < 0x10000) return `\\u${hex(c, 4)}`
  return `\\U${hex(c, 8)}`
}

function quoteWith(s: string, quote: string, asciiOnly: boolean): string {
  let out = quote
  for (const ch of s) out += escapeRune(ch, quote, asciiOnly)
  return out + quote
}

/** Go's strconv.Quote (fmt's %q and %#v of a string). */
export function goQuote(s: string): string {
  return quoteWith(s, '"', false)
}

/** strconv.QuoteToASCII (%+q). */
export function goQuoteToASCII(s: string): string {
  return quoteWith(s, '"', true)
}

/** strconv.QuoteRune (%q of an integer), or QuoteRuneToASCII (%+q). */
export function goQuoteRune(r: number, asciiOnly = false): string {
  return quoteWith(String.fromCodePoint(validRune(r) ? r : 0xfffd), "'", asciiOnly)
}

/** utf8.ValidRune: a code point that is not a surrogate. */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff)
}

/** strconv.CanBackquote: whether %#q may print s between backquotes. */
export function goCanBackquote(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (c === 0xfeff) return false
    if (c >= 0xd800 && c <= 0xdfff) return false
    if ((c < 0x20 && c !== 0x09) || c === 0x60 || c === 0x7f) return false
  }
  return true
}

/** strconv.ErrSyntax, the error Unquote and UnquoteChar give for any malformed literal. */
export class GoSyntaxError extends Error {
  constructor() {
    super('invalid syntax')
  }
}

const SIMPLE: Record<string, number> = {a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c}

/**
 * strconv.UnquoteChar: the first character of s (an escape or a literal character), whether it is
 * one byte of a possibly non-UTF-8 string (\x and octal escapes) and the rest of s.
 */
export function goUnquoteChar(s: string, quote: string): {value: number; byte: boolean; tail: string} {
  if (s === '') throw new GoSyntaxError()
  const c = s[0]
  if (c === quote && (quote === "'" || quote === '"')) throw new GoSyntaxError()
  if (c !== '\\') {
    const cp = s.codePointAt(0) as number
    const width = cp > 0xffff ? 2 : 1
    return {value: cp, byte: false, tail: s.slice(width)}
  }
  if (s.length <= 1) throw new GoSyntaxError()
  const e = s[1]
  let rest = s.slice(2)
  if (SIMPLE[e] !== undefined) return {value: SIMPLE[e], byte: false, tail: rest}
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
    const digits = rest.slice(0, n)
    if (digits.length < n || !/^[0-9a-fA-F]*$/.test(digits)) throw new GoSyntaxError()
    const v = parseInt(digits, 16)
    rest = rest.slice(n)
    if (e === 'x') return {value: v, byte: true, tail: rest}
    if (!validRune(v)) throw new GoSyntaxError()
    return {value: v, byte: false, tail: rest}
  }
  if (e >= '0' && e <= '7') {
    const digits = rest.slice(0, 2)
    if (!/^[0-7]{2}$/.test(digits)) throw new GoSyntaxError()
    const v = parseInt(e + digits, 8)
    if (v > 255) throw new GoSyntaxError()
    return {value: v, byte: true, tail: rest.slice(2)}
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw new GoSyntaxError()
    return {value: e.charCodeAt(0), byte: false, tail: rest}
  }
  throw new GoSyntaxError()
}

/**
 * strconv.Unquote of a "double-quoted" or `raw` literal. Bytes that are not UTF-8 (from \x or octal
 * escapes) decode to U+FFFD: JavaScript strings hold text, not bytes.
 */
export function goUnquote(literal: string): string {
  if (literal.length < 2) throw new GoSyntaxError()
  const quote = literal[0]
  if (quote !== literal[literal.length - 1]) throw new GoSyntaxError()
  let body = literal.slice(1, -1)
  if (quote === '`') {
    if (body.includes('`')) throw new GoSyntaxError()
    return body.replaceAll('\r', '')
  }
  if (quote !== '"' || body.includes('\n')) throw new GoSyntaxError()
  if (!body.includes('\\') && !body.includes('"')) return body
  const bytes: number[] = []
  while (body.length > 0) {
    const {value, byte, tail} = goUnquoteChar(body, '"')
    if (byte) bytes.push(value)
    else bytes.push(...Buffer.from(String.fromCodePoint(value), 'utf8'))
    body = tail
  }
  return Buffer.from(bytes).toString('utf8')
}
