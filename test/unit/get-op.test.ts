// runGet's paths that the real control plane cannot show: a server without Table support, and the
// -f mapping rules, against a FakeServer serving the recorded v1.20 discovery documents.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {runGet} from '../../src/lib/ops/get.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'
import {GET_DEFAULTS} from '../support/get-options.js'

const defaults = GET_DEFAULTS

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-get-op-'))
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const json = (body: unknown) => ({headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})
const hourAgo = new Date(Date.now() - 3600_000 - 5000).toISOString().replace(/\.\d+Z$/, 'Z')

function manifest(text: string): string {
  const file = join(home, 'm.yaml')
  writeFileSync(file, text)
  return file
}

describe('servers without Table support', () => {
  test('a plain list prints kubectl default NAME and AGE columns', async () => {
    fake.on('GET', '/api/v1/namespaces/default/configmaps', json({
      kind: 'ConfigMapList', apiVersion: 'v1', metadata: {},
      items: [{metadata: {name: 'a', creationTimestamp: hourAgo}}, {metadata: {name: 'longer-name', creationTimestamp: hourAgo}}],
    }))
    const {ctx, io} = testCtx(fake.url, home)
    await runGet(ctx, {...defaults, args: ['cm']})
    expect(io.stdout()).toBe('NAME          AGE\na             60m\nlonger-name   60m\n')
    expect(fake.requests.at(-1)?.headers.accept).toBe('application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json')
  })

  test('a plain object across namespaces gets the NAMESPACE column', async () => {
    fake.on('GET', '/api/v1/configmaps', json({kind: 'ConfigMapList', apiVersion: 'v1', metadata: {}, items: [{metadata: {name: 'a', namespace: 'x', creationTimestamp: hourAgo}}]}))
    const {ctx, io} = testCtx(fake.url, home)
    await runGet(ctx, {...defaults, args: ['cm'], allNamespaces: true})
    expect(io.stdout()).toBe('NAMESPACE   NAME   AGE\nx           a      60m\n')
  })
})

describe('a named object that is missing', () => {
  test('outside the default namespace, a missing namespace is what kubectl reports', async () => {
    fake.on('GET', '/api/v1/namespaces/other/configmaps/x', statusBody(404, 'NotFound', 'configmaps "x" not found'))
    fake.on('GET', '/api/v1/namespaces/other', statusBody(404, 'NotFound', 'namespaces "other" not found'))
    const {ctx} = testCtx(fake.url, home)
    ctx.namespace = async () => 'other'
    await expect(runGet(ctx, {...defaults, args: ['cm', 'x']})).rejects.toThrow(/^Error from server \(NotFound\): namespaces "other" not found$/)
    fake.verify()
  })

  test('in a namespace that exists, the object NotFound stays', async () => {
    fake.on('GET', '/api/v1/namespaces/other/configmaps/x', statusBody(404, 'NotFound', 'configmaps "x" not found'))
    fake.on('GET', '/api/v1/namespaces/other', json({kind: 'Namespace', apiVersion: 'v1', metadata: {name: 'other'}}))
    const {ctx} = testCtx(fake.url, home)
    ctx.namespace = async () => 'other'
    await expect(runGet(ctx, {...defaults, args: ['cm', 'x']})).rejects.toThrow(/^Error from server \(NotFound\): configmaps "x" not found$/)
    fake.verify()
  })
})

describe('-f', () => {
  const twoDocs = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {tier: web}\n---\napiVersion: example.com/v1\nkind: Nope\nmetadata:\n  name: nn\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: ns2\n'

  test('looks up each document in its namespace and reports unknown kinds in document order', async () => {
    const file = manifest(twoDocs)
    fake.on('GET', '/api/v1/namespaces/default/configmaps/a', json({kind: 'ConfigMap', apiVersion: 'v1', metadata: {name: 'a', namespace: 'default'}}))
    fake.on('GET', '/api/v1/namespaces/ns2/configmaps/b', statusBody(404, 'NotFound', 'configmaps "b" not found'))
    fake.on('GET', '/api/v1/namespaces/ns2', json({kind: 'Namespace', apiVersion: 'v1', metadata: {name: 'ns2'}}))
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runGet(ctx, {...defaults, filenames: [file], output: 'name'})).rejects.toThrow(
      `resource mapping not found for name: "nn" namespace: "" from "${file}": no matches for kind "Nope" in version "example.com/v1"\n` +
        'ensure CRDs are installed first\nError from server (NotFound): configmaps "b" not found',
    )
    expect(io.stdout()).toBe('')
    fake.verify()
  })

  test('-l keeps the named objects whose live labels match, in tables too (kubectl drops every row)', async () => {
    const file = manifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  labels: {tier: web}\n')
    const row = (name: string, labels: Record<string, string>) => ({cells: [name, 0, '1m'], object: {kind: 'PartialObjectMetadata', metadata: {name, labels}}})
    const table = (name: string, labels: Record<string, string>) =>
      json({kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [{name: 'Name', type: 'string', format: 'name', priority: 0}, {name: 'Data', type: 'integer', format: '', priority: 0}, {name: 'Age', type: 'string', format: '', priority: 0}], rows: [row(name, labels)]})
    fake.on('GET', '/api/v1/namespaces/default/configmaps/a', table('a', {tier: 'web'}))
    fake.on('GET', '/api/v1/namespaces/default/configmaps/b', table('b', {}))
    const {ctx, io} = testCtx(fake.url, home)
    await runGet(ctx, {...defaults, filenames: [file], selector: 'tier in (web,db)'})
    expect(io.stdout()).toBe('NAME   DATA   AGE\na      0      1m\n')
    fake.verify()
  })

  test('-f with resource arguments is kubectl usage error', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runGet(ctx, {...defaults, args: ['pods'], filenames: [manifest(twoDocs)]})).rejects.toThrow(
      'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    )
  })
})

describe('arguments refused before anything is fetched', () => {
  test('an empty name, and --output-watch-events without a watch, with kubectl\'s errors', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runGet(ctx, {...defaults, args: ['cm', 'a', '']})).rejects.toThrow(/^error: resource name may not be empty$/)
    await expect(runGet(ctx, {...defaults, args: ['cm'], outputWatchEvents: true})).rejects.toThrow(
      /^error: --output-watch-events option can only be used with --watch or --watch-only$/,
    )
    expect(fake.requests.filter((r) => r.path.includes('/configmaps'))).toEqual([])
  })
})
