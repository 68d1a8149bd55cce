// text/template's executor (Go 1.23): walks the parse tree over reflect-like values, with Go's
// rules for fields, variables, pipelines, calls and argument types, and its error texts
// ("template: output:1:2: executing \"output\" at <.a>: map has no entry for key \"a\"").
import {type Arg, sprint} from '../fmt.js'
import {goQuote} from '../quote.js'
import {BUILTINS, FuncError, type GoFunc, GoPanic, indirect, type ParamType, truth} from './funcs.js'
import {type BranchNode, type CommandNode, type ListNode, type Node, nodeString, type NumberNode, type PipeNode} from './parse.js'
import {bool, type Concrete, element, indirectInterface, mapIndex, sortedKeys, str, typeString, type Value} from './value.js'

/** An execution failure; `message` is Go's text. */
export class ExecError extends Error {}

/** missingkey=default (a missing map key is no value) or missingkey=error. */
export type MissingKey = 'default' | 'error'

export interface Templates {
  /** The text the templates were parsed from, for error positions. */
  text: string
  /** The name errors give as the parse location ("output"). */
  parseName: string
  trees: Map<string, ListNode>
  funcs: Record<string, GoFunc>
  missingKey: MissingKey
}

const MAX_EXEC_DEPTH = 100000

/** The value a pipeline's first command has in place of a previous command's result. */
const MISSING = Symbol('missing')
type Final = Value | typeof MISSING

const BREAK = Symbol('break')
const CONTINUE = Symbol('continue')

interface Variable {
  name: string
  value: Value
}

/** Runs the template `name` on `data`, writing to `out` as it goes (a failure keeps what was written). */
export function execute(templates: Templates, name: string, data: Value, out: string[]): void {
  const root = templates.trees.get(name) as ListNode
  new State(templates, name, out, [{name: '$', value: data}], 0).walk(data, root)
}

class State {
  private node: Node | undefined

  constructor(
    private readonly tmpl: Templates,
    private readonly name: string,
    private readonly out: string[],
    private vars: Variable[],
    private readonly depth: number,
  ) {}

  private at(node: Node): void {
    this.node = node
  }

  private errorf(message: string): never {
    if (this.node === undefined) throw new ExecError(`template: ${this.name}: ${message}`)
    throw new ExecError(`template: ${this.location(this.node)}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`)
  }

  /** Tree.ErrorContext's location: line and byte column of the node. */
  private location(node: Node): string {
    const before = this.tmpl.text.slice(0, node.pos)
    const lineStart = before.lastIndexOf('\n') + 1
    const line = before.split('\n').length
    return `${this.tmpl.parseName}:${line}:${Buffer.byteLength(before.slice(lineStart), 'utf8')}`
  }

  // variables

  private push(name: string, value: Value): void {
    this.vars.push({name, value})
  }

  private mark(): number {
    return this.vars.length
  }

