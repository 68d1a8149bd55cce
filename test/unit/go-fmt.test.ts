// Go's fmt and strconv float formatting as ktl ports them; every expectation is what Go prints for
// the same format and operands.
import {describe, expect, it} from 'vitest'
import {type Arg, sprint, sprintf, sprintln} from '../../src/lib/go/fmt.js'
import {formatFloat, goParseFloat, goParseInt, goParseUint} from '../../src/lib/go/strconv.js'
import {fromJSON} from '../../src/lib/go/template/value.js'

const i64 = (n: number): Arg => ({t: 'int64', v: BigInt(n)})
const f64 = (n: number): Arg => ({t: 'float64', v: n})
const s = (v: string): Arg => ({t: 'string', v})
const b = (v: boolean): Arg => ({t: 'bool', v})
const c128 = (re: number, im: number): Arg => ({t: 'complex128', re, im})
const json = (v: unknown): Arg => fromJSON(v)

describe('sprintf', () => {
  it.each<[string, Arg[], string]>([
    ['%v %v %v %v', [f64(0.1), f64(1e21), f64(1e-7), f64(123456789.0)], '0.1 1e+21 1e-07 1.23456789e+08'],
    ['%e|%.3e|%E|%.0e', [f64(1234.5678), f64(1234.5678), f64(0.000123), f64(5.5)], '1.234568e+03|1.235e+03|1.230000E-04|6e+00'],
    ['%f|%.1f|%.0f|%.0f|%.0f|%.2f|%.3f', [f64(2 / 3), f64(0.05), f64(0.5), f64(1.5), f64(2.5), f64(1.005), f64(-0.0005)], '0.666667|0.1|0|2|2|1.00|-0.001'],
    ['%g|%.3g|%.10g|%G|%g', [f64(100000), f64(0.000123456), f64(1 / 3), f64(1e-20), f64(1e6)], '100000|0.000123|0.3333333333|1E-20|1e+06'],
    ['%x|%X|%.2x|%#x|%x', [f64(1), f64(-0.1), f64(3.14159), f64(2.5), f64(0)], '0x1p+00|-0X1.999999999999AP-04|0x1.92p+01|0x1.4000p+01|0x0p+00'],
    ['%b|%b', [f64(1), f64(0.1)], '4503599627370496p-52|7205759403792794p-56'],
    ['%08.2f|%-8.2f|%+08.2f|% .3e|%#.0e|%#g|%#.4g', [f64(-3.14159), f64(3.14159), f64(3.14159), f64(2), f64(3), f64(2), f64(123)], '-0003.14|3.14    |+0003.14| 2.000e+00|3.e+00|2.00000|123.0'],
    ['%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%O|%b|%#b|%#o', [i64(-42), i64(42), i64(42), i64(-42), i64(42), i64(42), i64(-255), i64(255), i64(8), i64(8), i64(5), i64(5), i64(0)], '-42|   42|42   |-0042|+42| 42|-ff|FF|10|0o10|101|0b101|0'],
    ['%.3d|%.0d|%5.0d|%08.3d', [i64(7), i64(0), i64(0), i64(-7)], '007||     |    -007'],
    ['%c|%q|%+q|%U|%#U|%#U', [i64(0x1f600), i64(0x1f600), i64(0x1f600), i64(0x1f600), i64(0x1f600), i64(7)], "😀|'😀'|'\\U0001f600'|U+1F600|U+1F600 '😀'|U+0007"],
    [
      '%s|%10s|%-10s|%.2s|%q|%+q|%#q|%#q|%x|% X|%#x',
      [s('héllo'), s('héllo'), s('héllo'), s('héllo'), s('a"b\n'), s('é\u00a0'), s('back`q'), s('plain'), s('hé'), s('hé'), s('hé')],
      'héllo|     héllo|héllo     |hé|"a\\"b\\n"|"\\u00e9\\u00a0"|"back`q"|`plain`|68c3a9|68 C3 A9|0x68c3a9',
    ],
    ['%t|%v|%5t|%d', [b(true), b(false), b(true), b(true)], 'true|false| true|%!d(bool=true)'],
    [
      '%v|%d|%s|%x|%#v',
      [json([1, 'a', null, {z: 1.5, a: []}]), json([1, 'a']), json([1, 'a']), json(['ab', 255]), json([1, 'a', null])],
      '[1 a <nil> map[a:[] z:1.5]]|[1 %!d(string=a)]|[%!s(int64=1) a]|[6162 ff]|[]interface {}{1, "a", interface {}(nil)}',
    ],
    ['%v|%#v|%x|%5v', [json({b: 2, a: null}), json({b: 2, a: null}), json({k: 'v'}), json({k: 1})], 'map[a:<nil> b:2]|map[string]interface {}{"a":interface {}(nil), "b":2}|map[6b:76]|map[    k:    1]'],
    ['%v|%+v|%#v|%.2v', [c128(1, -2), c128(0, 1), c128(1.5, 0), c128(1.234, 5.678)], '(1-2i)|(0+1i)|(1.5+0i)|(1.2+5.7i)'],
    ['%s %d', [null, null], '%!s(<nil>) %!d(<nil>)'],
    ['%!|%z|%|', [i64(1)], '%!!(int64=1)|%!z(MISSING)|%!|(MISSING)'],
    ['%[2]*[1]d|%[3]d|%[2]d %d', [i64(12), i64(5)], '   12|%!d(BADINDEX)|5 %!d(MISSING)'],
    ['%.*d|%-*d|%*d', [i64(3), i64(7), i64(-4), i64(7), s('x'), i64(1)], '007|7   |%!(BADWIDTH)1'],
    ['%v %v', [i64(1), i64(2), i64(3), null, s('s')], '1 2%!(EXTRA int64=3, <nil>, string=s)'],
    ['%[1]d %v', [i64(1), i64(2), i64(3)], '1 2'],
    ['%6.2v|%-7q|%07s', [s('abcdef'), s('x'), s('ab')], '    ab|"x"    |00000ab'],
  ])('%s', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want)
  })
})

