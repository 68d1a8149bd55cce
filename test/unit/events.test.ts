// events: sorting by time as Go's sort.Sort does, the LAST SEEN cell, the table, flag checks, and
// -w against the fake server.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {memoryIO} from '../../src/lib/io.js'
import {EventTable, eventInterval, parseEventTypes, runEvents, sortEvents, splitFor} from '../../src/lib/ops/events.js'
import {TabWriter} from '../../src/lib/printers/columns.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

const NOW = Date.parse('2026-12-07T12:00:00Z')
const ago = (seconds: number, micros = '') => new Date(NOW - seconds * 1000).toISOString().replace(/\.\d+Z$/, micros ? `.${micros}Z` : 'Z')

describe('sortEvents', () => {
  it('orders by series, then lastTimestamp, then eventTime, to the microsecond', () => {
    const events = [
      {id: 'series', series: {lastObservedTime: ago(10, '000001')}, lastTimestamp: ago(1)},
      {id: 'last', lastTimestamp: ago(30)},
      {id: 'micro-late', eventTime: ago(10, '000002')},
      {id: 'micro-early', eventTime: ago(10, '000000')},
      {id: 'none'},
    ]
    expect(sortEvents(events).map((e) => e.id)).toEqual(['none', 'last', 'micro-early', 'series', 'micro-late'])
  })

  it('leaves equal times where Go would (insertion sort below 13 elements keeps them in order)', () => {
    const events = Array.from({length: 5}, (_, i) => ({id: i, lastTimestamp: ago(5)}))
    expect(sortEvents(events).map((e) => e.id)).toEqual([0, 1, 2, 3, 4])
  })
})

describe('eventInterval', () => {
  it('shows the age, or the count and first time for repeated events', () => {
    expect(eventInterval({firstTimestamp: ago(90), lastTimestamp: ago(90), count: 1}, NOW)).toBe('90s')
    expect(eventInterval({firstTimestamp: ago(600), lastTimestamp: ago(5), count: 4}, NOW)).toBe('5s (x4 over 10m)')
    expect(eventInterval({eventTime: ago(120, '000000'), series: {count: 3, lastObservedTime: ago(2, '000000')}}, NOW)).toBe('2s (x3 over 2m)')
    expect(eventInterval({}, NOW)).toBe('<unknown>')
  })
})

describe('EventTable', () => {
  const event = {
    metadata: {namespace: 'ns1'},
    firstTimestamp: ago(3),
    lastTimestamp: ago(3),
    count: 1,
    type: 'Warning',
    reason: 'BackOff',
    involvedObject: {kind: 'Pod', name: 'p1'},
    message: '  Back-off restarting \x1b[31mfailed\x1b[0m container \n',
  }

  it("prints kubectl's columns, escaping terminal sequences and trimming the message", () => {
    const io = memoryIO()
    const tabs = new TabWriter(io.out)
    const table = new EventTable(tabs, {noHeaders: false, allNamespaces: false, now: () => NOW})
    table.print(event)
    table.print({...event, reason: 'Pulled', type: 'Normal', message: 'ok'})
    tabs.flush()
    expect(io.stdout()).toBe(
      'LAST SEEN   TYPE      REASON    OBJECT   MESSAGE\n' +
        '3s          Warning   BackOff   Pod/p1   Back-off restarting ^[[31mfailed^[[0m container\n' +
        '3s          Normal    Pulled    Pod/p1   ok\n',
    )
  })

  it('adds NAMESPACE with -A and leaves the heading out with --no-headers', () => {
    const io = memoryIO()
    const tabs = new TabWriter(io.out)
    new EventTable(tabs, {noHeaders: true, allNamespaces: true, now: () => NOW}).print({...event, message: 'm'})
    tabs.flush()
    expect(io.stdout()).toBe('ns1   3s    Warning   BackOff   Pod/p1   m\n')
  })
})

describe('flag checks', () => {
  it("reads --types as kubectl does and refuses others with kubectl's error", () => {
    expect(parseEventTypes(['Normal,warning', 'WARNING'])).toEqual(['normal', 'warning', 'warning'])
    expect(() => parseEventTypes(['Normal,Bogus'])).toThrow(/^error: valid --types are Normal or Warning$/)
  })

  it('wants --for as TYPE/NAME', () => {
    expect(splitFor('Deployment.apps/web')).toEqual({type: 'deployment.apps', name: 'web'})
    expect(() => splitFor('web')).toThrow(/^error: --for must be in resource\/name form$/)
    expect(() => splitFor('a/b/c')).toThrow(/^error: arguments in resource\/name form may not have more than one slash$/)
  })
})

