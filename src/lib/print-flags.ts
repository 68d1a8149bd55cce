// kubectl's print flags for commands that print the objects they work on (-o json|yaml|name|
// go-template|jsonpath and --template), shared by rollout, wait and events; and how -o and --template
// together name a format.
import {Flags} from '@oclif/core'
import {allowMissingTemplateKeysFlag, objectOutputFlag, showManagedFieldsFlag, templateFlag} from './flag-defs.js'

export const objectPrintFlags = {
  'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
  output: objectOutputFlag(),
  'show-managed-fields': showManagedFieldsFlag(),
  template: templateFlag(),
}

export const allNamespacesFlag = {
  'all-namespaces': Flags.boolean({
    char: 'A',
    description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  }),
}

// The formats whose template (or columns) --template can give.
const TEMPLATE_FORMATS = new Set([
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-file',
  'jsonpath-as-json',
  'custom-columns',
  'custom-columns-file',
])

/** An -o value split as kubectl's printers read it: the format's name and what follows `=`. */
export interface OutputSpec {
  name: string
  value: string
  /** Whether -o had `=` (only the template formats take a value). */
  hasValue: boolean
}

/**
 * -o FORMAT[=VALUE] with --template: a template alone means go-template; with -o, a template format
 * takes its template from --template and then matches no printer when -o also has one after `=`.
 */
export function splitOutput(output: string, template = ''): OutputSpec | undefined {
  if (template !== '' && output === '') return {name: 'go-template', value: template, hasValue: false}
  const eq = output.indexOf('=')
  const name = eq < 0 ? output : output.slice(0, eq)
  if (template !== '' && TEMPLATE_FORMATS.has(name)) return eq < 0 ? {name, value: template, hasValue: false} : undefined
  return {name, value: eq < 0 ? '' : output.slice(eq + 1), hasValue: eq >= 0}
}
