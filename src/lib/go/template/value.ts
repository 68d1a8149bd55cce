// Go values as text/template sees them through reflect: a static type and its contents. kubectl runs
// templates on an object decoded from JSON into map[string]interface{} (integers as int64, other
// numbers as float64), so the types here are the ones that decoding and the template language make.
import {compareCodePoints} from '../../printers/json.js'

/** A value with a concrete type. Integers are bigints so int64 arithmetic and printing stay exact. */
export type Concrete =
  | {t: 'bool'; v: boolean}
  /** Go's int: template number literals, len, range indexes. */
  | {t: 'int'; v: bigint}
  /** A JSON integer. */
  | {t: 'int64'; v: bigint}
  /** A byte of a string (index "abc" 0). */
  | {t: 'uint8'; v: bigint}
  | {t: 'float64'; v: number}
  | {t: 'complex128'; re: number; im: number}
  | {t: 'string'; v: string}
  /**
   * []interface {}: `v` its elements; `base` the decoded array it views from `off`, up to `cap` (past
   * the decoded elements the array holds nil), which slicing it again can reach.
   */
  | {t: 'slice'; v: readonly unknown[]; base: readonly unknown[]; off: number; cap: number}
  /** map[string]interface {} of decoded JSON. */
  | {t: 'map'; v: Readonly<Record<string, unknown>>}

/** A reflect.Value of kind Interface (a map entry or slice element): nil, or the concrete value inside. */
export interface Iface {
  t: 'iface'
  v: Concrete | null
}

/** A reflect.Value; null is the zero Value (IsValid false), what a missing map key yields. */
export type Value = Concrete | Iface | null

export type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'slice' | 'map' | 'interface'

export function kindOf(v: Value): Kind {
  if (v === null) return 'invalid'
  switch (v.t) {
    case 'int':
    case 'int64':
      return 'int'
    case 'uint8':
      return 'uint'
    case 'float64':
      return 'float'
    case 'complex128':
      return 'complex'
    case 'iface':
      return 'interface'
    default:
      return v.t
  }
}

/** reflect.Type.String(); the zero Value has no type (callers never ask it for one). */
export function typeString(v: Concrete | Iface): string {
  switch (v.t) {
    case 'slice':
      return '[]interface {}'
    case 'map':
      return 'map[string]interface {}'
    case 'iface':
      return 'interface {}'
    default:
      return v.t
  }
}

const TWO_63 = 2 ** 63

/** The value apimachinery's JSON decoding gives one JSON value: int64 for integers, float64 for the rest. */
export function fromJSON(raw: unknown): Concrete | null {
  if (raw === null || raw === undefined) return null
  switch (typeof raw) {
    case 'string':
      return {t: 'string', v: raw}
    case 'boolean':
      return {t: 'bool', v: raw}
    case 'bigint':
      return {t: 'int64', v: BigInt.asIntN(64, raw)}
    case 'number':
      // JSON text "-0" decodes to int64 0; JavaScript cannot tell it from -0.0.
      if (Number.isInteger(raw) && raw >= -TWO_63 && raw < TWO_63) return {t: 'int64', v: BigInt(raw)}
      return {t: 'float64', v: raw}
  }
  if (Array.isArray(raw)) return {t: 'slice', v: raw, base: raw, off: 0, cap: decodedCap(raw.length)}
  return {t: 'map', v: raw as Record<string, unknown>}
}

/** A map entry or slice element: an interface value holding the decoded JSON value. */
export function element(raw: unknown): Iface {
  return {t: 'iface', v: fromJSON(raw)}
}

/** reflect.ValueOf(x.Interface()): the concrete value inside an interface, or the zero Value for nil. */
export function indirectInterface(v: Value): Value {
  if (v !== null && v.t === 'iface') return v.v
  return v
}

/** The keys of a decoded map in fmtsort's order (string keys by their bytes). */
export function sortedKeys(m: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareCodePoints)
}

export function mapIndex(m: Readonly<Record<string, unknown>>, key: string): Iface | null {
  return Object.hasOwn(m, key) && m[key] !== undefined ? element(m[key]) : null
}

/** The length reflect reports: bytes for strings. */
export function lengthOf(v: Concrete): number {
  switch (v.t) {
    case 'string':
      return Buffer.byteLength(v.v, 'utf8')
    case 'slice':
      return v.v.length
    case 'map':
      return Object.values(v.v).filter((x) => x !== undefined).length
    default:
      return 0
  }
}

/** text/template's truth: non-zero numbers, non-empty strings and collections, non-nil interfaces. */
export function isTrue(v: Value): boolean {
  if (v === null) return false
  switch (v.t) {
    case 'bool':
      return v.v
    case 'int':
    case 'int64':
    case 'uint8':
      return v.v !== 0n
    case 'float64':
      return v.v !== 0
    case 'complex128':
      return v.re !== 0 || v.im !== 0
    case 'iface':
      return v.v !== null
    default:
      return lengthOf(v) > 0
  }
}

export function int(n: number | bigint): Concrete {
  return {t: 'int', v: BigInt(n)}
}

export function str(s: string): Concrete {
  return {t: 'string', v: s}
}

export function bool(b: boolean): Concrete {
  return {t: 'bool', v: b}
}

// The size classes of Go 1.23's allocator up to 32 KiB; larger allocations are whole pages.
const SIZE_CLASSES = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768,
  896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
  10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
]
const PAGE = 8192
const ELEMENT_SIZE = 16
// Small objects that hold pointers and are over 512 bytes carry an 8-byte header in their size class.
const MALLOC_HEADER = 8

/** runtime.roundupsize for memory that holds pointers, as growslice asks it for []interface{}. */
function roundUpSize(bytes: number): number {
  if (bytes > 32768 - MALLOC_HEADER) return Math.ceil(bytes / PAGE) * PAGE
  const request = bytes > 512 ? bytes + MALLOC_HEADER : bytes
  return (SIZE_CLASSES.find((c) => c >= request) as number) - (request - bytes)
}

/**
 * The capacity encoding/json leaves on a []interface{} of n elements (it appends one at a time to an
 * empty slice), which `slice` lets a template reach past the length.
 */
export function decodedCap(n: number): number {
  let cap = 0
  // each append past the capacity grows it: double while small, then by about a quarter
  while (cap < n) {
    const len = cap + 1
    let next = cap * 2
    if (len > next) next = len
    else if (cap >= 256) {
      next = cap
      while (next < len) next += (next + 3 * 256) >> 2
    }
    cap = Math.floor(roundUpSize(next * ELEMENT_SIZE) / ELEMENT_SIZE)
  }
  return cap
}
