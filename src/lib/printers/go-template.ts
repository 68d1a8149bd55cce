// kubectl's Go template printer (-o go-template, go-template-file, template, templatefile): the
// object, as JSON decoded into map[string]interface{}, runs through a Go text/template named
// "output" that has kubectl's two extra functions, exists and base64decode. When the template fails,
// kubectl writes what it printed so far and a debugging dump to stdout, then reports the error.
import {CliError} from '../errors.js'
import {goBase64Decode} from '../go/base64.js'
import {sprintJSON} from '../go/fmt.js'
import {goQuote} from '../go/quote.js'
import {FuncError, goFunc} from '../go/template/funcs.js'
import {GoTemplate, TemplateExecError, TemplateParseError} from '../go/template/template.js'
import {bool, type Concrete, element, type Iface, lengthOf, mapIndex, str, type Value} from '../go/template/value.js'
import type {OutStream} from '../io.js'
import {compactJSON} from './json.js'
import {readTemplateFile} from './template-file.js'

export const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'] as const
export type GoTemplateFormat = (typeof GO_TEMPLATE_FORMATS)[number]

/** kubectl's exists: whether `index item indices...` would find a non-nil value. */
function exists(item: Value, indices: Value[]): boolean {
  let v: Value = item
  for (const index of indices) {
    if (v !== null && v.t === 'iface') {
      if (v.v === null) return false
      v = v.v
    }
    const c = v as Concrete | null
    if (c === null) return false
    if (c.t === 'slice' || c.t === 'string') {
      if (index === null || (index.t !== 'int' && index.t !== 'int64' && index.t !== 'uint8')) return false
      const x = index.v
      if (x < 0n || x >= BigInt(lengthOf(c))) return false
      v = c.t === 'slice' ? element(c.v[Number(x)]) : {t: 'uint8', v: BigInt(Buffer.from(c.v, 'utf8')[Number(x)])}
    } else if (c.t === 'map') {
      // a nil index is the key type's zero value, ""
      const key = index === null ? str('') : index
      if (key.t !== 'string') return false
      v = mapIndex(c.v, key.v) ?? ({t: 'iface', v: null} satisfies Iface)
    } else return false
  }
  return !(v !== null && v.t === 'iface' && v.v === null)
}

/** The functions kubectl adds to the template language. */
const KUBECTL_FUNCS = {
  exists: goFunc(['any', 'any'], true, ([item, ...indices]) => bool(exists(item, indices))),
  base64decode: goFunc(['string'], false, ([text]) => {
    try {
      return str(goBase64Decode(text).toString('utf8'))
    } catch (err) {
      throw new FuncError(`base64 decode failed: ${(err as Error).message}`)
    }
  }),
}

export interface GoTemplatePrintOptions {
  /**
   * The object is a Go struct in kubectl (a generator's object, or a server answer decoded into one):
   * the raw JSON kubectl shows when a template fails keeps its field order. Otherwise keys are sorted.
   */
  typed?: boolean
}

/** kubectl's GoTemplatePrinter. */
export class GoTemplatePrinter {
  private readonly template: GoTemplate

  constructor(
    readonly rawTemplate: string,
    private readonly allowMissingKeys = true,
  ) {
    try {
      this.template = GoTemplate.parse('output', rawTemplate, KUBECTL_FUNCS)
    } catch (err) {
      if (err instanceof TemplateParseError) throw new CliError(`error: error parsing template ${rawTemplate}, ${err.message}\n`)
      throw err
    }
  }

  printObj(obj: unknown, out: OutStream, opts: GoTemplatePrintOptions = {}): void {
    let text: string
    try {
      text = this.template.execute(obj, this.allowMissingKeys ? 'default' : 'error')
    } catch (err) {
      if (!(err instanceof TemplateExecError)) throw err
      const reason = err.panicked ? `caught panic: ${err.message}` : err.message
      out.write(
        `${err.output}Error executing template: ${reason}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${this.rawTemplate}\n` +
          `\traw data was:\n\t\t${compactJSON(obj, !opts.typed)}\n` +
          `\tobject given to template engine was:\n\t\t${sprintJSON(obj)}\n\n`,
      )
      throw new CliError(`error: error executing template ${goQuote(this.rawTemplate)}: ${reason}`)
    }
    out.write(text)
  }
}

/**
 * The printer for `-o FORMAT=VALUE` (or `-o FORMAT --template VALUE`), with kubectl's errors for an
 * empty template, an unreadable template file and a template that does not parse.
 */
export function goTemplatePrinterFor(format: GoTemplateFormat, value: string, opts: {allowMissingKeys?: boolean} = {}): GoTemplatePrinter {
  if (value === '') throw new CliError('error: template format specified but no template given')
  const template = format === 'go-template-file' || format === 'templatefile' ? readTemplateFile(value) : value
  return new GoTemplatePrinter(template, opts.allowMissingKeys ?? true)
}
