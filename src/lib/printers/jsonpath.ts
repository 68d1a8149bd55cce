// kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath) and its `-o jsonpath` printer.
//
// Objects are what apimachinery decodes from JSON: integral numbers are int64 (a JavaScript number or
// bigint), other numbers float64, null is a nil interface{}. The evaluator keeps client-go's quirks on
// purpose, because scripts depend on the text kubectl prints: `[*]` is a slice, not a wildcard;
// `{range}` without `{end}` re-runs the rest of the template on the whole object; a filter comparing
// an int64 field with a float64 fails; maps print as JSON but strings print raw.
// Map iteration (`.*`, `..`) follows the object's key order, one of the orders Go's randomised map
// iteration can produce.
import {goQuote, goRuneU} from '../go/quote.js'
import {CliError} from '../errors.js'
import type {OutStream} from '../io.js'
import {compactJSON, compareCodePoints, formatJSON} from './json.js'
import {readTemplateFile} from './template-file.js'

// Go values

/** A number whose Go type differs from a decoded JSON number's: template literals and string bytes. */
export class GoNumber {
  constructor(
    readonly value: number,
    readonly type: 'int' | 'float64' | 'uint8',
  ) {}
}

/** reflect's zero Value: what a `{range}` over a null element hands to the rest of the template. */
const INVALID: unique symbol = Symbol('invalid reflect.Value')

type Kind = 'invalid' | 'nil' | 'map' | 'slice' | 'string' | 'bool' | 'int' | 'uint' | 'float'

const TWO_63 = 2 ** 63

function isInt64(n: number): boolean {
  return Number.isInteger(n) && !Object.is(n, -0) && n >= -TWO_63 && n < TWO_63
}

function kindOf(v: unknown): Kind {
  if (v === INVALID) return 'invalid'
  if (v === null || v === undefined) return 'nil'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'bigint':
      return 'int'
    case 'number':
      return isInt64(v) ? 'int' : 'float'
  }
  if (v instanceof GoNumber) return v.type === 'int' ? 'int' : v.type === 'uint8' ? 'uint' : 'float'
  return Array.isArray(v) ? 'slice' : 'map'
}

/** The Go type name reflect reports, as in `int64 is not array or slice`. */
function typeName(v: unknown): string {
  if (v instanceof GoNumber) return v.type
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}'
    case 'slice':
      return '[]interface {}'
    case 'int':
      return 'int64'
    case 'float':
      return 'float64'
    default:
      return kindOf(v)
  }
}

function numberOf(v: unknown): number {
  return v instanceof GoNumber ? v.value : Number(v)
}

function integerOf(v: unknown): bigint {
  if (typeof v === 'bigint') return v
  return BigInt(numberOf(v))
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), which is how fmt prints a float64 for %v. */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  // toExponential() without an argument gives the shortest digits that round-trip, as Go uses.
  const [mantissa, exponent] = f.toExponential().split('e')
  const sign = f < 0 ? '-' : ''
  const digits = mantissa.replace('-', '').replace('.', '')
  const exp = Number(exponent)
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : ''
    const e = Math.abs(exp)
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1)
  return `${sign}${whole}${frac ? `.${frac}` : ''}`
}

function formatNumber(v: unknown): string {
  if (typeof v === 'bigint') return v.toString()
  const n = numberOf(v)
  return kindOf(v) === 'float' ? goFormatFloat(n) : String(n)
}

function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareCodePoints)
}

/** fmt's %v (fmt.Sprint) of a decoded value: `map[a:1 b:[x y]]`, `<nil>`. */
export function goSprint(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>'
    case 'nil':
      return '<nil>'
    case 'string':
      return v as string
    case 'bool':
      return String(v)
    case 'int':
    case 'uint':
    case 'float':
      return formatNumber(v)
    case 'slice':
      return `[${(v as unknown[]).map(goSprint).join(' ')}]`
    default: {
      const m = v as Record<string, unknown>
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${goSprint(m[k])}`)
        .join(' ')}]`
    }
  }
}

