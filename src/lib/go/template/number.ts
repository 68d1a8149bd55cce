// How text/template reads number literals: strconv.ParseInt, ParseUint and ParseFloat (Go's prefixes,
// digit-separating underscores, hex floats) with their failures as undefined, and complex literals.
import {goQuote} from '../quote.js'
import {goParseFloat as parseFloat64, goParseInt, goParseUint} from '../strconv.js'

export {parseFloat64}

/** strconv.ParseUint(s, 0, 64), or undefined when it fails. */
export function parseUint(s: string): bigint | undefined {
  const n = goParseUint(s, 0, 64)
  return typeof n === 'bigint' ? n : undefined
}

/** strconv.ParseInt(s, 0, 64), or undefined when it fails. */
export function parseInt64(s: string): bigint | undefined {
  const n = goParseInt(s, 0, 64)
  return typeof n === 'bigint' ? n : undefined
}

/** fmt.Sscan of a complex literal such as 1+2i: real and imaginary parts, or strconv's error text. */
export function parseComplex(s: string): {re: number; im: number} {
  const m = /^([+-]?.*?[^eEpP])([+-].*)i$/.exec(s)
  if (!m) throw new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`)
  const part = (p: string) => {
    const f = parseFloat64(p)
    if (f === undefined) throw new Error(`strconv.ParseFloat: parsing ${goQuote(p)}: invalid syntax`)
    return f
  }
  return {re: part(m[1]), im: part(m[2])}
}
