// Go's fmt (Sprint, Sprintln, Sprintf) over the values text/template handles: verbs, flags, width
// and precision, argument indexes, and fmt's in-band errors (%!d(string=x), %!v(MISSING),
// %!(EXTRA ...)), with maps printed in sorted key order as fmt prints them.
import {goCanBackquote, goIsPrint, goQuote, goQuoteRune, goQuoteToASCII, validRune} from './quote.js'
import {type FloatFormat, formatFloat} from './strconv.js'
import {type Concrete, element, fromJSON, type Iface, sortedKeys, typeString} from './template/value.js'

/** An argument as fmt receives it: a value in an interface, or the nil interface. */
export type Arg = Concrete | null

interface Flags {
  widPresent: boolean
  precPresent: boolean
  minus: boolean
  plus: boolean
  sharp: boolean
  space: boolean
  zero: boolean
  plusV: boolean
  sharpV: boolean
  wid: number
  prec: number
}

function noFlags(): Flags {
  return {widPresent: false, precPresent: false, minus: false, plus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, wid: 0, prec: 0}
}

const LDIGITS = '0123456789abcdefx'
const UDIGITS = '0123456789ABCDEFX'

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

const pointers = new WeakMap<object, bigint>()
let nextPointer = 0xc000010000n

/** A stable address for a map or slice, as %p prints one (Go's addresses differ from run to run). */
function pointerOf(v: object): bigint {
  let p = pointers.get(v)
  if (p === undefined) {
    p = nextPointer
    nextPointer += 0x30n
    pointers.set(v, p)
  }
  return p
}

class Printer {
  buf = ''
  f: Flags = noFlags()
  /** What badVerb describes: the argument or element being printed. */
  private current: Concrete | Iface | null = null

  // fmt's low-level formatting (format.go)

