// runCreateObject (what every generator command calls) and runCreate (create -f) against a
// FakeServer: the requests kubectl sends, and the lines and errors it prints.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {buildDeployment} from '../../src/lib/create/deployment.js'
import {buildNamespace} from '../../src/lib/create/namespace.js'
import type {Ctx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {type CreateObjectOptions, runCreate, runCreateObject} from '../../src/lib/ops/create.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

const defaults: CreateObjectOptions = {dryRun: 'none', saveConfig: false, fieldManager: 'kubectl-create', showManagedFields: false}
const deployment = () => buildDeployment({name: 'web', images: ['nginx'], replicas: 1, port: -1, command: []})

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-create-ops-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

/** A test Ctx, with -n when `namespace` is given, reading `stdin` for -f -, on a terminal with `tty`. */
function ctxFor(opts: {namespace?: string; stdin?: string; tty?: boolean} = {}) {
  const {ctx} = testCtx(fake.url, home)
  const io = memoryIO({stdin: opts.stdin, tty: opts.tty})
  const withFlags: Ctx = {
    ...ctx,
    io,
    overrides: opts.namespace ? {namespace: opts.namespace} : {},
    namespace: async () => opts.namespace ?? 'default',
  }
  return {ctx: withFlags, io}
}

/** The server's answer to a create: the object it was sent, with what the server adds. */
function echo(status = 201) {
  return (req: {body: string}) => {
    const sent = JSON.parse(req.body)
    const metadata = {...sent.metadata, uid: 'u1', resourceVersion: '7', creationTimestamp: '2026-03-01T12:00:00Z', managedFields: [{manager: 'kubectl-create'}]}
    return {status, body: {...sent, metadata}}
  }
}

describe('runCreateObject', () => {
  test('POSTs to the typed path with the field manager, no discovery, and prints kind.group/name created', async () => {
    fake.on('POST', '/apis/apps/v1/namespaces/default/deployments', echo())
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, deployment(), defaults)
    fake.verify()
    expect(Object.fromEntries(fake.requests[0].query)).toEqual({fieldManager: 'kubectl-create'})
    expect(JSON.parse(fake.requests[0].body)).toEqual(deployment())
    expect(io.stdout()).toBe('deployment.apps/web created\n')
    expect(io.stderr()).toBe('')
  })

  test('-n puts metadata.namespace right after the name, as kubectl does', async () => {
    fake.on('POST', '/apis/apps/v1/namespaces/team/deployments', echo())
    const {ctx} = ctxFor({namespace: 'team'})
    await runCreateObject(ctx, deployment(), defaults)
    expect(Object.keys(JSON.parse(fake.requests[0].body).metadata)).toEqual(['name', 'namespace', 'creationTimestamp', 'labels'])
  })

  test('cluster-scoped kinds ignore -n', async () => {
    fake.on('POST', '/api/v1/namespaces', echo())
    const {ctx, io} = ctxFor({namespace: 'team'})
    await runCreateObject(ctx, buildNamespace({name: 'create-a-x'}), defaults)
    expect(JSON.parse(fake.requests[0].body).metadata).toEqual({name: 'create-a-x', creationTimestamp: null})
    expect(io.stdout()).toBe('namespace/create-a-x created\n')
  })

  test('--dry-run=server sends dryRun=All; an empty --field-manager sends none', async () => {
    fake.on('POST', '/apis/apps/v1/namespaces/default/deployments', echo())
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, deployment(), {...defaults, dryRun: 'server', fieldManager: ''})
    expect(Object.fromEntries(fake.requests[0].query)).toEqual({dryRun: 'All'})
    expect(io.stdout()).toBe('deployment.apps/web created (server dry run)\n')
  })

  test('--dry-run=client sends nothing', async () => {
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, deployment(), {...defaults, dryRun: 'client'})
    expect(fake.requests).toEqual([])
    expect(io.stdout()).toBe('deployment.apps/web created (dry run)\n')
  })

  test('-o json prints the answer in its field order, without managedFields; -o name without the verb', async () => {
    fake.on('POST', '/apis/apps/v1/namespaces/default/deployments', echo(), {times: 2})
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, deployment(), {...defaults, output: 'json'})
    const printed = JSON.parse(io.stdout())
    expect(Object.keys(printed)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
    expect(Object.keys(printed.metadata)).toEqual(['name', 'creationTimestamp', 'labels', 'uid', 'resourceVersion'])
    const named = ctxFor()
    await runCreateObject(named.ctx, deployment(), {...defaults, output: 'name'})
    expect(named.io.stdout()).toBe('deployment.apps/web\n')
  })

  test('a failed POST: the generator\'s prefix before the server\'s message, or the server\'s error as is', async () => {
    const exists = statusBody(409, 'AlreadyExists', 'deployments.apps "web" already exists', {name: 'web', group: 'apps', kind: 'deployments'})
    fake.on('POST', '/apis/apps/v1/namespaces/default/deployments', exists, {times: 2})
    const {ctx, io} = ctxFor()
    await expect(runCreateObject(ctx, deployment(), {...defaults, errorPrefix: 'failed to create deployment: '})).rejects.toThrow(
      /^error: failed to create deployment: deployments.apps "web" already exists$/,
    )
    await expect(runCreateObject(ctx, deployment(), defaults)).rejects.toThrow(/^Error from server \(AlreadyExists\): deployments.apps "web" already exists$/)
    expect(io.stdout()).toBe('')
  })

  test('--save-config stores the object as sent', async () => {
    const {ctx, io} = ctxFor({namespace: 'team'})
    await runCreateObject(ctx, buildNamespace({name: 'x'}), {...defaults, dryRun: 'client', saveConfig: true, output: 'yaml'})
    expect(io.stdout()).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n' +
        '      {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}\n' +
        '  creationTimestamp: null\n  name: x\nspec: {}\nstatus: {}\n',
    )
  })

  test('a jsonpath template is checked before anything is sent', async () => {
    const {ctx} = ctxFor()
    await expect(runCreateObject(ctx, deployment(), {...defaults, output: 'jsonpath='})).rejects.toThrow(/^error: template format specified but no template given$/)
    expect(fake.requests).toEqual([])
  })

  test('a deprecated --dry-run spelling is warned about in klog form', async () => {
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, deployment(), {...defaults, dryRun: 'client', warnings: ['--dry-run is deprecated and can be replaced with --dry-run=client.']})
    expect(io.stderr()).toMatch(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/)
  })

  test('a kind without a typed client is found through discovery', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('POST', '/apis/stable.example.com/v1/namespaces/default/crontabs', echo())
    const {ctx, io} = ctxFor()
    await runCreateObject(ctx, {apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: {name: 'c'}}, defaults)
    expect(io.stdout()).toBe('crontab.stable.example.com/c created\n')
  })
})