describe('sprint and sprintln', () => {
  it('put spaces between operands that are not strings', () => {
    expect(sprint([i64(1), i64(2), s('a'), s('b'), i64(3), null, f64(1.5), s('c')])).toBe('1 2ab3 <nil> 1.5c')
    expect(sprintln([i64(1), s('a'), null])).toBe('1 a <nil>\n')
  })
})

describe('formatFloat', () => {
  it.each<[number, string]>([
    [0, '0 0.000e+00 0 0x0p+00 0p-1074'],
    [1, '1 1.000e+00 1 0x1p+00 4503599627370496p-52'],
    [-1, '-1 -1.000e+00 -1 -0x1p+00 -4503599627370496p-52'],
    [0.1, '0.1 1.000e-01 0.1 0x1.999999999999ap-04 7205759403792794p-56'],
    [1e21, '1e+21 1.000e+21 1000000000000000000000 0x1.b1ae4d6e2ef5p+69 7629394531250000p+17'],
    [123456.7, '123456.7 1.235e+05 123456.7 0x1.e240b33333333p+16 8483879823553331p-36'],
    [1e-5, '1e-05 1.000e-05 0.00001 0x1.4f8b588e368f1p-17 5902958103587057p-69'],
    [5e-324, `5e-324 4.941e-324 0.${'0'.repeat(323)}5 0x1p-1074 1p-1074`],
    [1.7976931348623157e308, `1.7976931348623157e+308 1.798e+308 17976931348623157${'0'.repeat(292)} 0x1.fffffffffffffp+1023 9007199254740991p+971`],
  ])('%d', (f, want) => {
    expect([formatFloat(f, 'g', -1), formatFloat(f, 'e', 3), formatFloat(f, 'f', -1), formatFloat(f, 'x', -1), formatFloat(f, 'b', -1)].join(' ')).toBe(want)
  })
})

describe('strconv parsing', () => {
  it('reads Go integer literals with base 0', () => {
    expect(['0x1F', '0o17', '017', '0b101', '1_000', '0_7', '-0x10', '+5'].map((x) => goParseInt(x, 0, 64))).toEqual([31n, 15n, 15n, 5n, 1000n, 7n, -16n, 5n])
    expect(['', '0x', '1__0', '_1', '1_', '08', '0x_1F_'].map((x) => goParseInt(x, 0, 64))).toEqual(Array(7).fill('invalid syntax'))
    expect(goParseInt('9223372036854775808', 0, 64)).toBe('value out of range')
    expect(goParseInt('-9223372036854775808', 0, 64)).toBe(-9223372036854775808n)
    expect(goParseUint('18446744073709551615', 0, 64)).toBe(18446744073709551615n)
    expect(goParseUint('18446744073709551616', 0, 64)).toBe('value out of range')
    // a range error found before a bad digit is the one reported
    expect(goParseInt('99999999999999999999x', 0, 64)).toBe('value out of range')
    expect(goParseInt('1_000', 10, 64)).toBe('invalid syntax')
  })

  it('reads decimal and hexadecimal floats', () => {
    expect(['1.5', '.5', '5.', '1e3', '1_000.5', '0x1p-2', '0x1.8p1', '-0x.8p1'].map(goParseFloat)).toEqual([1.5, 0.5, 5, 1000, 1000.5, 0.25, 3, -1])
    expect(['0x1.8', '1e400', '.', '0b1', '1__0.5'].map(goParseFloat)).toEqual(Array(5).fill(undefined))
  })
})