  private writePadding(n: number): void {
    if (n > 0) this.buf += (this.f.zero ? '0' : ' ').repeat(n)
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s
      return
    }
    const width = this.f.wid - runeCount(s)
    if (!this.f.minus) {
      this.writePadding(width)
      this.buf += s
    } else {
      this.buf += s
      this.writePadding(width)
    }
  }

  private fmtInteger(value: bigint, base: number, verb: string, digits: string): void {
    const negative = value < 0n
    let u = negative ? -value : value
    let prec = 0
    if (this.f.precPresent) {
      prec = this.f.prec
      if (prec === 0 && u === 0n) {
        const oldZero = this.f.zero
        this.f.zero = false
        this.writePadding(this.f.wid)
        this.f.zero = oldZero
        return
      }
    } else if (this.f.zero && this.f.widPresent) {
      prec = this.f.wid
      if (negative || this.f.plus || this.f.space) prec--
    }
    let s = ''
    const b = BigInt(base)
    while (u >= b) {
      s = digits[Number(u % b)] + s
      u /= b
    }
    s = digits[Number(u)] + s
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s
    if (this.f.sharp) {
      if (base === 2) s = `0b${s}`
      else if (base === 8 && s[0] !== '0') s = `0${s}`
      else if (base === 16) s = `0${digits[16]}${s}`
    }
    if (verb === 'O') s = `0o${s}`
    if (negative) s = `-${s}`
    else if (this.f.plus) s = `+${s}`
    else if (this.f.space) s = ` ${s}`
    const oldZero = this.f.zero
    this.f.zero = false
    this.pad(s)
    this.f.zero = oldZero
  }

  private fmtUnicode(u: bigint): void {
    let prec = 4
    if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec
    let s = u.toString(16).toUpperCase()
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s
    s = `U+${s}`
    if (this.f.sharp && u <= 0x10ffffn && goIsPrint(String.fromCodePoint(Number(u)))) s += ` '${String.fromCodePoint(Number(u))}'`
    const oldZero = this.f.zero
    this.f.zero = false
    this.pad(s)
    this.f.zero = oldZero
  }

  private runeOf(c: bigint): number {
    return c < 0n || c > 0x10ffffn || !validRune(Number(c)) ? 0xfffd : Number(c)
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s
    let n = this.f.prec
    let out = ''
    for (const ch of s) {
      if (--n < 0) return out
      out += ch
    }
    return s
  }

  private fmtS(s: string): void {
    this.pad(this.truncate(s))
  }

  private fmtSx(s: string, digits: string): void {
    const bytes = Buffer.from(s, 'utf8')
    let length = bytes.length
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec
    let width = 2 * length
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2
        width += length - 1
      } else if (this.f.sharp) width += 2
    } else {
      if (this.f.widPresent) this.writePadding(this.f.wid)
      return
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width)
    let out = this.f.sharp ? `0${digits[16]}` : ''
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        out += ' '
        if (this.f.sharp) out += `0${digits[16]}`
      }
      out += digits[bytes[i] >> 4] + digits[bytes[i] & 0xf]
    }
    this.buf += out
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width)
  }

  private fmtQ(s: string): void {
    s = this.truncate(s)
    if (this.f.sharp && goCanBackquote(s)) {
      this.pad(`\`${s}\``)
      return
    }
    this.pad(this.f.plus ? goQuoteToASCII(s) : goQuote(s))
  }

  private fmtFloatRaw(v: number, verb: FloatFormat, precIn: number): void {
    const prec = this.f.precPresent ? this.f.prec : precIn
    let num = formatFloat(v, verb, prec)
    num = num[0] === '-' || num[0] === '+' ? num : `+${num}`
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ` ${num.slice(1)}`
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.f.zero
      this.f.zero = false
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1)
      this.pad(num)
      this.f.zero = oldZero
      return
    }
    if (this.f.sharp && verb !== 'b') {
      let digits = 0
      if (verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec
      let tail = ''
      let body = num
      const cut = verb === 'x' || verb === 'X' ? body.search(/[pP]/) : body.search(/[eEpP]/)
      if (cut >= 0) {
        tail = body.slice(cut)
        body = body.slice(0, cut)
      }
      let sawNonzero = false
      let hasPoint = false
      for (let i = 1; i < body.length; i++) {
        if (body[i] === '.') hasPoint = true
        else {
          if (body[i] !== '0') sawNonzero = true
          if (sawNonzero) digits--
        }
      }
      if (!hasPoint) {
        if (body.length === 2 && body[1] === '0') digits--
        body += '.'
      }
      while (digits-- > 0) body += '0'
      num = body + tail
    }
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && this.f.widPresent && this.f.wid > num.length) {
        this.buf += num[0]
        this.writePadding(this.f.wid - num.length)
        this.buf += num.slice(1)
        return
      }
      this.pad(num)
      return
    }
    this.pad(num.slice(1))
  }

  // fmt's printing of one operand (print.go)

  private badVerb(verb: string): void {
    this.buf += `%!${verb}(`
    const v = this.current
    if (v === null || (v.t === 'iface' && v.v === null)) this.buf += '<nil>'
    else {
      this.buf += `${typeString(v)}=`
      this.printValue(v, 'v', 0)
    }
    this.buf += ')'
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false')
    else this.badVerb(verb)
  }

  private fmtInt(v: bigint, signed: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          const sharp = this.f.sharp
          this.f.sharp = true
          this.fmtInteger(v, 16, 'v', LDIGITS)
          this.f.sharp = sharp
        } else this.fmtInteger(v, 10, verb, LDIGITS)
        return
      case 'd':
        return this.fmtInteger(v, 10, verb, LDIGITS)
      case 'b':
        return this.fmtInteger(v, 2, verb, LDIGITS)
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, LDIGITS)
      case 'x':
        return this.fmtInteger(v, 16, verb, LDIGITS)
      case 'X':
        return this.fmtInteger(v, 16, verb, UDIGITS)
      case 'c':
        return this.pad(String.fromCodePoint(this.runeOf(v)))
      case 'q':
        return this.pad(goQuoteRune(this.runeOf(v), this.f.plus))
      case 'U':
        return this.fmtUnicode(v < 0n ? BigInt.asUintN(64, v) : v)
      default:
        this.badVerb(verb)
    }
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatRaw(v, 'g', -1)
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatRaw(v, verb, -1)
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloatRaw(v, verb, 6)
      case 'F':
        return this.fmtFloatRaw(v, 'f', 6)
      default:
        this.badVerb(verb)
    }
  }

  private fmtComplex(re: number, im: number, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb)
    const oldPlus = this.f.plus
    this.buf += '('
    this.fmtFloat(re, verb)
    this.f.plus = true
    this.fmtFloat(im, verb)
    this.buf += 'i)'
    this.f.plus = oldPlus
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        return this.f.sharpV ? this.fmtQ(v) : this.fmtS(v)
      case 's':
        return this.fmtS(v)
      case 'x':
        return this.fmtSx(v, LDIGITS)
      case 'X':
        return this.fmtSx(v, UDIGITS)
      case 'q':
        return this.fmtQ(v)
      default:
        this.badVerb(verb)
    }
  }

  private fmtPointer(v: Concrete, verb: string): void {
    if (v.t !== 'map' && v.t !== 'slice') return this.badVerb(verb)
    const u = pointerOf(v.v)
    const hex0x = (leading: boolean) => {
      const sharp = this.f.sharp
      this.f.sharp = leading
      this.fmtInteger(u, 16, 'v', LDIGITS)
      this.f.sharp = sharp
    }
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.buf += `(${typeString(v)})(`
          hex0x(true)
          this.buf += ')'
        } else hex0x(!this.f.sharp)
        return
      case 'p':
        return hex0x(!this.f.sharp)
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        return this.fmtInt(u, false, verb)
      default:
        this.badVerb(verb)
    }
  }

  /** One operand for a verb of a format: %#v and %+v are their own verbs (sharpV, plusV). */
  printVerb(arg: Arg, verb: string): void {
    if (verb === 'v') {
      this.f.sharpV = this.f.sharp
      this.f.sharp = false
      this.f.plusV = this.f.plus
      this.f.plus = false
    }
    this.printArg(arg, verb)
  }

  /** printArg: one operand handed to fmt as an interface value. */
  printArg(arg: Arg, verb: string): void {
    this.current = arg
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>')
      else this.badVerb(verb)
      return
    }
    if (verb === 'T') return this.fmtS(typeString(arg))
    if (verb === 'p') return this.fmtPointer(arg, 'p')
    this.printValue(arg, verb, 0)
  }

  printValue(v: Concrete | Iface, verb: string, depth: number): void {
    this.current = v
    switch (v.t) {
      case 'bool':
        return this.fmtBool(v.v, verb)
      case 'int':
      case 'int64':
        return this.fmtInt(v.v, true, verb)
      case 'uint8':
        return this.fmtInt(v.v, false, verb)
      case 'float64':
        return this.fmtFloat(v.v, verb)
      case 'complex128':
        return this.fmtComplex(v.re, v.im, verb)
      case 'string':
        return this.fmtString(v.v, verb)
      case 'iface':
        if (v.v !== null) return this.printValue(v.v, verb, depth + 1)
        this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>'
        return
      case 'map': {
        this.buf += this.f.sharpV ? 'map[string]interface {}{' : 'map['
        sortedKeys(v.v).forEach((key, i) => {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' '
          this.printValue({t: 'string', v: key}, verb, depth + 1)
          this.buf += ':'
          this.printValue(element(v.v[key]), verb, depth + 1)
        })
        this.buf += this.f.sharpV ? '}' : ']'
        return
      }
      case 'slice': {
        this.buf += this.f.sharpV ? '[]interface {}{' : '['
        for (let i = 0; i < v.v.length; i++) {
          if (i > 0) this.buf += this.f.sharpV ? ', ' : ' '
          this.printValue(element(v.v[i]), verb, depth + 1)
        }
        this.buf += this.f.sharpV ? '}' : ']'
      }
    }
  }
}

