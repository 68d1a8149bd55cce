import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {CliError} from '../../src/lib/errors.js'
import {goSort} from '../../src/lib/go/sort.js'
import {
  compareQuantities,
  KlogFatalError,
  parseQuantity,
  type Quantity,
  sortObjects,
  sortTableRows,
  TableSortError,
} from '../../src/lib/printers/sort.js'

interface RecordedCase {
  source: string
  sortBy: string
  /** `name`, `table` (the default output) or `custom-columns=...`. */
  output: string
  stdout: string
  stderr: string
  exit: number
}

interface Recorded {
  kubectl: string
  namespaces: Record<string, Array<{metadata: {name: string}}>>
  cases: RecordedCase[]
}

const here = dirname(fileURLToPath(import.meta.url))
const recorded = JSON.parse(readFileSync(join(here, '../fixtures/sort/recorded.json'), 'utf8')) as Recorded

const KLOG_HEADER = /^F\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /

/** What ktl's sorter does with a recorded case, in the terms kubectl's output can be compared in. */
type Outcome = {names: string[]} | {tableSkipped: true} | {error: string; exit: number}

function play(c: RecordedCase): Outcome {
  const objects = recorded.namespaces[c.source]
  try {
    const sorted = c.output === 'table' ? sortTableRows(objects.map((o) => ({object: o})), c.sortBy).map((r) => r.object) : sortObjects(objects, c.sortBy)
    return {names: sorted.map((o) => o.metadata.name)}
  } catch (err) {
    if (err instanceof TableSortError) return {tableSkipped: true}
    if (err instanceof CliError) return {error: `${err.message.replace(KLOG_HEADER, '')}\n`, exit: err.exitCode}
    throw err
  }
}

