import {describe, expect, it} from 'vitest'
import {memoryIO} from '../../src/lib/io.js'
import {TabWriter} from '../../src/lib/printers/columns.js'
import {columnsFromSpec, columnsFromTemplate, CustomColumnsPrinter, customColumnsPrinterFor} from '../../src/lib/printers/custom-columns.js'
import {loadCorpus, playCase} from '../fixtures/jsonpath/corpus.js'

const corpus = loadCorpus()
const cases = corpus.cases.filter((c) => c.output?.startsWith('custom-columns'))

describe(`custom-columns output recorded from kubectl ${corpus.kubectl}`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const {actual, expected} = playCase(corpus, c)
    expect(actual).toEqual(expected)
  })
})

describe('columns', () => {
  it('parses a spec with relaxed paths', () => {
    expect(columnsFromSpec('NAME:metadata.name,RV:{.metadata.resourceVersion},X:a:b')).toEqual([
      {header: 'NAME', fieldSpec: '{.metadata.name}'},
      {header: 'RV', fieldSpec: '{.metadata.resourceVersion}'},
      {header: 'X', fieldSpec: '{.a:b}'},
    ])
  })

  it('parses a template split on any Go whitespace', () => {
    expect(columnsFromTemplate('A\u00a0B\n.a\u3000.b')).toEqual([
      {header: 'A', fieldSpec: '{.a}'},
      {header: 'B', fieldSpec: '{.b}'},
    ])
  })

  it('reads a directory as an empty template, like Go', () => {
    expect(() => customColumnsPrinterFor('custom-columns-file', '/tmp')).toThrow('error: invalid template, missing header line.')
  })
})

describe('CustomColumnsPrinter', () => {
  it('prints the header once for objects printed one by one, each laid out alone', () => {
    const io = memoryIO()
    const printer = new CustomColumnsPrinter(columnsFromSpec('NAME:.metadata.name,N:.n'), false)
    printer.printObj({metadata: {name: 'a'}, n: 1}, io.out)
    printer.printObj({metadata: {name: 'a-much-longer-name'}, n: 2}, io.out)
    expect(io.stdout()).toBe('NAME   N\na      1\na-much-longer-name   2\n')
  })

  it('writes into a TabWriter the caller shares, so widths carry across objects', () => {
    const io = memoryIO()
    const w = new TabWriter(io.out)
    const printer = new CustomColumnsPrinter(columnsFromSpec('NAME:.metadata.name,N:.n'), false)
    printer.printObj({metadata: {name: 'a-much-longer-name'}, n: 1}, w)
    printer.printObj({metadata: {name: 'b'}, n: 2}, w)
    expect(io.stdout()).toBe('')
    w.flush()
    expect(io.stdout()).toBe('NAME                 N\na-much-longer-name   1\nb                    2\n')
  })

  it('prints the header again when a list follows single objects', () => {
    const io = memoryIO()
    const printer = new CustomColumnsPrinter(columnsFromSpec('NAME:.metadata.name'), false)
    printer.printObj({metadata: {name: 'a'}}, io.out)
    printer.printObj({kind: 'List', items: [{metadata: {name: 'b'}}]}, io.out)
    printer.printObj({kind: 'List', items: []}, io.out)
    expect(io.stdout()).toBe('NAME\na\nNAME\nb\n')
  })
})
