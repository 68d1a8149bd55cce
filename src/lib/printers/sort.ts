// kubectl's `get --sort-by` (k8s.io/kubectl/pkg/cmd/get/sorter.go): the order kubectl 1.32 prints.
//
// kubectl sorts with Go's sort.Sort, which is not stable, using a Less that is not a strict weak
// order (an object without the field is "less" than every object, itself included; strings compare
// as quantities when both parse, byte by byte otherwise). Equal and inconsistent keys therefore come out
// in whatever order Go 1.23's pattern-defeating quicksort leaves them, so this module ports that
// sort step for step rather than using Array.prototype.sort.
import {CliError} from '../errors.js'
import {compareCodePoints} from './json.js'
import {goSort} from '../go/sort.js'
import {klogLine} from '../go/klog.js'
import {goQuote} from '../go/quote.js'
import {GoNumber, goSharpV, JSONPathError, parseJSONPath, relaxedJSONPathExpression} from './jsonpath.js'

// resource.Quantity, as far as Cmp needs it: the exact value ParseQuantity keeps.

/** A parsed quantity's value: sign * coefficient * 10^exponent. */
export interface Quantity {
  sign: -1 | 0 | 1
  coefficient: bigint
  exponent: number
}

const DECIMAL_SUFFIXES: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18}
const BINARY_SUFFIXES: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60}
const SUFFIX_LETTERS = 'eEinumkKMGTP'
const MAX_INT64 = (1n << 63n) - 1n
const INT64_FACTORS = 18
const NANO = -9

interface QuantityParts {
  positive: boolean
  /** What inf.Dec would be given on the slow path: sign, digits and point before the suffix. */
  value: string
  num: string
  denom: string
  suffix: string
}

function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

/** apimachinery's parseQuantityString scanner; undefined where it reports ErrFormatWrong. */
function scanQuantity(str: string): QuantityParts | undefined {
  let positive = true
  let pos = 0
  const end = str.length
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+'
    pos++
  }
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return {positive, value: '0', num: '0', denom: '', suffix: ''}

  let i = pos
  while (i < end && isDigitChar(str[i])) i++
  let num = str.slice(pos, i)
  if (i >= end) return {positive, value: str, num, denom: '', suffix: ''}
  pos = i
  if (num === '') num = '0'

  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && isDigitChar(str[i])) i++
    denom = str.slice(pos, i)
    if (i >= end) return {positive, value: str, num, denom, suffix: ''}
    pos = i
  }
  const value = str.slice(0, pos)

  const suffixStart = pos
  while (pos < end && SUFFIX_LETTERS.includes(str[pos])) pos++
  if (pos >= end) return {positive, value, num, denom, suffix: str.slice(suffixStart)}
  if (str[pos] === '-' || str[pos] === '+') pos++
  while (pos < end && isDigitChar(str[pos])) pos++
  if (pos < end) return undefined
  return {positive, value, num, denom, suffix: str.slice(suffixStart)}
}

/** The suffixer's interpret: base and exponent, or undefined for ErrSuffix. */
function interpretSuffix(suffix: string): {base: 2 | 10; exponent: number} | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return {base: 10, exponent: DECIMAL_SUFFIXES[suffix]}
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return {base: 2, exponent: BINARY_SUFFIXES[suffix]}
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1)
    if (!/^[+-]?\d+$/.test(digits)) return undefined
    const parsed = BigInt(digits)
    if (parsed < -(1n << 63n) || parsed > MAX_INT64) return undefined
    // strconv.ParseInt's int64 is narrowed to an int32 exponent
    return {base: 10, exponent: Number(BigInt.asIntN(32, parsed))}
  }
  return undefined
}

function decimalDigits(n: bigint): number {
  return n === 0n ? 0 : n.toString().length
}

/**
 * resource.ParseQuantity's value, or undefined where it fails. Values finer than 1n are rounded away
 * from zero to 1n steps and binary-suffixed ones are capped at 2^63-1, as ParseQuantity does.
 */
export function parseQuantity(str: string): Quantity | undefined {
  if (str === '') return undefined
  if (str === '0') return {sign: 0, coefficient: 0n, exponent: 0}
  const parts = scanQuantity(str)
  if (!parts) return undefined
  const suffix = interpretSuffix(parts.suffix)
  if (!suffix) return undefined
  const {num, denom} = parts

  let coefficient = BigInt(num + denom)
  let exponent: number
  // ParseQuantity's int64 fast path; outside it, inf.Dec must be able to read the number itself
  let fast: boolean
  if (suffix.base === 2) {
    const precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1
    fast = denom === '' && precision >= 0 && coefficient << BigInt(suffix.exponent) <= MAX_INT64
    coefficient <<= BigInt(suffix.exponent)
    exponent = -denom.length
  } else {
    // the scale is an int32 on both paths
    exponent = (suffix.exponent - denom.length) | 0
    fast = INT64_FACTORS - (num.length + denom.length) >= 0 && exponent >= NANO
  }
  if (!fast && !/\d/.test(parts.value)) return undefined
  if (coefficient === 0n) return {sign: 0, coefficient: 0n, exponent: 0}

  if (exponent < NANO) {
    const drop = NANO - exponent
    if (drop > decimalDigits(coefficient)) coefficient = 1n
    else {
      const divisor = 10n ** BigInt(drop)
      coefficient = (coefficient + divisor - 1n) / divisor
    }
    exponent = NANO
  }
  if (suffix.base === 2 && compareMagnitudes(coefficient, exponent, MAX_INT64, 0) > 0) {
    coefficient = MAX_INT64
    exponent = 0
  }
  return {sign: parts.positive ? 1 : -1, coefficient, exponent}
}