/** fmt.Sprint: operands in their default format, a space between two that are not strings. */
export function sprint(args: readonly Arg[]): string {
  const p = new Printer()
  let prevString = false
  args.forEach((arg, i) => {
    const isString = arg !== null && arg.t === 'string'
    if (i > 0 && !isString && !prevString) p.buf += ' '
    p.printArg(arg, 'v')
    prevString = isString
  })
  return p.buf
}

/** fmt.Sprintln: operands separated by spaces, then a newline. */
export function sprintln(args: readonly Arg[]): string {
  const p = new Printer()
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' '
    p.printArg(arg, 'v')
  })
  return `${p.buf}\n`
}

const TOO_LARGE = 1e6

/** fmt's parsenum: a decimal at format[start:], up to 10^6. */
function parseNum(format: string, start: number, end = format.length): {num: number; ok: boolean; next: number} {
  let num = 0
  let ok = false
  let i = start
  for (; i < end && format[i] >= '0' && format[i] <= '9'; i++) {
    if (num > TOO_LARGE) return {num: 0, ok: false, next: end}
    num = num * 10 + Number(format[i])
    ok = true
  }
  return {num, ok, next: i}
}

function intFromArg(args: readonly Arg[], argNum: number): {num: number; ok: boolean; argNum: number} {
  if (argNum >= args.length) return {num: 0, ok: false, argNum}
  const a = args[argNum]
  let num = 0
  let ok = false
  if (a !== null && (a.t === 'int' || a.t === 'int64' || a.t === 'uint8')) {
    num = Number(a.v)
    ok = true
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) return {num: 0, ok: false, argNum: argNum + 1}
  return {num, ok, argNum: argNum + 1}
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly Arg[]): string {
  const p = new Printer()
  const end = format.length
  let argNum = 0
  let afterIndex = false
  let reordered = false
  let goodArgNum = true

  // fmt's argNumber: an explicit [n] before a width, precision or verb
  const argNumber = (i: number): {i: number; found: boolean} => {
    if (i >= end || format[i] !== '[') return {i, found: false}
    reordered = true
    let width = 1
    let ok = false
    let index = 0
    const close = end - i >= 3 ? format.indexOf(']', i + 1) : -1
    if (close >= 0) {
      width = close - i + 1
      const n = parseNum(format, i + 1, close)
      ok = n.ok && n.next === close
      index = n.num - 1
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index
      return {i: i + width, found: true}
    }
    goodArgNum = false
    return {i: i + width, found: ok}
  }

  // a width or precision given by `*`: the next argument, which must be an integer
  const starArg = (): {num: number; ok: boolean} => {
    const r = intFromArg(args, argNum)
    argNum = r.argNum
    return r
  }

  let i = 0
  formatLoop: while (i < end) {
    goodArgNum = true
    const lasti = i
    while (i < end && format[i] !== '%') i++
    if (i > lasti) p.buf += format.slice(lasti, i)
    if (i >= end) break
    i++
    p.f = noFlags()
    simpleFormat: for (; i < end; i++) {
      const c = format[i]
      switch (c) {
        case '#':
          p.f.sharp = true
          break
        case '0':
          p.f.zero = !p.f.minus
          break
        case '+':
          p.f.plus = true
          break
        case '-':
          p.f.minus = true
          p.f.zero = false
          break
        case ' ':
          p.f.space = true
          break
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            p.printVerb(args[argNum], c)
            argNum++
            i++
            continue formatLoop
          }
          break simpleFormat
      }
    }
    ;({i, found: afterIndex} = argNumber(i))
    if (i < end && format[i] === '*') {
      i++
      ;({num: p.f.wid, ok: p.f.widPresent} = starArg())
      if (!p.f.widPresent) p.buf += '%!(BADWIDTH)'
      if (p.f.wid < 0) {
        p.f.wid = -p.f.wid
        p.f.minus = true
        p.f.zero = false
      }
      afterIndex = false
    } else {
      ;({num: p.f.wid, ok: p.f.widPresent, next: i} = parseNum(format, i))
      if (afterIndex && p.f.widPresent) goodArgNum = false
    }
    if (i + 1 < end && format[i] === '.') {
      i++
      if (afterIndex) goodArgNum = false
      ;({i, found: afterIndex} = argNumber(i))
      if (i < end && format[i] === '*') {
        i++
        ;({num: p.f.prec, ok: p.f.precPresent} = starArg())
        if (p.f.prec < 0) {
          p.f.prec = 0
          p.f.precPresent = false
        }
        if (!p.f.precPresent) p.buf += '%!(BADPREC)'
        afterIndex = false
      } else {
        ;({num: p.f.prec, ok: p.f.precPresent, next: i} = parseNum(format, i))
        if (!p.f.precPresent) {
          p.f.prec = 0
          p.f.precPresent = true
        }
      }
    }
    if (!afterIndex) ({i, found: afterIndex} = argNumber(i))
    if (i >= end) {
      p.buf += '%!(NOVERB)'
      break
    }
    const verb = String.fromCodePoint(format.codePointAt(i) as number)
    i += verb.length
    if (verb === '%') p.buf += '%'
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`
    else {
      p.printVerb(args[argNum], verb)
      argNum++
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = noFlags()
    p.buf += '%!(EXTRA '
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', '
      if (arg === null) p.buf += '<nil>'
      else {
        p.buf += `${typeString(arg)}=`
        p.printArg(arg, 'v')
      }
    })
    p.buf += ')'
  }
  return p.buf
}

/** fmt's %v of a decoded JSON value (what kubectl prints for "object given to template engine"). */
export function sprintJSON(raw: unknown): string {
  return sprint([fromJSON(raw)])
}
