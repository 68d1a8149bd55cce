// resource.Quantity as `kubectl create quota --hard` writes it: ParseQuantity, then the text the
// Quantity marshals to (the input itself when it was already canonical, else CanonicalizeBytes).
// Values are exact: unscaled * 10^-scale as bigints, as inf.Dec keeps them.

const ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
const ERR_NUMERIC = 'unable to parse numeric part of quantity'
const ERR_SUFFIX = "unable to parse quantity's suffix"

/** A failed ParseQuantity; the message is apimachinery's error text. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QuantityError'
  }
}

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

interface Parsed {
  format: Format
  /** The value is unscaled * 10^-scale. */
  unscaled: bigint
  scale: number
  /** Set when the input was already in canonical form: it is marshalled as typed. */
  text?: string
}

const DECIMAL_SUFFIXES: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY_SUFFIXES: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)
const MAX_INT64_FACTORS = 18
const NANO = -9

/** The JSON string kubectl writes for the quantity `text`, or a QuantityError. */
export function canonicalQuantity(text: string): string {
  const q = parseQuantity(text)
  return q.text ?? canonicalize(q)
}

function parseQuantity(str: string): Parsed {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT)
  if (str === '0') return {format: 'DecimalSI', unscaled: 0n, scale: 0, text: str}
  const {positive, value, num, denom, suffix} = scanQuantity(str)
  const interpreted = interpretSuffix(suffix)
  if (!interpreted) throw new QuantityError(ERR_SUFFIX)
  const {base, exponent, format} = interpreted

  let precision = 0
  let scale = 0
  let mantissa = 1n
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent)
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1
    } else {
      precision = -1
    }
  } else {
    scale = exponent
    precision = MAX_INT64_FACTORS - (num.length + denom.length)
  }

  // The int64 fast path: exact values that fit, kept as typed when already canonical.
  if (precision >= 0) {
    scale -= denom.length
    if (scale >= NANO) {
      const shifted = num + denom
      const digits = BigInt(shifted)
      if (digits > INT64_MAX) throw new QuantityError(ERR_NUMERIC)
      const product = digits * mantissa
      if (product <= INT64_MAX) {
        const result = positive ? product : -product
        // The fast path's int64Amount{value, scale} is value * 10^scale.
        const parsed: Parsed = {format, unscaled: result, scale: -scale}
        if (format === 'BinarySI') {
          if (exponent % 10 === 0 && (digits & 7n) !== 0n) parsed.text = str
        } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') {
          parsed.text = str
        }
        return parsed
      }
    }
  }

  // inf.Dec's path: exact decimal, suffix folded in, magnitude rounded up to whole nanos.
  const dec = parseDecimal(value)
  if (!dec) throw new QuantityError(ERR_NUMERIC)
  let {unscaled, scale: decScale} = dec
  if (base === 10) decScale -= exponent
  else unscaled *= 1n << BigInt(exponent)
  const negative = unscaled < 0n
  if (negative) unscaled = -unscaled
  if (unscaled !== 0n) ({unscaled, scale: decScale} = roundUp(unscaled, decScale, -NANO))
  let finalFormat = format
  if (format === 'BinarySI') {
    if (compare(unscaled, decScale, INT64_MAX, 0) > 0) {
      unscaled = INT64_MAX
      decScale = 0
    }
    if (compare(unscaled, decScale, 1n, 0) < 0 && unscaled > 0n) finalFormat = 'DecimalSI'
  }
  return {format: finalFormat, unscaled: negative ? -unscaled : unscaled, scale: decScale}
}

interface Scanned {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

// parseQuantityString: sign, digits, optional fraction, then the suffix characters.
function scanQuantity(str: string): Scanned {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
  const end = str.length
  let positive = true
  let pos = 0
  if (str[0] === '-') {
    positive = false
    pos++
  } else if (str[0] === '+') {
    pos++
  }
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return {positive, value: '0', num: '0', denom: '', suffix: ''}
  let i = pos
  while (i < end && isDigit(str[i])) i++
  if (i >= end) return {positive, value: str, num: str.slice(pos), denom: '', suffix: ''}
  let num = str.slice(pos, i)
  pos = i
  if (num.length === 0) num = '0'
  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && isDigit(str[i])) i++
    denom = str.slice(pos, i)
    if (i >= end) return {positive, value: str, num, denom, suffix: ''}
    pos = i
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  i = pos
  while (i < end && 'eEinumkKMGTP'.includes(str[i])) i++
  if (i >= end) return {positive, value, num, denom, suffix: str.slice(suffixStart)}
  pos = i
  if (str[pos] === '-' || str[pos] === '+') pos++
  i = pos
  while (i < end && isDigit(str[i])) i++
  if (i >= end) return {positive, value, num, denom, suffix: str.slice(suffixStart)}
  throw new QuantityError(ERR_FORMAT)
}