/** fmt's %#v of a decoded value, as kubectl dumps the object when a template fails. */
export function goSharpV(v: unknown): string {
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid reflect.Value>'
    case 'nil':
      return 'interface {}(nil)'
    case 'string':
      return goQuote(v as string)
    case 'bool':
      return String(v)
    case 'int':
    case 'uint':
    case 'float':
      return formatNumber(v)
    case 'slice':
      return `[]interface {}{${(v as unknown[]).map(goSharpV).join(', ')}}`
    default: {
      const m = v as Record<string, unknown>
      return `map[string]interface {}{${sortedKeys(m)
        .map((k) => `${goQuote(k)}:${goSharpV(m[k])}`)
        .join(', ')}}`
    }
  }
}

function plain(v: unknown): unknown {
  if (v instanceof GoNumber) return v.value
  return v === INVALID ? null : v
}

/** Go's json.Marshal: the compact form of what `-o json` prints. */
export function goMarshalJSON(v: unknown): string {
  return compactJSON(plain(v))
}

// Parser

interface ListNode {
  type: 'list'
  nodes: Node[]
}

interface ArrayParam {
  value: number
  known: boolean
  derived: boolean
}

type Node =
  | ListNode
  | {type: 'text'; text: string}
  | {type: 'field'; name: string}
  | {type: 'identifier'; name: string}
  | {type: 'array'; params: [ArrayParam, ArrayParam, ArrayParam]}
  | {type: 'filter'; left: ListNode; right: ListNode; operator: string}
  | {type: 'int'; value: number}
  | {type: 'float'; value: number}
  | {type: 'bool'; value: boolean}
  | {type: 'wildcard'}
  | {type: 'recursive'}
  | {type: 'union'; branches: ListNode[]}

/** A template that does not parse or fails on an object; `reason` is client-go's error text. */
export class JSONPathError extends CliError {
  constructor(readonly reason: string) {
    super(`error: ${reason}`)
    this.name = 'JSONPathError'
  }
}

/** An evaluation error together with the values client-go returns alongside it. */
class EvalError extends JSONPathError {
  constructor(
    reason: string,
    readonly values: unknown[],
  ) {
    super(reason)
  }
}

const EOF = -1
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/
const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

function isDigit(r: number): boolean {
  return r >= 0 && DIGIT.test(String.fromCodePoint(r))
}

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && LETTER.test(String.fromCodePoint(r))) || isDigit(r)
}

function isTerminator(r: number): boolean {
  return r === EOF || ' \t\r\n.,[]$@{}'.includes(String.fromCodePoint(r))
}

const INT64_RANGE = /^[+-]?\d+$/

/** strconv.Atoi: ASCII digits with an optional sign, within int64. */
function atoi(s: string): number | undefined {
  if (!INT64_RANGE.test(s)) return undefined
  const n = BigInt(s)
  if (n < -(2n ** 63n) || n >= 2n ** 63n) return undefined
  return Number(n)
}

/** strconv.ParseFloat for what parseNumber scans: a sign, digits and dots. */
function parseFloat64(s: string): number | undefined {
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : undefined
}

class Parser {
  private pos = 0
  private start = 0
  private width = 0
  private readonly root: ListNode = {type: 'list', nodes: []}

  constructor(private readonly input: string) {}

  parse(): ListNode {
    for (;;) {
      const open = this.input.indexOf('{', this.pos)
      this.pos = open < 0 ? this.input.length : open
      if (this.pos > this.start) this.root.nodes.push({type: 'text', text: this.consumeText()})
      if (open < 0) return this.root
      this.pos += 1
      this.consumeText()
      const action: ListNode = {type: 'list', nodes: []}
      this.root.nodes.push(action)
      this.parseInsideAction(action)
    }
  }

  /** A template fragment parsed on its own, as client-go does for filters, unions and dict keys. */
  private static action(text: string): ListNode {
    return new Parser(`{${text}}`).parse().nodes[0] as ListNode
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = this.input.codePointAt(this.pos) as number
    this.width = r > 0xffff ? 2 : 1
    this.pos += this.width
    return r
  }

