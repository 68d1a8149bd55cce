// How `ktl create` prints what it created: kubectl's print flags for create (json, yaml, name,
// jsonpath; no tables), and the `kind.group/name created` line when -o is not given. The printers
// load only when something is printed, so a command's flags stay cheap to import.
import {CliError, usageError} from '../errors.js'
import type {OutStream} from '../io.js'
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

// kubectl also lists go-template, go-template-file, template and templatefile; ktl has no Go templates.
const ALLOWED = 'json,jsonpath,jsonpath-as-json,jsonpath-file,name,yaml'

type Format = '' | 'name' | 'json' | 'yaml' | 'jsonpath' | 'jsonpath-file' | 'jsonpath-as-json'

/** The format -o names (the part before `=`), or kubectl's error for one create does not print. */
export function checkCreateOutput(output: string): {format: Format; value: string} {
  const eq = output.indexOf('=')
  const name = eq < 0 ? output : output.slice(0, eq)
  const value = eq < 0 ? '' : output.slice(eq + 1)
  switch (name) {
    case '':
    case 'name':
      if (eq < 0) return {format: name, value}
      break
    case 'json':
    case 'yaml':
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
      return {format: name, value}
  }
  throw usageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
}

/** The printer for -o (with kubectl's errors for a bad format or template). */
export async function createPrinter(output: string, opts: {allowMissingKeys?: boolean} = {}): Promise<CreatePrinter> {
  const {format, value} = checkCreateOutput(output)
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
    default: {
      const {jsonPathPrinterFor} = await import('../printers/jsonpath.js')
      const printer = jsonPathPrinterFor(format, value, opts)
      return (object, out) => printer.printObj(object, out)
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
