// text/template's builtin functions (Go 1.23) over reflect-like values, with the errors they
// return; and how a call's arguments are typed: reflect.Value, interface{} or string parameters.
import {type Arg, sprint, sprintf, sprintln} from '../fmt.js'
import {goIsPrint} from '../quote.js'
import {
  bool,
  type Concrete,
  element,
  indirectInterface,
  int,
  isTrue,
  kindOf,
  lengthOf,
  mapIndex,
  str,
  typeString,
  type Value,
} from './value.js'

/** A function's error result; execution stops with `error calling NAME: MESSAGE`. */
export class FuncError extends Error {}

/**
 * A Go panic that escapes text/template (a runtime error in a builtin): kubectl recovers it and
 * reports `caught panic: MESSAGE` without a template location.
 */
export class GoPanic extends Error {}

/** A parameter's type: reflect.Value takes any value as is, interface{} its contents, string only strings. */
export type ParamType = 'value' | 'any' | 'string'

/** What a call passes for each parameter type. */
export type ArgOf<P extends ParamType> = P extends 'value' ? Value : P extends 'any' ? Arg : string

export interface GoFunc {
  /** Parameter types; with `variadic`, the last is the type of each ... argument. */
  params: ParamType[]
  variadic: boolean
  call(args: (Value | Arg | string)[]): Value
}

/** A Go function of the template language: its parameter types and what a call returns. */
export function goFunc<P extends ParamType>(params: P[], variadic: boolean, call: (args: ArgOf<P>[]) => Value): GoFunc {
  return {params, variadic, call: call as GoFunc['call']}
}

/** truth as and, or and not see it. */
export function truth(v: Value): boolean {
  return isTrue(indirectInterface(v))
}

/** indirect: through a non-nil interface to its contents; whether it was a nil interface. */
export function indirect(v: Value): [Value, boolean] {
  if (v !== null && v.t === 'iface') return v.v === null ? [v, true] : [v.v, false]
  return [v, false]
}

function indexArg(index: Value, cap: number): number {
  const k = kindOf(index)
  if (k === 'invalid') throw new FuncError('cannot index slice/array with nil')
  if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${typeString(index as Concrete)}`)
  const x = (index as {v: bigint}).v
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`)
  return Number(x)
}

/** The map key an index argument gives: prepareArg against string. */
function mapKey(index: Value): string {
  if (index === null) throw new FuncError('value is nil; should be of type string')
  if (index.t !== 'string') throw new FuncError(`value has type ${typeString(index)}; should be string`)
  return index.v
}

function index(item: Value, ...indexes: Value[]): Value {
  item = indirectInterface(item)
  if (item === null) throw new FuncError('index of untyped nil')
  for (let idx of indexes) {
    idx = indirectInterface(idx)
    const [v, isNil] = indirect(item)
    if (isNil) throw new FuncError('index of nil pointer')
    const c = v as Concrete
    switch (c.t) {
      case 'slice': {
        const x = indexArg(idx, c.v.length)
        if (x >= c.v.length) throw new FuncError('reflect: slice index out of range')
        item = element(c.v[x])
        break
      }
      case 'string': {
        const bytes = Buffer.from(c.v, 'utf8')
        const x = indexArg(idx, bytes.length)
        if (x >= bytes.length) throw new FuncError('reflect: string index out of range')
        item = {t: 'uint8', v: BigInt(bytes[x])}
        break
      }
      case 'map':
        item = mapIndex(c.v, mapKey(idx)) ?? {t: 'iface', v: null}
        break
      default:
        throw new FuncError(`can't index item of type ${typeString(c)}`)
    }
  }
  return item
}

function slice(item: Value, ...indexes: Value[]): Value {
  item = indirectInterface(item)
  if (item === null) throw new FuncError('slice of untyped nil')
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`)
  let cap: number
  let len: number
  if (item.t === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string')
    len = cap = Buffer.byteLength(item.v, 'utf8')
  } else if (item.t === 'slice') {
    cap = item.cap
    len = item.v.length
  } else throw new FuncError(`can't slice item of type ${typeString(item)}`)
  const idx = [0, len, 0]
  indexes.forEach((index, i) => (idx[i] = indexArg(index, cap)))
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`)
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`)
  if (item.t === 'string') return str(Buffer.from(item.v, 'utf8').subarray(idx[0], idx[1]).toString('utf8'))
  const off = item.off + idx[0]
  // past the decoded elements, up to the capacity, the array holds nil
  const elements = Array.from({length: idx[1] - idx[0]}, (_, k) => item.base[off + k] ?? null)
  return {t: 'slice', v: elements, base: item.base, off, cap: (indexes.length === 3 ? idx[2] : cap) - idx[0]}
}

function length(item: Value): Value {
  const [v, isNil] = indirect(item)
  if (isNil) throw new FuncError('len of nil pointer')
  if (v === null) throw new FuncError('reflect: call of reflect.Value.Type on zero Value')
  const c = v as Concrete
  if (c.t === 'string' || c.t === 'slice' || c.t === 'map') return int(lengthOf(c))
  throw new FuncError(`len of type ${typeString(c)}`)
}

// comparison

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint'

function basicKind(v: Value): BasicKind {
  const k = kindOf(v)
  return k === 'bool' || k === 'complex' || k === 'int' || k === 'float' || k === 'string' || k === 'uint' ? k : 'invalid'
}

