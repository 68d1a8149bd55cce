// runDelete against a FakeServer serving the recorded v1.20 discovery: the requests each flag makes
// (DELETE bodies, list queries), what is printed, and kubectl's errors, order and exit behaviour.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Ctx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {type DeleteOptions, runDelete} from '../../src/lib/ops/delete.js'
import {FIXTURES as DISCOVERY_FIXTURES, serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, type RecordedRequest, statusBody} from '../support/fake-server.js'

const FIXTURES = join(DISCOVERY_FIXTURES, '../delete')

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-delete-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const defaults: DeleteOptions = {
  args: [],
  filenames: [],
  recursive: false,
  all: false,
  allNamespaces: false,
  cascade: 'background',
  gracePeriod: -1,
  timeoutMs: 0,
  dryRun: 'none',
  now: false,
  force: false,
  wait: false,
  interactive: false,
  yes: false,
}

/** A Ctx on the fake server; `namespaceFlag` stands for -n (kubectl's enforced namespace). */
function setup(opts: {namespaceFlag?: string; stdin?: string} = {}): {ctx: Ctx; io: ReturnType<typeof memoryIO>} {
  const io = memoryIO({stdin: opts.stdin})
  const {ctx} = testCtx(fake.url, home)
  const namespace = opts.namespaceFlag ?? 'default'
  return {io, ctx: {...ctx, io, overrides: opts.namespaceFlag ? {namespace} : {}, namespace: async () => namespace}}
}

function withDiscovery(): void {
  serveDiscovery(fake, {crd: false, groups: ['apps'], times: Number.POSITIVE_INFINITY})
}

const deleted = (name: string, kind = 'configmaps') => ({
  body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: {name, kind, uid: `uid-${name}`}},
})

/** Registers a DELETE and records the body it was sent with. */
function onDelete(path: string, bodies: string[], reply: object = deleted(path.split('/').pop() as string)): void {
  fake.on('DELETE', path, (req: RecordedRequest) => {
    bodies.push(req.body + (req.query.size ? ` ?${req.query}` : ''))
    return reply
  })
}

const CM = '/api/v1/namespaces/default/configmaps'

describe('arguments, as kubectl refuses them', () => {
  const cases: Array<[string, Partial<DeleteOptions>, string]> = [
    [
      'nothing to delete',
      {},
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    ],
    ['a selector without a type', {selector: 'a=b'}, 'error: at least one resource must be specified to use a selector'],
    ['--all without a type', {all: true}, 'error: at least one resource must be specified to use a selector'],
    ['names with --all', {args: ['cm', 'a'], all: true}, 'error: name cannot be provided when a selector is specified'],
    ['TYPE/NAME with a selector', {args: ['cm/a'], selector: 'x=y'}, 'error: selectors and the all flag cannot be used when passing resource/name arguments'],
    ['--all with a selector', {args: ['cm'], all: true, selector: 'a=b'}, "error: setting 'all' parameter but found a non empty selector. "],
    ['-f with a type', {args: ['pods'], filenames: [join(FIXTURES, 'mixed.yaml')]}, 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well'],
    ['-f with TYPE/NAME', {args: ['pod/a'], filenames: [join(FIXTURES, 'mixed.yaml')]}, 'error: resource/name arguments cannot be provided when a path is specified'],
    ['a missing -f path', {filenames: ['nothere.yaml']}, 'error: the path "nothere.yaml" does not exist'],
  ]
  for (const [name, opts, message] of cases) {
    it(name, async () => {
      const {ctx} = setup()
      await expect(runDelete(ctx, {...defaults, ...opts})).rejects.toThrow(message)
      expect(fake.requests).toEqual([])
    })
  }

  it('a type alone names nothing', async () => {
    withDiscovery()
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['pods']})).rejects.toThrow('error: resource(s) were provided, but no name was specified')
  })

  it('a category with names', async () => {
    withDiscovery()
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['all', 'web']})).rejects.toThrow(/^error: you must specify only one resource$/)
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([])
  })

  it('a namespaced name across all namespaces', async () => {
    withDiscovery()
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['pod', 'a'], allNamespaces: true})).rejects.toThrow(
      'error: a resource cannot be retrieved by name across all namespaces',
    )
  })

  it('flag combinations, checked after the arguments', async () => {
    withDiscovery()
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['cm', 'a'], output: 'yaml'})).rejects.toThrow("error: unexpected -o output mode: yaml. We only support '-o name'")
    await expect(runDelete(ctx, {...defaults, args: ['cm', 'a'], force: true, gracePeriod: 5})).rejects.toThrow(
      'error: --force and --grace-period greater than 0 cannot be specified together',
    )
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })
})