function compareMagnitudes(c1: bigint, e1: number, c2: bigint, e2: number): number {
  const order1 = decimalDigits(c1) + e1
  const order2 = decimalDigits(c2) + e2
  if (order1 !== order2) return order1 < order2 ? -1 : 1
  // same order of magnitude, so the exponents differ by at most the digits either has
  const a = e1 > e2 ? c1 * 10n ** BigInt(e1 - e2) : c1
  const b = e2 > e1 ? c2 * 10n ** BigInt(e2 - e1) : c2
  return a === b ? 0 : a < b ? -1 : 1
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(x: Quantity, y: Quantity): number {
  if (x.sign !== y.sign) return x.sign < y.sign ? -1 : 1
  if (x.sign === 0) return 0
  const magnitude = compareMagnitudes(x.coefficient, x.exponent, y.coefficient, y.exponent)
  return magnitude === 0 ? 0 : x.sign * magnitude
}

// isLess: how sorter.go compares the first value the field yields for two objects.

const TWO_63 = 2 ** 63

type GoType = 'nil' | 'int64' | 'float64' | 'string' | 'bool' | 'map[string]interface {}' | '[]interface {}'

/** The dynamic type of a decoded JSON value held in an interface{}. */
function goTypeOf(v: unknown): GoType {
  if (v === null || v === undefined) return 'nil'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'bigint':
      return 'int64'
    case 'number':
      return Number.isInteger(v) && !Object.is(v, -0) && v >= -TWO_63 && v < TWO_63 ? 'int64' : 'float64'
  }
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'
}

/** A value the sort field found, and whether reflect sees it directly rather than inside an interface{}. */
interface Field {
  value: unknown
  direct: boolean
}

class Unsortable extends Error {
  constructor(
    readonly kind: string,
    readonly reason: string,
  ) {
    super(reason)
  }
}

function quantityOf(s: string, cache: Map<string, Quantity | null>): Quantity | null {
  let q = cache.get(s)
  if (q === undefined) {
    q = parseQuantity(s) ?? null
    cache.set(s, q)
  }
  return q
}

function isLess(i: Field, j: Field, quantities: Map<string, Quantity | null>): boolean {
  if (i.direct) {
    // values jsonpath did not take out of a map or slice: the object itself, a string's bytes, literals
    if (i.value instanceof GoNumber) return i.value.value < numericValue(j.value)
    throw new Unsortable('map', 'unsortable type: map')
  }
  const ti = goTypeOf(i.value)
  const tj = goTypeOf(j.value)
  if (ti === 'nil' || tj === 'nil') return ti === 'nil' && tj !== 'nil'
  switch (ti) {
    case 'int64':
      if (tj === 'int64') return BigInt(i.value as number | bigint) < BigInt(j.value as number | bigint)
      break
    case 'float64':
      if (tj === 'float64') return (i.value as number) < (j.value as number)
      break
    case 'string':
      if (tj === 'string') {
        const a = i.value as string
        const b = j.value as string
        const qa = quantityOf(a, quantities)
        const qb = qa && quantityOf(b, quantities)
        if (!qa || !qb) return compareCodePoints(a, b) < 0
        return compareQuantities(qa, qb) < 0
      }
      break
    default:
      throw new Unsortable('interface', `unsortable type: ${ti}`)
  }
  throw new Unsortable('interface', 'unsortable interface: interface')
}

function numericValue(v: unknown): number {
  return v instanceof GoNumber ? v.value : Number(v)
}

// klog's fatal lines: kubectl's sorter gives up on the whole command from inside Less.

/** A klog Fatalf/Exitf line and the exit code it ends kubectl with (255 and 1). */
export class KlogFatalError extends CliError {
  constructor(location: string, message: string, exitCode: number) {
    super(klogLine('F', location, message), exitCode)
    this.name = 'KlogFatalError'
  }
}

/** A failure while sorting a server-side Table; kubectl's get prints nothing for that table and carries on. */
export class TableSortError extends CliError {
  constructor(message: string) {
    super(message)
    this.name = 'TableSortError'
  }
}

// Evaluating the field

interface Evaluation {
  field?: Field
  error?: JSONPathError
}

function evaluate(template: string, object: unknown, parser = parseJSONPath(template, {allowMissingKeys: true})): Evaluation {
  try {
    const first = parser.findResults(object)[0]
    if (first === undefined || first.length === 0) return {}
    const value = first[0]
    return {field: {value, direct: value === object || value instanceof GoNumber}}
  } catch (err) {
    if (err instanceof JSONPathError) return {error: err}
    throw err
  }
}

