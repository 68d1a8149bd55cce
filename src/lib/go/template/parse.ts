// text/template/parse's parser as of Go 1.23: one tree per template ({{define}} and {{block}} add
// more), Go's error texts, and each node's String() form, which execution errors quote.
import {goQuote, GoSyntaxError, goUnquote, goUnquoteChar} from '../quote.js'
import {type Item, ItemType, itemString, Lexer} from './lex.js'
import {parseComplex, parseFloat64, parseInt64, parseUint} from './number.js'

export interface NumberNode {
  type: 'number'
  pos: number
  isInt: boolean
  isUint: boolean
  isFloat: boolean
  isComplex: boolean
  int64: bigint
  uint64: bigint
  float64: number
  complex: {re: number; im: number}
  text: string
}

export interface PipeNode {
  type: 'pipe'
  pos: number
  isAssign: boolean
  decl: VariableNode[]
  cmds: CommandNode[]
}

export interface CommandNode {
  type: 'command'
  pos: number
  args: Node[]
}

export interface VariableNode {
  type: 'variable'
  pos: number
  ident: string[]
}

export interface ListNode {
  type: 'list'
  pos: number
  nodes: Node[]
}

export interface BranchNode {
  type: 'if' | 'range' | 'with'
  pos: number
  pipe: PipeNode
  list: ListNode
  elseList: ListNode | undefined
}

export type Node =
  | ListNode
  | {type: 'text'; pos: number; text: string}
  | {type: 'action'; pos: number; pipe: PipeNode}
  | PipeNode
  | CommandNode
  | {type: 'identifier'; pos: number; ident: string}
  | VariableNode
  | {type: 'dot'; pos: number}
  | {type: 'nil'; pos: number}
  | {type: 'field'; pos: number; ident: string[]}
  | {type: 'chain'; pos: number; node: Node; field: string[]}
  | {type: 'bool'; pos: number; value: boolean}
  | NumberNode
  | {type: 'string'; pos: number; quoted: string; text: string}
  | {type: 'end'; pos: number}
  | {type: 'else'; pos: number}
  | BranchNode
  | {type: 'break' | 'continue'; pos: number}
  | {type: 'template'; pos: number; name: string; pipe: PipeNode | undefined}

/** Node.String(): the source form Go rebuilds from a node. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('')
    case 'text':
      return n.text
    case 'action':
      return `{{${nodeString(n.pipe)}}}`
    case 'pipe': {
      const decl = n.decl.length > 0 ? `${n.decl.map(nodeString).join(', ')} := ` : ''
      return decl + n.cmds.map(nodeString).join(' | ')
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ')
    case 'identifier':
      return n.ident
    case 'variable':
      return n.ident.join('.')
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'field':
      return n.ident.map((id) => `.${id}`).join('')
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => `.${f}`).join('')
    case 'bool':
      return String(n.value)
    case 'number':
      return n.text
    case 'string':
      return n.quoted
    case 'end':
      return '{{end}}'
    case 'else':
      return '{{else}}'
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`
    case 'break':
    case 'continue':
      return `{{${n.type}}}`
    case 'template':
      return `{{template ${goQuote(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`
  }
}

/** A parse failure; `message` is Go's text ("template: output:1: ..."). */
export class TemplateParseError extends Error {}

// Nesting of parenthesised pipelines Go accepts; deeper ones fail to parse.
const MAX_STACK_DEPTH = 10000

/** The templates one Parse call defines: the named one and those its {{define}}s and {{block}}s add. */
export type TreeSet = Map<string, ListNode>

/** Go's parse.IsEmptyTree: nothing but space and comments. */
function isEmptyTree(n: Node | undefined): boolean {
  if (n === undefined) return true
  if (n.type === 'list') return n.nodes.every(isEmptyTree)
  if (n.type === 'text') return n.text.trim() === ''
  return false
}