describe('DELETE requests', () => {
  it("names one by one with kubectl's default body, and waits for nothing with --wait=false", async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete(`${CM}/a`, bodies)
    onDelete(`${CM}/b`, bodies)
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'a', 'b']})
    expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "b" deleted\n')
    expect(io.stderr()).toBe('')
    expect(bodies).toEqual(['{"propagationPolicy":"Background"}', '{"propagationPolicy":"Background"}'])
    fake.verify()
  })

  it('a dropped connection fails that object only: kubectl\'s lone "Unable to connect" by name, Go\'s url.Error with -f', async () => {
    withDiscovery()
    const bodies: string[] = []
    fake.on('DELETE', `${CM}/a`, {destroy: true}, {times: 2})
    onDelete(`${CM}/b`, bodies)
    onDelete(`${CM}/b`, bodies)
    const byName = setup()
    await expect(runDelete(byName.ctx, {...defaults, args: ['cm', 'a', 'b']})).rejects.toThrow(/^Unable to connect to the server: EOF$/)
    expect(byName.io.stdout()).toBe('configmap "b" deleted\n')
    const fromFile = setup({stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n'})
    await expect(runDelete(fromFile.ctx, {...defaults, filenames: ['-']})).rejects.toThrow(
      new RegExp(`^error: error when deleting "STDIN": Delete "${fake.url}${CM}/a": EOF$`),
    )
    expect(fromFile.io.stdout()).toBe('configmap "b" deleted\n')
    fake.verify()
  })

  it('sends --grace-period and --cascade in kubectl field order', async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete(`${CM}/a`, bodies)
    onDelete(`${CM}/a`, bodies)
    onDelete(`${CM}/a`, bodies)
    const {ctx} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], gracePeriod: 30, cascade: 'foreground'})
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], now: true, cascade: 'orphan'})
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], gracePeriod: 0})
    expect(bodies).toEqual([
      '{"gracePeriodSeconds":30,"propagationPolicy":"Foreground"}',
      '{"gracePeriodSeconds":1,"propagationPolicy":"Orphan"}',
      '{"gracePeriodSeconds":1,"propagationPolicy":"Background"}',
    ])
    fake.verify()
  })

  it('--force: grace period 0, the warning, "force deleted"', async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete(`${CM}/a`, bodies)
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], force: true})
    expect(bodies).toEqual(['{"gracePeriodSeconds":0,"propagationPolicy":"Background"}'])
    expect(io.stdout()).toBe('configmap "a" force deleted\n')
    expect(io.stderr()).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
  })

  it('--cascade=false: orphan, with the deprecation warning', async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete(`${CM}/a`, bodies)
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], cascade: 'false'})
    expect(bodies).toEqual(['{"propagationPolicy":"Orphan"}'])
    expect(io.stderr()).toBe('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n')
  })

  it('--dry-run=server asks the server to change nothing', async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete('/apis/apps/v1/namespaces/default/deployments/web', bodies, deleted('web', 'deployments'))
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['deploy/web'], dryRun: 'server', wait: true})
    expect(bodies).toEqual(['{"propagationPolicy":"Background","dryRun":["All"]}'])
    expect(io.stdout()).toBe('deployment.apps "web" deleted (server dry run)\n')
    fake.verify()
  })

  it('--dry-run=client sends no DELETE', async () => {
    withDiscovery()
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'a', 'b'], dryRun: 'client', wait: true})
    expect(io.stdout()).toBe('configmap "a" deleted (dry run)\nconfigmap "b" deleted (dry run)\n')
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('-o name prints TYPE/NAME', async () => {
    withDiscovery()
    onDelete('/apis/apps/v1/namespaces/default/deployments/web', [], deleted('web', 'deployments'))
    onDelete(`${CM}/a`, [])
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['deploy/web', 'cm/a'], output: 'name'})
    expect(io.stdout()).toBe('deployment.apps/web\nconfigmap/a\n')
  })

  it('a missing object in the middle: the others are deleted, the error comes last', async () => {
    withDiscovery()
    onDelete(`${CM}/a`, [])
    fake.on('DELETE', `${CM}/b`, statusBody(404, 'NotFound', 'configmaps "b" not found', {name: 'b', kind: 'configmaps'}))
    onDelete(`${CM}/c`, [])
    const {ctx, io} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['cm', 'a', 'b', 'c'], wait: true})).rejects.toThrow(/^Error from server \(NotFound\): configmaps "b" not found$/)
    expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "c" deleted\n')
    // No wait after a failure: kubectl returns before it.
    expect(fake.requests.filter((r) => r.path.startsWith(CM) && r.method === 'GET')).toEqual([])
    fake.verify()
  })

  it('--ignore-not-found makes a missing object no failure', async () => {
    withDiscovery()
    fake.on('DELETE', `${CM}/b`, statusBody(404, 'NotFound', 'configmaps "b" not found'))
    onDelete(`${CM}/c`, [])
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm', 'b', 'c'], ignoreNotFound: true})
    expect(io.stdout()).toBe('configmap "c" deleted\n')
  })

  it('refuses an empty name instead of deleting the collection', async () => {
    withDiscovery()
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['cm', '']})).rejects.toThrow(/^error: resource name may not be empty$/)
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([])
  })

  it('warns once when -n is given and a cluster-scoped object is deleted', async () => {
    withDiscovery()
    onDelete('/api/v1/namespaces/del-a', [], deleted('del-a', 'namespaces'))
    onDelete('/api/v1/namespaces/del-b', [], deleted('del-b', 'namespaces'))
    const {ctx, io} = setup({namespaceFlag: 'default'})
    await runDelete(ctx, {...defaults, args: ['ns', 'del-a', 'del-b']})
    expect(io.stderr()).toBe('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n')
    expect(io.stdout()).toBe('namespace "del-a" deleted\nnamespace "del-b" deleted\n')
  })
})

