// What `-o` asks for, as kubectl's print flags read it, and the printer for each.
import {usageError} from '../errors.js'
import type {OutStream} from '../io.js'
import {type CustomColumnsPrinter, customColumnsPrinterFor} from '../printers/custom-columns.js'
import {formatJSON} from '../printers/json.js'
import {jsonPathPrinterFor} from '../printers/jsonpath.js'
import {formatYAML} from '../printers/yaml.js'

export type OutputFormat =
  /** Server-side Tables: the default and -o wide. */
  | {kind: 'table'}
  | {kind: 'name'}
  /** One printer per resource type (each prints its own header). */
  | {kind: 'custom-columns'; printer: () => CustomColumnsPrinter}
  /** One document for everything (json, yaml, jsonpath). */
  | {kind: 'generic'; print: (doc: unknown, out: OutStream) => void; hidesManagedFields: boolean; separator?: string; compactEvents?: boolean}

// kubectl also lists go-template, go-template-file, template and templatefile; ktl has no Go templates.
const ALLOWED = 'custom-columns,custom-columns-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,wide,yaml'

export function parseOutputFormat(output: string, opts: {noHeaders?: boolean} = {}): OutputFormat {
  const eq = output.indexOf('=')
  const name = eq < 0 ? output : output.slice(0, eq)
  const value = eq < 0 ? '' : output.slice(eq + 1)
  switch (name) {
    case '':
    case 'wide':
      if (eq < 0) return {kind: 'table'}
      break
    case 'name':
      if (eq < 0) return {kind: 'name'}
      break
    case 'json':
      return {kind: 'generic', print: (doc, out) => out.write(formatJSON(doc)), hidesManagedFields: true, compactEvents: true}
    case 'yaml':
      return {kind: 'generic', print: (doc, out) => out.write(formatYAML(doc)), hidesManagedFields: true, separator: '---\n'}
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      const printer = jsonPathPrinterFor(name, value)
      return {kind: 'generic', print: (doc, out) => printer.printObj(doc, out), hidesManagedFields: false}
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      customColumnsPrinterFor(name, value, opts)
      return {kind: 'custom-columns', printer: () => customColumnsPrinterFor(name, value, opts)}
    }
  }
  throw usageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
}
