// Ajv's errors in ktl's words: each becomes a field path (as steps into the object) and a message
// that says what was expected and what was found, e.g. `must be integer, got string "three"`.
import type {ErrorObject} from 'ajv'
import {goQuote} from '../go/quote.js'
import {describePattern} from './formats.js'
import {closest} from './suggest.js'

export interface SchemaFinding {
  path: Array<string | number>
  message: string
  /** The problem is the value at path (a wrong type, a bad enum), so point at the value, not its key. */
  atValue?: boolean
}

// Keywords whose finding names a key: an unknown field, or a field missing from the object at path.
const KEY_KEYWORDS = new Set(['additionalProperties', 'required'])

/** The findings of one validation run, in Ajv's order, without repeats. */
export function describeErrors(errors: readonly ErrorObject[], object: unknown): SchemaFinding[] {
  const findings: SchemaFinding[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    // A branch of anyOf/oneOf/not failing is expected; the combinator's own error says what matters.
    if (/\/(anyOf|oneOf)\/\d+\/|\/not\//.test(error.schemaPath)) continue
    const finding = describe(error, pathSteps(error.instancePath, object))
    if (!finding) continue
    if (!KEY_KEYWORDS.has(error.keyword)) finding.atValue = true
    const key = `${JSON.stringify(finding.path)}\u0000${finding.message}`
    if (seen.has(key)) continue
    seen.add(key)
    findings.push(finding)
  }
  return findings
}

/** A JSON pointer as steps, numbers where the data is an array. */
export function pathSteps(pointer: string, object: unknown): Array<string | number> {
  if (pointer === '') return []
  const steps: Array<string | number> = []
  let node: unknown = object
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    const step = Array.isArray(node) ? Number(key) : key
    steps.push(step)
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined
  }
  return steps
}

function describe(error: ErrorObject, path: Array<string | number>): SchemaFinding | undefined {
  const params = error.params as Record<string, unknown>
  const data = error.data
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = params.additionalProperty as string
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {})
      const suggestion = closest(field, known)
      return {path: [...path, field], message: `unknown field${suggestion ? ` (did you mean ${goQuote(suggestion)}?)` : ''}`}
    }
    case 'required':
      return {path, message: `missing required field ${goQuote(params.missingProperty as string)}`}
    case 'type': {
      const types = ([] as string[]).concat(error.schema as string | string[]).filter((t) => t !== 'null')
      // Integers beyond 2^53 arrive as bigint, which Ajv does not count as a number.
      if (typeof data === 'bigint' && (types.includes('integer') || types.includes('number'))) return bigintRange(error, path, data)
      return {path, message: `must be ${orList(types)}, got ${describeValue(data)}`}
    }
    case 'enum': {
      const allowed = (error.schema as unknown[]).filter((v) => v !== null && v !== '')
      return {path, message: `must be one of ${orList(allowed.map(valueText))}, got ${valueText(data)}`}
    }
    case 'const':
      return {path, message: `must be ${valueText(error.schema)}, got ${valueText(data)}`}
    case 'pattern': {
      const described = describePattern(params.pattern as string)
      return {path, message: `must be ${described ?? `a string matching ${goQuote(params.pattern as string)}`}, got ${describeValue(data)}`}
    }
    case 'format':
      return {path, message: `must be a valid ${params.format as string}, got ${describeValue(data)}`}
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {path, message: `must be ${params.comparison as string} ${params.limit as number}, got ${valueText(data)}`}
    case 'multipleOf':
      return {path, message: `must be a multiple of ${params.multipleOf as number}, got ${valueText(data)}`}
    case 'minLength':
    case 'maxLength':
      return {path, message: `must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${plural(params.limit as number, 'character')} long, got ${[...(data as string)].length}`}
    case 'minItems':
    case 'maxItems':
      return {path, message: `must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${plural(params.limit as number, 'item')}, got ${(data as unknown[]).length}`}
    case 'minProperties':
    case 'maxProperties':
      return {path, message: `must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${plural(params.limit as number, 'field')}, got ${Object.keys(data as object).length}`}
    case 'uniqueItems':
      {
      const [i, j] = [params.i as number, params.j as number]
      return {path, message: `must not contain duplicates (items ${Math.min(i, j)} and ${Math.max(i, j)} are equal)`}
    }
    case 'anyOf':
      return {path, message: 'must match at least one of the schemas allowed here'}
    case 'oneOf':
      return {path, message: `must match exactly one of the schemas allowed here${params.passingSchemas ? ` (matches ${(params.passingSchemas as number[]).length})` : ''}`}
    case 'not':
      return {path, message: 'must not match the schema forbidden here'}
    default:
      return {path, message: `fails the schema's ${goQuote(error.keyword)} rule`}
  }
}

function bigintRange(error: ErrorObject, path: Array<string | number>, data: bigint): SchemaFinding | undefined {
  const schema = error.parentSchema as {minimum?: number; maximum?: number} | undefined
  if (schema?.maximum !== undefined && data > BigInt(schema.maximum)) return {path, message: `must be <= ${schema.maximum}, got ${data}`}
  if (schema?.minimum !== undefined && data < BigInt(schema.minimum)) return {path, message: `must be >= ${schema.minimum}, got ${data}`}
  return undefined
}

/** `string "three"`, `number 1.5`, `boolean true`, `array`, `object`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'string':
      return `string ${quoteShort(value)}`
    case 'number':
    case 'bigint':
      return `number ${value}`
    case 'boolean':
      return `boolean ${value}`
    default:
      return 'object'
  }
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return quoteShort(value)
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === null) return String(value)
  return describeValue(value)
}

/** A value quoted as Go quotes it, cut short when long: a certificate in the wrong field would drown the line. */
export function quoteShort(s: string): string {
  const chars = [...s]
  return chars.length > 64 ? `${goQuote(chars.slice(0, 60).join(''))}... (${chars.length} characters)` : goQuote(s)
}

/** a, b or c */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
