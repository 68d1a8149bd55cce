// YAML decoding as kubectl does it (gopkg.in/yaml.v2 into JSON), its positions, and its limits.
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {collectManifests, type CollectedManifests} from '../../src/lib/manifests/reader.js'
import {float32G} from '../../src/lib/manifests/yaml-scalars.js'

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'

async function decode(text: string): Promise<CollectedManifests> {
  return collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([Buffer.from(text)])})
}

/** The `data` of one ConfigMap whose data block is `body`. */
async function data(body: string): Promise<unknown> {
  const result = await decode(`${HEAD}data:\n${body}`)
  expect(result.errors.map((e) => e.message)).toEqual([])
  return result.documents[0].object.data
}

async function errorsOf(text: string): Promise<string[]> {
  return (await decode(text)).errors.map((e) => e.message)
}

describe('scalars, as gopkg.in/yaml.v2 and sigs.k8s.io/yaml read them', () => {
  it('reads YAML 1.1 booleans and nulls', async () => {
    const body = ['a: yes', 'b: No', 'c: on', 'd: OFF', 'e: y', 'f: N', 'g: True', 'h: "yes"', "i: 'on'", 'j: ~', 'k: null', 'l: NULL', 'm:', 'o: Yes please']
    expect(await data(body.map((l) => `  ${l}\n`).join(''))).toEqual({
      a: true,
      b: false,
      c: true,
      d: false,
      e: true,
      f: false,
      g: true,
      h: 'yes',
      i: 'on',
      j: null,
      k: null,
      l: null,
      m: null,
      o: 'Yes please',
    })
  })

  it('reads integers with Go base prefixes, YAML 1.1 octal and underscores, exactly within int64', async () => {
    const body = [
      'a: 0755',
      'b: 0o17',
      'c: 0x1F',
      'd: -0b101',
      'e: +12',
      'f: 1_000_000',
      'g: -0',
      'h: 08',
      'i: 9007199254740993',
      'j: -9223372036854775808',
      'k: 9223372036854775807',
      'l: 9223372036854775808',
      'm: 18446744073709551615',
      'o: 0xFFFFFFFFFFFFFFFFFF',
    ]
    expect(await data(body.map((l) => `  ${l}\n`).join(''))).toEqual({
      a: 493,
      b: 15,
      c: 31,
      d: -5,
      e: 12,
      f: 1000000,
      g: 0,
      // not octal, so yaml.v2 reads it as a float
      h: 8,
      i: 9007199254740993n,
      j: -9223372036854775808n,
      k: 9223372036854775807n,
      // beyond int64 kubectl has a float64
      l: 9223372036854775808,
      m: 18446744073709551615,
      // beyond uint64 and not a float: a string
      o: '0xFFFFFFFFFFFFFFFFFF',
    })
  })

  it('reads floats, and keeps what yaml.v2 does not resolve as strings', async () => {
    const body = ['a: 1.5', 'b: 1e3', 'c: .5', 'd: +.5', 'e: -1.5E-2', 'f: 3.0', 'g: 1e400', 'h: 1:30', 'i: 2001-12-14', 'j: 2001-12-14t21:59:43.10-05:00', 'k: .e3', 'l: 1.2.3', 'm: 0x1p3']
    expect(await data(body.map((l) => `  ${l}\n`).join(''))).toEqual({
      a: 1.5,
      b: 1000,
      c: 0.5,
      d: 0.5,
      e: -0.015,
      f: 3,
      g: '1e400',
      h: '1:30',
      i: '2001-12-14',
      j: '2001-12-14t21:59:43.10-05:00',
      k: '.e3',
      l: '1.2.3',
      m: '0x1p3',
    })
  })

  it('turns keys into JSON strings the way sigs.k8s.io/yaml does', async () => {
    const body = ['y: a', 'off: b', '0755: c', '1.5: d', '1e6: e', '1e-7: f', '3.4e39: g', '100000: h', '-0.0: i', '"0755": j', '.nan: k']
    expect(await data(body.map((l) => `  ${l}\n`).join(''))).toEqual({
      true: 'a',
      false: 'b',
      '493': 'c',
      '1.5': 'd',
      '1e+06': 'e',
      '1e-07': 'f',
      '.inf': 'g',
      '100000': 'h',
      '-0': 'i',
      '0755': 'j',
      '.nan': 'k',
    })
  })

  it('formats float keys with Go %g at float32 precision', () => {
    expect([0.1, 1 / 3, 123456, 1234567, 0.0001, 0.00001, 16777217, -2.5e-10].map(float32G)).toEqual([
      '0.1',
      '0.33333334',
      '123456',
      '1.234567e+06',
      '0.0001',
      '1e-05',
      '1.6777216e+07',
      '-2.5e-10',
    ])
  })

  it('follows explicit tags', async () => {
    const body = ['a: !!str 12', 'b: !!int "12"', 'c: !!float 3', 'd: !!bool yes', 'e: !!binary aGVsbG8=', 'f: !!timestamp 2001-12-14', 'g: !custom 12', 'h: ! 12', 'i: !<tag:yaml.org,2002:int> "7"', 'j: !!null x']
    expect(await data(body.map((l) => `  ${l}\n`).join(''))).toEqual({a: '12', b: 12, c: 3, d: true, e: 'hello', f: '2001-12-14', g: '12', h: '12', i: 7, j: 'x'})
  })

  it('refuses a value its tag cannot hold, with the place', async () => {
    expect(await errorsOf(`${HEAD}data:\n  a: !!int twelve\n  b: !!binary "%%%"\n`)).toEqual([
      'STDIN:6:12: document 1: yaml: cannot decode !!str `twelve` as a !!int',
    ])
    expect(await errorsOf(`${HEAD}data:\n  b: !!binary "%%%"\n`)).toEqual(['STDIN:6:15: document 1: yaml: !!binary value contains invalid base64 data'])
  })

  it('refuses NaN and infinities, which JSON cannot carry', async () => {
    expect(await errorsOf(`${HEAD}data:\n  a: .nan\n  b: -.Inf\n`)).toEqual([
      'STDIN:6:6: document 1: error converting YAML to JSON: json: unsupported value: NaN',
      'STDIN:7:6: document 1: error converting YAML to JSON: json: unsupported value: -Inf',
    ])
  })

  it('refuses keys that are not scalars, and null keys', async () => {
    expect(await errorsOf(`${HEAD}data:\n  ? [a, b]\n  : c\n---\n${HEAD}data:\n  {x: 1}: y\n---\n${HEAD}data:\n  ~: z\n`)).toEqual([
      'STDIN:6:5: document 1: yaml: invalid map key: a mapping or sequence cannot be a key',
      'STDIN:14:3: document 2: yaml: invalid map key: a mapping or sequence cannot be a key',
      'STDIN:21:3: document 3: error converting YAML to JSON: unsupported map key: null',
    ])
  })
})

