// Go's strconv.Quote, which kubectl's messages and %#v output are made of.

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

export function goIsPrint(ch: string): boolean {
  return PRINTABLE.test(ch)
}

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

/** Go's strconv.Quote (fmt's %q and %#v of a string). */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const escaped = SHORT_ESCAPES[ch]
    if (escaped !== undefined) {
      out += escaped
      continue
    }
    if (goIsPrint(ch)) {
      out += ch
      continue
    }
    let c = ch.codePointAt(0) as number
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += `\\U${c.toString(16).padStart(8, '0')}`
  }
  return `${out}"`
}
