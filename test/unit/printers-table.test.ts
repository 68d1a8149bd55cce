import {describe, expect, it} from 'vitest'
import {TabWriter} from '../../src/lib/printers/columns.js'
import {formatCell, formatLabels, TablePrinter} from '../../src/lib/printers/table.js'
import type {Table} from '../../src/lib/resources/objects.js'

function table(rows: Array<{cells: unknown[]; labels?: Record<string, string>; namespace?: string}>): Table {
  return {
    kind: 'Table',
    columnDefinitions: [
      {name: 'Name', type: 'string', format: 'name', priority: 0},
      {name: 'Data', type: 'integer', format: '', priority: 0},
      {name: 'Detail', type: 'string', format: '', priority: 1},
    ],
    rows: rows.map((r) => ({cells: r.cells, object: {metadata: {labels: r.labels, namespace: r.namespace}}})),
  }
}

function print(t: Table[], opts: ConstructorParameters<typeof TablePrinter>[1]): string {
  let text = ''
  const tabs = new TabWriter({write: (s: string) => (text += s)})
  const printer = new TablePrinter(tabs, opts)
  for (const x of t) printer.print(x)
  tabs.flush()
  return text
}

describe('TablePrinter', () => {
  it('hides priority columns unless wide, upper-cases headers and aligns with 3 spaces', () => {
    const t = () => table([{cells: ['a', 1, 'x']}, {cells: ['longer-name', 22, 'y']}])
    expect(print([t()], {})).toBe('NAME          DATA\na             1\nlonger-name   22\n')
    expect(print([t()], {wide: true})).toBe('NAME          DATA   DETAIL\na             1      x\nlonger-name   22     y\n')
  })

  it('adds NAMESPACE, kind prefixes, label columns and LABELS like kubectl decorates tables', () => {
    const t = table([{cells: ['a', 1, 'x'], labels: {tier: 'web', app: 'z'}, namespace: 'ns1'}])
    expect(print([t], {withNamespace: true, kind: 'configmap', columnLabels: ['app', 'example.com/tier'], showLabels: true})).toBe(
      'NAMESPACE   NAME          DATA   APP   TIER   LABELS\nns1         configmap/a   1      z            app=z,tier=web\n',
    )
  })

  it('prints the header once across chunks with the same columns, and none for empty tables', () => {
    expect(print([table([]), table([{cells: ['a', 1, '']}]), table([{cells: ['b', 2, '']}])], {})).toBe('NAME   DATA\na      1\nb      2\n')
  })
})

describe('formatCell', () => {
  it('cuts at the first line break with "..." and shows ESC as ^[', () => {
    expect(formatCell('first\nsecond')).toBe('first...')
    expect(formatCell('red \u001B[31m')).toBe('red ^[[31m')
    expect(formatCell(null)).toBe('')
    expect(formatCell(3)).toBe('3')
    expect(formatCell(true)).toBe('true')
  })
})

describe('formatLabels', () => {
  it('sorts keys, or says <none>', () => {
    expect(formatLabels({b: '2', a: '1'})).toBe('a=1,b=2')
    expect(formatLabels({})).toBe('<none>')
  })
})

describe('status colours', () => {
  it('colours status words and keeps columns aligned as if uncoloured', async () => {
    const {statusColorizer} = await import('../../src/lib/printers/status-colors.js')
    const colorize = await statusColorizer()
    const t: Table = {
      kind: 'Table',
      columnDefinitions: [
        {name: 'Name', type: 'string', format: 'name', priority: 0},
        {name: 'Status', type: 'string', format: '', priority: 0},
        {name: 'Age', type: 'string', format: '', priority: 0},
      ],
      rows: [{cells: ['a', 'Running', '1m']}, {cells: ['b', 'CrashLoopBackOff', '2m']}, {cells: ['c', 'Pending', '3m']}],
    }
    const text = print([t], {colorize})
    expect(text).toBe(
      'NAME   STATUS             AGE\n' +
        'a      \u001B[32mRunning\u001B[39m            1m\n' +
        'b      \u001B[31mCrashLoopBackOff\u001B[39m   2m\n' +
        'c      \u001B[33mPending\u001B[39m            3m\n',
    )
  })
})
