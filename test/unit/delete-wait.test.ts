// --wait: the list and watch requests the wait makes, what ends it (a DELETED event, an object gone
// from a list, a new uid under the old name, the type itself gone), resuming closed watches, 410
// Gone, --timeout and kubectl's error for it, and a refused watch that ends the wait quietly.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {memoryIO} from '../../src/lib/io.js'
import {runDelete} from '../../src/lib/ops/delete.js'
import {type Remaining, waitForDeletion} from '../../src/lib/ops/delete-wait.js'
import {serveDiscovery, testClient, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, type RecordedRequest, type Reply, statusBody} from '../support/fake-server.js'

const configmaps: APIResource = {
  name: 'configmaps', singularName: 'configmap', namespaced: true, group: '', version: 'v1', kind: 'ConfigMap', verbs: ['delete', 'list', 'watch'], shortNames: ['cm'], categories: [],
}
const CM = '/api/v1/namespaces/ns/configmaps'

const cm = (name: string, rv: string, extra: Record<string, unknown> = {}) => ({metadata: {name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv, ...extra}})
const list = (rv: string, ...items: object[]): Reply => ({body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: rv}, items}})
const events = (...e: Array<[string, object]>): Reply => ({body: e.map(([type, object]) => JSON.stringify({type, object})).join('\n') + '\n'})
const target = (name: string) => ({resource: configmaps, namespace: 'ns', name, uid: `uid-${name}`})

let fake: FakeServer
beforeEach(async () => {
  fake = await FakeServer.start()
})
afterEach(async () => {
  await fake.close()
})

/** Answers GETs of `path` in turn, recording each as "list ?query" or "watch ?query". */
function serve(path: string, replies: Reply[], seen: string[]): void {
  fake.on(
    'GET',
    path,
    (req: RecordedRequest) => {
      seen.push(`${req.query.get('watch') ? 'watch' : 'list'} ?${req.query}`)
      return replies.shift() as Reply
    },
    {times: replies.length},
  )
}

describe('waiting for deleted objects', () => {
  it('lists one object by name, then watches from the list until it is DELETED', async () => {
    const seen: string[] = []
    serve(CM, [list('10', cm('a', '9', {finalizers: ['x/y']})), events(['MODIFIED', cm('a', '11')], ['DELETED', cm('a', '12')])], seen)
    const changes: string[][] = []
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000, onChange: (r) => changes.push(r.map(describeRemaining))})
    expect(seen).toEqual([
      'list ?fieldSelector=metadata.name%3Da',
      'watch ?fieldSelector=metadata.name%3Da&watch=1&resourceVersion=10&allowWatchBookmarks=true',
    ])
    expect(changes).toEqual([['a x/y'], ['a -'], []])
    fake.verify()
  })

  it('an object already gone takes one list and no watch', async () => {
    const seen: string[] = []
    serve(CM, [list('10')], seen)
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000})
    expect(seen).toEqual(['list ?fieldSelector=metadata.name%3Da'])
    fake.verify()
  })

  it('several objects of one type share one watch of the collection', async () => {
    const seen: string[] = []
    serve(CM, [list('10', cm('a', '5'), cm('b', '6'), cm('other', '7')), events(['DELETED', cm('other', '11')], ['DELETED', cm('b', '12')], ['DELETED', cm('a', '13')])], seen)
    await waitForDeletion(testClient(fake.url), [target('a'), target('b')], {timeoutMs: 5000})
    expect(seen).toEqual(['list ?', 'watch ?watch=1&resourceVersion=10&allowWatchBookmarks=true'])
    fake.verify()
  })

  it('the same name given twice is waited for once', async () => {
    const seen: string[] = []
    serve(CM, [list('10', cm('a', '9')), events(['DELETED', cm('a', '11')])], seen)
    await waitForDeletion(testClient(fake.url), [target('a'), {resource: configmaps, namespace: 'ns', name: 'a'}], {timeoutMs: 5000})
    expect(seen).toEqual(['list ?', 'watch ?watch=1&resourceVersion=10&allowWatchBookmarks=true'])
    fake.verify()
  })

  it('an object recreated under the same name (a new uid) is not waited for', async () => {
    const seen: string[] = []
    serve(CM, [list('10', {metadata: {name: 'a', namespace: 'ns', uid: 'uid-new', resourceVersion: '9'}})], seen)
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000})
    expect(seen).toEqual(['list ?fieldSelector=metadata.name%3Da'])
  })

  it('resumes a watch the server ended from the last resourceVersion, and re-lists after 410 Gone', async () => {
    const seen: string[] = []
    serve(
      CM,
      [
        list('10', cm('a', '9')),
        events(['BOOKMARK', {metadata: {resourceVersion: '15'}}]),
        events(['ERROR', {kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version'}]),
        list('30', cm('a', '20')),
        events(['DELETED', cm('a', '31')]),
      ],
      seen,
    )
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000})
    expect(seen.map((s) => s.replace(/&allowWatchBookmarks=true|fieldSelector=metadata.name%3Da&?/g, ''))).toEqual([
      'list ?',
      'watch ?watch=1&resourceVersion=10',
      'watch ?watch=1&resourceVersion=15',
      'list ?',
      'watch ?watch=1&resourceVersion=30',
    ])
    fake.verify()
  })

  it('a type the server no longer serves has no objects left', async () => {
    fake.on('GET', CM, statusBody(404, 'NotFound', 'the server could not find the requested resource'))
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000})
    fake.verify()
  })

  it('a watch it may not make ends the wait without failing, as in kubectl', async () => {
    fake.on('GET', CM, list('10', cm('a', '9')))
    fake.on('GET', CM, statusBody(403, 'Forbidden', 'configmaps is forbidden: User "x" cannot watch resource "configmaps"'))
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: 5000})
    fake.verify()
  })

  it('gives up at the timeout, naming the first object still there', async () => {
    fake.on('GET', CM, list('10', cm('a', '9'), cm('b', '9')))
    fake.on('GET', CM, {stall: true})
    const started = Date.now()
    await expect(waitForDeletion(testClient(fake.url), [target('a'), target('b')], {timeoutMs: 300})).rejects.toThrow(
      /^error: timed out waiting for the condition on configmaps\/a$/,
    )
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('a negative timeout looks once and does not watch', async () => {
    const seen: string[] = []
    serve(CM, [list('10', cm('a', '9')), list('10')], seen)
    await expect(waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: -1})).rejects.toThrow('error: timed out waiting for the condition on configmaps/a')
    await waitForDeletion(testClient(fake.url), [target('a')], {timeoutMs: -1})
    expect(seen).toEqual(['list ?fieldSelector=metadata.name%3Da', 'list ?fieldSelector=metadata.name%3Da'])
  })
})