/** Parses `text` as the template `name`; `hasFunction` says which identifiers name functions. */
export function parseTemplates(name: string, text: string, hasFunction: (name: string) => boolean): TreeSet {
  const treeSet: TreeSet = new Map()
  const lexer = new Lexer(text, goQuote)
  try {
    new Tree(name, name, lexer, treeSet, hasFunction).parseTop()
  } catch (err) {
    // Go's limit on nesting is deeper than JavaScript's stack: both refuse the template.
    if (err instanceof RangeError) throw new TemplateParseError(`template: ${name}:${lexer.nextItem().line}: max expression depth exceeded`)
    throw err
  }
  return treeSet
}

class Tree {
  private root: ListNode | undefined
  private token: Item[] = []
  private peekCount = 0
  private vars = ['$']
  private actionLine = 0
  private rangeDepth = 0
  private stackDepth = 0

  constructor(
    private name: string,
    private readonly parseName: string,
    private readonly lex: Lexer,
    private readonly treeSet: TreeSet,
    private readonly hasFunction: (name: string) => boolean,
  ) {}

  // tokens

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--
    else this.token[0] = this.lex.nextItem()
    return this.token[this.peekCount]
  }

  private backup(): void {
    this.peekCount++
  }

  private backup2(t1: Item): void {
    this.token[1] = t1
    this.peekCount = 2
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1
    this.token[2] = t2
    this.peekCount = 3
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]
    this.peekCount = 1
    this.token[0] = this.lex.nextItem()
    return this.token[0]
  }

  private nextNonSpace(): Item {
    let token: Item
    do token = this.next()
    while (token.typ === ItemType.Space)
    return token
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace()
    this.backup()
    return token
  }

  // errors

  private errorf(message: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${message}`)
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace()
    if (token.typ !== expected) this.unexpected(token, context)
    return token
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = ''
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length)
      }
      this.errorf(`${itemString(token, goQuote)}${extra}`)
    }
    this.errorf(`unexpected ${itemString(token, goQuote)} in ${context}`)
  }

  private unquote(literal: string): string {
    try {
      return goUnquote(literal)
    } catch (err) {
      if (err instanceof GoSyntaxError) this.errorf(err.message)
      throw err
    }
  }

  // structure

  private add(): void {
    const tree = this.treeSet.get(this.name)
    if (tree === undefined || isEmptyTree(tree)) {
      this.treeSet.set(this.name, this.root as ListNode)
      return
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`)
  }

  private child(name: string): Tree {
    return new Tree(name, this.parseName, this.lex, this.treeSet, this.hasFunction)
  }

  parseTop(): void {
    this.root = {type: 'list', pos: this.peek().pos, nodes: []}
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next()
        if (this.nextNonSpace().typ === ItemType.Define) {
          this.child('definition').parseDefinition()
          continue
        }
        this.backup2(delim)
      }
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`)
      this.root.nodes.push(n)
    }
    this.add()
  }

  private parseDefinition(): void {
    const context = 'define clause'
    const token = this.nextNonSpace()
    if (token.typ !== ItemType.String && token.typ !== ItemType.RawString) this.unexpected(token, context)
    this.name = this.unquote(token.val)
    this.expect(ItemType.RightDelim, context)
    const [list, end] = this.itemList()
    this.root = list
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`)
    this.add()
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = {type: 'list', pos: this.peekNonSpace().pos, nodes: []}
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') return [list, n]
      list.nodes.push(n)
    }
    this.errorf('unexpected EOF')
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case ItemType.Text:
        return {type: 'text', pos: token.pos, text: token.val}
      case ItemType.LeftDelim:
        this.actionLine = token.line
        try {
          return this.action()
        } finally {
          this.actionLine = 0
        }
      default:
        this.unexpected(token, 'input')
    }
  }

  private action(): Node {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl()
      case ItemType.Break:
      case ItemType.Continue:
        return this.loopControl(token.typ === ItemType.Break ? 'break' : 'continue', token.pos)
      case ItemType.Else:
        return this.elseControl()
      case ItemType.End:
        return {type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos}
      case ItemType.If:
        return this.branchControl('if')
      case ItemType.Range:
        return this.branchControl('range')
      case ItemType.Template:
        return this.templateControl()
      case ItemType.With:
        return this.branchControl('with')
    }
    this.backup()
    const pos = this.peek().pos
    return {type: 'action', pos, pipe: this.pipeline('command', ItemType.RightDelim)}
  }

  private loopControl(type: 'break' | 'continue', pos: number): Node {
    const token = this.nextNonSpace()
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, `{{${type}}}`)
    if (this.rangeDepth === 0) this.errorf(`{{${type}}} outside {{range}}`)
    return {type, pos}
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = {type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: []}
    decls: for (;;) {
      const v = this.peekNonSpace()
      if (v.typ !== ItemType.Variable) break
      this.next()
      const tokenAfterVariable = this.peek()
      const next = this.peekNonSpace()
      if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
        pipe.isAssign = next.typ === ItemType.Assign
        this.nextNonSpace()
        pipe.decl.push(newVariable(v.pos, v.val))
        this.vars.push(v.val)
      } else if (next.typ === ItemType.Char && next.val === ',') {
        this.nextNonSpace()
        pipe.decl.push(newVariable(v.pos, v.val))
        this.vars.push(v.val)
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().typ
          if (after === ItemType.Variable || after === ItemType.RightDelim || after === ItemType.RightParen) continue decls
          this.errorf('range can only initialize variables')
        }
        this.errorf(`too many declarations in ${context}`)
      } else if (tokenAfterVariable.typ === ItemType.Space) {
        this.backup3(v, tokenAfterVariable)
      } else {
        this.backup2(v)
      }
      break
    }
    for (;;) {
      const token = this.nextNonSpace()
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context)
          return pipe
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup()
          pipe.cmds.push(this.command())
          break
        default:
          this.unexpected(token, context)
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`)
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') this.errorf(`non executable command in pipeline stage ${i + 2}`)
    })
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim)
      if (context === 'range') this.rangeDepth++
      let [list, next] = this.itemList()
      if (context === 'range') this.rangeDepth--
      let elseList: ListNode | undefined
      if (next.type === 'else') {
        // {{else if}} and {{else with}} are an {{else}} holding the nested if or with: one {{end}} closes both
        if ((context === 'if' && this.peek().typ === ItemType.If) || (context === 'with' && this.peek().typ === ItemType.With)) {
          this.next()
          elseList = {type: 'list', pos: next.pos, nodes: [this.branchControl(context)]}
        } else {
          ;[elseList, next] = this.itemList()
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`)
        }
      }
      return {type: context, pos: pipe.pos, pipe, list, elseList}
    } finally {
      this.vars.length = mark
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace()
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return {type: 'else', pos: peek.pos}
    return {type: 'else', pos: this.expect(ItemType.RightDelim, 'else').pos}
  }

  private blockControl(): Node {
    const context = 'block clause'
    const token = this.nextNonSpace()
    const name = this.templateName(token, context)
    const pipe = this.pipeline(context, ItemType.RightDelim)
    const block = this.child(name)
    const [list, end] = block.itemList()
    block.root = list
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`)
    block.add()
    return {type: 'template', pos: token.pos, name, pipe}
  }

  private templateControl(): Node {
    const context = 'template clause'
    const token = this.nextNonSpace()
    const name = this.templateName(token, context)
    let pipe: PipeNode | undefined
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup()
      pipe = this.pipeline(context, ItemType.RightDelim)
    }
    return {type: 'template', pos: token.pos, name, pipe}
  }

  private templateName(token: Item, context: string): string {
    if (token.typ !== ItemType.String && token.typ !== ItemType.RawString) this.unexpected(token, context)
    return this.unquote(token.val)
  }

  private command(): CommandNode {
    const cmd: CommandNode = {type: 'command', pos: this.peekNonSpace().pos, args: []}
    for (;;) {
      this.peekNonSpace()
      const operand = this.operand()
      if (operand !== undefined) cmd.args.push(operand)
      const token = this.next()
      if (token.typ === ItemType.Space) continue
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup()
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand')
      break
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private operand(): Node | undefined {
    let node = this.term()
    if (node === undefined) return undefined
    if (this.peek().typ === ItemType.Field) {
      const pos = this.peek().pos
      const field: string[] = []
      while (this.peek().typ === ItemType.Field) field.push(this.next().val.slice(1))
      switch (node.type) {
        case 'field':
          node = {type: 'field', pos, ident: [...node.ident, ...field]}
          break
        case 'variable':
          node = {type: 'variable', pos, ident: [...node.ident, ...field]}
          break
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`)
          break
        default:
          node = {type: 'chain', pos, node, field}
      }
    }
    return node
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace()
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`)
        return {type: 'identifier', pos: token.pos, ident: token.val}
      case ItemType.Dot:
        return {type: 'dot', pos: token.pos}
      case ItemType.Nil:
        return {type: 'nil', pos: token.pos}
      case ItemType.Variable:
        return this.useVar(token.pos, token.val)
      case ItemType.Field:
        return {type: 'field', pos: token.pos, ident: token.val.slice(1).split('.')}
      case ItemType.Bool:
        return {type: 'bool', pos: token.pos, value: token.val === 'true'}
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.number(token)
      case ItemType.LeftParen:
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded')
        this.stackDepth++
        try {
          return this.pipeline('parenthesized pipeline', ItemType.RightParen)
        } finally {
          this.stackDepth--
        }
      case ItemType.String:
      case ItemType.RawString:
        return {type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token.val)}
    }
    this.backup()
    return undefined
  }

  private useVar(pos: number, name: string): Node {
    const v = newVariable(pos, name)
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`)
    return v
  }

  /** Go's newNumber: which of int, uint, float and complex the literal can be. */
  private number(token: Item): NumberNode {
    const text = token.val
    const n: NumberNode = {
      type: 'number',
      pos: token.pos,
      isInt: false,
      isUint: false,
      isFloat: false,
      isComplex: false,
      int64: 0n,
      uint64: 0n,
      float64: 0,
      complex: {re: 0, im: 0},
      text,
    }
    if (token.typ === ItemType.CharConstant) {
      let r: {value: number; tail: string}
      try {
        r = goUnquoteChar(text.slice(1), text[0])
      } catch (err) {
        if (err instanceof GoSyntaxError) this.errorf(err.message)
        throw err
      }
      if (r.tail !== "'") this.errorf(`malformed character constant: ${text}`)
      n.int64 = BigInt(r.value)
      n.uint64 = BigInt(r.value)
      n.float64 = r.value
      n.isInt = n.isUint = n.isFloat = true
      return n
    }
    if (token.typ === ItemType.Complex) {
      try {
        n.complex = parseComplex(text)
      } catch (err) {
        this.errorf((err as Error).message)
      }
      n.isComplex = true
      simplifyComplex(n)
      return n
    }
    if (text.endsWith('i')) {
      const f = parseFloat64(text.slice(0, -1))
      if (f !== undefined) {
        n.isComplex = true
        n.complex = {re: 0, im: f}
        simplifyComplex(n)
        return n
      }
    }
    const u = parseUint(text)
    if (u !== undefined) {
      n.isUint = true
      n.uint64 = u
    }
    const i = parseInt64(text)
    if (i !== undefined) {
      n.isInt = true
      n.int64 = i
      if (i === 0n) {
        n.isUint = true
        n.uint64 = u ?? 0n
      }
    }
    if (n.isInt) {
      n.isFloat = true
      n.float64 = Number(n.int64)
    } else if (n.isUint) {
      n.isFloat = true
      n.float64 = Number(n.uint64)
    } else {
      const f = parseFloat64(text)
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`)
        n.isFloat = true
        n.float64 = f
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true
          n.int64 = BigInt(f)
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true
          n.uint64 = BigInt(f)
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuote(text)}`)
    return n
  }
}

function newVariable(pos: number, ident: string): VariableNode {
  return {type: 'variable', pos, ident: ident.split('.')}
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complex.im === 0
  if (!n.isFloat) return
  n.float64 = n.complex.re
  n.isInt = Number.isInteger(n.float64) && n.float64 >= -(2 ** 63) && n.float64 < 2 ** 63
  if (n.isInt) n.int64 = BigInt(n.float64)
  n.isUint = Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 2 ** 64
  if (n.isUint) n.uint64 = BigInt(n.float64)
}
