// text/template/parse's lexer as of Go 1.23: {{ }} actions with trim markers, comments, and the
// tokens inside actions. Positions are indexes into the JavaScript string; errors turn them into
// Go's byte offsets.
import {goIsPrint, goRuneU} from '../quote.js'

export const enum ItemType {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // keywords follow
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: ItemType
  pos: number
  val: string
  line: number
}

const KEYWORDS: Record<string, ItemType> = {
  '.': ItemType.Dot,
  block: ItemType.Block,
  break: ItemType.Break,
  continue: ItemType.Continue,
  define: ItemType.Define,
  else: ItemType.Else,
  end: ItemType.End,
  if: ItemType.If,
  range: ItemType.Range,
  nil: ItemType.Nil,
  template: ItemType.Template,
  with: ItemType.With,
}

/** Go's item.String(), as "unexpected ..." errors show a token. */
export function itemString(i: Item, quote: (s: string) => string): string {
  if (i.typ === ItemType.EOF) return 'EOF'
  if (i.typ === ItemType.Error) return i.val
  if (i.typ > ItemType.Keyword) return `<${i.val}>`
  // %.10q: at most ten characters of the value, quoted
  if ([...i.val].length > 10) return `${quote([...i.val].slice(0, 10).join(''))}...`
  return quote(i.val)
}

const LEFT_DELIM = '{{'
const RIGHT_DELIM = '}}'
const LEFT_COMMENT = '/*'
const RIGHT_COMMENT = '*/'
const TRIM_MARKER_LEN = 2
const EOF = -1

const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a
}

function isAlphaNumeric(r: number): boolean {
  if (r === EOF) return false
  if (r === 0x5f) return true
  const ch = String.fromCodePoint(r)
  return LETTER.test(ch) || DIGIT.test(ch)
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1))
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s.charCodeAt(at)) && s[at + 1] === '-'
}

const SPACE_CHARS = /[ \t\r\n]/

function rightTrimLength(s: string): number {
  let n = 0
  while (n < s.length && SPACE_CHARS.test(s[s.length - 1 - n])) n++
  return n
}

function leftTrimLength(s: string, from: number): number {
  let n = 0
  while (from + n < s.length && SPACE_CHARS.test(s[from + n])) n++
  return n
}

type StateFn = ((l: Lexer) => StateFn) | null

export class Lexer {
  private pos = 0
  private start = 0
  private atEOF = false
  private parenDepth = 0
  private line = 1
  private startLine = 1
  private insideAction = false
  private item: Item = {typ: ItemType.EOF, pos: 0, val: 'EOF', line: 1}

  constructor(
    private input: string,
    private readonly quote: (s: string) => string,
  ) {}

