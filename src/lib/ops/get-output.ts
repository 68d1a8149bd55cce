// What `-o` asks for, as kubectl's print flags read it, and the printer for each.
import {usageError} from '../errors.js'
import type {OutStream} from '../io.js'
import {splitOutput} from '../print-flags.js'
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
  /**
   * One document for everything (json, yaml, jsonpath, go-template). `prepare` makes a printer kubectl
   * makes only once the objects are fetched (its errors come after the objects' own); print calls it too.
   */
  | {kind: 'generic'; print: PrintDocument; prepare?: () => void; hidesManagedFields: boolean; separator?: string; compactEvents?: boolean}

/** Prints one document; `typed` when kubectl has it as a Go struct (go-template's error dump keeps its field order). */
export type PrintDocument = (doc: unknown, out: OutStream, opts?: {typed?: boolean}) => void

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

export interface OutputFormatOptions {
  noHeaders?: boolean
  /** --template. */
  template?: string
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean
}

export async function parseOutputFormat(output: string, opts: OutputFormatOptions = {}): Promise<OutputFormat> {
  const spec = splitOutput(output, opts.template)
  switch (spec?.name) {
    case '':
    case 'wide':
      if (!spec.hasValue) return {kind: 'table'}
      break
    case 'name':
      if (!spec.hasValue) return {kind: 'name'}
      break
    case 'json':
      if (!spec.hasValue) return {kind: 'generic', print: (doc, out) => out.write(formatJSON(doc)), hidesManagedFields: true, compactEvents: true}
      break
    case 'yaml':
      if (!spec.hasValue) return {kind: 'generic', print: (doc, out) => out.write(formatYAML(doc)), hidesManagedFields: true, separator: '---\n'}
      break
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      const printer = jsonPathPrinterFor(spec.name, spec.value, {allowMissingKeys: opts.allowMissingKeys})
      return {kind: 'generic', print: (doc, out) => printer.printObj(doc, out), hidesManagedFields: false}
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile': {
      const {goTemplatePrinterFor} = await import('../printers/go-template.js')
      const {name, value} = spec
      let printer: ReturnType<typeof goTemplatePrinterFor> | undefined
      const prepare = () => (printer ??= goTemplatePrinterFor(name, value, opts))
      return {kind: 'generic', prepare, print: (doc, out, o) => prepare().printObj(doc, out, o), hidesManagedFields: false}
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      const {name, value} = spec
      customColumnsPrinterFor(name, value, opts)
      return {kind: 'custom-columns', printer: () => customColumnsPrinterFor(name, value, opts)}
    }
  }
  throw usageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
}