const BAD_TYPE = 'invalid type for comparison'
const INCOMPATIBLE = 'incompatible types for comparison'

function scalar(v: Value): bigint | number | string | boolean {
  const c = v as Concrete
  if (c.t === 'complex128') return `${c.re},${c.im}`
  return (c as {v: bigint | number | string | boolean}).v
}

function eq(arg1: Value, ...arg2: Value[]): Value {
  arg1 = indirectInterface(arg1)
  if (arg2.length === 0) throw new FuncError('missing argument for comparison')
  const k1 = basicKind(arg1)
  for (let arg of arg2) {
    arg = indirectInterface(arg)
    const k2 = basicKind(arg)
    let truthy = false
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truthy = scalar(arg1) === scalar(arg)
      else if (k1 === 'uint' && k2 === 'int') truthy = scalar(arg1) === scalar(arg)
      else if (arg1 !== null && arg !== null) throw new FuncError(INCOMPATIBLE)
    } else if (k1 !== 'invalid') {
      truthy = scalar(arg1) === scalar(arg)
    } else {
      const kind1 = kindOf(arg1)
      const kind2 = kindOf(arg)
      if (kind1 !== kind2 && kind1 !== 'invalid' && kind2 !== 'invalid') {
        throw new FuncError(`non-comparable types ${sprintf('%s', [arg1 as Concrete])}: ${typeString(arg1 as Concrete)}, ${typeString(arg as Concrete)}: ${sprint([arg as Concrete])}`)
      }
      if (arg1 === null || arg === null) truthy = (arg1 === null) === (arg === null)
      else throw new FuncError(`non-comparable type ${sprintf('%s', [arg as Concrete])}: ${typeString(arg)}`)
    }
    if (truthy) return bool(true)
  }
  return bool(false)
}

function lt(arg1: Value, arg2: Value): boolean {
  arg1 = indirectInterface(arg1)
  const k1 = basicKind(arg1)
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE)
  arg2 = indirectInterface(arg2)
  const k2 = basicKind(arg2)
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE)
  const a = scalar(arg1)
  const b = scalar(arg2)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return (a as bigint) < (b as bigint)
    throw new FuncError(INCOMPATIBLE)
  }
  if (k1 === 'bool' || k1 === 'complex') throw new FuncError(BAD_TYPE)
  // Go compares strings by their bytes, which is code point order
  if (k1 === 'string') return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0
  return a < b
}

function le(arg1: Value, arg2: Value): boolean {
  return lt(arg1, arg2) || (eq(arg1, arg2) as {v: boolean}).v
}

// escapers

/** What html, js and urlquery escape: a lone string as is, anything else as fmt.Sprint prints it. */
function evalArgs(args: Arg[]): string {
  if (args.length === 1 && args[0] !== null && args[0].t === 'string') return args[0].v
  return sprint(args.map((a) => a ?? str('<no value>')))
}

const HTML_ESCAPES: Record<string, string> = {'\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;'}

function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c])
}

const JS_ESCAPES: Record<string, string> = {'\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D'}

function jsEscape(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (JS_ESCAPES[ch] !== undefined) out += JS_ESCAPES[ch]
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`
    else if (c < 0x80 || goIsPrint(ch)) out += ch
    else out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return out
}

/** url.QueryEscape: unreserved bytes as they are, space as +, every other byte %XX. */
function urlQueryEscape(s: string): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch
    else if (ch === ' ') out += '+'
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** text/template's builtins. and, or and call are special cases of the call itself. */
export const BUILTINS: Record<string, GoFunc> = {
  and: goFunc(['value', 'value'], true, () => null),
  or: goFunc(['value', 'value'], true, () => null),
  call: goFunc(['value', 'value'], true, () => null),
  html: goFunc(['any'], true, (args) => str(htmlEscape(evalArgs(args)))),
  index: goFunc(['value', 'value'], true, ([item, ...indexes]) => index(item, ...indexes)),
  slice: goFunc(['value', 'value'], true, ([item, ...indexes]) => slice(item, ...indexes)),
  js: goFunc(['any'], true, (args) => str(jsEscape(evalArgs(args)))),
  len: goFunc(['value'], false, ([item]) => length(item)),
  not: goFunc(['value'], false, ([arg]) => bool(!truth(arg))),
  print: goFunc(['any'], true, (args) => str(sprint(args))),
  printf: {params: ['string', 'any'], variadic: true, call: ([format, ...args]) => str(sprintf(format as string, args as Arg[]))},
  println: goFunc(['any'], true, (args) => str(sprintln(args))),
  urlquery: goFunc(['any'], true, (args) => str(urlQueryEscape(evalArgs(args)))),
  eq: goFunc(['value', 'value'], true, ([arg1, ...arg2]) => eq(arg1, ...arg2)),
  ge: goFunc(['value', 'value'], false, ([a, b]) => bool(!lt(a, b))),
  gt: goFunc(['value', 'value'], false, ([a, b]) => bool(!le(a, b))),
  le: goFunc(['value', 'value'], false, ([a, b]) => bool(le(a, b))),
  lt: goFunc(['value', 'value'], false, ([a, b]) => bool(lt(a, b))),
  ne: goFunc(['value', 'value'], false, ([a, b]) => bool(!(eq(a, b) as {v: boolean}).v)),
}