  private peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return value
  }

  private at(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos)
  }

  /** Parses one `{...}` up to and including its closing brace. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.at('}')) {
        this.pos += 1
        this.consumeText()
        return
      }
      if (this.at('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (this.at('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      const ch = r === EOF ? '' : String.fromCodePoint(r)
      if (r === EOF || ch === '\r' || ch === '\n') throw new JSONPathError('unclosed action')
      if (ch === ' ' || ch === '@' || ch === '$') {
        this.consumeText()
      } else if (ch === '[') {
        this.parseArray(cur)
      } else if (ch === '"' || ch === "'") {
        this.parseQuote(cur, ch)
      } else if (ch === '.') {
        this.parseField(cur)
      } else if (ch === '+' || ch === '-' || isDigit(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else {
        throw new JSONPathError(`unrecognized character in action: ${goRuneU(r)}`)
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({type: 'bool', value: value === 'true'})
    else cur.nodes.push({type: 'identifier', name: value})
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'recursive') throw new JSONPathError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({type: 'recursive'})
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    const sign = this.peek()
    if (sign === 0x2b || sign === 0x2d) this.next()
    for (;;) {
      const r = this.next()
      if (r !== 0x2e && !isDigit(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    const i = atoi(value)
    if (i !== undefined) {
      cur.nodes.push({type: 'int', value: i})
      return
    }
    const f = parseFloat64(value)
    if (f === undefined) throw new JSONPathError(`cannot parse number ${value}`)
    cur.nodes.push({type: 'float', value: f})
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated array')
      if (r === 0x5d) break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'

    const members = text.split(',')
    if (members.length > 1) {
      cur.nodes.push({type: 'union', branches: members.map((m) => Parser.action(`[${trimSpaces(m)}]`))})
      return
    }

    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...Parser.action(`.${key[1]}`).nodes)
      return
    }

    const slice = SLICE.exec(text)
    if (!slice) throw new JSONPathError(`invalid array index ${text}`)
    const params: [ArrayParam, ArrayParam, ArrayParam] = [
      {value: 0, known: false, derived: false},
      {value: 0, known: false, derived: false},
      {value: 0, known: false, derived: false},
    ]
    for (let i = 0; i < 3; i++) {
      let part = slice[i + 1] ?? ''
      if (part !== '') {
        if (i > 0) part = part.slice(1)
        if (i > 0 && part === '') continue
        const n = atoi(part)
        if (n === undefined) throw new JSONPathError(`array index ${part} is not a number`)
        params[i] = {value: n, known: true, derived: false}
      } else if (i === 1) {
        // `[n]` is the slice `[n:n+1]`, marked so that `[-1]` can wrap around
        params[1] = {value: params[0].value + 1, known: true, derived: true}
      }
    }
    cur.nodes.push({type: 'array', params})
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated filter')
      const ch = String.fromCodePoint(r)
      if (ch === '"' || ch === "'") {
        if (!begin) {
          begin = true
          pair = ch
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && ch === pair) end = true
      } else if (ch === ')' && begin === end) {
        break
      }
    }
    if (this.next() !== 0x5d) throw new JSONPathError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const m = FILTER.exec(text)
    if (!m) {
      cur.nodes.push({type: 'filter', left: Parser.action(text), right: {type: 'list', nodes: []}, operator: 'exists'})
      return
    }
    const left = Parser.action(m[1])
    const right = Parser.action(m[3])
    cur.nodes.push({type: 'filter', left, right, operator: m[2]})
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JSONPathError('unterminated quoted string')
      if (String.fromCodePoint(r) === quote && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const text = unquoteExtend(value)
    if (text === undefined) throw new JSONPathError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({type: 'text', text})
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    for (;;) {
      const r = this.next()
      if (r === 0x5c) {
        this.next()
      } else if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({type: 'wildcard'})
    else cur.nodes.push({type: 'field', name: value.replaceAll('\\', '')})
  }
}

function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '')
}

const SIMPLE_ESCAPES: Record<string, string> = {a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\'}

/** strconv.Unquote extended to single-quoted strings; undefined for invalid syntax. */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined
  const quote = s[0]
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined
  const body = s.slice(1, -1)
  if (!body.includes('\\') && !body.includes(quote)) return body
  let out = ''
  let i = 0
  while (i < body.length) {
    const c = body[i]
    if (c === quote) return undefined
    if (c !== '\\') {
      const cp = body.codePointAt(i) as number
      out += String.fromCodePoint(cp)
      i += cp > 0xffff ? 2 : 1
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return undefined
    i += 2
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e]
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i, i + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined
      i += n
      const v = parseInt(hex, 16)
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return undefined
      // \xNN above 0x7f is a raw byte in Go; a JavaScript string can only hold it as U+00NN.
      out += String.fromCodePoint(v)
    } else if (e >= '0' && e <= '7') {
      const oct = e + body.slice(i, i + 2)
      if (!/^[0-7]{3}$/.test(oct)) return undefined
      i += 2
      const v = parseInt(oct, 8)
      if (v > 255) return undefined
      out += String.fromCharCode(v)
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined
      out += e
    } else {
      return undefined
    }
  }
  return out
}

