// Decoded JSON as Go's encoding/json hands it to apimachinery's patch code (map[string]interface{},
// []interface{}, float64, string, bool, nil), and the few Go operations that code relies on:
// reflect.TypeOf comparisons, reflect.DeepEqual, interface ==, fmt's %v, sort.SliceStable and
// json.Marshal. The patch engine is a port of Go code whose output depends on each of them.
import {goFloatG} from '../printers/yaml.js'
import {compareCodePoints} from '../printers/json.js'
import {goSortSlice} from '../go/sort.js'

export type JSONValue = null | boolean | number | string | JSONValue[] | JSONMap
export interface JSONMap {
  [key: string]: JSONValue
}

/** A map with no prototype, so a "__proto__" key is an ordinary key as in Go. */
export function newMap(): JSONMap {
  return Object.create(null) as JSONMap
}

export function isMap(v: unknown): v is JSONMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function hasKey(m: JSONMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, key)
}

/**
 * A deep copy shaped the way json.Unmarshal into interface{} shapes a document: every number a
 * float64 (integers beyond 2^53 lose precision, as in Go), no undefined members.
 */
export function toGoJSON(value: unknown): JSONValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return value
    case 'bigint':
      return Number(value)
    case 'object': {
      if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toGoJSON(v)))
      const out = newMap()
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined) out[k] = toGoJSON(v)
      }
      return out
    }
    default:
      return null
  }
}

/** A copy with ordinary objects (a "__proto__" key stays an own property). */
export function toPlainJSON(value: JSONValue): unknown {
  if (Array.isArray(value)) return value.map(toPlainJSON)
  if (!isMap(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const v = toPlainJSON(value[key])
    if (key === '__proto__') Object.defineProperty(out, key, {value: v, enumerable: true, configurable: true, writable: true})
    else out[key] = v
  }
  return out
}

export type GoType = 'nil' | 'bool' | 'float64' | 'string' | 'slice' | 'map'

/** reflect.TypeOf of a decoded JSON value. */
export function goType(v: JSONValue | undefined): GoType {
  if (v === null || v === undefined) return 'nil'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return 'float64'
  if (typeof v === 'string') return 'string'
  return Array.isArray(v) ? 'slice' : 'map'
}

/** reflect.DeepEqual of decoded JSON values. */
export function goDeepEqual(a: JSONValue | undefined, b: JSONValue | undefined): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!goDeepEqual(a[i], b[i])) return false
    return true
  }
  if (isMap(a)) {
    if (!isMap(b)) return false
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    for (const k of ka) if (!hasKey(b, k) || !goDeepEqual(a[k], b[k])) return false
    return true
  }
  // NaN never reaches here from JSON; numbers, strings and booleans compare by value above.
  return false
}

/** Go's == on two interface{} holding decoded JSON; maps and slices make Go panic. */
export function goInterfaceEqual(a: JSONValue | undefined, b: JSONValue | undefined): boolean {
  const ta = goType(a)
  if (ta !== goType(b)) return false
  if (ta === 'map' || ta === 'slice') throw new Error(`runtime error: comparing uncomparable type ${ta === 'map' ? 'map[string]interface {}' : '[]interface {}'}`)
  return ta === 'nil' || a === b
}

/** fmt.Sprintf("%v", v) of a decoded JSON value. */
export function goSprintV(v: JSONValue | undefined): string {
  switch (goType(v)) {
    case 'nil':
      return '<nil>'
    case 'bool':
      return v ? 'true' : 'false'
    case 'float64':
      return goFloatG(v as number)
    case 'string':
      return v as string
    case 'slice':
      return `[${(v as JSONValue[]).map(goSprintV).join(' ')}]`
    default: {
      const m = v as JSONMap
      return `map[${Object.keys(m)
        .sort(compareCodePoints)
        .map((k) => `${k}:${goSprintV(m[k])}`)
        .join(' ')}]`
    }
  }
}

/** sort.StringsAreSorted([]string{a, b}): Go's scalar sorts in this package use it as "less". */
export function stringsAreSorted(a: string, b: string): boolean {
  return compareCodePoints(b, a) >= 0
}

/** sort.Sort of a slice (not stable), with the same calls Go makes. */
export function goSortUnstable<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return goSortSlice(items, less)
}

/** sort.SliceStable as of Go 1.23: insertion sort over blocks of 20, then SymMerge. */
export function goSortStable<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const lessAt = (i: number, j: number) => less(items[i], items[j])
  const swap = (i: number, j: number) => {
    const t = items[i]
    items[i] = items[j]
    items[j] = t
  }
  const insertionSort = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) {
      for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1)
    }
  }
  const swapRange = (a: number, b: number, n: number) => {
    for (let i = 0; i < n; i++) swap(a + i, b + i)
  }
  const rotate = (a: number, m: number, b: number) => {
    let i = m - a
    let j = b - m
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j)
        i -= j
      } else {
        swapRange(m - i, m + j - i, i)
        j -= i
      }
    }
    swapRange(m - i, m, i)
  }
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m
      let j = b
      while (i < j) {
        const h = (i + j) >>> 1
        if (lessAt(h, a)) i = h + 1
        else j = h
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1)
      return
    }
    if (b - m === 1) {
      let i = a
      let j = m
      while (i < j) {
        const h = (i + j) >>> 1
        if (!lessAt(m, h)) i = h + 1
        else j = h
      }
      for (let k = m; k > i; k--) swap(k, k - 1)
      return
    }
    const mid = (a + b) >>> 1
    const n = mid + m
    let start: number
    let r: number
    if (m > mid) {
      start = n - b
      r = mid
    } else {
      start = a
      r = m
    }
    const p = n - 1
    while (start < r) {
      const c = (start + r) >>> 1
      if (!lessAt(p - c, c)) start = c + 1
      else r = c
    }
    const end = n - start
    if (start < m && m < end) rotate(start, m, end)
    if (a < start && start < mid) symMerge(a, start, mid)
    if (mid < end && end < b) symMerge(mid, end, b)
  }
  const n = items.length
  let blockSize = 20
  let a = 0
  let b = blockSize
  while (b <= n) {
    insertionSort(a, b)
    a = b
    b += blockSize
  }
  insertionSort(a, n)
  while (blockSize < n) {
    a = 0
    b = 2 * blockSize
    while (b <= n) {
      symMerge(a, a + blockSize, b)
      a = b
      b += 2 * blockSize
    }
    const m = a + blockSize
    if (m < n) symMerge(a, m, n)
    blockSize *= 2
  }
  return items
}
