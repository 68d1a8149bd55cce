// kubectl's --validate modes (create, apply, edit) and the fieldValidation query parameter each sends.
import {usageError} from '../errors.js'

export type ValidationMode = 'strict' | 'warn' | 'ignore'

/** The fieldValidation query parameter kubectl sends for each --validate mode. */
export const FIELD_VALIDATION: Record<ValidationMode, string> = {strict: 'Strict', warn: 'Warn', ignore: 'Ignore'}

/** kubectl's --validate values: strict (or true), warn, ignore (or false). */
export function parseValidationMode(value: string): ValidationMode {
  switch (value.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'strict'
    case 'warn':
      return 'warn'
    case 'ignore':
    case 'false':
      return 'ignore'
  }
  throw usageError(`invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`)
}
