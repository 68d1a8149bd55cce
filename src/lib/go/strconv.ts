// Go's strconv where kubectl's flags, kubeconfigs and templates rely on its exact spellings: ParseBool,
// ParseInt/ParseUint/ParseFloat, and FormatFloat for float64 (shortest digits that round-trip, or
// digits rounded half to even from the double's exact decimal expansion, laid out as %e, %f, %g, %b
// or %x lay them out).

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/** strconv.ParseBool: true or false for its spellings, undefined for anything it refuses. */
export function parseGoBool(text: string): boolean | undefined {
  if (TRUE.has(text)) return true
  if (FALSE.has(text)) return false
  return undefined
}

/** A decimal: digits without leading or trailing zeros, and where the decimal point goes. */
interface Decimal {
  d: string
  dp: number
}

function exactDecimal(f: number): Decimal {
  const [mant, exp] = mantExp(f)
  if (mant === 0n) return {d: '', dp: 0}
  let digits: string
  let dp: number
  const e = exp - 52
  if (e >= 0) {
    digits = (mant << BigInt(e)).toString()
    dp = digits.length
  } else {
    digits = (mant * 5n ** BigInt(-e)).toString()
    dp = digits.length + e
  }
  return trim({d: digits, dp})
}

function trim(x: Decimal): Decimal {
  let d = x.d
  let dp = x.dp
  while (d.startsWith('0')) {
    d = d.slice(1)
    dp--
  }
  d = d.replace(/0+$/, '')
  return d === '' ? {d: '', dp: 0} : {d, dp}
}

/** The shortest digits that read back as f (JavaScript and Go agree on them). */
function shortestDecimal(f: number): Decimal {
  if (f === 0) return {d: '', dp: 0}
  const [mantissa, exponent] = Math.abs(f).toExponential().split('e')
  return trim({d: mantissa.replace('.', ''), dp: Number(exponent) + 1})
}

/** strconv's decimal.Round: to nd digits, half to even on an exact tie. */
function round(x: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= x.d.length) return x
  const halfway = x.d[nd] === '5' && nd + 1 === x.d.length
  const up = halfway ? nd > 0 && Number(x.d[nd - 1]) % 2 === 1 : x.d[nd] >= '5'
  if (!up) return trim({d: x.d.slice(0, nd), dp: x.dp})
  let i = nd - 1
  while (i >= 0 && x.d[i] === '9') i--
  if (i < 0) return {d: '1', dp: x.dp + 1}
  return {d: x.d.slice(0, i) + String(Number(x.d[i]) + 1), dp: x.dp}
}

/** The mantissa (with the implicit bit) and the unbiased exponent of the leading bit's place. */
function mantExp(f: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, f)
  const bits = view.getBigUint64(0)
  let exp = Number((bits >> 52n) & 0x7ffn)
  let mant = bits & ((1n << 52n) - 1n)
  if (exp === 0) exp++
  else mant |= 1n << 52n
  return [mant, exp - 1023]
}

function isNegative(f: number): boolean {
  return f < 0 || Object.is(f, -0)
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X'

/** strconv.FormatFloat(f, fmt, prec, 64); prec -1 asks for the shortest exact form. */
export function formatFloat(f: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf'
  const neg = isNegative(f)
  if (fmt === 'b') return formatBinary(f, neg)
  if (fmt === 'x' || fmt === 'X') return formatHex(f, fmt, prec, neg)
  const shortest = prec < 0
  let digs: Decimal
  if (shortest) {
    digs = shortestDecimal(f)
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0)
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0)
    else prec = digs.d.length
  } else {
    const exact = exactDecimal(f)
    if (fmt === 'e' || fmt === 'E') digs = round(exact, prec + 1)
    else if (fmt === 'f') digs = round(exact, exact.dp + prec)
    else {
      if (prec === 0) prec = 1
      digs = round(exact, prec)
    }
  }
  const sign = neg ? '-' : ''
  if (fmt === 'e' || fmt === 'E') return sign + layoutE(digs, prec, fmt)
  if (fmt === 'f') return sign + layoutF(digs, prec)
  let eprec = prec
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length
  if (shortest) eprec = 6
  const exp = digs.dp - 1
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length
    return sign + layoutE(digs, prec - 1, fmt === 'g' ? 'e' : 'E')
  }
  if (prec > digs.dp) prec = digs.d.length
  return sign + layoutF(digs, Math.max(prec - digs.dp, 0))
}

function layoutE(x: Decimal, prec: number, fmt: 'e' | 'E'): string {
  let out = x.d.length > 0 ? x.d[0] : '0'
  if (prec > 0) out += `.${x.d.slice(1, prec + 1).padEnd(prec, '0')}`
  let exp = x.d.length === 0 ? 0 : x.dp - 1
  const sign = exp < 0 ? '-' : '+'
  exp = Math.abs(exp)
  return `${out}${fmt}${sign}${exp < 10 ? '0' : ''}${exp}`
}

