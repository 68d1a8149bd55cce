// What `wait --for` asks for, and whether an object meets it: kubectl's conditionFuncFor,
// ConditionalWait.checkCondition and JSONPathWait.checkCondition. Pure functions of the object.
import {GoError, usageError} from '../errors.js'
import {goSprint, parseJSONPath, relaxedJSONPathExpression} from '../printers/jsonpath.js'
import type {KubeObject} from '../resources/objects.js'

export type WaitFor =
  | {kind: 'delete'}
  | {kind: 'create'}
  | {kind: 'condition'; name: string; value: string}
  | {kind: 'jsonpath'; check: (object: KubeObject) => boolean}

type Obj = Record<string, any>

const JSONPATH_FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'"

/** Parses --for with kubectl's errors. */
export function parseWaitFor(text: string): WaitFor {
  const lower = text.toLowerCase()
  if (lower === 'delete') return {kind: 'delete'}
  if (lower === 'create') return {kind: 'create'}
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length)
    const eq = rest.indexOf('=')
    return eq < 0 ? {kind: 'condition', name: rest, value: 'true'} : {kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1)}
  }
  if (text.startsWith('jsonpath=')) {
    const parts = text.split('=')
    if (parts.length > 3) throw usageError(JSONPATH_FORMAT)
    return {kind: 'jsonpath', check: jsonPathCheck(parts[1], parts[2])}
  }
  throw usageError(`unrecognized condition: ${JSON.stringify(text)}`)
}

function jsonPathCheck(expression: string, value: string | undefined): (object: KubeObject) => boolean {
  if (expression === '') throw usageError('jsonpath expression cannot be empty')
  const template = relaxedJSONPathExpression(expression)
  if (value === '') throw usageError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  const expected = value?.replace(/^['"]+|['"]+$/g, '')
  const path = parseJSONPath(template, {allowMissingKeys: true})
  return (object) => {
    const results = path.findResults(object)
    if (results.length === 0 || results[0].length === 0) return false
    if (results.length > 1) throw new GoError('given jsonpath expression matches more than one list')
    if (results[0].length > 1) throw new GoError('given jsonpath expression matches more than one value')
    if (expected === undefined) return true
    const found = results[0][0]
    if (found !== null && typeof found === 'object') throw new GoError('jsonpath leads to a nested object or list which is not supported')
    return goSprint(found).trim() === expected.trim()
  }
}

/** ConditionalWait.checkCondition: the named condition (any case) has the wanted status, for this generation. */
export function conditionMet(object: KubeObject, name: string, value: string): boolean {
  const status = object.status as Obj | undefined
  const conditions = status?.conditions
  if (!Array.isArray(conditions)) return false
  for (const condition of conditions as Obj[]) {
    if (typeof condition?.type !== 'string' || condition.type.toLowerCase() !== name.toLowerCase()) continue
    if (typeof condition.status !== 'string') continue
    const generation = object.metadata?.generation
    if (typeof generation === 'number') {
      const observed = typeof condition.observedGeneration === 'number' ? condition.observedGeneration : status?.observedGeneration
      if (typeof observed === 'number' && observed < generation) return false
    }
    return condition.status.toLowerCase() === value.toLowerCase()
  }
  return false
}

/** Whether `object` meets a condition or jsonpath wait. */
export function waitMet(forWhat: Extract<WaitFor, {kind: 'condition' | 'jsonpath'}>, object: KubeObject): boolean {
  return forWhat.kind === 'condition' ? conditionMet(object, forWhat.name, forWhat.value) : forWhat.check(object)
}