describe('selectors and --all', () => {
  const cmList = (...items: Array<{name: string; namespace?: string}>) => ({
    body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: {resourceVersion: '7'}, items: items.map((m) => ({metadata: {namespace: 'default', ...m}}))},
  })

  it('lists each type with the selector, then deletes what it found', async () => {
    withDiscovery()
    const queries: string[] = []
    fake.on('GET', CM, (req: RecordedRequest) => (queries.push(`${req.query}`), cmList({name: 'a'}, {name: 'b'})))
    fake.on('GET', '/api/v1/namespaces/default/secrets', (req: RecordedRequest) => (queries.push(`${req.query}`), {body: {kind: 'SecretList', items: []}}))
    onDelete(`${CM}/a`, [])
    onDelete(`${CM}/b`, [])
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm,secret'], selector: 'app=x', fieldSelector: 'metadata.name!=z'})
    expect(queries).toEqual(['labelSelector=app%3Dx&fieldSelector=metadata.name%21%3Dz', 'labelSelector=app%3Dx&fieldSelector=metadata.name%21%3Dz'])
    expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "b" deleted\n')
    fake.verify()
  })

  it('says "No resources found" when nothing matches', async () => {
    withDiscovery()
    fake.on('GET', CM, cmList())
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm'], selector: 'app=nomatch', output: 'name', wait: true})
    expect(io.stdout()).toBe('No resources found\n')
    fake.verify()
  })

  it('--all -A lists across namespaces and deletes each object in its own', async () => {
    withDiscovery()
    const queries: string[] = []
    fake.on('GET', '/api/v1/configmaps', (req: RecordedRequest) => (queries.push(`${req.query}`), cmList({name: 'a', namespace: 'del-a'}, {name: 'b', namespace: 'del-b'})))
    onDelete('/api/v1/namespaces/del-a/configmaps/a', [])
    onDelete('/api/v1/namespaces/del-b/configmaps/b', [])
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, args: ['cm'], all: true, allNamespaces: true})
    expect(queries).toEqual([''])
    expect(io.stdout()).toBe('configmap "a" deleted\nconfigmap "b" deleted\n')
    fake.verify()
  })

  it("rewords a refused list as kubectl does", async () => {
    withDiscovery()
    fake.on('GET', '/api/v1/namespaces/default/pods', statusBody(400, 'BadRequest', 'field label not supported: foo'))
    const {ctx} = setup()
    await expect(runDelete(ctx, {...defaults, args: ['pods'], fieldSelector: 'foo=bar'})).rejects.toThrow(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo',
    )
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments', statusBody(404, 'NotFound', 'the server could not find the requested resource'))
    await expect(runDelete(ctx, {...defaults, args: ['deploy'], all: true, ignoreNotFound: false})).rejects.toThrow(
      'Error from server (NotFound): Unable to list "apps/v1, Resource=deployments": the server could not find the requested resource',
    )
  })
})