function interpretSuffix(suffix: string): {base: 2 | 10; exponent: number; format: Format} | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return {base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI'}
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return {base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI'}
  if (suffix.length > 1 && (suffix[0] === 'E' || suffix[0] === 'e')) {
    // strconv.ParseInt(s, 10, 64), then int32(...)
    if (!/^[+-]?\d+$/.test(suffix.slice(1))) return undefined
    const parsed = BigInt(suffix.slice(1))
    if (parsed > INT64_MAX || parsed < INT64_MIN) return undefined
    return {base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent'}
  }
  return undefined
}

// inf.Dec's SetString: an optional sign, digits with at most one point, at least one digit.
function parseDecimal(text: string): {unscaled: bigint; scale: number} | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const frac = m[3] ?? ''
  const unscaled = BigInt(`${m[2]}${frac}` || '0')
  return {unscaled: m[1] === '-' ? -unscaled : unscaled, scale: frac.length}
}

/** A non-negative unscaled*10^-scale rounded away from zero to `target` decimal places. */
function roundUp(unscaled: bigint, scale: number, target: number): {unscaled: bigint; scale: number} {
  if (scale <= target) return {unscaled: unscaled * 10n ** BigInt(target - scale), scale: target}
  const divisor = 10n ** BigInt(scale - target)
  const q = unscaled / divisor
  return {unscaled: unscaled % divisor === 0n ? q : q + 1n, scale: target}
}

function compare(a: bigint, aScale: number, b: bigint, bScale: number): number {
  const s = Math.max(aScale, bScale)
  const x = a * 10n ** BigInt(s - aScale)
  const y = b * 10n ** BigInt(s - bScale)
  return x < y ? -1 : x > y ? 1 : 0
}

const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_SUFFIX_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]))

// CanonicalizeBytes
function canonicalize(q: Parsed): string {
  if (q.unscaled === 0n) return '0'
  let format = q.format
  let whole: bigint | undefined
  if (format === 'BinarySI') {
    if (compare(q.unscaled, q.scale, -1024n, 0) > 0 && compare(q.unscaled, q.scale, 1024n, 0) < 0) {
      format = 'DecimalSI'
    } else if (q.scale > 0 && q.unscaled % 10n ** BigInt(q.scale) !== 0n) {
      // Not a whole number: BinarySI would round it, so it prints as DecimalSI.
      format = 'DecimalSI'
    } else {
      whole = q.scale > 0 ? q.unscaled / 10n ** BigInt(q.scale) : q.unscaled * 10n ** BigInt(-q.scale)
    }
  }
  if (whole !== undefined) {
    const [mantissa, times] = removeFactors(whole, 1024n)
    return `${mantissa}${BINARY_SUFFIX_BY_EXPONENT.get(times * 10) ?? ''}`
  }
  let [mantissa, exponent] = removeTens(q.unscaled)
  exponent -= q.scale
  while (exponent % 3 !== 0) {
    mantissa *= 10n
    exponent--
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`
  return `${mantissa}${DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? ''}`
}

// Trailing zeros counted on the digits: one division per zero is quadratic for long values.
function removeTens(value: bigint): [bigint, number] {
  const digits = value.toString()
  const zeros = digits.length - digits.replace(/0+$/, '').length
  return zeros === 0 ? [value, 0] : [BigInt(digits.slice(0, -zeros)), zeros]
}

function removeFactors(value: bigint, base: bigint): [bigint, number] {
  let result = value
  let times = 0
  while (result !== 0n && result % base === 0n) {
    result /= base
    times++
  }
  return [result, times]
}