// Evaluation

export interface JSONPathOptions {
  /** A missing field yields nothing instead of failing; kubectl's printers turn this on. */
  allowMissingKeys?: boolean
}

function indirect(v: unknown): [unknown, boolean] {
  return [v, v === null || v === undefined]
}

function utf8Bytes(s: string): GoNumber[] {
  return [...Buffer.from(s, 'utf8')].map((b) => new GoNumber(b, 'uint8'))
}

/** A parsed template. Like client-go's, an instance keeps range state between executions. */
export class JSONPath {
  private nodes: Node[]
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: Node | undefined
  private readonly allowMissingKeys: boolean

  constructor(
    readonly template: string,
    opts: JSONPathOptions = {},
  ) {
    this.nodes = new Parser(template).parse().nodes
    this.allowMissingKeys = opts.allowMissingKeys ?? false
  }

  /** The values each top-level node produced, in order; what `--sort-by` and custom columns read. */
  findResults(data: unknown): unknown[][] {
    const cur = [data === null || data === undefined ? INVALID : data]
    const nodes = this.nodes
    const full: unknown[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i])
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        // client-go narrows its root node list to what follows the range, and keeps it narrowed
        if (results.length > 0) {
          for (const value of results) {
            this.nodes = nodes.slice(i + 1)
            for (const r of this.findResults(value)) full.push(r)
          }
        } else {
          // an empty range still walks its body, to find where its {end} is
          this.nodes = nodes.slice(i + 1)
          this.findResults(null)
        }
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  /** The text kubectl's jsonpath printer writes for `data`. */
  execute(data: unknown, opts: {outputJSON?: boolean} = {}): string {
    return this.findResults(data)
      .map((results) => printResults(results, opts.outputJSON ?? false))
      .join('')
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return evalArray(input, node.params)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
        return input.map(() => new GoNumber(node.value, 'int'))
      case 'float':
        return input.map(() => new GoNumber(node.value, 'float64'))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return evalWildcard(input)
      case 'recursive':
        return evalRecursive(input)
      case 'union':
        return this.evalUnion(input, node.branches)
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalList(input: unknown[], node: ListNode): unknown[] {
    let cur = input
    for (const n of node.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new EvalError('not in range, nothing to end', [])
    }
    throw new EvalError(`unrecognized identifier ${name}`, input)
  }

  private evalField(input: unknown[], name: string): unknown[] {
    const results: unknown[] = []
    if (input.length === 0) return results
    for (const raw of input) {
      const [value, isNil] = indirect(raw)
      if (isNil || kindOf(value) !== 'map') continue
      const m = value as Record<string, unknown>
      if (Object.hasOwn(m, name) && m[name] !== undefined) results.push(m[name])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new EvalError(`${name} is not found`, results)
    return results
  }

  private evalUnion(input: unknown[], branches: ListNode[]): unknown[] {
    const result: unknown[] = []
    for (const branch of branches) {
      try {
        result.push(...this.evalList(input, branch))
      } catch (err) {
        if (err instanceof JSONPathError) throw new EvalError(err.reason, input)
        throw err
      }
    }
    return result
  }

  private evalFilter(input: unknown[], node: Extract<Node, {type: 'filter'}>): unknown[] {
    const results: unknown[] = []
    for (const raw of input) {
      const [value] = indirect(raw)
      if (kindOf(value) !== 'slice') throw new EvalError(`${goSprint(value)} is not array or slice and cannot be filtered`, input)
      for (const element of value as unknown[]) {
        let lefts: unknown[]
        let leftError: JSONPathError | undefined
        try {
          lefts = this.evalList([element], node.left)
        } catch (err) {
          if (!(err instanceof JSONPathError)) throw err
          lefts = err instanceof EvalError ? err.values : []
          leftError = err
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(element)
          continue
        }
        if (leftError) throw new EvalError(leftError.reason, input)
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new EvalError('can only compare one element at a time', input)
        let rights: unknown[]
        try {
          rights = this.evalList([element], node.right)
        } catch (err) {
          if (err instanceof JSONPathError) throw new EvalError(err.reason, input)
          throw err
        }
        if (rights.length === 0) continue
        if (rights.length > 1) throw new EvalError('can only compare one element at a time', input)
        if (compare(node.operator, lefts[0], rights[0], results)) results.push(element)
      }
    }
    return results
  }
}

function evalArray(input: unknown[], nodeParams: readonly ArrayParam[]): unknown[] {
  const result: unknown[] = []
  for (const raw of input) {
    const [value, isNil] = indirect(raw)
    if (isNil) continue
    if (value === INVALID) throw new EvalError('reflect: call of reflect.Value.Type on zero Value', input)
    if (kindOf(value) !== 'slice') throw new EvalError(`${typeName(value)} is not array or slice`, input)
    const list = value as unknown[]
    const length = list.length
    const [p0, p1, p2] = nodeParams.map((p) => ({...p}))
    if (!p0.known) p0.value = 0
    if (p0.value < 0) p0.value += length
    if (!p1.known) p1.value = length
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += length
    // client-go answers a zero-length request with what it has so far, ignoring further inputs
    if (p1.value === p0.value) return result
    if (p0.value >= length || p0.value < 0) throw new EvalError(`array index out of bounds: index ${p0.value}, length ${length}`, input)
    if (p1.value > length || p1.value < 0) throw new EvalError(`array index out of bounds: index ${p1.value - 1}, length ${length}`, input)
    if (p0.value > p1.value) throw new EvalError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input)
    let step = 1
    if (p2.known) {
      if (p2.value <= 0) throw new EvalError('step must be > 0', input)
      step = p2.value
    }
    for (let i = p0.value; i < p1.value; i += step) result.push(list[i])
  }
  return result
}

function children(value: unknown): unknown[] {
  switch (kindOf(value)) {
    case 'map':
      return Object.values(value as Record<string, unknown>).filter((v) => v !== undefined)
    case 'slice':
      return value as unknown[]
    case 'string':
      return utf8Bytes(value as string)
    default:
      return []
  }
}

function evalWildcard(input: unknown[]): unknown[] {
  const results: unknown[] = []
  for (const raw of input) {
    const [value, isNil] = indirect(raw)
    if (!isNil) results.push(...children(value))
  }
  return results
}

function evalRecursive(input: unknown[]): unknown[] {
  const result: unknown[] = []
  for (const raw of input) {
    const [value, isNil] = indirect(raw)
    if (isNil) continue
    const below = children(value)
    if (below.length === 0) continue
    result.push(value)
    for (const r of evalRecursive(below)) result.push(r)
  }
  return result
}

// text/template's comparison functions, which client-go's filters use.
const BAD_TYPE = 'invalid type for comparison'
const INCOMPATIBLE = 'incompatible types for comparison'

function basicKind(v: unknown, partial: unknown[]): Kind {
  const k = kindOf(v)
  if (k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string') return k
  throw new EvalError(BAD_TYPE, partial)
}

function equal(a: unknown, b: unknown, partial: unknown[]): boolean {
  const k1 = basicKind(a, partial)
  const k2 = basicKind(b, partial)
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return integerOf(a) >= 0n && integerOf(a) === integerOf(b)
    if (k1 === 'uint' && k2 === 'int') return integerOf(b) >= 0n && integerOf(a) === integerOf(b)
    throw new EvalError(INCOMPATIBLE, partial)
  }
  switch (k1) {
    case 'float':
      return numberOf(a) === numberOf(b)
    case 'int':
    case 'uint':
      return integerOf(a) === integerOf(b)
    default:
      return a === b
  }
}

function less(a: unknown, b: unknown, partial: unknown[]): boolean {
  const k1 = basicKind(a, partial)
  const k2 = basicKind(b, partial)
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return integerOf(a) < 0n || integerOf(a) < integerOf(b)
    if (k1 === 'uint' && k2 === 'int') return integerOf(b) >= 0n && integerOf(a) < integerOf(b)
    throw new EvalError(INCOMPATIBLE, partial)
  }
  switch (k1) {
    case 'bool':
      throw new EvalError(BAD_TYPE, partial)
    case 'float':
      return numberOf(a) < numberOf(b)
    case 'int':
    case 'uint':
      return integerOf(a) < integerOf(b)
    default:
      return compareCodePoints(a as string, b as string) < 0
  }
}