/** The same terms for kubectl's recorded output. */
function expected(c: RecordedCase): Outcome {
  if (c.exit !== 0) return {error: c.stderr.replace(KLOG_HEADER, ''), exit: c.exit}
  if (c.output === 'table' && c.stdout === '') {
    expect(c.stderr).toBe(`No resources found in ${c.source} namespace.\n`)
    return {tableSkipped: true}
  }
  const lines = c.stdout.trimEnd().split('\n')
  if (c.output === 'name') return {names: lines.map((l) => l.replace(/^configmap\//, ''))}
  return {names: lines.slice(1).map((l) => l.split(' ')[0])}
}

describe(`--sort-by orders recorded from kubectl ${recorded.kubectl}`, () => {
  it('has the corpus', () => {
    expect(recorded.cases.length).toBeGreaterThanOrEqual(300)
    expect(recorded.namespaces['sort-big'].length).toBe(120)
  })

  it.each(recorded.cases.map((c) => [`${c.source} ${c.output} ${c.sortBy}`, c] as const))('%s', (_name, c) => {
    expect(play(c)).toEqual(expected(c))
  })

  it('prints exactly what -o name printed', () => {
    const c = recorded.cases.find((x) => x.source === 'sort-forty' && x.output === 'name' && x.sortBy === '.metadata.annotations.q')
    const sorted = sortObjects(recorded.namespaces['sort-forty'], '.metadata.annotations.q')
    expect(sorted.map((o) => `configmap/${o.metadata.name}\n`).join('')).toBe(c?.stdout)
  })
})

describe('sortObjects', () => {
  it('evaluates the field on what getObject returns, compares strings byte by byte and keeps the items', () => {
    const infos = [{object: {n: 'b'}}, {object: {n: 'a9'}}, {object: {n: 'a10'}}]
    expect(sortObjects(infos, 'n', (i) => i.object)).toEqual([{object: {n: 'a10'}}, {object: {n: 'a9'}}, {object: {n: 'b'}}])
    expect(infos[0]).toEqual({object: {n: 'b'}})
  })

  it('leaves an empty list and an empty --sort-by alone', () => {
    expect(sortObjects([], '.nope')).toEqual([])
    expect(sortObjects([{n: 2}, {n: 1}], '')).toEqual([{n: 2}, {n: 1}])
  })

  it('fails on a one-item list without the field, as kubectl does for a list', () => {
    expect(() => sortObjects([{a: 1}], '.b')).toThrow(new CliError(`error: couldn't find any field with path "{.b}" in the list of objects`))
  })

  it('puts missing and null values first and compares numbers by value', () => {
    const objects = [{x: 10}, {}, {x: 9}, {x: null}, {x: -1}]
    expect(sortObjects(objects, '.x')).toEqual([{}, {x: null}, {x: -1}, {x: 9}, {x: 10}])
  })

  it('compares int64 values beyond 2^53 exactly', () => {
    expect(sortObjects([{x: 9007199254740993n}, {x: 9007199254740992n}], '.x')).toEqual([{x: 9007199254740992n}, {x: 9007199254740993n}])
  })

  it('stops with klog Exitf text and exit code 1 on values Go cannot compare', () => {
    let caught: unknown
    try {
      sortObjects([{x: 1}, {x: 'a'}], '.x')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(KlogFatalError)
    const err = caught as KlogFatalError
    expect(err.exitCode).toBe(1)
    expect(err.message).toMatch(KLOG_HEADER)
    expect(err.message.replace(KLOG_HEADER, '')).toBe(
      'sorter.go:329] Field {.x} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface',
    )
  })

  it('reports an object whose field cannot be evaluated with klog Fatalf text and exit code 255', () => {
    let caught: unknown
    try {
      sortObjects([{x: [1, 2]}, {x: [1]}], '.x[1]')
    } catch (err) {
      caught = err
    }
    const err = caught as KlogFatalError
    expect(err.exitCode).toBe(255)
    expect(err.message.replace(KLOG_HEADER, '')).toBe(
      'sorter.go:310] Failed to get i values for &unstructured.Unstructured{Object:map[string]interface {}{"x":[]interface {}{1}}} ' +
        'using {.x[1]} (&errors.errorString{s:"array index out of bounds: index 1, length 1"})',
    )
  })
})

describe('sortTableRows', () => {
  it('leaves a table of one row alone, even without the field', () => {
    const rows = [{cells: ['a'], object: {}}]
    expect(sortTableRows(rows, '.nope')).toEqual(rows)
  })

  it("sorts by the first node's first value when the expression is not a relaxed path", () => {
    const rows = [{object: {a: 'y', b: 1}}, {object: {a: 'x', b: 2}}]
    expect(sortTableRows(rows, '{.a}{.b}')).toEqual([rows[1], rows[0]])
  })

  it('throws TableSortError (kubectl then prints no table) for bad expressions and missing fields', () => {
    const rows = [{object: {a: 1}}, {object: {a: 2}}]
    expect(() => sortTableRows(rows, '{.a')).toThrow(new TableSortError('sorting error: unclosed action'))
    expect(() => sortTableRows(rows, '.b')).toThrow(new TableSortError(`couldn't find any field with path "{.b}" in the list of objects`))
  })
})

function q(s: string): Quantity {
  const parsed = parseQuantity(s)
  if (!parsed) throw new Error(`${s} does not parse`)
  return parsed
}

describe('parseQuantity and compareQuantities (resource.Quantity)', () => {
  it.each([
    ['100Mi', '1Gi', -1],
    ['500m', '1', -1],
    ['1k', '1000', 0],
    ['1e3', '1E3', 0],
    ['1e+3', '1k', 0],
    ['1Ki', '1024', 0],
    ['0.5', '.5', 0],
    ['5.', '5', 0],
    ['1.5Gi', '1536Mi', 0],
    ['-1k', '-1Ki', 1],
    ['0.1n', '1n', 0],
    ['1e-10', '1n', 0],
    ['-0.1n', '-1n', 0],
    ['8Ei', '9223372036854775807', 0],
    ['9223372036854775807Ki', '8Ei', 0],
    ['9223372036854775808', '8Ei', 1],
    ['1e100', '12345678901234567890', 1],
    ['k', '0', 0],
    ['.', '-', 0],
    ['0Ei', 'e5', 0],
    ['1.0000000001Ki', '1024.000000103', 0],
    ['123456789012345678901234567890n', '123456789012345678901.23456789', 0],
  ])('%s vs %s is %i', (a, b, cmp) => {
    expect(compareQuantities(q(a), q(b))).toBe(cmp)
    expect(compareQuantities(q(b), q(a))).toBe(0 - cmp)
  })

  it.each(['', 'abc', '1K', '1ki', '1e', ' 1', '1 ', 'Pi', 'Ei', 'e-10', '.e-10', '1e3k', '1.2.3', '0x10', '1Ki5'])('rejects %j', (s) => {
    expect(parseQuantity(s)).toBeUndefined()
  })

  it('keeps the exact value', () => {
    expect(parseQuantity('1.5Gi')).toEqual({sign: 1, coefficient: 16106127360n, exponent: -1})
    expect(parseQuantity('-2m')).toEqual({sign: -1, coefficient: 2n, exponent: -3})
    expect(parseQuantity('0.1n')).toEqual({sign: 1, coefficient: 1n, exponent: -9})
  })
})

describe('goSort (Go 1.23 sort.Sort)', () => {
  function sortWithGo(values: number[]): number[] {
    const data = [...values]
    goSort(data.length, {
      less: (i, j) => data[i] < data[j],
      swap: (i, j) => {
        ;[data[i], data[j]] = [data[j], data[i]]
      },
    })
    return data
  }

  it('sorts every length up to 300, in any starting order', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed
    }
    for (let n = 0; n <= 300; n++) {
      const values = Array.from({length: n}, () => random() % (n + 1))
      const patterns = [values, [...values].sort((a, b) => a - b), [...values].sort((a, b) => b - a), values.map(() => 3)]
      for (const p of patterns) expect(sortWithGo(p)).toEqual([...p].sort((a, b) => a - b))
    }
  })
})
