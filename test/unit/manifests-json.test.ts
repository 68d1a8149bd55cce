// JSON manifests: a stream of values as Go's json.Decoder reads it, encoding/json's error words
// (each case checked against kubectl 1.32, whose byte offset is the column here), and positions.
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {collectManifests, type CollectedManifests} from '../../src/lib/manifests/reader.js'

async function decode(text: string): Promise<CollectedManifests> {
  return collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([Buffer.from(text)])})
}

async function errorsOf(text: string): Promise<string[]> {
  return (await decode(text)).errors.map((e) => e.message)
}

const CM = '"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}'

describe('JSON streams', () => {
  it('reads several values, separated by whitespace or not', async () => {
    const result = await decode(`\n  {${CM}, "data": {"a": "1"}}{${CM}}\n\n{${CM}, "data": null}  `)
    expect(result.documents.map((d) => [d.index, d.object.data])).toEqual([
      [0, {a: '1'}],
      [1, undefined],
      [2, null],
    ])
  })

  it('skips null values and refuses values that are not objects', async () => {
    const result = await decode(`{${CM}} null [1] "text" 12 true`)
    expect(result.documents.map((d) => d.index)).toEqual([0])
    expect(result.errors.map((e) => e.message)).toEqual([
      'STDIN:1:75: document 3: error validating data: invalid object to validate: expected a mapping, got a sequence',
      'STDIN:1:79: document 4: error validating data: invalid object to validate: expected a mapping, got a string',
      'STDIN:1:86: document 5: error validating data: invalid object to validate: expected a mapping, got a number',
      'STDIN:1:89: document 6: error validating data: invalid object to validate: expected a mapping, got a boolean',
    ])
  })

  it('decodes numbers as apimachinery does: int64 exact, float64 otherwise', async () => {
    const numbers = '"a": 1, "b": -0, "c": 1.5, "d": 1e3, "e": 9007199254740993, "f": -9223372036854775808, "g": 9223372036854775808, "h": 123456789012345678901234567890'
    const result = await decode(`{${CM}, "data": {${numbers}}}`)
    expect(result.documents[0].object.data).toEqual({a: 1, b: 0, c: 1.5, d: 1000, e: 9007199254740993n, f: -9223372036854775808n, g: 9223372036854775808, h: 1.2345678901234568e29})
    expect(Object.is((result.documents[0].object.data as {b: number}).b, 0)).toBe(true)
  })

  it('decodes escapes, replacing lone surrogates as Go does', async () => {
    const result = await decode(`{${CM}, "data": {"a": "q\\"\\\\\\/\\b\\f\\n\\r\\t", "b": "\\u00e9\\ud83d\\ude00", "c": "\\ud800x\\udc00", "d": "héllo"}}`)
    expect(result.documents[0].object.data).toEqual({a: 'q"\\/\b\f\n\r\t', b: 'é😀', c: '\ufffdx\ufffd', d: 'héllo'})
  })

  it('keeps a "__proto__" key as data', async () => {
    const result = await decode(`{${CM}, "data": {"__proto__": "x"}}`)
    const data = result.documents[0].object.data as Record<string, unknown>
    expect(Object.keys(data)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
  })

  it('reports a key given twice with both places', async () => {
    expect(await errorsOf(`{${CM},\n "data": {"a": "1",\n  "a": "2"}}`)).toEqual(['STDIN:3:3: document 1: json: object key "a" already defined at line 2, column 11'])
  })

  it('maps paths to keys and items', async () => {
    const [doc] = (await decode(`{\n  ${CM},\n  "spec": {"ports": [ {"port": 80}, 443 ]}\n}`)).documents
    expect([doc.position([]), doc.position(['spec']), doc.position(['spec', 'ports', 0]), doc.position(['spec', 'ports', 0, 'port']), doc.position(['spec', 'ports', 1])]).toEqual([
      {line: 1, column: 1},
      {line: 3, column: 3},
      {line: 3, column: 23},
      {line: 3, column: 24},
      {line: 3, column: 37},
    ])
  })
})

describe('JSON syntax errors in encoding/json words', () => {
  const cases: Array<[string, string]> = [
    ['{"a": tru}', "1:10: document 1: json: invalid character '}' in literal true (expecting 'e')"],
    ['{"a" 1}', "1:6: document 1: json: invalid character '1' after object key"],
    ['{"a": 1 "b": 2}', `1:9: document 1: json: invalid character '"' after object key:value pair`],
    ['{"a": [1 2]}', "1:10: document 1: json: invalid character '2' after array element"],
    ['{"a": "x\ty"}', "1:9: document 1: json: invalid character '\\t' in string literal"],
    ['{"a": "\\q"}', "1:9: document 1: json: invalid character 'q' in string escape code"],
    ['{"a": "\\u12G4"}', "1:12: document 1: json: invalid character 'G' in \\u hexadecimal character escape"],
    ['{"a": -x}', "1:8: document 1: json: invalid character 'x' in numeric literal"],
    ['{"a": 1.}', "1:9: document 1: json: invalid character '}' after decimal point in numeric literal"],
    ['{"a": 1e}', "1:9: document 1: json: invalid character '}' in exponent of numeric literal"],
    ['{"a": nul}', "1:10: document 1: json: invalid character '}' in literal null (expecting 'l')"],
    ['{"a": 01}', "1:8: document 1: json: invalid character '1' after object key:value pair"],
    ['{"a": "é', '1:9: document 1: unexpected EOF'],
    ['{"a": \'x\'}', "1:7: document 1: json: invalid character '\\'' looking for beginning of value"],
    ['{"a": é}', "1:7: document 1: json: invalid character 'Ã' looking for beginning of value"],
    ['{,}', "1:2: document 1: json: invalid character ',' looking for beginning of object key string"],
    ['{"a": [,]}', "1:8: document 1: json: invalid character ',' looking for beginning of value"],
    ['{"a": [1,]}', "1:10: document 1: json: invalid character ']' looking for beginning of value"],
    ['{"a": 1,}', "1:9: document 1: json: invalid character '}' looking for beginning of object key string"],
    ['{"a": 1e400}', '1:7: document 1: json: cannot unmarshal number 1e400 into Go value of type float64'],
  ]
  for (const [text, expected] of cases) {
    it(`${text} -> ${expected}`, async () => {
      expect(await errorsOf(text)).toEqual([`STDIN:${expected}`])
    })
  }

  it('stops at a syntax error, as kubectl does, keeping the documents before it', async () => {
    const result = await decode(`{${CM}}\n---\n{${CM}}`)
    expect(result.documents.map((d) => d.index)).toEqual([0])
    expect(result.errors.map((e) => e.message)).toEqual(["STDIN:2:2: document 2: json: invalid character '-' in numeric literal"])
  })
})
