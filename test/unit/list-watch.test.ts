// listAndWatch, the reflector loop under get -w, delete --wait, wait, rollout status and events -w,
// against the fake server: resuming from the last resourceVersion, bookmarks, 410 Gone both ways, a
// connection lost mid-stream, the waits after watches that end empty, reconnecting, abort, deadline.
import {Readable} from 'node:stream'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {KubeClient} from '../../src/lib/client/types.js'
import {ConnectionError, StatusError} from '../../src/lib/errors.js'
import {listAndWatch, type ListWatchOptions, watchEvents} from '../../src/lib/resources/list-watch.js'
import type {KubeObject, ObjectList} from '../../src/lib/resources/objects.js'
import {testClient} from '../fixtures/discovery/index.js'
import {FakeServer, type RecordedRequest, type Reply, statusBody} from '../support/fake-server.js'

const CM = '/api/v1/namespaces/ns/configmaps'
const cm = (name: string, rv: string) => ({metadata: {name, namespace: 'ns', resourceVersion: rv}})
const list = (rv: string, ...items: object[]): Reply => ({body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: rv}, items}})
const line = (type: string, object: object) => `${JSON.stringify({type, object})}\n`
const events = (...e: Array<[string, object]>): Reply => ({headers: {'content-type': 'application/json'}, body: e.map(([type, object]) => line(type, object)).join('')})
const GONE = {kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 410, reason: 'Expired', message: 'too old resource version: 10 (20)'}

let fake: FakeServer
beforeEach(async () => {
  fake = await FakeServer.start()
})
afterEach(async () => {
  await fake.close()
})

/** Answers GETs of CM in turn, recording each as "list" or "watch from RV" (bookmarks asked for, or not). */
function serve(replies: Reply[], seen: string[]): void {
  fake.on(
    'GET',
    CM,
    (req: RecordedRequest) => {
      const bookmarks = req.query.get('allowWatchBookmarks') === 'true' ? '' : ' (no bookmarks)'
      seen.push(req.query.get('watch') === '1' ? `watch from ${req.query.get('resourceVersion') ?? '-'}${bookmarks}` : `list${req.query.get('limit') ? ' limit' : ''}`)
      return replies.shift() as Reply
    },
    {times: replies.length},
  )
}

/** A watch of CM that records what it hears and stops after `stopAfter` events; waits are recorded, not waited. */
function watcher(client: KubeClient, stopAfter: number, extra: Partial<ListWatchOptions> = {}) {
  const heard: string[] = []
  const lists: string[] = []
  const waits: number[] = []
  const opts: ListWatchOptions = {
    client,
    path: CM,
    list: async (relist, signal) => {
      const {data} = await client.request<ObjectList>({path: CM, signal})
      lists.push(`${relist ? 'relist' : 'list'}: ${data.items.map((o) => o.metadata?.name).join(',')}`)
      return data.metadata?.resourceVersion
    },
    onEvent: (event) => heard.push(`${event.type} ${event.object.metadata?.name}`),
    done: () => heard.length >= stopAfter,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  }
  return {opts, heard, lists, waits}
}