function errorString(err: JSONPathError): string {
  return `&errors.errorString{s:${goQuote(err.reason)}}`
}

function notFound(field: string): string {
  return `couldn't find any field with path ${goQuote(field)} in the list of objects`
}

/** Sorts positions 0..n-1 with `less`, as sort.Sort would, and returns the resulting permutation. */
function sortedPositions(n: number, less: (i: number, j: number) => boolean): number[] {
  const order = Array.from({length: n}, (_, i) => i)
  goSort(n, {
    less: (i, j) => less(order[i], order[j]),
    swap: (i, j) => {
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    },
  })
  return order
}

/**
 * kubectl's SortObjects: `objects` (a list printed as json, yaml, name, jsonpath or custom columns,
 * or the several Tables of a human-readable get) in `--sort-by` order. `getObject` gives the decoded
 * object the field is evaluated on. Throws kubectl's error for a bad expression, a field no object
 * has, or values that cannot be compared.
 */
export function sortObjects<T>(objects: readonly T[], sortBy: string, getObject: (t: T) => unknown = (t) => t): T[] {
  if (sortBy === '' || objects.length === 0) return [...objects]
  const field = relaxedJSONPathExpression(sortBy)
  const parser = parseJSONPath(field, {allowMissingKeys: true})
  const data = objects.map(getObject)

  // kubectl checks objects only until one has the field; an error before that one is the answer
  let found = false
  for (const object of data) {
    const {field: value, error} = evaluate(field, object, parser)
    if (error) throw new CliError(`error: ${error.reason}`)
    if (value) {
      found = true
      break
    }
  }
  if (!found) throw new CliError(`error: ${notFound(field)}`)

  const evaluations = new Map<number, Evaluation>()
  const evaluationOf = (i: number): Evaluation => {
    let e = evaluations.get(i)
    if (!e) {
      e = evaluate(field, data[i])
      evaluations.set(i, e)
    }
    return e
  }
  const quantities = new Map<string, Quantity | null>()
  const less = (i: number, j: number): boolean => {
    const a = evaluationOf(i)
    if (a.error) {
      const object = `&unstructured.Unstructured{Object:${goSharpV(data[i])}}`
      throw new KlogFatalError('sorter.go:310', `Failed to get i values for ${object} using ${field} (${errorString(a.error)})`, 255)
    }
    const b = evaluationOf(j)
    if (b.error) {
      const object = `&unstructured.Unstructured{Object:${goSharpV(data[j])}}`
      throw new KlogFatalError('sorter.go:315', `Failed to get j values for ${object} using ${field} (${b.error.reason})`, 255)
    }
    if (!a.field) return true
    if (!b.field) return false
    try {
      return isLess(a.field, b.field, quantities)
    } catch (err) {
      if (!(err instanceof Unsortable)) throw err
      throw new KlogFatalError(
        'sorter.go:329',
        `Field ${field} in *unstructured.Unstructured is an unsortable type: ${err.kind}, err: ${err.reason}`,
        1,
      )
    }
  }
  return sortedPositions(objects.length, less).map((i) => objects[i])
}

/**
 * kubectl's TableSorter: the rows of a server-side Table (requested with includeObject=Object) in
 * `--sort-by` order of each row's object. A Table of one row is left alone. Throws TableSortError for
 * failures kubectl's get swallows (the table is then not printed) and KlogFatalError for values that
 * cannot be compared.
 */
export function sortTableRows<R extends {object?: unknown}>(rows: readonly R[], sortBy: string): R[] {
  if (sortBy === '' || rows.length <= 1) return [...rows]
  let field: string
  try {
    field = relaxedJSONPathExpression(sortBy)
  } catch {
    field = sortBy
  }
  let parser
  try {
    parser = parseJSONPath(field, {allowMissingKeys: true})
  } catch (err) {
    if (err instanceof JSONPathError) throw new TableSortError(`sorting error: ${err.reason}`)
    throw err
  }

  const fields: Array<Field | undefined> = []
  for (const row of rows) {
    const {field: value, error} = evaluate(field, row.object ?? null, parser)
    if (error) throw new TableSortError(`Failed to get values for [][]reflect.Value(nil) using ${field} (${errorString(error)})`)
    fields.push(value)
  }
  if (fields.every((f) => f === undefined)) throw new TableSortError(notFound(field))

  const quantities = new Map<string, Quantity | null>()
  const less = (i: number, j: number): boolean => {
    const a = fields[i]
    const b = fields[j]
    if (!a) return true
    if (!b) return false
    try {
      return isLess(a, b, quantities)
    } catch (err) {
      if (!(err instanceof Unsortable)) throw err
      throw new KlogFatalError('sorter.go:375', `Field ${field} in [][][]reflect.Value is an unsortable type: ${err.kind}, err: ${err.reason}`, 1)
    }
  }
  return sortedPositions(rows.length, less).map((i) => rows[i])
}
