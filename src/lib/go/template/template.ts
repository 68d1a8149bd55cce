// A parsed Go text/template (Go 1.23 semantics) and its execution on a value decoded from JSON.
import {BUILTINS, type GoFunc, GoPanic} from './funcs.js'
import {execute, ExecError, type MissingKey} from './exec.js'
import {parseTemplates, type TreeSet} from './parse.js'
import {fromJSON} from './value.js'

export {ExecError} from './exec.js'
export {GoPanic, type GoFunc} from './funcs.js'
export {TemplateParseError} from './parse.js'

/** A failed execution: Go's error text, what the template wrote before it failed, and whether it was a panic. */
export class TemplateExecError extends Error {
  constructor(
    message: string,
    readonly output: string,
    readonly panicked: boolean,
  ) {
    super(message)
  }
}

export class GoTemplate {
  private constructor(
    readonly name: string,
    readonly text: string,
    private readonly trees: TreeSet,
    private readonly funcs: Record<string, GoFunc>,
  ) {}

  /** template.New(name).Funcs(funcs).Parse(text); throws TemplateParseError with Go's text. */
  static parse(name: string, text: string, funcs: Record<string, GoFunc> = {}): GoTemplate {
    const trees = parseTemplates(name, text, (fn) => Object.hasOwn(funcs, fn) || Object.hasOwn(BUILTINS, fn))
    return new GoTemplate(name, text, trees, funcs)
  }

  /** Execute on `data` (decoded JSON); the output, or TemplateExecError with what was written before the failure. */
  execute(data: unknown, missingKey: MissingKey = 'default'): string {
    const out: string[] = []
    try {
      execute({text: this.text, parseName: this.name, trees: this.trees, funcs: this.funcs, missingKey}, this.name, fromJSON(data), out)
    } catch (err) {
      if (err instanceof ExecError) throw new TemplateExecError(err.message, out.join(''), false)
      if (err instanceof GoPanic) throw new TemplateExecError(err.message, out.join(''), true)
      throw err
    }
    return out.join('')
  }
}
