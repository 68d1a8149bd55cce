// What ktl adds on a terminal: the progress of the wait on stderr (drawn in place, erased at the
// end), the question before --all and -A deletes, and kubectl's coloured Warning; and that none of
// it happens when the streams are not terminals.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Ctx} from '../../src/lib/context.js'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {memoryIO} from '../../src/lib/io.js'
import {type DeleteOptions, runDelete} from '../../src/lib/ops/delete.js'
import {progressLines} from '../../src/lib/ops/delete-progress.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, type RecordedRequest} from '../support/fake-server.js'

const configmaps: APIResource = {
  name: 'configmaps', singularName: 'configmap', namespaced: true, group: '', version: 'v1', kind: 'ConfigMap', verbs: [], shortNames: ['cm'], categories: [],
}
const pods: APIResource = {...configmaps, name: 'pods', singularName: 'pod', kind: 'Pod', shortNames: ['po']}
const deployments: APIResource = {...configmaps, name: 'deployments', singularName: 'deployment', kind: 'Deployment', group: 'apps', shortNames: ['deploy']}

const HEAD = (n: number) => `Waiting for ${n} ${n === 1 ? 'object' : 'objects'} to be deleted (Ctrl-C stops the wait, not the deletion):`

describe('progress lines', () => {
  it('say what each object waits on', () => {
    const lines = progressLines(
      [
        {target: {resource: configmaps, namespace: 'a', name: 'fin'}, object: {metadata: {finalizers: ['example.com/hold', 'x/y']}}},
        {target: {resource: deployments, namespace: 'a', name: 'web'}, object: {metadata: {finalizers: ['foregroundDeletion']}}},
        {target: {resource: pods, namespace: 'b', name: 'web-1'}, object: {metadata: {deletionGracePeriodSeconds: 30}}},
        {target: {resource: configmaps, namespace: 'b', name: 'plain'}},
      ],
      true,
    )
    expect(lines).toEqual([
      HEAD(4),
      '  configmap/fin -n a: waiting for finalizers example.com/hold, x/y',
      '  deployment.apps/web -n a: waiting for finalizers foregroundDeletion',
      '  pod/web-1 -n b: terminating (grace period 30s)',
      '  configmap/plain -n b: deleting',
    ])
  })

  it('stop at ten lines', () => {
    const remaining = Array.from({length: 12}, (_, i) => ({target: {resource: configmaps, namespace: 'a', name: `cm-${i}`}}))
    const lines = progressLines(remaining, false)
    expect(lines).toHaveLength(11)
    expect(lines[9]).toBe('  configmap/cm-8: deleting')
    expect(lines[10]).toBe('  ... and 3 more')
  })
})