function layoutF(x: Decimal, prec: number): string {
  let out = x.dp > 0 ? x.d.slice(0, x.dp).padEnd(x.dp, '0') : '0'
  if (prec > 0) {
    out += '.'
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1
      out += j >= 0 && j < x.d.length ? x.d[j] : '0'
    }
  }
  return out
}

/** %b: the mantissa and a binary exponent, both decimal ("4503599627370496p-52"). */
function formatBinary(f: number, neg: boolean): string {
  const [mant, exp] = mantExp(f)
  const e = exp - 52
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : '-'}${Math.abs(e)}`
}

/** %x: a hexadecimal mantissa with one leading digit and a binary exponent ("0x1.8p+00"). */
function formatHex(f: number, fmt: 'x' | 'X', prec: number, neg: boolean): string {
  let [mant, exp] = mantExp(f)
  if (mant === 0n) exp = 0
  const top = 1n << 60n
  mant <<= 8n
  while (mant !== 0n && (mant & top) === 0n) {
    mant <<= 1n
    exp--
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4)
    const extra = (mant << shift) & (top - 1n)
    mant >>= 60n - shift
    if ((extra | (mant & 1n)) > 1n << 59n) mant++
    mant <<= 60n - shift
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n
      exp++
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef'
  let out = `${neg ? '-' : ''}0${fmt}${(mant >> 60n) & 1n}`
  mant = (mant << 4n) & ((1n << 64n) - 1n)
  const digit = () => {
    const d = hex[Number((mant >> 60n) & 15n)]
    mant = (mant << 4n) & ((1n << 64n) - 1n)
    return d
  }
  if (prec < 0 && mant !== 0n) {
    out += '.'
    while (mant !== 0n) out += digit()
  } else if (prec > 0) {
    out += '.'
    for (let i = 0; i < prec; i++) out += digit()
  }
  out += fmt === 'X' ? 'P' : 'p'
  out += exp < 0 ? '-' : '+'
  exp = Math.abs(exp)
  return out + String(exp).padStart(2, '0')
}

/** Why strconv's integer parsing failed, as its NumError says it. */
export type NumErrorReason = 'invalid syntax' | 'value out of range'

/** strconv's underscoreOK: each underscore sits between digits (a base prefix counts as a digit). */
function underscoreOK(s: string): boolean {
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  if (s.length >= 2 && s[0] === '0' && 'boxBOX'.includes(s[1])) {
    i = 2
    saw = '0'
    hex = s[1] === 'x' || s[1] === 'X'
  }
  for (; i < s.length; i++) {
    const c = s[i]
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

/** strconv.ParseUint(s, base, bitSize) for base 0 (Go's prefixes and underscores) or 10. */
export function goParseUint(s: string, base: 0 | 10, bitSize: number): bigint | NumErrorReason {
  if (s === '') return 'invalid syntax'
  const base0 = base === 0
  const s0 = s
  let b = 10
  if (base0 && s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : ''
    b = p === 'b' ? 2 : p === 'o' ? 8 : p === 'x' ? 16 : 8
    s = s.slice(p === 'b' || p === 'o' || p === 'x' ? 2 : 1)
  }
  const max = (1n << BigInt(bitSize)) - 1n
  let n = 0n
  let underscores = false
  for (const c of s) {
    if (c === '_' && base0) {
      underscores = true
      continue
    }
    const d = /[0-9a-zA-Z]/.test(c) ? parseInt(c, 36) : 99
    if (d >= b) return 'invalid syntax'
    n = n * BigInt(b) + BigInt(d)
    if (n > max) return 'value out of range'
  }
  if (underscores && !underscoreOK(s0)) return 'invalid syntax'
  return n
}

/** strconv.ParseInt(s, base, bitSize): an optional sign, then ParseUint's digits. */
export function goParseInt(s: string, base: 0 | 10, bitSize: number): bigint | NumErrorReason {
  if (s === '') return 'invalid syntax'
  const neg = s[0] === '-'
  const un = goParseUint(s[0] === '-' || s[0] === '+' ? s.slice(1) : s, base, bitSize)
  if (un === 'invalid syntax') return un
  const cutoff = 1n << BigInt(bitSize - 1)
  if (un === 'value out of range' || (!neg && un >= cutoff) || (neg && un > cutoff)) return 'value out of range'
  return neg ? -un : un
}

/** strconv.ParseFloat(s, 64) for the decimal and hexadecimal forms template literals have, or undefined. */
export function goParseFloat(s: string): number | undefined {
  if (s.includes('_') && !underscoreOK(s)) return undefined
  const plain = s.replaceAll('_', '')
  let f: number
  const hex = HEX_FLOAT.exec(plain)
  if (hex) {
    const [, sign, whole, frac = '', exp] = hex
    if (whole === '' && frac === '') return undefined
    f = Number(BigInt(`0x${whole}${frac}`)) * 2 ** (Number(exp) - 4 * frac.length)
    if (sign === '-') f = -f
  } else if (DECIMAL_FLOAT.test(s)) {
    f = Number(plain)
  } else return undefined
  return Number.isFinite(f) ? f : undefined
}

const DECIMAL_FLOAT = /^[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/