  nextItem(): Item {
    this.item = {typ: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine}
    let state: StateFn = this.insideAction ? lexInsideAction : lexText
    while (state) state = state(this)
    return this.item
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true
      return EOF
    }
    const r = this.input.codePointAt(this.pos) as number
    this.pos += r > 0xffff ? 2 : 1
    if (r === 0x0a) this.line++
    return r
  }

  peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  backup(): void {
    if (this.atEOF || this.pos === 0) return
    const low = this.input.charCodeAt(this.pos - 1)
    const pair = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 && this.input.charCodeAt(this.pos - 2) >= 0xd800 && this.input.charCodeAt(this.pos - 2) <= 0xdbff
    this.pos -= pair ? 2 : 1
    if (low === 0x0a) this.line--
  }

  private thisItem(typ: ItemType): Item {
    const i = {typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine}
    this.start = this.pos
    this.startLine = this.line
    return i
  }

  emit(typ: ItemType): StateFn {
    return this.emitItem(this.thisItem(typ))
  }

  private emitItem(i: Item): StateFn {
    this.item = i
    return null
  }

  private ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos))
    this.start = this.pos
    this.startLine = this.line
  }

  private accept(valid: string): boolean {
    const r = this.next()
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true
    this.backup()
    return false
  }

  private acceptRun(valid: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break
    }
    this.backup()
  }

  errorf(message: string): StateFn {
    this.item = {typ: ItemType.Error, pos: this.start, val: message, line: this.startLine}
    this.start = 0
    this.pos = 0
    this.input = ''
    return null
  }

  private atRightDelim(): {delim: boolean; trimSpaces: boolean} {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) return {delim: true, trimSpaces: true}
    if (this.input.startsWith(RIGHT_DELIM, this.pos)) return {delim: true, trimSpaces: false}
    return {delim: false, trimSpaces: false}
  }

  private atTerminator(): boolean {
    const r = this.peek()
    if (isSpace(r)) return true
    if (r === EOF || r === 0x2e || r === 0x2c || r === 0x7c || r === 0x3a || r === 0x29 || r === 0x28) return true
    return this.input.startsWith(RIGHT_DELIM, this.pos)
  }

  // states

  lexText(): StateFn {
    const x = this.input.indexOf(LEFT_DELIM, this.pos)
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x
        let trimLength = 0
        if (hasLeftTrimMarker(this.input, this.pos + LEFT_DELIM.length)) trimLength = rightTrimLength(this.input.slice(this.start, this.pos))
        this.pos -= trimLength
        this.line += countNewlines(this.input.slice(this.start, this.pos))
        const i = this.thisItem(ItemType.Text)
        this.pos += trimLength
        this.ignore()
        if (i.val.length > 0) return this.emitItem(i)
      }
      return lexLeftDelim
    }
    this.pos = this.input.length
    if (this.pos > this.start) {
      this.line += countNewlines(this.input.slice(this.start, this.pos))
      return this.emit(ItemType.Text)
    }
    return this.emit(ItemType.EOF)
  }

  lexLeftDelim(): StateFn {
    this.pos += LEFT_DELIM.length
    const trimSpace = hasLeftTrimMarker(this.input, this.pos)
    const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0
    if (this.input.startsWith(LEFT_COMMENT, this.pos + afterMarker)) {
      this.pos += afterMarker
      this.ignore()
      return lexComment
    }
    const i = this.thisItem(ItemType.LeftDelim)
    this.insideAction = true
    this.pos += afterMarker
    this.ignore()
    this.parenDepth = 0
    return this.emitItem(i)
  }

  lexComment(): StateFn {
    this.pos += LEFT_COMMENT.length
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos)
    if (x < 0) return this.errorf('unclosed comment')
    this.pos = x + RIGHT_COMMENT.length
    const {delim, trimSpaces} = this.atRightDelim()
    if (!delim) return this.errorf('comment ends before closing delimiter')
    this.thisItem(ItemType.Comment)
    if (trimSpaces) this.pos += TRIM_MARKER_LEN
    this.pos += RIGHT_DELIM.length
    if (trimSpaces) this.pos += leftTrimLength(this.input, this.pos)
    this.ignore()
    return lexText
  }

  lexRightDelim(): StateFn {
    const {trimSpaces} = this.atRightDelim()
    if (trimSpaces) {
      this.pos += TRIM_MARKER_LEN
      this.ignore()
    }
    this.pos += RIGHT_DELIM.length
    const i = this.thisItem(ItemType.RightDelim)
    if (trimSpaces) {
      this.pos += leftTrimLength(this.input, this.pos)
      this.ignore()
    }
    this.insideAction = false
    return this.emitItem(i)
  }

  lexInsideAction(): StateFn {
    if (this.atRightDelim().delim) {
      if (this.parenDepth === 0) return lexRightDelim
      return this.errorf('unclosed left paren')
    }
    const r = this.next()
    if (r === EOF) return this.errorf('unclosed action')
    if (isSpace(r)) {
      this.backup()
      return lexSpace
    }
    switch (r) {
      case 0x3d:
        return this.emit(ItemType.Assign)
      case 0x3a:
        if (this.next() !== 0x3d) return this.errorf('expected :=')
        return this.emit(ItemType.Declare)
      case 0x7c:
        return this.emit(ItemType.Pipe)
      case 0x22:
        return lexQuote
      case 0x60:
        return lexRawQuote
      case 0x24:
        return lexVariable
      case 0x27:
        return lexChar
      case 0x28:
        this.parenDepth++
        return this.emit(ItemType.LeftParen)
      case 0x29:
        this.parenDepth--
        if (this.parenDepth < 0) return this.errorf('unexpected right paren')
        return this.emit(ItemType.RightParen)
    }
    if (r === 0x2e && this.pos < this.input.length) {
      const c = this.input.charCodeAt(this.pos)
      if (c < 0x30 || c > 0x39) return lexField
    }
    if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      this.backup()
      return lexNumber
    }
    if (isAlphaNumeric(r)) {
      this.backup()
      return lexIdentifier
    }
    if (r < 0x80 && goIsPrint(String.fromCharCode(r))) return this.emit(ItemType.Char)
    return this.errorf(`unrecognized character in action: ${goRuneU(r)}`)
  }

  lexSpace(): StateFn {
    let numSpaces = 0
    while (isSpace(this.peek())) {
      this.next()
      numSpaces++
    }
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(RIGHT_DELIM, this.pos - 1 + TRIM_MARKER_LEN)) {
      this.backup()
      if (numSpaces === 1) return lexRightDelim
    }
    return this.emit(ItemType.Space)
  }

  lexIdentifier(): StateFn {
    for (;;) {
      const r = this.next()
      if (isAlphaNumeric(r)) continue
      this.backup()
      const word = this.input.slice(this.start, this.pos)
      if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(r)}`)
      const key = KEYWORDS[word]
      if (key !== undefined && key > ItemType.Keyword) return this.emit(key)
      if (word[0] === '.') return this.emit(ItemType.Field)
      if (word === 'true' || word === 'false') return this.emit(ItemType.Bool)
      return this.emit(ItemType.Identifier)
    }
  }

  lexFieldOrVariable(typ: ItemType): StateFn {
    if (this.atTerminator()) return this.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot)
    let r: number
    for (;;) {
      r = this.next()
      if (!isAlphaNumeric(r)) {
        this.backup()
        break
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${goRuneU(r)}`)
    return this.emit(typ)
  }

  lexVariable(): StateFn {
    if (this.atTerminator()) return this.emit(ItemType.Variable)
    return this.lexFieldOrVariable(ItemType.Variable)
  }

  /** A quoted token: a character constant or a string, ending at `close` on the same line. */
  lexQuoted(close: number, typ: ItemType, unterminated: string): StateFn {
    for (;;) {
      let r = this.next()
      if (r === 0x5c) {
        r = this.next()
        if (r !== EOF && r !== 0x0a) continue
        return this.errorf(unterminated)
      }
      if (r === EOF || r === 0x0a) return this.errorf(unterminated)
      if (r === close) return this.emit(typ)
    }
  }

  lexRawQuote(): StateFn {
    for (;;) {
      const r = this.next()
      if (r === EOF) return this.errorf('unterminated raw quoted string')
      if (r === 0x60) return this.emit(ItemType.RawString)
    }
  }

  lexNumber(): StateFn {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${this.quote(this.input.slice(this.start, this.pos))}`)
    const sign = this.peek()
    if (sign === 0x2b || sign === 0x2d) {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') return this.errorf(`bad number syntax: ${this.quote(this.input.slice(this.start, this.pos))}`)
      return this.emit(ItemType.Complex)
    }
    return this.emit(ItemType.Number)
  }

  private scanNumber(): boolean {
    this.accept('+-')
    let digits = '0123456789_'
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_'
      else if (this.accept('oO')) digits = '01234567_'
      else if (this.accept('bB')) digits = '01_'
    }
    this.acceptRun(digits)
    if (this.accept('.')) this.acceptRun(digits)
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    this.accept('i')
    if (isAlphaNumeric(this.peek())) {
      this.next()
      return false
    }
    return true
  }
}

const lexText = (l: Lexer) => l.lexText()
const lexLeftDelim = (l: Lexer) => l.lexLeftDelim()
const lexComment = (l: Lexer) => l.lexComment()
const lexRightDelim = (l: Lexer) => l.lexRightDelim()
const lexInsideAction = (l: Lexer) => l.lexInsideAction()
const lexSpace = (l: Lexer) => l.lexSpace()
const lexIdentifier = (l: Lexer) => l.lexIdentifier()
const lexField = (l: Lexer) => l.lexFieldOrVariable(ItemType.Field)
const lexVariable = (l: Lexer) => l.lexVariable()
const lexChar = (l: Lexer) => l.lexQuoted(0x27, ItemType.CharConstant, 'unterminated character constant')
const lexQuote = (l: Lexer) => l.lexQuoted(0x22, ItemType.String, 'unterminated quoted string')
const lexRawQuote = (l: Lexer) => l.lexRawQuote()
const lexNumber = (l: Lexer) => l.lexNumber()

function countNewlines(s: string): number {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++
  return n
}
