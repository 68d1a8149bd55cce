// Scalar resolution as kubectl decodes YAML: gopkg.in/yaml.v2 (YAML 1.1 flavoured) into Go values,
// then sigs.k8s.io/yaml's conversion to JSON, then apimachinery's JSON numbers. So `yes`, `on` and `y`
// are true, `0755` is 493, `1:30` and dates stay strings, integers are exact within int64 and become
// float64 beyond it.
import {decodeGoBase64} from '../kubeconfig/decode.js'

export type ScalarValue = string | number | bigint | boolean | null

export type ScalarKind = 'str' | 'int' | 'float' | 'bool' | 'null' | 'timestamp'

export const YAML_TAG_PREFIX = 'tag:yaml.org,2002:'

/** A scalar that cannot be decoded; `message` is the text after the position. */
export class ScalarError extends Error {}

const KNOWN = new Map<string, [ScalarKind, ScalarValue]>()
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) KNOWN.set(s, ['bool', true])
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) KNOWN.set(s, ['bool', false])
for (const s of ['', '~', 'null', 'Null', 'NULL']) KNOWN.set(s, ['null', null])
for (const s of ['.nan', '.NaN', '.NAN']) KNOWN.set(s, ['float', Number.NaN])
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) KNOWN.set(s, ['float', Number.POSITIVE_INFINITY])
for (const s of ['-.inf', '-.Inf', '-.INF']) KNOWN.set(s, ['float', Number.NEGATIVE_INFINITY])

// yaml.v2's first-character hints: S(ign), D(igit), M(ap lookup), '.' (float or map), 0 (a string).
const HINT = new Uint8Array(128)
for (const c of '+-') HINT[c.charCodeAt(0)] = 0x53
for (const c of '0123456789') HINT[c.charCodeAt(0)] = 0x44
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = 0x4d
HINT[0x2e] = 0x2e

// strconv.ParseInt(s, 0, 64) syntax once underscores are gone.
const GO_INT = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/
const SHORT_DECIMAL = /^[+-]?[1-9][0-9]{0,14}$/
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d{1,9})?))?$/

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/** The kind of the last value `resolveScalar` returned; saves an allocation per scalar. */
export let resolvedKind: ScalarKind = 'str'

/** What a plain (unquoted, untagged) scalar decodes to. */
export function resolveScalar(text: string, checkTimestamp = true): ScalarValue {
  const c = text.charCodeAt(0)
  const hint = text === '' ? 0x4d : c < 128 ? HINT[c] : 0
  resolvedKind = 'str'
  if (hint === 0) return text
  const known = KNOWN.get(text)
  if (known) {
    resolvedKind = known[0]
    return known[1]
  }
  if (hint === 0x4d) return text
  if (hint === 0x2e) {
    if (DOT_FLOAT.test(text)) {
      resolvedKind = 'float'
      return Number.parseFloat(text)
    }
    return text
  }
  if (checkTimestamp && isTimestamp(text)) {
    // yaml.v2 hands a timestamp to an interface{} as its text.
    resolvedKind = 'timestamp'
    return text
  }
  const plain = text.includes('_') ? text.replaceAll('_', '') : text
  if (SHORT_DECIMAL.test(plain)) {
    resolvedKind = 'int'
    return Number(plain)
  }
  if (GO_INT.test(plain)) {
    const value = goInt(plain)
    if (value >= INT64_MIN && value <= INT64_MAX) {
      resolvedKind = 'int'
      return value >= -Number.MAX_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value
    }
    // ParseUint takes no sign; beyond int64 apimachinery reads the number as float64.
    if (plain[0] !== '+' && plain[0] !== '-' && value <= UINT64_MAX) {
      resolvedKind = 'int'
      return Number(value)
    }
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number.parseFloat(plain)
    if (Number.isFinite(f)) {
      resolvedKind = 'float'
      return f
    }
  }
  return text
}

