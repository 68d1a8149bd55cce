import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compactJSON, compareCodePoints, formatJSON, goJSONNumber, type JSONFormatOptions} from '../../src/lib/printers/json.js'

const fixtures = join(import.meta.dirname, '../fixtures/printers')
// expected/NAME.{json,yaml} (or .err when kubectl failed); hand-made inputs are in input/, and for
// objects read from a server the JSON kubectl printed is the input
const inputs = [...new Set(readdirSync(join(fixtures, 'expected')).map((f) => f.replace(/\.(json|yaml)(\.err)?$/, '')))]

function readInput(name: string): unknown {
  const handMade = join(fixtures, 'input', `${name}.json`)
  return JSON.parse(readFileSync(existsSync(handMade) ? handMade : join(fixtures, 'expected', `${name}.json`), 'utf8'))
}

// kubectl prints these from Go structs: field order, and `version` indents by two
const typedOptions: Record<string, JSONFormatOptions> = {
  'typed-version': {indent: '  ', sortKeys: false},
  'typed-config-view': {sortKeys: false},
}

describe('formatJSON against kubectl 1.32 (test/fixtures/printers, recorded by record.sh)', () => {
  it('has the recorded corpus', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30)
  })

  for (const name of inputs) {
    const errorFile = join(fixtures, 'expected', `${name}.json.err`)
    if (existsSync(errorFile)) {
      it(`fails on ${name} as kubectl -o json does`, () => {
        const value = readInput(name)
        expect(() => formatJSON(value, typedOptions[name])).toThrow(readFileSync(errorFile, 'utf8').trimEnd())
      })
    } else {
      it(`prints ${name} as kubectl -o json does`, () => {
        const value = readInput(name)
        const expected = readFileSync(join(fixtures, 'expected', `${name}.json`), 'utf8')
        expect(formatJSON(value, typedOptions[name])).toBe(expected)
      })
    }
  }
})

describe('formatJSON', () => {
  it('indents by four spaces, sorts keys and ends with a newline', () => {
    expect(formatJSON({b: [1, {d: null, c: true}], a: {}, e: [], f: 'x'})).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "c": true,\n            "d": null\n        }\n    ],\n    "e": [],\n    "f": "x"\n}\n',
    )
  })

  it('prints scalars at the top level', () => {
    expect(formatJSON('x')).toBe('"x"\n')
    expect(formatJSON(null)).toBe('null\n')
    expect(formatJSON([])).toBe('[]\n')
  })

  it('escapes like Go with HTML escaping on', () => {
    expect(formatJSON('<a&b>"\\\u0000\u0008\u000c\n\r\t\u001f\u007f\u2028\u2029é😀')).toBe(
      '"\\u003ca\\u0026b\\u003e\\"\\\\\\u0000\\b\\f\\n\\r\\t\\u001f\u007f\\u2028\\u2029é😀"\n',
    )
  })

  it('prints a lone surrogate as U+FFFD, as Go decoded it', () => {
    expect(formatJSON('a\ud800b\udc00')).toBe('"a\ufffdb\ufffd"\n')
  })

  it('keeps struct field order and a custom indent when asked', () => {
    expect(formatJSON({z: 1, a: {y: 2, b: 3}}, {indent: '  ', sortKeys: false})).toBe('{\n  "z": 1,\n  "a": {\n    "y": 2,\n    "b": 3\n  }\n}\n')
  })

  it('leaves out undefined fields and prints undefined items as null', () => {
    expect(formatJSON({a: undefined, b: [undefined]})).toBe('{\n    "b": [\n        null\n    ]\n}\n')
  })
})

describe('goJSONNumber', () => {
  it('formats integers and float64 like encoding/json', () => {
    expect([0, -1, 1.5, 1e20, 1e21, 1.5e-7, 0.000001, 1e-7, 123456789.25].map((n) => goJSONNumber(n))).toEqual([
      '0', '-1', '1.5', '100000000000000000000', '1e+21', '1.5e-7', '0.000001', '1e-7', '123456789.25',
    ])
  })

  it('keeps int64 bigints exact and prints larger ones as float64', () => {
    expect(goJSONNumber(9007199254740993n)).toBe('9007199254740993')
    expect(goJSONNumber(-9223372036854775808n)).toBe('-9223372036854775808')
    expect(goJSONNumber(9223372036854775808n)).toBe('9223372036854776000')
  })

  it('prints negative zero as 0, as kubectl prints JSON -0 (an int64)', () => {
    expect(goJSONNumber(-0)).toBe('0')
  })

  it('refuses NaN and infinities like encoding/json', () => {
    expect(() => goJSONNumber(NaN)).toThrow('json: unsupported value: NaN')
    expect(() => goJSONNumber(-Infinity)).toThrow('json: unsupported value: -Inf')
  })
})

describe('compareCodePoints', () => {
  it('orders by code point (UTF-8 bytes), not UTF-16 units', () => {
    expect(['\uffff', '😀', 'b', 'B', 'a'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', '\uffff', '😀'])
  })
})

describe('compactJSON', () => {
  it("is Go's json.Marshal: compact, HTML-escaped, int64 bigints exact, keys sorted by bytes", () => {
    expect(compactJSON({b: [1, 2n ** 62n, 'x<y&z'], a: {'\u00e9': true, z: null, u: undefined}, '': 1.5})).toBe(
      '{"":1.5,"a":{"z":null,"\u00e9":true},"b":[1,4611686018427387904,"x\\u003cy\\u0026z"]}',
    )
  })

  it("keeps a Go struct's field order when asked", () => {
    expect(compactJSON({kind: 'Secret', type: 'Opaque', name: 'n', data: {}}, false)).toBe('{"kind":"Secret","type":"Opaque","name":"n","data":{}}')
  })
})