describe('runDelete --wait', () => {
  let home: string
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'ktl-delete-wait-'))
  })
  afterEach(() => rmSync(home, {recursive: true, force: true}))

  const base = {
    filenames: [], recursive: false, all: false, allNamespaces: false, cascade: 'background', gracePeriod: -1, dryRun: 'none', now: false, force: false, interactive: false, yes: false,
  }

  it('waits with the uid the DELETE answered, and fails with kubectl\'s message at --timeout', async () => {
    serveDiscovery(fake, {crd: false, groups: [], times: Number.POSITIVE_INFINITY})
    const path = '/api/v1/namespaces/default/configmaps'
    fake.on('DELETE', `${path}/a`, {body: {kind: 'ConfigMap', apiVersion: 'v1', metadata: {name: 'a', uid: 'uid-a', deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['x/y']}}})
    fake.on('GET', path, {body: {kind: 'ConfigMapList', metadata: {resourceVersion: '3'}, items: [{metadata: {name: 'a', uid: 'uid-a', finalizers: ['x/y']}}]}})
    fake.on('GET', path, {stall: true})
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await expect(runDelete({...ctx, io}, {...base, args: ['cm', 'a'], wait: true, timeoutMs: 250})).rejects.toThrow(
      /^error: timed out waiting for the condition on configmaps\/a$/,
    )
    expect(io.stdout()).toBe('configmap "a" deleted\n')
    // Not a terminal: nothing but kubectl's lines.
    expect(io.stderr()).toBe('')
  })

  it('returns once the object is gone', async () => {
    serveDiscovery(fake, {crd: false, groups: ['apps'], times: Number.POSITIVE_INFINITY})
    const path = '/apis/apps/v1/namespaces/default/deployments'
    fake.on('DELETE', `${path}/web`, {body: {kind: 'Deployment', metadata: {name: 'web', uid: 'uid-web', finalizers: ['foregroundDeletion']}}})
    fake.on('GET', path, {body: {kind: 'DeploymentList', metadata: {resourceVersion: '3'}, items: [{metadata: {name: 'web', uid: 'uid-web'}}]}})
    fake.on('GET', path, {chunks: [`${JSON.stringify({type: 'DELETED', object: {metadata: {name: 'web', uid: 'uid-web', resourceVersion: '5'}}})}\n`], chunkDelayMs: 0, after: 'stall'})
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await runDelete({...ctx, io}, {...base, args: ['deploy', 'web'], cascade: 'foreground', wait: true, timeoutMs: 0})
    expect(io.stdout()).toBe('deployment.apps "web" deleted\n')
    fake.verify()
  })
})

function describeRemaining(r: Remaining): string {
  return `${r.target.name} ${r.object?.metadata?.finalizers?.join(',') ?? '-'}`
}
