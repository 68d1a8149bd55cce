// encoding/json's syntax errors in its scanner's words ("invalid character 'x' after object key"),
// for text that JSON.parse rejected: kubectl prints Go's message, never Node's.
import {goQuote} from './quote.js'

// encoding/json's maxNestingDepth.
const MAX_DEPTH = 10_000

const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const QUOTE = 0x22
const COMMA = 0x2c
const COLON = 0x3a

/** Go's quoteChar: the offending byte in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`
  if (c === QUOTE) return `'"'`
  return `'${goQuote(String.fromCharCode(c)).slice(1, -1)}'`
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39
const isHex = (c: number | undefined) => c !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(c))

/**
 * Go's message for the first syntax error in `text`, or undefined when it is valid JSON. Iterative,
 * with Go's depth limit, so hostile nesting cannot overflow the stack.
 */
export function goJSONSyntaxError(text: string): string | undefined {
  const b = Buffer.from(text, 'utf8')
  let i = 0
  const containers: number[] = []
  const fail = (context: string) => (b[i] === undefined ? 'unexpected end of JSON input' : `invalid character ${quoteChar(b[i])} ${context}`)
  const space = () => {
    while (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d) i++
  }
  const digits = () => {
    while (isDigit(b[i])) i++
  }

  const string = (): string | undefined => {
    i++
    for (;;) {
      const c = b[i]
      if (c === undefined) return fail('')
      if (c === QUOTE) return void i++
      if (c === 0x5c) {
        i++
        if (b[i] === 0x75) {
          i++
          for (let k = 0; k < 4; k++, i++) if (!isHex(b[i])) return fail('in \\u hexadecimal character escape')
          continue
        }
        if (b[i] === undefined || !'bfnrt\\/"'.includes(String.fromCharCode(b[i]))) return fail('in string escape code')
      } else if (c < 0x20) return fail('in string literal')
      i++
    }
  }

  const number = (): string | undefined => {
    if (b[i] === 0x2d) {
      i++
      if (!isDigit(b[i])) return fail('in numeric literal')
    }
    if (b[i] === 0x30) i++
    else digits()
    if (b[i] === 0x2e) {
      i++
      if (!isDigit(b[i])) return fail('after decimal point in numeric literal')
      digits()
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++
      if (b[i] === 0x2b || b[i] === 0x2d) i++
      if (!isDigit(b[i])) return fail('in exponent of numeric literal')
      digits()
    }
    return undefined
  }

  const literal = (word: string): string | undefined => {
    for (let k = 1; k < word.length; k++) {
      i++
      if (b[i] !== word.charCodeAt(k)) return fail(`in literal ${word} (expecting ${quoteChar(word.charCodeAt(k))})`)
    }
    i++
    return undefined
  }

  /** After `{` or `,` in an object: a key and its colon. */
  const key = (): string | undefined => {
    space()
    if (b[i] !== QUOTE) return fail('looking for beginning of object key string')
    const err = string()
    if (err) return err
    space()
    if (b[i] !== COLON) return fail('after object key')
    i++
    return undefined
  }

  for (;;) {
    // A value starts here.
    space()
    const c = b[i]
    let err: string | undefined
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (containers.length >= MAX_DEPTH) return fail('exceeded max depth')
      i++
      space()
      if (b[i] !== (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) {
        if (c === OPEN_OBJECT && (err = key())) return err
        containers.push(c)
        continue
      }
      i++
    } else if (c === QUOTE) err = string()
    else if (c === 0x2d || isDigit(c)) err = number()
    else if (c === 0x74) err = literal('true')
    else if (c === 0x66) err = literal('false')
    else if (c === 0x6e) err = literal('null')
    else return fail('looking for beginning of value')
    if (err) return err
    // A value ended: close what it ends, or move on to the next element.
    for (;;) {
      space()
      const open = containers.at(-1)
      if (open === undefined) return i < b.length ? fail('after top-level value') : undefined
      const close = open === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY
      if (b[i] === close) {
        i++
        containers.pop()
        continue
      }
      if (b[i] !== COMMA) return fail(open === OPEN_OBJECT ? 'after object key:value pair' : 'after array element')
      i++
      if (open === OPEN_OBJECT && (err = key())) return err
      break
    }
  }
}
