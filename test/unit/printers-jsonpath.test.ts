import {describe, expect, it} from 'vitest'
import {goQuote} from '../../src/lib/go/quote.js'
import {memoryIO} from '../../src/lib/io.js'
import {
  GoNumber,
  goFormatFloat,
  goSharpV,
  goSprint,
  JSONPathPrinter,
  jsonPathPrinterFor,
  parseJSONPath,
  relaxedJSONPathExpression,
} from '../../src/lib/printers/jsonpath.js'
import {loadCorpus, playCase} from '../fixtures/jsonpath/corpus.js'

const corpus = loadCorpus()
const cases = corpus.cases.filter((c) => c.output?.startsWith('jsonpath'))

describe(`jsonpath output recorded from kubectl ${corpus.kubectl}`, () => {
  it('has the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const {actual, expected} = playCase(corpus, c)
    expect(actual).toEqual(expected)
  })
})

describe('parseJSONPath', () => {
  it('gives findResults one group per top-level node', () => {
    const jp = parseJSONPath('{.items[*].metadata.name} and {.kind}', {allowMissingKeys: true})
    const list = {kind: 'List', items: [{metadata: {name: 'a'}}, {metadata: {name: 'b'}}, {}]}
    expect(jp.findResults(list)).toEqual([['a', 'b'], [' and '], ['List']])
  })

  it('throws client-go text that prints as an error line', () => {
    expect(() => parseJSONPath('{.a[')).toThrow('error: unterminated array')
  })

  it('fails on a missing key unless missing keys are allowed', () => {
    expect(() => parseJSONPath('{.a.b}').findResults({a: {}})).toThrow('error: b is not found')
    expect(parseJSONPath('{.a.b}', {allowMissingKeys: true}).findResults({a: {}})).toEqual([[]])
  })

  it('keeps range narrowing between executions, as client-go does', () => {
    const jp = parseJSONPath('{range .items[*]}{.n}{end}', {allowMissingKeys: true})
    expect(jp.execute({items: [{n: 1}, {n: 2}]})).toBe('12')
    expect(() => jp.execute({items: [{n: 3}]})).toThrow('error: not in range, nothing to end')
  })

  it('treats bigint as int64 and large integers as float64', () => {
    const jp = parseJSONPath('{.a} {.b} {.c}')
    expect(jp.execute({a: 9007199254740993n, b: 2 ** 64, c: -0})).toBe('9007199254740993 1.8446744073709552e+19 -0')
  })

  it('prints as-json arrays with Go indentation', () => {
    expect(parseJSONPath('{.a}{.b[*]}').execute({a: {y: 1, x: '<'}, b: [1.5, null]}, {outputJSON: true})).toBe(
      '[\n    {\n        "x": "\\u003c",\n        "y": 1\n    }\n]\n[\n    1.5,\n    null\n]\n',
    )
  })
})

describe('JSONPathPrinter', () => {
  it('writes nothing when the template fails', () => {
    const io = memoryIO()
    const printer = new JSONPathPrinter('{.a}{.b[0]}', {allowMissingKeys: true})
    expect(() => printer.printObj({a: 'x', b: 'y'}, io.out)).toThrow(
      'error: error executing jsonpath "{.a}{.b[0]}": Error executing template: string is not array or slice. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.a}{.b[0]}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":"x", "b":"y"}\n\n\n',
    )
    expect(io.stdout()).toBe('')
  })

  it('needs a template', () => {
    expect(() => jsonPathPrinterFor('jsonpath', '')).toThrow('error: template format specified but no template given')
  })

  it('reports a directory given as a template file like os.ReadFile', () => {
    expect(() => jsonPathPrinterFor('jsonpath-file', '/tmp')).toThrow('error: error reading --template /tmp, read /tmp: is a directory\n')
  })
})

describe('Go formatting', () => {
  it('formats float64 like %v', () => {
    const cases: Array<[number, string]> = [
      [1.5, '1.5'],
      [1e21, '1e+21'],
      [1000000.5, '1.0000005e+06'],
      [123456.7, '123456.7'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1e-7, '1e-07'],
      [-2.5e-10, '-2.5e-10'],
      [1.5e300, '1.5e+300'],
      [100, '100'],
    ]
    expect(cases.map(([f]) => goFormatFloat(f))).toEqual(cases.map(([, s]) => s))
  })

  it('prints %v and %#v of decoded values', () => {
    const v = {b: [1, 'x', null, {k: 1.5}], a: true, c: new GoNumber(7, 'uint8')}
    expect(goSprint(v)).toBe('map[a:true b:[1 x <nil> map[k:1.5]] c:7]')
    expect(goSharpV(v)).toBe('map[string]interface {}{"a":true, "b":[]interface {}{1, "x", interface {}(nil), map[string]interface {}{"k":1.5}}, "c":7}')
  })

  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\x07\x7f\u00a0\u200bé日😀\u{e0001}')).toBe('"a\\"b\\\\c\\n\\a\\x7f\\u00a0\\u200bé日😀\\U000e0001"')
  })
})

describe('relaxedJSONPathExpression', () => {
  it('accepts the four spellings of a path', () => {
    expect(['a.b', '.a.b', '{a.b}', '{.a.b}', ''].map(relaxedJSONPathExpression)).toEqual(['{.a.b}', '{.a.b}', '{.a.b}', '{.a.b}', ''])
  })

  it('rejects braces it cannot strip', () => {
    expect(() => relaxedJSONPathExpression('{.a}{.b}')).toThrow(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  })
})