describe('runDelete on a terminal', () => {
  let fake: FakeServer
  let home: string
  beforeEach(async () => {
    fake = await FakeServer.start()
    home = mkdtempSync(join(tmpdir(), 'ktl-delete-tty-'))
    serveDiscovery(fake, {crd: false, groups: [], times: Number.POSITIVE_INFINITY})
  })
  afterEach(async () => {
    await fake.close()
    rmSync(home, {recursive: true, force: true})
  })

  const CM = '/api/v1/namespaces/default/configmaps'
  const defaults: DeleteOptions = {
    args: [], filenames: [], recursive: false, all: false, allNamespaces: false, cascade: 'background', gracePeriod: -1, timeoutMs: 0, dryRun: 'none',
    now: false, force: false, wait: false, interactive: false, yes: false, progressDelayMs: 60_000,
  }

  function setup(tty: boolean, stdin = ''): {ctx: Ctx; io: ReturnType<typeof memoryIO>} {
    const io = memoryIO({tty, stdin})
    const {ctx} = testCtx(fake.url, home)
    return {io, ctx: {...ctx, io}}
  }

  const status = (name: string) => ({body: {kind: 'Status', status: 'Success', details: {name, kind: 'configmaps', uid: `uid-${name}`}}})
  const items = (...names: string[]) => ({body: {kind: 'ConfigMapList', metadata: {resourceVersion: '4'}, items: names.map((name) => ({metadata: {name, namespace: 'default'}}))}})

  it('shows the object being deleted, then what is left while waiting, and erases both', async () => {
    fake.on('DELETE', `${CM}/a`, {...status('a'), delayMs: 200})
    fake.on('GET', CM, {body: {kind: 'ConfigMapList', metadata: {resourceVersion: '4'}, items: [{metadata: {name: 'a', uid: 'uid-a', finalizers: ['x/y']}}]}})
    const gone = `${JSON.stringify({type: 'DELETED', object: {metadata: {name: 'a', uid: 'uid-a', resourceVersion: '6'}}})}\n`
    fake.on('GET', CM, {chunks: ['', gone], chunkDelayMs: 400, after: 'stall'})
    const {ctx, io} = setup(true)
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], wait: true, progressDelayMs: 0})
    expect(io.stdout()).toBe('configmap "a" deleted\n')
    expect(io.stderr()).toBe(`\x1b[?7l\x1b[JDeleting 1/1: configmap/a\n\x1b[?7h\x1b[1A\x1b[J\x1b[?7l\x1b[J${HEAD(1)}\n  configmap/a: waiting for finalizers x/y\n\x1b[?7h\x1b[2A\x1b[J`)
    fake.verify()
  })

  for (const [tty, stderr] of [
    [true, '\x1b[?7l\x1b[JDeleting 1/2: configmap/a\n\x1b[?7h\x1b[1A\x1b[J\x1b[?7l\x1b[JDeleting 2/2: configmap/b\n\x1b[?7h\x1b[1A\x1b[J'],
    [false, ''],
  ] as const) {
    it(tty ? 'shows the object being deleted, off the screen before every line and at the end' : 'writes nothing extra when stderr is not a terminal', async () => {
      fake.on('DELETE', `${CM}/a`, {...status('a'), delayMs: 200})
      fake.on('DELETE', `${CM}/b`, {...status('b'), delayMs: 200})
      const {ctx, io} = setup(tty)
      await runDelete(ctx, {...defaults, args: ['cm', 'a', 'b'], progressDelayMs: 0})
      expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "b" deleted\n')
      expect(io.stderr()).toBe(stderr)
      fake.verify()
    })
  }

  it("colours kubectl's Warning on a terminal", async () => {
    fake.on('DELETE', `${CM}/a`, status('a'))
    const {ctx, io} = setup(true)
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], force: true})
    expect(io.stderr()).toBe(
      '\x1b[33;1mWarning:\x1b[0m Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
  })

  describe('--all and -A ask first', () => {
    const question = (lines: string[], where: string) =>
      `This deletes ${lines.length} objects${where}:\n${lines.map((l) => `  ${l}\n`).join('')}Delete them? (y/N, --yes skips this question): `

    it('and go ahead on y', async () => {
      fake.on('GET', CM, items('a', 'b'))
      fake.on('DELETE', `${CM}/a`, status('a'))
      fake.on('DELETE', `${CM}/b`, status('b'))
      const {ctx, io} = setup(true, 'y\n')
      await runDelete(ctx, {...defaults, args: ['cm'], all: true})
      expect(io.stderr()).toBe(question(['configmap/a', 'configmap/b'], ' in namespace "default"'))
      expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "b" deleted\n')
      fake.verify()
    })

    it('and delete nothing on anything else', async () => {
      fake.on('GET', '/api/v1/configmaps', {
        body: {kind: 'ConfigMapList', items: [{metadata: {name: 'a', namespace: 'del-a'}}, {metadata: {name: 'b', namespace: 'del-b'}}]},
      })
      const {ctx, io} = setup(true, 'n\n')
      await runDelete(ctx, {...defaults, args: ['cm'], all: true, allNamespaces: true})
      expect(io.stderr()).toBe(`${question(['configmap/a -n del-a', 'configmap/b -n del-b'], ' across all namespaces')}deletion is cancelled\n`)
      expect(io.stdout()).toBe('')
      expect(fake.requests.filter((r: RecordedRequest) => r.method === 'DELETE')).toEqual([])
    })

    it('-A asks for a selector, not for a named cluster-scoped object', async () => {
      fake.on('GET', '/api/v1/configmaps', {body: {kind: 'ConfigMapList', items: [{metadata: {name: 'a', namespace: 'del-a'}}]}})
      const asked = setup(true, 'n\n')
      await runDelete(asked.ctx, {...defaults, args: ['cm'], selector: 'app=x', allNamespaces: true})
      expect(asked.io.stderr()).toBe(`${question(['configmap/a -n del-a'], ' across all namespaces').replace('1 objects', '1 object')}deletion is cancelled\n`)
      fake.on('DELETE', '/api/v1/namespaces/del-a', {body: {kind: 'Status', status: 'Success', details: {name: 'del-a', kind: 'namespaces'}}})
      const named = setup(true, 'n\n')
      await runDelete(named.ctx, {...defaults, args: ['ns/del-a'], allNamespaces: true})
      expect(named.io.stderr()).toBe('')
      expect(named.io.stdout()).toBe('namespace "del-a" deleted\n')
      fake.verify()
    })

    it('but not with --yes, --dry-run, -i, or without a terminal', async () => {
      fake.always('GET', CM, items('a'))
      fake.always('DELETE', `${CM}/a`, status('a'))
      for (const [tty, opts] of [
        [true, {yes: true}],
        [true, {dryRun: 'server'}],
        [false, {}],
      ] as Array<[boolean, Partial<DeleteOptions>]>) {
        const {ctx, io} = setup(tty, 'n\n')
        await runDelete(ctx, {...defaults, args: ['cm'], all: true, ...opts})
        expect(io.stderr()).toBe('')
        expect(io.stdout()).toBe(opts.dryRun ? 'configmap "a" deleted (server dry run)\n' : 'configmap "a" deleted\n')
      }
      const {ctx, io} = setup(true, 'y\n')
      await runDelete(ctx, {...defaults, args: ['cm'], all: true, interactive: true})
      expect(io.stdout()).toBe('You are about to delete the following 1 resource(s):\nconfigmap/a\nDo you want to continue? (y/n): configmap "a" deleted\n')
      expect(io.stderr()).toBe('')
    })
  })
})