function compare(operator: string, a: unknown, b: unknown, partial: unknown[]): boolean {
  switch (operator) {
    case '<':
      return less(a, b, partial)
    case '>':
      return !(less(a, b, partial) || equal(a, b, partial))
    case '==':
      return equal(a, b, partial)
    case '!=':
      return !equal(a, b, partial)
    case '<=':
      return less(a, b, partial) || equal(a, b, partial)
    case '>=':
      return !less(a, b, partial)
    default:
      throw new EvalError(`unrecognized filter operator ${operator}`, partial)
  }
}

function printResults(results: unknown[], outputJSON: boolean): string {
  if (outputJSON) return formatJSON(results.map(plain))
  return results
    .map((r) => {
      const k = kindOf(r)
      if (k === 'map' || k === 'slice') return goMarshalJSON(r)
      if (k === 'invalid') return '<no value>'
      if (k === 'nil') return 'null'
      return goSprint(r)
    })
    .join(' ')
}

/** Parses a template; throws JSONPathError with client-go's text (printed as `error: <text>`). */
export function parseJSONPath(template: string, opts: JSONPathOptions = {}): JSONPath {
  return new JSONPath(template, opts)
}

// kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`.
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** The template custom columns and `--sort-by` evaluate for a user's field expression. */
export function relaxedJSONPathExpression(expr: string): string {
  if (expr === '') return expr
  const m = RELAXED.exec(expr)
  if (!m) {
    throw new CliError(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  }
  return `{.${m[1] ?? m[2]}}`
}

// Printer

export const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'] as const
export type JSONPathFormat = (typeof JSONPATH_FORMATS)[number]

export interface JSONPathPrinterOptions {
  /** kubectl's --allow-missing-template-keys, true by default. */
  allowMissingKeys?: boolean
  /** jsonpath-as-json: each node's results as an indented JSON array. */
  outputJSON?: boolean
}

/** kubectl's JSONPathPrinter: `printObj` writes the template's text for one object (or List). */
export class JSONPathPrinter {
  private readonly jsonPath: JSONPath

  constructor(
    readonly template: string,
    private readonly opts: JSONPathPrinterOptions = {},
  ) {
    try {
      this.jsonPath = new JSONPath(template, {allowMissingKeys: opts.allowMissingKeys ?? true})
    } catch (err) {
      if (err instanceof JSONPathError) throw new CliError(`error: error parsing jsonpath ${template}, ${err.reason}\n`)
      throw err
    }
  }

  printObj(obj: unknown, out: OutStream): void {
    let text: string
    try {
      text = this.jsonPath.execute(obj, {outputJSON: this.opts.outputJSON})
    } catch (err) {
      if (!(err instanceof JSONPathError)) throw err
      throw new CliError(
        `error: error executing jsonpath ${goQuote(this.template)}: Error executing template: ${err.reason}. ` +
          'Printing more information for debugging the template:\n' +
          `\ttemplate was:\n\t\t${this.template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n\n`,
      )
    }
    out.write(text)
  }
}

/**
 * The printer for `-o FORMAT=VALUE` (or `-o FORMAT --template VALUE`), with kubectl's errors for an
 * empty template, an unreadable template file and a template that does not parse.
 */
export function jsonPathPrinterFor(format: JSONPathFormat, value: string, opts: {allowMissingKeys?: boolean} = {}): JSONPathPrinter {
  if (value === '') throw new CliError('error: template format specified but no template given')
  const template = format === 'jsonpath-file' ? readTemplateFile(value) : value
  return new JSONPathPrinter(template, {allowMissingKeys: opts.allowMissingKeys, outputJSON: format === 'jsonpath-as-json'})
}