function goInt(s: string): bigint {
  const negative = s[0] === '-'
  const body = s[0] === '-' || s[0] === '+' ? s.slice(1) : s
  let value: bigint
  if (body.length > 1 && body[0] === '0' && /[0-7]/.test(body[1])) value = BigInt(`0o${body.slice(1)}`)
  else if (body.length > 2 && (body[1] === 'o' || body[1] === 'O')) value = BigInt(`0o${body.slice(2)}`)
  else value = BigInt(body.replace(/^0([xXbB])/, (_, p: string) => `0${p.toLowerCase()}`))
  return negative ? -value : value
}

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  const h = m[4] ?? m[7]
  const min = m[5] ?? m[8]
  const sec = m[6] ?? m[9]
  return h === undefined || (Number(h) < 24 && Number(min) < 60 && Number(sec) < 60)
}

/**
 * What a scalar with an explicit tag decodes to, by yaml.v2's rules: !!str and the non-specific `!`
 * keep the text, !!binary is base64, !!bool/!!int/!!float/!!timestamp must resolve to that kind (an
 * int may stand for a float), and any other tag leaves the text as it is.
 */
export function resolveTaggedScalar(tag: string, text: string): ScalarValue {
  resolvedKind = 'str'
  if (!tag.startsWith(YAML_TAG_PREFIX)) return text
  const kind = tag.slice(YAML_TAG_PREFIX.length)
  if (kind === 'binary') {
    const decoded = decodeGoBase64(text)
    if (typeof decoded === 'number') throw new ScalarError('yaml: !!binary value contains invalid base64 data')
    return decoded.toString('utf8')
  }
  if (kind !== 'bool' && kind !== 'int' && kind !== 'float' && kind !== 'timestamp') return text
  const value = resolveScalar(text, kind === 'timestamp')
  // resolveScalar set the kind; TypeScript cannot see that
  const got = resolvedKind as ScalarKind
  if (got === kind) return value
  if (kind === 'float' && got === 'int') {
    resolvedKind = 'float'
    return Number(value)
  }
  throw new ScalarError(`yaml: cannot decode !!${got} \`${text}\` as a !!${kind}`)
}

/**
 * A mapping key as sigs.k8s.io/yaml writes it into JSON: strings as they are, integers in decimal,
 * booleans as true/false, floats in Go's %g at float32 precision. Null and other keys are refused.
 */
export function keyString(value: ScalarValue, kind: ScalarKind): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      return value.toString()
    case 'number':
      if (kind === 'int' || (kind !== 'float' && Number.isInteger(value))) {
        if (Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new ScalarError(`error converting YAML to JSON: unsupported map key of type uint64: ${BigInt(value)}`)
        return String(value === 0 ? 0 : value)
      }
      return float32G(value)
    default:
      throw new ScalarError('error converting YAML to JSON: unsupported map key: null')
  }
}

/** strconv.FormatFloat(f, 'g', -1, 32) with sigs.k8s.io/yaml's names for the special values. */
export function float32G(f: number): string {
  const x = Math.fround(f)
  if (Number.isNaN(x)) return '.nan'
  if (x === Number.POSITIVE_INFINITY) return '.inf'
  if (x === Number.NEGATIVE_INFINITY) return '-.inf'
  if (x === 0) return Object.is(x, -0) ? '-0' : '0'
  let mantissa = ''
  let exponent = 0
  for (let p = 1; p <= 9; p++) {
    const s = Math.abs(x).toExponential(p - 1)
    if (Math.fround(Number(s)) === Math.abs(x)) {
      const [m, e] = s.split('e')
      mantissa = m.replace('.', '')
      exponent = Number(e)
      break
    }
  }
  const sign = x < 0 ? '-' : ''
  if (exponent < -4 || exponent >= 6) {
    const frac = mantissa.length > 1 ? `.${mantissa.slice(1)}` : ''
    const exp = Math.abs(exponent).toString().padStart(2, '0')
    return `${sign}${mantissa[0]}${frac}e${exponent < 0 ? '-' : '+'}${exp}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${mantissa}`
  if (mantissa.length <= exponent + 1) return `${sign}${mantissa}${'0'.repeat(exponent + 1 - mantissa.length)}`
  return `${sign}${mantissa.slice(0, exponent + 1)}.${mantissa.slice(exponent + 1)}`
}
