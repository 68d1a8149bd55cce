// runApply against a FakeServer: which objects -l selects, kubectl's errors when none or the selector
// itself is wrong, and how failures of single objects are worded.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import type {Ctx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {type ApplyOptions, runApply} from '../../src/lib/ops/apply.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

const CM = '/api/v1/namespaces/default/configmaps'
const defaults: ApplyOptions = {
  filenames: ['-'],
  recursive: false,
  dryRun: 'client',
  serverSide: false,
  forceConflicts: false,
  force: false,
  overwrite: true,
  prune: false,
  all: false,
  pruneAllowlist: [],
  cascade: 'background',
  gracePeriod: -1,
  timeoutMs: 0,
  wait: false,
  validate: 'ignore',
  showManagedFields: false,
}
const manifests = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {app: web}}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {app: db}}\n',
].join('---\n')

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-apply-ops-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

function ctxFor(stdin: string) {
  const {ctx} = testCtx(fake.url, home)
  const io = memoryIO({stdin})
  return {ctx: {...ctx, io} satisfies Ctx, io}
}

function notFound(name: string): void {
  fake.on('GET', `${CM}/${name}`, statusBody(404, 'NotFound', `configmaps "${name}" not found`))
}

describe('runApply -l', () => {
  test('applies only the objects whose labels match, in manifest order', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    notFound('a')
    notFound('c')
    const {ctx, io} = ctxFor(manifests)
    await runApply(ctx, {...defaults, selector: 'app in (web,db)'})
    expect(io.stdout()).toBe('configmap/a created (dry run)\nconfigmap/c created (dry run)\n')
    fake.verify()
  })

  test('a negated selector keeps the objects without the label', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    notFound('b')
    const {ctx, io} = ctxFor(manifests)
    await runApply(ctx, {...defaults, selector: '!app'})
    expect(io.stdout()).toBe('configmap/b created (dry run)\n')
    fake.verify()
  })

  test('nothing matches: kubectl\'s "no objects passed to apply", nothing sent', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const {ctx, io} = ctxFor(manifests)
    await expect(runApply(ctx, {...defaults, dryRun: 'none', selector: 'app=cache'})).rejects.toThrow(/^error: no objects passed to apply$/)
    expect(io.stdout()).toBe('')
    expect(fake.requests.filter((r) => r.path.startsWith(CM))).toEqual([])
  })

  test('a selector labels.Parse refuses: kubectl\'s builder error before anything is read or sent', async () => {
    const {ctx} = ctxFor(manifests)
    await expect(runApply(ctx, {...defaults, selector: 'app=(web'})).rejects.toThrow(
      /^error: the provided selector "app=\(web" is not valid: unable to parse requirement: found '\(', expected: identifier$/,
    )
    expect(fake.requests).toEqual([])
  })

  test('an unselected document of an unknown kind still fails: kubectl maps every document before it filters', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const {ctx, io} = ctxFor(`${manifests}---\napiVersion: foo/v1\nkind: Bar\nmetadata: {name: e}\n`)
    await expect(runApply(ctx, {...defaults, selector: 'app=web'})).rejects.toThrow(/no matches for kind "Bar" in version "foo\/v1"/)
    expect(io.stdout()).toBe('')
  })
})

describe('runApply failures', () => {
  test('a dropped connection names the request as Go\'s url.Error; several failures print without "error: "', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', `${CM}/a`, {destroy: true}, {times: Number.POSITIVE_INFINITY})
    notFound('b')
    fake.on('POST', CM, {destroy: true})
    notFound('c')
    fake.on('POST', CM, (req) => ({status: 201, body: JSON.parse(req.body)}))
    const {ctx, io} = ctxFor(manifests)
    // One object at a time, so the POSTs meet their answers in manifest order.
    const sent = runApply(ctx, {...defaults, dryRun: 'none', concurrency: 1})
    await expect(sent).rejects.toHaveProperty(
      'message',
      'error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "a", Namespace: "default"\n' +
        `from server for: "STDIN": Get "${fake.url}${CM}/a": EOF\n` +
        `error when creating "STDIN": Post "${fake.url}${CM}?fieldManager=kubectl-client-side-apply&fieldValidation=Ignore": EOF`,
    )
    expect(io.stdout()).toBe('configmap/c created\n')
  })
})

describe('runApply --prune', () => {
  test('deletes with --cascade and --grace-period, and with --wait waits until the pruned object is gone', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    notFound('a')
    fake.on('POST', CM, (req) => ({status: 201, body: JSON.parse(req.body)}))
    const annotated = (name: string) => ({
      metadata: {name, namespace: 'default', uid: `uid-${name}`, labels: {app: 'web'}, annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}'}},
    })
    const lists: string[] = []
    fake.always('GET', CM, (req) => {
      lists.push(req.query.toString())
      // The prune's list by label, then the wait's list by name: by then the object is gone.
      const items = req.query.get('labelSelector') ? [annotated('a'), annotated('old')] : []
      return {body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: '7'}, items}}
    })
    let deleteBody: unknown
    fake.on('DELETE', `${CM}/old`, (req) => {
      deleteBody = JSON.parse(req.body)
      return {body: annotated('old')}
    })
    const {ctx, io} = ctxFor('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {app: web}}\n')
    await runApply(ctx, {
      ...defaults,
      dryRun: 'none',
      prune: true,
      selector: 'app=web',
      pruneAllowlist: ['core/v1/ConfigMap'],
      cascade: 'foreground',
      gracePeriod: 5,
      wait: true,
    })
    expect(io.stdout()).toBe('configmap/a created\nconfigmap/old pruned\n')
    expect(deleteBody).toEqual({kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground', gracePeriodSeconds: 5})
    expect(lists).toEqual(['labelSelector=app%3Dweb', 'fieldSelector=metadata.name%3Dold'])
    fake.verify()
  })
})