describe('listAndWatch', () => {
  it('lists, then resumes each watch the server ends from the last resourceVersion it saw', async () => {
    const seen: string[] = []
    serve([list('10', cm('a', '5')), events(['ADDED', cm('b', '11')]), events(['MODIFIED', cm('a', '12')], ['DELETED', cm('b', '13')])], seen)
    const w = watcher(testClient(fake.url), 3)
    expect(await listAndWatch(w.opts)).toBe('done')
    expect(seen).toEqual(['list', 'watch from 10', 'watch from 11'])
    expect(w.lists).toEqual(['list: a'])
    expect(w.heard).toEqual(['ADDED b', 'MODIFIED a', 'DELETED b'])
    expect(w.waits).toEqual([])
    fake.verify()
  })

  it('sends the selectors on the watch, and stops without watching when the list is enough', async () => {
    fake.on('GET', CM, (req) => {
      expect(`${req.query}`).toBe('labelSelector=app%3Dweb&watch=1&resourceVersion=10&allowWatchBookmarks=true')
      return events(['ADDED', cm('b', '11')])
    })
    const client = testClient(fake.url)
    const stopAfterList = await listAndWatch({client, path: CM, list: async () => '10', onEvent: () => undefined, done: () => true})
    expect(stopAfterList).toBe('done')
    const w = watcher(client, 1, {list: async () => '10', query: {labelSelector: 'app=web'}})
    expect(await listAndWatch(w.opts)).toBe('done')
    expect(w.heard).toEqual(['ADDED b'])
    fake.verify()
  })

  it('moves on to a BOOKMARK\'s resourceVersion without passing the bookmark on', async () => {
    const seen: string[] = []
    serve([list('10'), events(['BOOKMARK', {kind: 'ConfigMap', metadata: {resourceVersion: '15'}}]), events(['ADDED', cm('a', '16')])], seen)
    const w = watcher(testClient(fake.url), 1)
    await listAndWatch(w.opts)
    expect(seen).toEqual(['list', 'watch from 10', 'watch from 15'])
    expect(w.heard).toEqual(['ADDED a'])
    // A bookmark is an event: the watch that held only one was open, so no wait.
    expect(w.waits).toEqual([])
    fake.verify()
  })

  it('re-lists after a 410 Gone answer to the watch request, after a short wait, then watches from the new list', async () => {
    const seen: string[] = []
    serve([list('10', cm('a', '5')), statusBody(410, 'Expired', 'too old resource version: 10 (20)'), list('20', cm('a', '5'), cm('c', '19')), events(['MODIFIED', cm('c', '21')])], seen)
    const w = watcher(testClient(fake.url), 1)
    await listAndWatch(w.opts)
    expect(seen).toEqual(['list', 'watch from 10', 'list', 'watch from 20'])
    expect(w.lists).toEqual(['list: a', 'relist: a,c'])
    expect(w.heard).toEqual(['MODIFIED c'])
    expect(w.waits).toEqual([250])
    fake.verify()
  })

  it('re-lists after a 410 Gone ERROR event, dropping what followed it in that watch', async () => {
    const seen: string[] = []
    serve([list('10', cm('a', '5')), events(['ADDED', cm('b', '11')], ['ERROR', GONE], ['ADDED', cm('never', '12')]), list('20', cm('a', '5'), cm('b', '11')), events(['DELETED', cm('a', '21')])], seen)
    const w = watcher(testClient(fake.url), 2)
    await listAndWatch(w.opts)
    expect(seen).toEqual(['list', 'watch from 10', 'list', 'watch from 20'])
    expect(w.heard).toEqual(['ADDED b', 'DELETED a'])
    expect(w.waits).toEqual([])
    fake.verify()
  })

  it('throws any other ERROR event as the server\'s Status', async () => {
    serve([list('10'), events(['ERROR', {kind: 'Status', status: 'Failure', code: 500, reason: 'InternalError', message: 'etcd is unhappy'}])], [])
    const w = watcher(testClient(fake.url), 1)
    const run = listAndWatch(w.opts)
    await expect(run).rejects.toBeInstanceOf(StatusError)
    await expect(run).rejects.toThrow('etcd is unhappy')
  })

  it('resumes after the connection drops mid-stream, from the last whole event', async () => {
    const seen: string[] = []
    const cut = line('MODIFIED', cm('a', '12')).slice(0, 20)
    serve(
      [
        list('10', cm('a', '5')),
        {headers: {'content-type': 'application/json'}, chunks: [line('ADDED', cm('b', '11')), cut], after: 'destroy'},
        // A line the server's clean end cut short is dropped the same way.
        {headers: {'content-type': 'application/json'}, chunks: [line('ADDED', cm('c', '13')), cut]},
        events(['MODIFIED', cm('a', '14')]),
      ],
      seen,
    )
    const w = watcher(testClient(fake.url), 3)
    await listAndWatch(w.opts)
    expect(seen).toEqual(['list', 'watch from 10', 'watch from 11', 'watch from 13'])
    expect(w.heard).toEqual(['ADDED b', 'ADDED c', 'MODIFIED a'])
    fake.verify()
  })

  it('waits ever longer, up to 4 s, before re-opening watches the server ends at once and empty, and starts over after one that was not', async () => {
    const seen: string[] = []
    const empty: Reply = {headers: {'content-type': 'application/json'}, body: ''}
    serve([list('10'), empty, empty, empty, empty, empty, empty, empty, events(['ADDED', cm('a', '11')]), empty, events(['ADDED', cm('b', '12')])], seen)
    const w = watcher(testClient(fake.url), 2)
    await listAndWatch(w.opts)
    expect(w.waits).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000, 250])
    expect(seen.slice(-3)).toEqual(['watch from 10', 'watch from 11', 'watch from 11'])
    expect(w.heard).toEqual(['ADDED a', 'ADDED b'])
    fake.verify()
  })

  it('stops quietly when aborted, watching or waiting', async () => {
    serve([list('10'), {stall: true}], [])
    const controller = new AbortController()
    const client = testClient(fake.url)
    const watching = listAndWatch({...watcher(client, 1).opts, signal: controller.signal})
    await expect.poll(() => fake.requests.length).toBe(2)
    controller.abort()
    expect(await watching).toBe('aborted')

    serve([list('10'), {headers: {'content-type': 'application/json'}, body: ''}], [])
    const again = new AbortController()
    const waited: number[] = []
    // Aborted during the wait after an empty watch: no further request (the strict route table would fail it).
    const sleep = async (ms: number) => void (waited.push(ms), again.abort())
    expect(await listAndWatch({...watcher(client, 1).opts, signal: again.signal, sleep})).toBe('aborted')
    expect(waited).toEqual([250])
    fake.verify()
  })

  it('ends at the deadline, failures after it included, and not before the list', async () => {
    serve([list('10'), {stall: true}], [])
    const w = watcher(testClient(fake.url), 1)
    expect(await listAndWatch({...w.opts, deadline: Date.now() + 200})).toBe('deadline')
    expect(w.lists).toEqual(['list: '])
    // A deadline already past stops the first list.
    expect(await listAndWatch({...w.opts, deadline: Date.now() - 1})).toBe('deadline')
    expect(w.lists).toEqual(['list: '])
    fake.verify()
  })

  it('lets what onEvent throws end the watch, rather than resuming', async () => {
    serve([list('10'), events(['DELETED', cm('a', '11')])], [])
    const w = watcher(testClient(fake.url), 5, {
      onEvent: () => {
        throw new Error('object has been deleted')
      },
    })
    await expect(listAndWatch(w.opts)).rejects.toThrow('object has been deleted')
    fake.verify()
  })

  it('fails at once on a server it cannot reach, unless told to wait for it', async () => {
    const port = Number(new URL(fake.url).port)
    fake.on('GET', CM, list('10'))
    fake.on('GET', CM, {headers: {'content-type': 'application/json'}, chunks: [line('ADDED', cm('a', '11'))], after: 'stall'})
    const client = testClient(fake.url)
    const host = fake.host
    // The server goes away while the first watch is open.
    const closeOnFirst = {onEvent: () => void fake.close()}
    const once = watcher(client, 2, closeOnFirst)
    await expect(listAndWatch(once.opts)).rejects.toThrow(`The connection to the server ${host} was refused - did you specify the right host or port?`)
    await expect(listAndWatch(once.opts)).rejects.toBeInstanceOf(ConnectionError)

    fake = await FakeServer.start({port})
    fake.on('GET', CM, list('10'))
    fake.on('GET', CM, {headers: {'content-type': 'application/json'}, chunks: [line('ADDED', cm('a', '11'))], after: 'stall'})
    let back: FakeServer | undefined
    const waits: number[] = []
    // Refused twice; the server is back where it was during the second wait.
    const sleep = async (ms: number) => {
      waits.push(ms)
      if (waits.length < 2) return
      back = await FakeServer.start({port})
      back.on('GET', CM, events(['ADDED', cm('b', '12')]))
    }
    const patient = watcher(client, 2, {reconnectWindowMs: 30_000, sleep})
    patient.opts.onEvent = (event) => {
      patient.heard.push(`${event.type} ${event.object.metadata?.name}`)
      if (patient.heard.length === 1) void fake.close()
    }
    expect(await listAndWatch(patient.opts)).toBe('done')
    expect(patient.heard).toEqual(['ADDED a', 'ADDED b'])
    expect(waits).toEqual([250, 500])
    expect(back?.requests.map((r) => r.query.get('resourceVersion'))).toEqual(['11'])
    back?.verify()
    await back?.close()
  })
})

describe('watchEvents', () => {
  it('reads one JSON event a line, blank lines skipped, a character split across chunks kept whole', async () => {
    const text = `${line('ADDED', cm('é-a', '1'))}\n  \n${line('DELETED', cm('b', '2')).trimEnd()}`
    const bytes = Buffer.from(text)
    const split = bytes.indexOf(Buffer.from('é')) + 1
    const read: string[] = []
    for await (const e of watchEvents<KubeObject>(Readable.from([bytes.subarray(0, split), bytes.subarray(split)]))) read.push(`${e.type} ${e.object.metadata?.name}`)
    expect(read).toEqual(['ADDED é-a', 'DELETED b'])
  })
})
