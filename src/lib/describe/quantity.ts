// The little of resource.Quantity describe needs: reading a quantity exactly, comparing and adding
// quantities, and Value()/MilliValue() (both round up, as Go's ScaledValue does).

/** A quantity as an exact fraction: numerator / 10^9 (nano units), enough for every suffix. */
export type Nanos = bigint

const BINARY: Record<string, bigint> = {Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n}
const DECIMAL: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}

/** Parses "100m", "128Mi", "1.5", "1e3"; undefined for anything else. */
export function parseQuantity(text: string | number | null | undefined): Nanos | undefined {
  if (text === null || text === undefined) return undefined
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(String(text).trim())
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, whole, frac = '', binary, exponent] = m
  let value = BigInt(`${whole || '0'}${frac}`) * 10n ** 9n
  let scale = -frac.length
  if (binary && binary in BINARY) value *= BINARY[binary]
  else if (binary) scale += DECIMAL[binary]
  else if (exponent) scale += Number(exponent)
  value = scale >= 0 ? value * 10n ** BigInt(scale) : value / 10n ** BigInt(-scale)
  return sign === '-' ? -value : value
}

/** Quantity.Value(): whole units, rounded up. */
export function quantityValue(q: Nanos): bigint {
  return ceilDiv(q, 10n ** 9n)
}

/** Quantity.MilliValue(): thousandths, rounded up. */
export function quantityMilliValue(q: Nanos): bigint {
  return ceilDiv(q, 10n ** 6n)
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b > 0n ? q + 1n : q
}