describe('anchors, aliases and merge keys', () => {
  it('merges like yaml.v2: a merged key replaces an earlier one, a later key replaces it, earlier sources win', async () => {
    const text = [
      'base: &base {a: 1, b: 1, c: 1}',
      'more: &more {b: 2, d: 2}',
      'one:',
      '  a: 0',
      '  <<: *base',
      '  c: 3',
      'two:',
      '  <<: [*more, *base]',
      '  e: 5',
      '"quoted":',
      '  "<<": *base',
    ]
    expect(await data(text.map((l) => `  ${l}\n`).join(''))).toEqual({
      base: {a: 1, b: 1, c: 1},
      more: {b: 2, d: 2},
      one: {a: 1, b: 1, c: 3},
      two: {b: 2, d: 2, a: 1, c: 1, e: 5},
      quoted: {'<<': {a: 1, b: 1, c: 1}},
    })
  })

  it('points merged keys at the text they were merged from', async () => {
    const result = await decode(`${HEAD}data:\n  base: &base\n    a: 1\n  one:\n    <<: *base\n    b: 2\n`)
    const [doc] = result.documents
    expect([doc.position(['data', 'one', 'a']), doc.position(['data', 'one', 'b'])]).toEqual([
      {line: 7, column: 5},
      {line: 10, column: 5},
    ])
  })

  it('gives every alias its own copy', async () => {
    const result = await decode(`${HEAD}data:\n  a: &x {k: [1]}\n  b: *x\n`)
    const d = result.documents[0].object.data as {a: {k: number[]}; b: {k: number[]}}
    expect(d.b).toEqual(d.a)
    expect(d.b).not.toBe(d.a)
    expect(d.b.k).not.toBe(d.a.k)
  })

  it('refuses a merge of something that is not a mapping', async () => {
    expect(await errorsOf(`${HEAD}data:\n  x: &s 1\n  y:\n    <<: *s\n`)).toEqual(['STDIN:8:5: document 1: yaml: map merge requires map or sequence of maps as the value'])
  })

  it('refuses unknown and self-containing anchors', async () => {
    expect(await errorsOf(`${HEAD}data:\n  a: *nope\n---\n${HEAD}data: &me\n  a: *me\n`)).toEqual([
      "STDIN:6:6: document 1: yaml: unknown anchor 'nope' referenced",
      "STDIN:13:6: document 2: yaml: anchor 'me' value contains itself",
    ])
  })

  it('stops an alias bomb (billion laughs) at once, as yaml.v2 does', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    const names = 'abcdefghi'
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`)
    const started = Date.now()
    expect(await errorsOf(`${HEAD}data:\n${lines.map((l) => `  ${l}\n`).join('')}`)).toEqual(['STDIN:9:22: document 1: yaml: document contains excessive aliasing'])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('allows moderate reuse of anchors', async () => {
    const lines = ['a: &a [1, 2, 3]', ...Array.from({length: 50}, (_, i) => `b${i}: *a`)]
    const d = (await data(lines.map((l) => `  ${l}\n`).join(''))) as Record<string, unknown>
    expect(Object.keys(d).length).toBe(51)
    expect(d.b49).toEqual([1, 2, 3])
  })
})

describe('limits', () => {
  it('accepts 1000 levels of nesting and refuses more, for YAML and JSON alike', async () => {
    const nested = (depth: number) => `apiVersion: v1\nkind: X\nspec: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}\n`
    expect((await decode(nested(1000))).errors).toEqual([])
    expect(await errorsOf(nested(1001))).toEqual(['STDIN:3:1006: document 1: yaml: exceeded max depth of 1000'])
    const json = (depth: number) => `{"apiVersion": "v1", "kind": "X", "spec": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`
    expect((await decode(json(1000))).errors).toEqual([])
    expect(await errorsOf(json(1001))).toEqual(['STDIN:1:1042: document 1: json: exceeded max depth of 1000'])
    expect(await errorsOf(`apiVersion: v1\nkind: X\nspec: ${'['.repeat(100_000)}\n`)).toEqual(['STDIN:3:1006: document 1: yaml: exceeded max depth of 1000'])
  })
})

describe('positions', () => {
  it('points at quotes of quoted scalars, the indicator of block scalars, flow items and empty values', async () => {
    const text = `${HEAD}data:\n  'quoted key': "value"\n  block: >-\n    folded\n  flow: [a, "b", {c: d}]\n  empty:\n  list:\n  -\n  - x\n`
    const [doc] = (await decode(text)).documents
    const at = (...path: Array<string | number>) => doc.position(path)
    expect([
      at('data', 'quoted key'),
      at('data', 'block'),
      at('data', 'flow', 0),
      at('data', 'flow', 1),
      at('data', 'flow', 2),
      at('data', 'flow', 2, 'c'),
      at('data', 'empty'),
      at('data', 'list', 0),
      at('data', 'list', 1),
    ]).toEqual([
      {line: 6, column: 3},
      {line: 7, column: 3},
      {line: 9, column: 10},
      {line: 9, column: 13},
      {line: 9, column: 18},
      {line: 9, column: 19},
      {line: 10, column: 3},
      // an empty item has no text: it sits at its sequence
      {line: 12, column: 3},
      {line: 13, column: 5},
    ])
    const value = (await decode(`${HEAD}data:\n  list:\n  - "q"\n  - |+\n    kept\n`)).documents[0]
    expect([value.position(['data', 'list', 0]), value.position(['data', 'list', 1])]).toEqual([
      {line: 7, column: 5},
      {line: 8, column: 5},
    ])
  })

  it('counts columns in characters and lines across CRLF and documents', async () => {
    const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: x\r\ndata:\r\n  "🙂é": a\r\n  after: "🙂"\r\n---\r\napiVersion: v1\r\nkind: Secret\r\n'
    const [cm, secret] = (await decode(text)).documents
    expect([cm.position(['data', 'after']), cm.position(['data', '🙂é']), secret.position(['kind'])]).toEqual([
      {line: 7, column: 3},
      {line: 6, column: 3},
      {line: 10, column: 1},
    ])
    const tabs = (await decode(`${HEAD}data:\n  a:\t"tab"\n`)).documents[0]
    expect(tabs.position(['data', 'a'])).toEqual({line: 6, column: 3})
  })
})
