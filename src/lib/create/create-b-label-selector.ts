// metav1.ParseToLabelSelector for `create poddisruptionbudget --selector`: apimachinery's label
// selector lexer and parser (errors worded as it words them), then equality requirements become
// matchLabels and the rest matchExpressions, ordered by key as its sort leaves them.
import {goQuote} from '../go/quote.js'
import {goSort} from '../go/sort.js'
import {compareCodePoints} from '../printers/json.js'
import {labelKeyErrors, labelValueErrors} from '../resources/validation.js'

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

/** A selector ParseToLabelSelector refuses; the message is its error text. */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt'

/** One requirement of a selector as labels.Parse returns it: values sorted and unique. */
export interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

/** labels.Parse: the requirements of a selector, or a LabelSelectorError in apimachinery's words. */
export function parseRequirements(selector: string): Requirement[] {
  return new Parser(selector).parse()
}

export function parseToLabelSelector(selector: string): LabelSelector {
  let requirements: Requirement[]
  try {
    requirements = parseRequirements(selector)
  } catch (err) {
    if (err instanceof LabelSelectorError) throw new LabelSelectorError(`couldn't parse the selector string "${selector}": ${err.message}`)
    throw err
  }
  // sort.Sort(ByKey(...)): Go's pdqsort, so equal keys land where Go puts them
  goSort(requirements.length, {
    less: (i, j) => compareCodePoints(requirements[i].key, requirements[j].key) < 0,
    swap: (i, j) => ([requirements[i], requirements[j]] = [requirements[j], requirements[i]]),
  })
  const matchLabels: Record<string, string> = {}
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const r of requirements) {
    switch (r.operator) {
      case '=':
      case '==':
        matchLabels[r.key] = r.values[0]
        continue
      case 'in':
        matchExpressions.push({key: r.key, operator: 'In', values: r.values})
        continue
      case 'notin':
        matchExpressions.push({key: r.key, operator: 'NotIn', values: r.values})
        continue
      case 'exists':
        matchExpressions.push({key: r.key, operator: 'Exists'})
        continue
      case '!':
        matchExpressions.push({key: r.key, operator: 'DoesNotExist'})
        continue
      case 'gt':
      case 'lt':
        throw new LabelSelectorError(`${goQuote(r.operator)} isn't supported in label selectors`)
      case '!=':
        throw new LabelSelectorError(`${goQuote(r.operator)} is not a valid label selector operator`)
    }
  }
  const result: LabelSelector = {}
  const keys = Object.keys(matchLabels).sort(compareCodePoints)
  if (keys.length > 0) result.matchLabels = Object.fromEntries(keys.map((k) => [k, matchLabels[k]]))
  if (matchExpressions.length > 0) result.matchExpressions = matchExpressions
  return result
}

type Token =
  | 'error'
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '('

const LITERAL_TOKENS: Record<string, Token> = {')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '('}

interface Scanned {
  token: Token
  literal: string
}

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isSpecial = (c: string) => '=!(),><'.includes(c)

// The lexer works on bytes; a UTF-8 string read as latin1 keeps each byte one character.
function lex(input: string): Scanned[] {
  const s = Buffer.from(input, 'utf8').toString('latin1')
  const items: Scanned[] = []
  let pos = 0
  const text = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8')
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++
    if (pos >= s.length) {
      items.push({token: 'end', literal: ''})
      return items
    }
    if (isSpecial(s[pos])) {
      let buffer = ''
      let last: Scanned | undefined
      while (pos < s.length && isSpecial(s[pos])) {
        buffer += s[pos]
        const token = LITERAL_TOKENS[buffer]
        if (token) {
          last = {token, literal: buffer}
        } else if (last) {
          break
        }
        pos++
      }
      items.push(last ?? {token: 'error', literal: `error expected: keyword found '${text(buffer)}'`})
      continue
    }
    const start = pos
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) pos++
    const word = text(s.slice(start, pos))
    items.push({token: Object.hasOwn(LITERAL_TOKENS, word) ? LITERAL_TOKENS[word] : 'identifier', literal: word})
  }
}

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']

class Parser {
  private items: Scanned[]
  private position = 0

  constructor(selector: string) {
    this.items = lex(selector)
  }

  // In a values context `in` and `notin` are plain identifiers.
  private lookahead(values: boolean): Scanned {
    return this.asContext(this.items[this.position], values)
  }

  private consume(values: boolean): Scanned {
    return this.asContext(this.items[this.position++], values)
  }

