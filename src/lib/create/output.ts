// How `ktl create` prints what it created: kubectl's print flags for create (json, yaml, name,
// go-template, jsonpath; no tables), and the `kind.group/name created` line when -o is not given. The
// printers load only when something is printed, so a command's flags stay cheap to import.
import {CliError, usageError} from '../errors.js'
import type {OutStream} from '../io.js'
import {splitOutput} from '../print-flags.js'
import type {KubeObject} from '../resources/objects.js'

export interface CreatePrintOptions {
  /**
   * The object is a Go struct in kubectl (a generator's object, or the server's answer decoded into
   * one): -o json keeps its field order. Objects from manifests are maps: keys sorted.
   */
  typed: boolean
  /** `created`, `created (dry run)` or `created (server dry run)`; only the name line shows it. */
  operation: string
  showManagedFields: boolean
}

export type CreatePrinter = (object: KubeObject, out: OutStream, opts: CreatePrintOptions) => void

/** The formats of kubectl's print flags for commands that print the objects they work on. */
export const OBJECT_OUTPUT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

type Format = '' | 'name' | 'json' | 'yaml' | 'jsonpath' | 'jsonpath-file' | 'jsonpath-as-json' | 'go-template' | 'go-template-file' | 'template' | 'templatefile'

export interface CreateOutputOptions {
  /** --template. */
  template?: string
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean
}

/** The format -o (with --template) names and its template, or kubectl's error for one create does not print. */
export function checkCreateOutput(output: string, template?: string): {format: Format; value: string} {
  const spec = splitOutput(output, template)
  switch (spec?.name) {
    case '':
    case 'name':
    case 'json':
    case 'yaml':
      if (!spec.hasValue) return {format: spec.name, value: ''}
      break
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      return {format: spec.name, value: spec.value}
  }
  throw usageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${OBJECT_OUTPUT_FORMATS}`)
}

/** The printer for -o (with kubectl's errors for a bad format or template). */
export async function createPrinter(output: string, opts: CreateOutputOptions = {}): Promise<CreatePrinter> {
  const {format, value} = checkCreateOutput(output, opts.template)
  switch (format) {
    case '':
      return (object, out, o) => out.write(`${namePrefix(object)}/${object.metadata?.name ?? ''} ${o.operation}\n`)
    case 'name':
      return (object, out) => out.write(`${namePrefix(object)}/${object.metadata?.name ?? ''}\n`)
    case 'json': {
      const [{formatJSON}, {withoutManagedFields}] = await Promise.all([import('../printers/json.js'), import('../resources/managed-fields.js')])
      return (object, out, o) => out.write(formatJSON(o.showManagedFields ? object : withoutManagedFields(object), {sortKeys: !o.typed}))
    }
    case 'yaml': {
      const [{formatYAML}, {withoutManagedFields}] = await Promise.all([import('../printers/yaml.js'), import('../resources/managed-fields.js')])
      // kubectl's YAML printer separates the documents it prints
      let printed = 0
      return (object, out, o) => out.write(`${printed++ > 0 ? '---\n' : ''}${formatYAML(o.showManagedFields ? object : withoutManagedFields(object))}`)
    }
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      const {jsonPathPrinterFor} = await import('../printers/jsonpath.js')
      const printer = jsonPathPrinterFor(format, value, opts)
      return (object, out) => printer.printObj(object, out)
    }
    default: {
      const {goTemplatePrinterFor} = await import('../printers/go-template.js')
      const printer = goTemplatePrinterFor(format, value, opts)
      return (object, out, o) => printer.printObj(object, out, {typed: o.typed})
    }
  }
}

/** kubectl's name printer: the lower-cased kind and the group of the object's own apiVersion. */
function namePrefix(object: KubeObject): string {
  const kind = object.kind ?? ''
  if (kind === '') throw new CliError(`error: missing kind for resource with name ${object.metadata?.name ?? ''}`)
  const apiVersion = object.apiVersion ?? ''
  const slash = apiVersion.indexOf('/')
  const group = slash < 0 ? '' : apiVersion.slice(0, slash)
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase()
}