describe('-f', () => {
  it('deletes what the manifests name, reports refusals in document order and unknown kinds last', async () => {
    withDiscovery()
    fake.on('DELETE', `${CM}/m1`, statusBody(404, 'NotFound', 'configmaps "m1" not found'))
    onDelete(`${CM}/m2`, [])
    onDelete('/api/v1/namespaces/del-x', [], deleted('del-x', 'namespaces'))
    const {ctx, io} = setup({namespaceFlag: 'default'})
    await expect(runDelete(ctx, {...defaults, filenames: [join(FIXTURES, 'mixed.yaml')]})).rejects.toThrow(
      new RegExp(
        `^${escape(`Error from server (NotFound): error when deleting "${join(FIXTURES, 'mixed.yaml')}": configmaps "m1" not found
the namespace from the provided object "other" does not match the namespace "default". You must pass '--namespace=other' to perform this operation.
resource mapping not found for name: "n1" namespace: "" from "${join(FIXTURES, 'mixed.yaml')}": no matches for kind "Nope" in version "example.com/v1"
ensure CRDs are installed first`)}$`,
      ),
    )
    expect(io.stdout()).toBe('configmap "m2" deleted\nnamespace "del-x" deleted\n')
    expect(io.stderr()).toBe('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n')
  })

  it('-l filters the documents; kinds the server lacks are still reported, alone without "error: " once a NotFound was ignored', async () => {
    withDiscovery()
    fake.on('DELETE', `${CM}/m1`, statusBody(404, 'NotFound', 'configmaps "m1" not found'))
    const {ctx, io} = setup({namespaceFlag: 'default'})
    const file = join(FIXTURES, 'mixed.yaml')
    await expect(runDelete(ctx, {...defaults, filenames: [file], selector: 'app=x'})).rejects.toThrow(
      new RegExp(`^${escape(`resource mapping not found for name: "n1" namespace: "" from "${file}": no matches for kind "Nope" in version "example.com/v1"`)}`),
    )
    expect(io.stdout()).toBe('')
    fake.verify()
  })

  it('several unknown kinds print as one Go aggregate after the other errors', async () => {
    withDiscovery()
    fake.on('DELETE', `${CM}/q1`, statusBody(404, 'NotFound', 'configmaps "q1" not found'))
    const {ctx} = setup()
    const file = join(FIXTURES, 'unmapped.yaml')
    const mapping = (name: string, ns: string, kind: string) =>
      `resource mapping not found for name: "${name}" namespace: "${ns}" from "${file}": no matches for kind "${kind}" in version "example.com/v1"\nensure CRDs are installed first`
    await expect(runDelete(ctx, {...defaults, filenames: [file]})).rejects.toThrow(
      new RegExp(`^${escape(`Error from server (NotFound): error when deleting "${file}": configmaps "q1" not found\n[${mapping('n1', '', 'Nope')}, ${mapping('n2', 'zz', 'Nope2')}]`)}$`),
    )
  })

  it('reads stdin; nothing in it is "No resources found"', async () => {
    const {ctx, io} = setup({stdin: ''})
    await runDelete(ctx, {...defaults, filenames: ['-']})
    expect(io.stdout()).toBe('No resources found\n')
  })

  it('maps each document to the version it names', async () => {
    withDiscovery()
    const bodies: string[] = []
    onDelete('/apis/apps/v1/namespaces/default/deployments/web', bodies, deleted('web', 'deployments'))
    const {ctx, io} = setup()
    await runDelete(ctx, {...defaults, filenames: [join(FIXTURES, 'deployment.yaml')], cascade: 'orphan'})
    expect(io.stdout()).toBe('deployment.apps "web" deleted\n')
    expect(bodies).toEqual(['{"propagationPolicy":"Orphan"}'])
  })
})

describe('-i', () => {
  it('lists what it will delete and goes ahead on "y"', async () => {
    withDiscovery()
    onDelete(`${CM}/a`, [])
    const {ctx, io} = setup({stdin: 'Y\n'})
    await runDelete(ctx, {...defaults, args: ['cm', 'a'], interactive: true})
    expect(io.stdout()).toBe('You are about to delete the following 1 resource(s):\nconfigmap/a\nDo you want to continue? (y/n): configmap "a" deleted\n')
    fake.verify()
  })

  it('anything else cancels, and so does the end of stdin', async () => {
    withDiscovery()
    for (const stdin of ['yes\n', '']) {
      const {ctx, io} = setup({stdin})
      await runDelete(ctx, {...defaults, args: ['cm', 'a', 'b'], interactive: true})
      expect(io.stdout()).toBe('You are about to delete the following 2 resource(s):\nconfigmap/a\nconfigmap/b\nDo you want to continue? (y/n): deletion is cancelled\n')
    }
    expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([])
  })
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
