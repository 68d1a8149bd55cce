import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {memoryIO} from '../../src/lib/io.js'
import {parseOutputFormat} from '../../src/lib/ops/get-output.js'
import {runWatch} from '../../src/lib/ops/get-watch.js'
import {FakeServer, type RecordedRequest} from '../support/fake-server.js'

const configmaps: APIResource = {
  name: 'configmaps', singularName: 'configmap', namespaced: true, group: '', version: 'v1', kind: 'ConfigMap', verbs: ['list', 'watch'], shortNames: ['cm'], categories: [],
}

const cm = (name: string, rv: string) => ({metadata: {name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv}})
const list = (rv: string, ...items: object[]) => ({kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: rv}, items})
const events = (...e: Array<[string, object]>) => e.map(([type, object]) => JSON.stringify({type, object})).join('\n') + '\n'

let fake: FakeServer
afterEach(async () => {
  await fake?.close()
})

function watchCtx() {
  const io = memoryIO()
  const ctx = createCtx({io, overrides: {server: fake.url}, env: {}, homeDir: mkdtempSync(join(tmpdir(), 'ktl-watch-'))})
  return {io, ctx}
}

const watchOpts = {watchOnly: false, outputWatchEvents: true, allNamespaces: false, noHeaders: false, wide: false, showKind: false, labelColumns: [], showLabels: false}

describe('get --watch', () => {
  it('resumes a watch the server closed from the last resourceVersion, printing each change once', async () => {
    fake = await FakeServer.start()
    const seen: string[] = []
    const replies = [
      () => ({body: list('10', cm('a', '5'))}),
      () => ({body: events(['ADDED', cm('b', '11')])}),
      () => ({body: events(['MODIFIED', cm('a', '12')])}),
    ]
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', (req: RecordedRequest) => {
      seen.push(req.query.get('watch') ? `watch from ${req.query.get('resourceVersion')}` : 'list')
      return replies.shift()!()
    }, {times: 3})
    const {io, ctx} = watchCtx()
    await runWatch(ctx, [{resource: configmaps, namespace: 'ns'}], await parseOutputFormat('name'), {...watchOpts, maxEvents: 3})
    expect(io.stdout()).toBe('configmap/a\nconfigmap/b\nconfigmap/a\n')
    expect(seen).toEqual(['list', 'watch from 10', 'watch from 11'])
    fake.verify()
  })

  it('re-lists after 410 Gone and prints only what changed, deletions included', async () => {
    fake = await FakeServer.start()
    const replies = [
      () => ({body: list('10', cm('a', '5'), cm('b', '6'))}),
      () => ({body: events(['ERROR', {kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version'}])}),
      () => ({body: list('20', cm('a', '5'), cm('c', '19'))}),
      () => ({body: events(['MODIFIED', cm('c', '21')])}),
    ]
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', () => replies.shift()!(), {times: 4})
    const {io, ctx} = watchCtx()
    await runWatch(ctx, [{resource: configmaps, namespace: 'ns'}], await parseOutputFormat('json'), {...watchOpts, maxEvents: 5})
    const lines = io.stdout().trim().split('\n').map((l) => JSON.parse(l) as {type: string; object: {metadata: {name: string}}})
    expect(lines.map((l) => `${l.type} ${l.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b', 'ADDED c', 'DELETED b', 'MODIFIED c'])
    fake.verify()
  })

  it('waits for a server that restarts, then resumes from the last resourceVersion', async () => {
    fake = await FakeServer.start()
    const port = Number(new URL(fake.url).port)
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {body: list('10', cm('a', '5'))})
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {headers: {'content-type': 'application/json'}, chunks: [events(['ADDED', cm('b', '11')])], after: 'stall'})
    const {io, ctx} = watchCtx()
    const watching = runWatch(ctx, [{resource: configmaps, namespace: 'ns'}], await parseOutputFormat('name'), {...watchOpts, maxEvents: 3})
    await expect.poll(() => io.stdout()).toBe('configmap/a\nconfigmap/b\n')
    await fake.close()
    // Refused for a moment, then the server is back where it was.
    await new Promise((resolve) => setTimeout(resolve, 700))
    fake = await FakeServer.start({port})
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {body: events(['MODIFIED', cm('a', '12')])})
    await watching
    expect(io.stdout()).toBe('configmap/a\nconfigmap/b\nconfigmap/a\n')
    expect(fake.requests.map((r) => r.query.get('resourceVersion'))).toEqual(['11'])
    fake.verify()
  })

  it('gives up with kubectl\'s refused line once the server has stayed away for the reconnect window', async () => {
    fake = await FakeServer.start()
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {body: list('10', cm('a', '5'))})
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {headers: {'content-type': 'application/json'}, chunks: [events(['ADDED', cm('b', '11')])], after: 'stall'})
    const {io, ctx} = watchCtx()
    const watching = runWatch(ctx, [{resource: configmaps, namespace: 'ns'}], await parseOutputFormat('name'), {...watchOpts, reconnectWindowMs: 1000})
    await expect.poll(() => io.stdout()).toBe('configmap/a\nconfigmap/b\n')
    const host = fake.host
    await fake.close()
    const started = Date.now()
    await expect(watching).rejects.toThrow(`The connection to the server ${host} was refused - did you specify the right host or port?`)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('waits longer each time the server ends a watch at once with nothing in it, instead of spinning', async () => {
    fake = await FakeServer.start()
    const at: number[] = []
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', {body: list('10', cm('a', '5'))})
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', () => (at.push(Date.now()), {body: ''}), {times: 3})
    fake.on('GET', '/api/v1/namespaces/ns/configmaps', () => (at.push(Date.now()), {body: events(['ADDED', cm('b', '11')])}))
    const {io, ctx} = watchCtx()
    await runWatch(ctx, [{resource: configmaps, namespace: 'ns'}], await parseOutputFormat('name'), {...watchOpts, maxEvents: 2})
    expect(io.stdout()).toBe('configmap/a\nconfigmap/b\n')
    const gaps = at.slice(1).map((t, i) => t - at[i])
    // 250 ms, 500 ms, 1 s (less the time the request itself took).
    expect(gaps.map((g, i) => g >= 240 * 2 ** i)).toEqual([true, true, true])
    fake.verify()
  })

  it('refuses several resource types, as kubectl does', async () => {
    fake = await FakeServer.start()
    const {ctx} = watchCtx()
    const secrets = {...configmaps, name: 'secrets', kind: 'Secret'}
    await expect(runWatch(ctx, [{resource: configmaps}, {resource: secrets}], await parseOutputFormat(''), watchOpts)).rejects.toThrow(
      'error: you may only specify a single resource type',
    )
  })
})
