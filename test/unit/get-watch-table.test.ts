// get --watch-table: one table redrawn in place on a terminal; plain -w output anywhere else.
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import {StatusError} from '../../src/lib/errors.js'
import {memoryIO} from '../../src/lib/io.js'
import {runGet} from '../../src/lib/ops/get.js'
import {LiveTable} from '../../src/lib/printers/live-table.js'
import type {TableColumnDefinition} from '../../src/lib/resources/objects.js'
import {serveDiscovery} from '../fixtures/discovery/index.js'
import {fakeServers} from '../support/client.js'
import {GET_DEFAULTS} from '../support/get-options.js'

const COLUMNS: TableColumnDefinition[] = [
  {name: 'Name', type: 'string', format: 'name', priority: 0},
  {name: 'Data', type: 'integer', format: '', priority: 0},
  {name: 'Hidden', type: 'string', format: '', priority: 1},
]
const row = (name: string, data: number, rv = '1') => ({cells: [name, data, 'x'], object: {metadata: {name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv}}})
// Back over N drawn lines to the start of the first, then clear to the end of the screen.
const back = (n: number) => `\x1b[${n}A\r\x1b[J`

describe('LiveTable', () => {
  it('draws nothing until started, then redraws the whole table over the last drawing at each change', () => {
    const io = memoryIO({tty: true})
    const live = new LiveTable(io.out, {})
    live.set('a', row('a', 1), COLUMNS)
    live.set('b', row('b', 2), COLUMNS)
    expect(io.stdout()).toBe('')
    live.start()
    live.set('a', row('a-long-name', 10), COLUMNS)
    live.set('c', row('c', 3), COLUMNS)
    live.delete('b')
    live.delete('nothing')
    expect(io.stdout()).toBe(
      'NAME   DATA\na      1\nb      2\n' +
        `${back(3)}NAME          DATA\na-long-name   10\nb             2\n` +
        `${back(3)}NAME          DATA\na-long-name   10\nb             2\nc             3\n` +
        `${back(4)}NAME          DATA\na-long-name   10\nc             3\n`,
    )
  })

  it('counts wrapped lines when going back, and the rows a short terminal cannot show', () => {
    const io = memoryIO({tty: true})
    const live = new LiveTable(io.out, {}, () => ({rows: 4, columns: 8}))
    live.start()
    live.set('a', row('a', 1), COLUMNS)
    live.set('b', row('b', 2), COLUMNS)
    live.set('c', row('c', 3), COLUMNS)
    // "NAME   DATA" is 11 columns wide: two lines on an 8-column terminal.
    expect(io.stdout()).toBe(
      'NAME   DATA\na      1\n' +
        `${back(3)}NAME   DATA\na      1\nb      2\n` +
        `${back(4)}NAME   DATA\na      1\n... 2 more rows (the terminal is too short to show them)\n`,
    )
  })

  it('removes the header with the last row', () => {
    const io = memoryIO({tty: true})
    const live = new LiveTable(io.out, {})
    live.set('a', row('a', 1), COLUMNS)
    live.start()
    live.delete('a')
    expect(io.stdout()).toBe(`NAME   DATA\na      1\n${back(2)}`)
  })
})

const start = fakeServers()

const table = (rv: string, ...rows: object[]) => ({kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {resourceVersion: rv}, columnDefinitions: COLUMNS, rows})
const events = (...e: Array<[string, object]>) => e.map(([type, object]) => JSON.stringify({type, object})).join('\n') + '\n'

async function watchTable(tty: boolean) {
  const fake = await start()
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
  const replies = [
    () => ({headers: {'content-type': 'application/json'}, body: table('10', row('a', 1, '5'), row('b', 2, '6'))}),
    () => ({
      headers: {'content-type': 'application/json'},
      body: events(['MODIFIED', table('', row('a', 7, '11'))], ['ADDED', table('', row('c', 3, '12'))], ['DELETED', table('', row('b', 2, '13'))]),
    }),
  ]
  fake.on('GET', '/api/v1/namespaces/ns/configmaps', () => replies.shift()!(), {times: 2})
  const io = memoryIO({tty})
  const ctx = createCtx({io, overrides: {server: fake.url, namespace: 'ns'}, env: {}, homeDir: mkdtempSync(join(tmpdir(), 'ktl-watch-table-'))})
  const run = runGet(ctx, {...GET_DEFAULTS, args: ['configmaps'], watchTable: true})
  // The watch ends with the server's answer to the next watch request, which has no route (599).
  await expect(run).rejects.toBeInstanceOf(StatusError)
  expect(fake.unexpected.map((r) => r.query.get('resourceVersion'))).toEqual(['13'])
  return io.stdout()
}

describe('get --watch-table', () => {
  it('on a terminal: the table redrawn in place, b removed, c added at the end', async () => {
    expect(await watchTable(true)).toBe(
      'NAME   DATA\na      1\nb      2\n' +
        `${back(3)}NAME   DATA\na      7\nb      2\n` +
        `${back(3)}NAME   DATA\na      7\nb      2\nc      3\n` +
        `${back(4)}NAME   DATA\na      7\nc      3\n`,
    )
  })

  it('piped: the changes one per line, as --watch prints them', async () => {
    expect(await watchTable(false)).toBe('NAME   DATA\na      1\nb      2\na      7\nc      3\nb      2\n')
  })
})