describe('runApply reads the live objects of several of one type with one LIST', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((name) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {k: v}\n`).join('---\n')
  // What the live b holds after `apply` of its manifest: a list item, so without apiVersion and kind.
  const liveB = {
    metadata: {
      name: 'b',
      namespace: 'default',
      resourceVersion: '3',
      annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"b","namespace":"default"}}\n'},
    },
    data: {k: 'v'},
  }
  const created = (req: {body: string}) => ({status: 201, body: JSON.parse(req.body)})

  test('present ones come from the list (unchanged), absent ones are created without a GET each', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', CM, (req) => {
      expect(req.query.toString()).toBe('limit=50')
      return {body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: '9'}, items: [liveB]}}
    })
    fake.on('POST', CM, created, {times: 4})
    const {ctx, io} = ctxFor(five)
    await runApply(ctx, {...defaults, dryRun: 'none'})
    expect(io.stdout()).toBe('configmap/a created\nconfigmap/b unchanged\nconfigmap/c created\nconfigmap/d created\nconfigmap/e created\n')
    expect(fake.requests.filter((r) => r.path.startsWith(`${CM}/`))).toEqual([])
    fake.verify()
  })

  test('a list that needs a second page is dropped: every object is read with its own GET, as kubectl reads them', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', CM, {body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {continue: 'next'}, items: [liveB]}})
    for (const name of ['a', 'c', 'd', 'e']) notFound(name)
    fake.on('GET', `${CM}/b`, {body: {kind: 'ConfigMap', apiVersion: 'v1', ...liveB}})
    fake.on('POST', CM, created, {times: 4})
    const {ctx, io} = ctxFor(five)
    await runApply(ctx, {...defaults, dryRun: 'none'})
    expect(io.stdout()).toBe('configmap/a created\nconfigmap/b unchanged\nconfigmap/c created\nconfigmap/d created\nconfigmap/e created\n')
    fake.verify()
  })

  test('a list the user may not make is dropped too, and the GETs report their own errors', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', CM, statusBody(403, 'Forbidden', 'configmaps is forbidden: User "u" cannot list resource "configmaps"'))
    for (const name of ['a', 'b', 'c', 'd', 'e']) notFound(name)
    const {ctx, io} = ctxFor(five)
    await runApply(ctx, {...defaults})
    expect(io.stdout()).toBe(['a', 'b', 'c', 'd', 'e'].map((n) => `configmap/${n} created (dry run)\n`).join(''))
    fake.verify()
  })

  test('fewer than four objects of a type are read one by one', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    for (const name of ['a', 'b', 'c']) notFound(name)
    const {ctx, io} = ctxFor(five.split('---\n').slice(0, 3).join('---\n'))
    await runApply(ctx, {...defaults})
    expect(io.stdout()).toBe('configmap/a created (dry run)\nconfigmap/b created (dry run)\nconfigmap/c created (dry run)\n')
    expect(fake.requests.filter((r) => r.path === CM)).toEqual([])
    fake.verify()
  })
})

describe('runApply on a terminal', () => {
  const two = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n'
  const drawing = (line: string) => `\x1b[?7l\x1b[J${line}\n\x1b[?7h`
  const ERASE = '\x1b[1A\x1b[J'

  // Answers that come well after the progress (drawn at once here) is on screen.
  function slowNotFound(name: string): void {
    fake.on('GET', `${CM}/${name}`, {...statusBody(404, 'NotFound', `configmaps "${name}" not found`), delayMs: 200})
  }

  function run(tty: boolean) {
    const {ctx} = testCtx(fake.url, home)
    const io = memoryIO({tty, stdin: two})
    return {io, applied: runApply({...ctx, io}, {...defaults, progressDelayMs: 0})}
  }

  for (const [tty, stderr] of [
    [true, `${drawing('Applying 1/2: configmap/a')}${ERASE}${drawing('Applying 2/2: configmap/b')}${ERASE}`],
    [false, ''],
  ] as const) {
    test(tty ? 'a terminal shows the object the next line waits for, off the screen before every line and at the end' : 'stderr not a terminal: nothing extra', async () => {
      serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
      slowNotFound('a')
      slowNotFound('b')
      const {io, applied} = run(tty)
      await applied
      expect(io.stdout()).toBe('configmap/a created (dry run)\nconfigmap/b created (dry run)\n')
      expect(io.stderr()).toBe(stderr)
      fake.verify()
    })
  }

  test('erases the progress before the failures are reported', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    slowNotFound('a')
    fake.on('GET', `${CM}/b`, {...statusBody(403, 'Forbidden', 'configmaps "b" is forbidden'), delayMs: 200})
    const {io, applied} = run(true)
    await expect(applied).rejects.toHaveProperty(
      'message',
      'Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\n' +
        'Name: "b", Namespace: "default"\nfrom server for: "STDIN": configmaps "b" is forbidden',
    )
    expect(io.stdout()).toBe('configmap/a created (dry run)\n')
    expect(io.stderr()).toBe(`${drawing('Applying 1/2: configmap/a')}${ERASE}${drawing('Applying 2/2: configmap/b')}${ERASE}`)
    fake.verify()
  })
})

describe('runApply --force: delete and re-create what the server will not patch', () => {
  const annotatedLive = (data: Record<string, string>) => ({
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: {
      name: 'a',
      namespace: 'default',
      resourceVersion: '7',
      annotations: {'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"v1","data":${JSON.stringify(data)},"immutable":true,"kind":"ConfigMap","metadata":{"annotations":{},"name":"a","namespace":"default"}}\n`},
    },
    immutable: true,
    data,
  })
  const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nimmutable: true\ndata: {k: "2"}\n'
  const invalid = statusBody(422, 'Invalid', 'ConfigMap "a" is invalid: data: Forbidden: field is immutable when `immutable` is set')

  test('an Invalid patch: DELETE with --cascade and --grace-period, wait until gone, create from the manifest', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', `${CM}/a`, {body: annotatedLive({k: '1'})})
    fake.on('PATCH', `${CM}/a`, invalid)
    let deleteBody: unknown
    fake.on('DELETE', `${CM}/a`, (req) => {
      deleteBody = JSON.parse(req.body)
      return {body: annotatedLive({k: '1'})}
    })
    // Still there at the first look, gone a second later.
    fake.on('GET', `${CM}/a`, {body: annotatedLive({k: '1'})})
    notFound('a')
    let created: {data?: unknown; metadata?: {annotations?: Record<string, string>}} = {}
    fake.on('POST', CM, (req) => {
      created = JSON.parse(req.body)
      return {status: 201, body: created}
    })
    const {ctx, io} = ctxFor(manifest)
    await runApply(ctx, {...defaults, dryRun: 'none', force: true, cascade: 'foreground', gracePeriod: 3})
    expect(io.stdout()).toBe('configmap/a configured\n')
    expect(deleteBody).toEqual({kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground', gracePeriodSeconds: 3})
    expect(created.data).toEqual({k: '2'})
    expect(created.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"k":"2"},"immutable":true,"kind":"ConfigMap","metadata":{"annotations":{},"name":"a","namespace":"default"}}\n',
    )
    fake.verify()
  })

  test('a create the server refuses: the object as it was is created again, and the failure names what was applied', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('GET', `${CM}/a`, {body: annotatedLive({k: '1'})})
    fake.on('PATCH', `${CM}/a`, invalid)
    fake.on('DELETE', `${CM}/a`, {body: annotatedLive({k: '1'})})
    notFound('a')
    fake.on('POST', CM, statusBody(422, 'Invalid', 'ConfigMap "a" is invalid: refused'))
    let restored: {metadata?: {resourceVersion?: string}; data?: unknown} = {}
    fake.on('POST', CM, (req) => {
      restored = JSON.parse(req.body)
      return {status: 201, body: restored}
    })
    const {ctx, io} = ctxFor(manifest)
    const applied = runApply(ctx, {...defaults, dryRun: 'none', force: true})
    await expect(applied).rejects.toHaveProperty(
      'message',
      // A 422 without details, worded as kubectl words it.
      'The request is invalid: error when applying patch:\n' +
        '{"apiVersion":"v1","data":{"k":"2"},"immutable":true,"kind":"ConfigMap","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"k\\":\\"2\\"},\\"immutable\\":true,\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"a\\",\\"namespace\\":\\"default\\"}}\\n"},"name":"a","namespace":"default"}}\n' +
        'to:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "a", Namespace: "default"\n' +
        'for: "STDIN": ConfigMap "a" is invalid: refused',
    )
    expect(restored.data).toEqual({k: '1'})
    expect(restored.metadata?.resourceVersion).toBeUndefined()
    expect(io.stdout()).toBe('')
    fake.verify()
  })

  test.each([
    [{serverSide: true, dryRun: 'none' as const}, 'error: --force cannot be used with --server-side'],
    [{dryRun: 'server' as const}, 'error: --dry-run=server cannot be used with --force'],
    [{prune: true, all: true}, 'error: --force cannot be used with --prune'],
  ])('%j with --force: kubectl\'s refusal, nothing sent', async (flags, message) => {
    const {ctx} = ctxFor(manifest)
    await expect(runApply(ctx, {...defaults, force: true, ...flags})).rejects.toThrow(new RegExp(`^${message}$`))
    expect(fake.requests).toEqual([])
  })
})