describe('runEvents against the fake server', () => {
  let fake: FakeServer
  let home: string
  beforeEach(async () => {
    fake = await FakeServer.start()
    home = mkdtempSync(join(tmpdir(), 'ktl-events-'))
  })
  afterEach(async () => {
    await fake.close()
    rmSync(home, {recursive: true, force: true})
  })

  const EVENTS = '/api/v1/namespaces/default/events'
  const ev = (name: string, type: string, seconds: number, rv: string) => ({
    metadata: {name, namespace: 'default', resourceVersion: rv},
    lastTimestamp: ago(seconds),
    firstTimestamp: ago(seconds),
    count: 1,
    type,
    reason: 'R',
    involvedObject: {kind: 'Pod', name: 'p1'},
    message: name,
  })

  it('lists sorted by time, with --for turned into a field selector', async () => {
    serveDiscovery(fake, {crd: false, groups: [], times: Number.POSITIVE_INFINITY})
    fake.on('GET', EVENTS, (req) => {
      expect(req.query.get('fieldSelector')).toBe('involvedObject.kind=Pod,involvedObject.apiVersion=v1,involvedObject.name=p1')
      expect(req.query.get('limit')).toBe('500')
      return {body: {kind: 'EventList', apiVersion: 'v1', metadata: {}, items: [ev('newer', 'Normal', 5, '2'), ev('older', 'Normal', 50, '1')]}}
    })
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await runEvents({...ctx, io}, {allNamespaces: false, for: 'po/p1', types: [], watch: false, noHeaders: true, chunkSize: 500, now: () => NOW})
    expect(io.stdout()).toBe('50s   Normal   R     Pod/p1   older\n5s    Normal   R     Pod/p1   newer\n')
    fake.verify()
  })

  it('-w prints events as they come, skipping deletions and filtered types', async () => {
    const lines = [
      {type: 'ADDED', object: ev('first', 'Normal', 10, '3')},
      {type: 'ADDED', object: ev('warned', 'Warning', 9, '4')},
      {type: 'DELETED', object: ev('first', 'Normal', 10, '5')},
      {type: 'MODIFIED', object: ev('again', 'Normal', 1, '6')},
    ].map((e) => `${JSON.stringify(e)}\n`)
    fake.on('GET', EVENTS, (req) => {
      expect(req.query.get('watch')).toBe('1')
      expect(req.query.get('resourceVersion')).toBeNull()
      return {chunks: lines, chunkDelayMs: 5}
    })
    // The watch the server ended is resumed from the last event seen.
    fake.on('GET', EVENTS, (req) => {
      expect(req.query.get('resourceVersion')).toBe('6')
      return {stall: true}
    })
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    const controller = new AbortController()
    const run = runEvents({...ctx, io}, {allNamespaces: false, types: ['Normal'], watch: true, noHeaders: false, chunkSize: 500, now: () => NOW, signal: controller.signal})
    for (let i = 0; i < 100 && fake.requests.length < 2; i++) await new Promise((r) => setTimeout(r, 20))
    controller.abort()
    await run
    expect(io.stdout()).toBe('LAST SEEN   TYPE     REASON   OBJECT   MESSAGE\n10s         Normal   R        Pod/p1   first\n1s          Normal   R        Pod/p1   again\n')
    fake.verify()
  })

  it('-w waits longer each time the server ends a watch at once with nothing in it, instead of spinning', async () => {
    const at: number[] = []
    fake.always('GET', EVENTS, () => (at.push(Date.now()), {body: ''}))
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    const controller = new AbortController()
    const run = runEvents({...ctx, io}, {allNamespaces: false, types: [], watch: true, noHeaders: false, chunkSize: 500, now: () => NOW, signal: controller.signal})
    await expect.poll(() => at.length, {timeout: 5000}).toBe(3)
    controller.abort()
    await run
    // 250 ms, then 500 ms (less the time the request itself took).
    expect(at.slice(1).map((t, i) => t - at[i] >= 240 * 2 ** i)).toEqual([true, true])
    expect(io.stdout()).toBe('')
    fake.verify()
  })
})