  private pop(mark: number): void {
    this.vars.length = mark
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value
        return
      }
    }
    this.errorf(`undefined variable: ${name}`)
  }

  private setTopVar(n: number, value: Value): void {
    this.vars[this.vars.length - n].value = value
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value
    this.errorf(`undefined variable: ${name}`)
  }

  // walking

  walk(dot: Value, node: Node): void {
    this.at(node)
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.printValue(node, val)
        return
      }
      case 'break':
        throw BREAK
      case 'continue':
        throw CONTINUE
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node)
      case 'list':
        for (const n of node.nodes) this.walk(dot, n)
        return
      case 'range':
        return this.walkRange(dot, node)
      case 'template':
        return this.walkTemplate(dot, node)
      case 'text':
        this.out.push(node.text)
        return
      default:
        this.errorf(`unknown node: ${nodeString(node)}`)
    }
  }

  private walkIfOrWith(dot: Value, node: BranchNode): void {
    const mark = this.mark()
    try {
      const val = this.evalPipeline(dot, node.pipe)
      if (truth(val)) this.walk(node.type === 'with' ? val : dot, node.list)
      else if (node.elseList) this.walk(dot, node.elseList)
    } finally {
      this.pop(mark)
    }
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r)
    const outer = this.mark()
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe))
      const mark = this.mark()
      const decl = r.pipe.decl
      const oneIteration = (index: Value, elem: Value) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem)
          else this.setTopVar(1, elem)
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem)
          else this.setTopVar(2, index)
        }
        try {
          this.walk(elem, r.list)
        } catch (err) {
          if (err !== CONTINUE) throw err
        } finally {
          this.pop(mark)
        }
      }
      const c = val as Concrete | null
      if (c !== null && c.t === 'slice' && c.v.length > 0) {
        for (let i = 0; i < c.v.length; i++) oneIteration({t: 'int', v: BigInt(i)}, element(c.v[i]))
        return
      }
      const keys = c !== null && c.t === 'map' ? sortedKeys(c.v) : []
      if (keys.length > 0 && c?.t === 'map') {
        for (const key of keys) oneIteration(str(key), element(c.v[key]))
        return
      }
      if (c !== null && c.t !== 'slice' && c.t !== 'map') this.errorf(`range can't iterate over ${sprint([c])}`)
      if (r.elseList) this.walk(dot, r.elseList)
    } catch (err) {
      if (err !== BREAK) throw err
    } finally {
      this.pop(outer)
    }
  }

  private walkTemplate(dot: Value, t: Extract<Node, {type: 'template'}>): void {
    this.at(t)
    const root = this.tmpl.trees.get(t.name)
    if (root === undefined) this.errorf(`template ${goQuote(t.name)} not defined`)
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`)
    const value = this.evalPipeline(dot, t.pipe)
    try {
      new State(this.tmpl, t.name, this.out, [{name: '$', value}], this.depth + 1).walk(value, root)
    } catch (err) {
      // JavaScript's stack is shallower than Go's: report where Go would have stopped recursing.
      if (err instanceof RangeError) {
        this.at(t)
        this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`)
      }
      throw err
    }
  }

  private printValue(node: Node, v: Value): void {
    this.at(node)
    this.out.push(v === null ? '<no value>' : sprint([indirectInterface(v) as Arg]))
  }

  // evaluation

  private evalPipeline(dot: Value, pipe: PipeNode | undefined): Value {
    if (pipe === undefined) return null
    this.at(pipe)
    let value: Final = MISSING
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value)
      // an interface{} result is replaced by what it holds
      value = indirectInterface(value)
    }
    const result = value as Value
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], result)
      else this.push(v.ident[0], result)
    }
    return result
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`)
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0]
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final)
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final)
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final)
      case 'pipe':
        this.notAFunction(cmd.args, final)
        return this.evalPipeline(dot, first)
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final)
    }
    this.at(first)
    this.notAFunction(cmd.args, final)
    switch (first.type) {
      case 'bool':
        return bool(first.value)
      case 'dot':
        return dot
      case 'nil':
        this.errorf('nil is not a command')
        break
      case 'number':
        return this.idealConstant(first)
      case 'string':
        return str(first.text)
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`)
  }

  /** A number literal where nothing says its type: its syntax picks int, float64 or complex128. */
  private idealConstant(n: NumberNode): Value {
    this.at(n)
    if (n.isComplex) return {t: 'complex128', re: n.complex.re, im: n.complex.im}
    const hexInt = n.text.length > 2 && n.text[0] === '0' && (n.text[1] === 'x' || n.text[1] === 'X') && !/[pP]/.test(n.text)
    if (n.isFloat && !hexInt && n.text[0] !== "'" && /[.eEpP]/.test(n.text)) return {t: 'float64', v: n.float64}
    if (n.isInt) return {t: 'int', v: n.int64}
    if (n.isUint) this.errorf(`${n.text} overflows int`)
    return null
  }

  private evalFieldNode(dot: Value, field: Extract<Node, {type: 'field'}>, args: Node[] | undefined, final: Final): Value {
    this.at(field)
    return this.evalFieldChain(dot, dot, field, field.ident, args, final)
  }

  private evalChainNode(dot: Value, chain: Extract<Node, {type: 'chain'}>, args: Node[] | undefined, final: Final): Value {
    this.at(chain)
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    const pipe = this.evalArg(dot, undefined, chain.node) as Value
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final)
  }

  private evalVariableNode(dot: Value, variable: Extract<Node, {type: 'variable'}>, args: Node[] | undefined, final: Final): Value {
    this.at(variable)
    const value = this.varValue(variable.ident[0])
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [variable], final)
      return value
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final)
  }

  private evalFieldChain(dot: Value, receiver: Value, node: Node, ident: string[], args: Node[] | undefined, final: Final): Value {
    const n = ident.length
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i], undefined, MISSING, receiver)
    return this.evalField(ident[n - 1], args, final, receiver)
  }

  private evalFunction(dot: Value, node: Extract<Node, {type: 'identifier'}>, cmd: Node, args: Node[] | undefined, final: Final): Value {
    this.at(node)
    const name = node.ident
    const builtin = BUILTINS[name]
    const fn = this.tmpl.funcs[name] ?? builtin
    if (fn === undefined) this.errorf(`${goQuote(name)} is not a defined function`)
    return this.evalCall(dot, fn, fn === builtin, cmd, name, args, final)
  }

  private evalField(fieldName: string, args: Node[] | undefined, final: Final, receiver: Value): Value {
    if (receiver === null) {
      if (this.tmpl.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`)
      return null
    }
    const typ = typeString(receiver)
    const [v, isNil] = indirect(receiver)
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`)
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING
    if (v !== null && v.t === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`)
      const result = mapIndex(v.v, fieldName)
      if (result === null && this.tmpl.missingKey === 'error') this.errorf(`map has no entry for key ${goQuote(fieldName)}`)
      return result
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`)
  }

  private evalCall(dot: Value, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, allArgs: Node[] | undefined, final: Final): Value {
    const args = allArgs ? allArgs.slice(1) : []
    const numIn = args.length + (final !== MISSING ? 1 : 0)
    let numFixed = args.length
    if (fn.variadic) {
      numFixed = fn.params.length - 1
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length - 1} got ${args.length}`)
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`)
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Value = null
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg) as Value
        if (truth(v) === (name === 'or')) return v
      }
      if (final !== MISSING) v = final
      return v
    }
    const argv: (Value | Arg | string)[] = []
    let i = 0
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]))
    if (fn.variadic) {
      const elem = fn.params[fn.params.length - 1]
      for (; i < args.length; i++) argv.push(this.evalArg(dot, elem, args[i]))
    }
    if (final !== MISSING) {
      const t = fn.variadic && numIn - 1 >= numFixed ? fn.params[fn.params.length - 1] : fn.params[numIn - 1]
      argv.push(this.validateType(final, t))
    }
    try {
      if (isBuiltin && name === 'call') return this.call(args, argv[0] as Value)
      return fn.call(argv)
    } catch (err) {
      if (!(err instanceof FuncError)) throw err
      this.at(node)
      this.errorf(`error calling ${name}: ${err.message}`)
    }
  }

  /** The call builtin: data decoded from JSON holds no functions, so every call fails as Go's does. */
  private call(args: Node[], fn: Value): Value {
    // Go 1.23 names the callee from its first argument even when the pipeline supplied it
    if (args.length === 0) throw new GoPanic('runtime error: index out of range [0] with length 0')
    const f = indirectInterface(fn)
    if (f === null) throw new FuncError('call of nil')
    throw new FuncError(`non-function ${nodeString(args[0])} of type ${typeString(f)}`)
  }

  /** validateType: a value as a parameter of type `typ` takes it (undefined: no type asked). */
  private validateType(value: Value, typ: ParamType | undefined): Value | Arg | string {
    if (typ === undefined || typ === 'value') return value
    if (typ === 'any') return indirectInterface(value) as Arg
    if (value === null) this.errorf('invalid value; expected string')
    const v = indirectInterface(value)
    if (v !== null && v.t === 'string') return v.v
    this.errorf(`wrong type for value; expected string; got ${typeString(v ?? value)}`)
  }

  private evalArg(dot: Value, typ: ParamType | undefined, n: Node): Value | Arg | string {
    this.at(n)
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ)
      case 'nil':
        if (typ === 'string') this.errorf('cannot assign nil to string')
        return null
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ)
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), typ)
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ)
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ)
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ)
    }
    if (typ === 'string') {
      if (n.type === 'string') return n.text
      this.errorf(`expected string; found ${nodeString(n)}`)
    }
    const v = this.evalEmptyInterface(dot, n)
    return typ === 'any' ? (indirectInterface(v) as Arg) : v
  }

  private evalEmptyInterface(dot: Value, n: Node): Value {
    this.at(n)
    switch (n.type) {
      case 'bool':
        return bool(n.value)
      case 'number':
        return this.idealConstant(n)
      case 'string':
        return str(n.text)
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`)
  }
}
