// Failures of patch computation, worded as apimachinery words them: kubectl embeds these texts in
// its own messages ("creating patch with: ...", "warning: error calculating patch from openapi spec: ...").
import {formatYAML} from '../printers/yaml.js'
import {goSprintV, goType, type JSONMap, type JSONValue} from './go-values.js'

/** A patch could not be computed or applied (bad directives, missing merge keys, lookup failures). */
export class PatchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PatchError'
  }
}

/**
 * mergepatch.ErrConflict: with --overwrite=false, the user's change meets a change someone else
 * made to the live object. Both sides are kept for callers that print them differently.
 */
export class PatchConflictError extends PatchError {
  constructor(
    readonly patch: JSONMap,
    readonly changed: JSONMap,
  ) {
    super(`patch:\n${formatYAML(patch)}\nconflicts with changes made from original to current:\n${formatYAML(changed)}\n`)
    this.name = 'PatchConflictError'
  }
}

/** mergepatch.ErrPreconditionFailed (kubectl replaces it with its own sentence). */
export class PatchPreconditionError extends PatchError {
  constructor(readonly patch: JSONMap) {
    super(`precondition failed for: ${goSprintV(patch)}`)
    this.name = 'PatchPreconditionError'
  }
}

/** Go's name for the dynamic type of a decoded JSON value, as %s of reflect.TypeOf prints it. */
export function goTypeName(v: JSONValue | undefined): string {
  switch (goType(v)) {
    case 'nil':
      return '%!s(<nil>)'
    case 'slice':
      return '[]interface {}'
    case 'map':
      return 'map[string]interface {}'
    default:
      return goType(v)
  }
}

/** mergepatch.ErrBadArgType. */
export function badArgType(expected: 'map' | 'slice', actual: JSONValue | undefined): PatchError {
  return new PatchError(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`)
}

/** mergepatch.ErrNoMergeKey. */
export function noMergeKey(m: JSONMap, key: string): PatchError {
  return new PatchError(`map: ${goSprintV(m)} does not contain declared merge key: ${key}`)
}

/** fmt's %s of an interface value. */
export function goSprintS(v: JSONValue | undefined): string {
  return typeof v === 'string' ? v : `%!s(${goType(v) === 'nil' ? '<nil>' : `${goTypeName(v)}=${goSprintV(v)}`})`
}

export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported'
export const ERR_BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list'
export const ERR_BAD_RETAIN_KEYS = 'invalid patch format of retainKeys'
export const ERR_BAD_SET_ELEMENT_ORDER = 'invalid patch format of setElementOrder list'