  private asContext(item: Scanned, values: boolean): Scanned {
    return values && (item.token === 'in' || item.token === 'notin') ? {token: 'identifier', literal: item.literal} : item
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const {token, literal} = this.lookahead(true)
      if (token === 'end') return requirements
      if (token !== 'identifier' && token !== '!') throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`)
      try {
        requirements.push(this.parseRequirement())
      } catch (err) {
        if (err instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${err.message}`)
        throw err
      }
      const next = this.consume(true)
      if (next.token === 'end') return requirements
      if (next.token !== ',') throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`)
      const after = this.lookahead(true)
      if (after.token !== 'identifier' && after.token !== '!') throw new LabelSelectorError(`found '${after.literal}', expected: identifier after ','`)
    }
  }

  private parseRequirement(): Requirement {
    let {token, literal} = this.consume(true)
    let operator: Operator | undefined
    if (token === '!') {
      operator = '!'
      ;({token, literal} = this.consume(true))
    }
    if (token !== 'identifier') throw new LabelSelectorError(`found '${literal}', expected: identifier`)
    const keyErrors = labelKeyErrors(literal)
    if (keyErrors.length > 0) throw new LabelSelectorError(`<nil>: Invalid value: ${goQuote(literal)}: ${keyErrors.join('; ')}`)
    const key = literal
    const next = this.lookahead(true).token
    if (next === 'end' || next === ',') operator ??= 'exists'
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, [])
    operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue()
    return newRequirement(key, operator, sortedStringSet(values))
  }

  private parseOperator(): Operator {
    const {token, literal} = this.consume(false)
    switch (token) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        return token
      case '>':
        return 'gt'
      case '<':
        return 'lt'
      default:
        throw new LabelSelectorError(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`)
    }
  }

  private parseValues(): string[] {
    const open = this.consume(true)
    if (open.token !== '(') throw new LabelSelectorError(`found '${open.literal}' expected: '('`)
    const {token, literal} = this.lookahead(true)
    if (token === 'identifier' || token === ',') {
      const values = this.parseIdentifiersList()
      if (this.consume(true).token !== ')') throw new LabelSelectorError(`found '${literal}', expected: ')'`)
      return values
    }
    if (token === ')') {
      this.consume(true)
      return ['']
    }
    throw new LabelSelectorError(`found '${literal}', expected: ',', ')' or identifier`)
  }

  private parseIdentifiersList(): string[] {
    const values: string[] = []
    for (;;) {
      const {token, literal} = this.consume(true)
      if (token === 'identifier') {
        values.push(literal)
        const next = this.lookahead(true)
        if (next.token === ',') continue
        if (next.token === ')') return values
        throw new LabelSelectorError(`found '${next.literal}', expected: ',' or ')'`)
      }
      if (token === ',') {
        if (values.length === 0) values.push('')
        const next = this.lookahead(true).token
        if (next === ')') {
          values.push('')
          return values
        }
        if (next === ',') values.push('')
        continue
      }
      throw new LabelSelectorError(`found '${literal}', expected: ',', or identifier`)
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead(true).token
    if (next === 'end' || next === ',') return ['']
    const {token, literal} = this.consume(true)
    if (token === 'identifier') return [literal]
    throw new LabelSelectorError(`found '${literal}', expected: identifier`)
  }
}

// NewRequirement's checks with the parser's empty field path ("key", "values[0]", ...).
function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errors: string[] = []
  const keyErrors = labelKeyErrors(key)
  if (keyErrors.length > 0) errors.push(`key: Invalid value: ${goQuote(key)}: ${keyErrors.join('; ')}`)
  if (operator === 'gt' || operator === 'lt') {
    for (const [i, v] of values.entries()) {
      if (!isGoInt64(v)) errors.push(`values[${i}]: Invalid value: ${goQuote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`)
    }
  }
  for (const [i, v] of values.entries()) {
    const valueErrors = labelValueErrors(v)
    if (valueErrors.length > 0) errors.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${valueErrors.join('; ')}`)
  }
  // utilerrors.Aggregate: one error as is, several in brackets
  if (errors.length === 1) throw new LabelSelectorError(errors[0])
  if (errors.length > 1) throw new LabelSelectorError(`[${errors.join(', ')}]`)
  return {key, operator, values}
}

// sets.String's List(): unique, sorted
function sortedStringSet(values: string[]): string[] {
  return [...new Set(values)].sort(compareCodePoints)
}

function isGoInt64(text: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false
  const n = BigInt(text)
  return n >= -(2n ** 63n) && n < 2n ** 63n
}