describe('runCreate (-f)', () => {
  const manifests = [
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: taken}\n',
    'apiVersion: foo/v1\nkind: Bar\nmetadata: {name: e}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: o, namespace: other}\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n',
  ].join('---\n')
  const run = (ctx: Ctx, opts: Partial<Parameters<typeof runCreate>[1]> = {}) => runCreate(ctx, {...defaults, filenames: ['-'], recursive: false, ...opts})

  test('every object in order; an existing one fails and the rest go on; failures last, unmappable ones after the rest', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('POST', '/api/v1/namespaces/team/configmaps', echo())
    fake.on('POST', '/api/v1/namespaces/team/configmaps', statusBody(409, 'AlreadyExists', 'configmaps "taken" already exists'))
    fake.on('POST', '/apis/apps/v1/namespaces/team/deployments', echo())
    const {ctx, io} = ctxFor({namespace: 'team', stdin: manifests})
    await expect(run(ctx)).rejects.toHaveProperty(
      'message',
      'Error from server (AlreadyExists): error when creating "STDIN": configmaps "taken" already exists\n' +
        'the namespace from the provided object "other" does not match the namespace "team". You must pass \'--namespace=other\' to perform this operation.\n' +
        'resource mapping not found for name: "e" namespace: "" from "STDIN": no matches for kind "Bar" in version "foo/v1"\nensure CRDs are installed first',
    )
    expect(io.stdout()).toBe('configmap/a created\ndeployment.apps/d created\n')
    expect(JSON.parse(fake.requests.filter((r) => r.method === 'POST')[0].body)).toEqual({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'a', namespace: 'team'}})
  })

  test('a dropped connection fails that object with Go\'s url.Error (method, URL, cause) and the rest go on', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('POST', '/api/v1/namespaces/default/configmaps', {destroy: true})
    fake.on('POST', '/api/v1/namespaces/default/configmaps', echo())
    const {ctx, io} = ctxFor({stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n'})
    await expect(run(ctx, {validate: 'ignore'})).rejects.toHaveProperty(
      'message',
      `error: error when creating "STDIN": Post "${fake.url}/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Ignore": EOF`,
    )
    expect(io.stdout()).toBe('configmap/b created\n')
    fake.verify()
  })

  for (const [tty, stderr] of [
    [true, '\x1b[?7l\x1b[JCreating 1/2: configmap/a\n\x1b[?7h\x1b[1A\x1b[J\x1b[?7l\x1b[JCreating 2/2: configmap/b\n\x1b[?7h\x1b[1A\x1b[J'],
    [false, ''],
  ] as const) {
    test(tty ? 'a terminal shows the object being created, off the screen before every line and at the end' : 'stderr not a terminal: nothing extra', async () => {
      serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
      // Answers that come well after the progress (drawn at once here) is on screen.
      fake.on('POST', '/api/v1/namespaces/default/configmaps', (req) => ({...echo()(req), delayMs: 200}), {times: 2})
      const {ctx, io} = ctxFor({tty, stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n'})
      await run(ctx, {progressDelayMs: 0})
      expect(io.stdout()).toBe('configmap/a created\nconfigmap/b created\n')
      expect(io.stderr()).toBe(stderr)
      fake.verify()
    })
  }

  test('one failure alone is kubectl\'s error line', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const {ctx, io} = ctxFor({stdin: 'apiVersion: foo/v1\nkind: Bar\nmetadata: {name: e}\n'})
    await expect(run(ctx)).rejects.toHaveProperty(
      'message',
      'error: resource mapping not found for name: "e" namespace: "" from "STDIN": no matches for kind "Bar" in version "foo/v1"\nensure CRDs are installed first',
    )
    expect(io.stdout()).toBe('')
  })

  test('--dry-run=client -o yaml: the objects with their namespace, as separate documents, nothing sent', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const {ctx, io} = ctxFor({stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {z: "1", b: "2"}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns1}\n'})
    await run(ctx, {dryRun: 'client', output: 'yaml'})
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([])
    expect(io.stdout()).toBe('apiVersion: v1\ndata:\n  b: "2"\n  z: "1"\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns1\n')
  })

  test('-l keeps the matching objects', async () => {
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const {ctx, io} = ctxFor({stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {x: "1"}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n'})
    await run(ctx, {dryRun: 'client', selector: 'x=1'})
    expect(io.stdout()).toBe('configmap/a created (dry run)\n')
  })

  test('--validate=strict: a document that breaks its schema creates nothing, not even the valid ones', async () => {
    const {ctx, io} = ctxFor({stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: [1]\n'})
    await expect(run(ctx, {validate: 'strict'})).rejects.toHaveProperty(
      'message',
      'STDIN:8:7: data: must be object, got array\nerror: 1 document failed validation; if you choose to ignore these errors, turn validation off with --validate=false',
    )
    expect(fake.requests).toEqual([])
    expect(io.stdout()).toBe('')
  })

  test('nothing to create', async () => {
    const {ctx} = ctxFor({stdin: '# nothing\n'})
    await expect(run(ctx)).rejects.toThrow(/^error: no objects passed to create$/)
    await expect(run(ctx, {filenames: []})).rejects.toThrow(/^error: must specify one of -f and -k$/)
  })
})
