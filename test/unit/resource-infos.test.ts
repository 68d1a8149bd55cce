// The one resource builder (planInfos + buildInfos + visitInfos) against a FakeServer serving the
// recorded v1.20 discovery: what each form of argument reads, where each failure is kept, and what
// kubectl's visit hands CheckErr — the order and wording kubectl 1.32 printed for the same cases on
// the e2e cluster (label, delete, wait and rollout all print through this).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {Ctx} from '../../src/lib/context.js'
import {checkErr, CliError, GoError} from '../../src/lib/errors.js'
import {memoryIO} from '../../src/lib/io.js'
import {type BuildOptions, buildInfos, foundInfos, type Info, type Infos, visitInfos} from '../../src/lib/resources/infos.js'
import {type BuilderArgs, planInfos} from '../../src/lib/resources/plan.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-infos-'))
  serveDiscovery(fake, {crd: false, groups: ['apps'], times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

/** A Ctx on the fake server; `namespaceFlag` stands for -n (kubectl's enforced namespace). */
function context(namespaceFlag?: string): Ctx {
  const {ctx} = testCtx(fake.url, home)
  const namespace = namespaceFlag ?? 'default'
  return {...ctx, io: memoryIO(), overrides: namespaceFlag ? {namespace} : {}, namespace: async () => namespace}
}

const CM = '/api/v1/namespaces/default/configmaps'
const configMap = (name: string, namespace = 'default', labels?: Record<string, string>) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace, labels}})
const list = (kind: string, items: object[]) => ({body: {kind: `${kind}List`, apiVersion: 'v1', metadata: {}, items}})
const notFound = (name: string) => statusBody(404, 'NotFound', `configmaps "${name}" not found`, {name, kind: 'configmaps'})

async function build(args: Partial<BuilderArgs>, opts: BuildOptions = {allNamespaces: false}, ctx = context()): Promise<Infos<Info>> {
  const plan = await planInfos(ctx, {args: [], filenames: [], recursive: false, ...args})
  return buildInfos(ctx, plan, opts)
}

/** What the command prints on stderr for the visit's failures, as CheckErr prints them. */
async function printed(infos: Infos<Info>, fn?: (info: Info) => Promise<void>): Promise<string | undefined> {
  const error = await visitInfos(infos, fn)
  return error && checkErr(error).message
}

function manifest(text: string): string {
  const file = join(home, 'app.yaml')
  writeFileSync(file, text)
  return file
}

describe('names', () => {
  it('reads each object, goes on past a missing one and a dropped connection, failures in order', async () => {
    fake.on('GET', `${CM}/a`, {body: configMap('a')})
    fake.on('GET', `${CM}/nope`, notFound('nope'))
    fake.always('GET', `${CM}/gone`, {destroy: true})
    fake.on('GET', `${CM}/b`, {body: configMap('b')})
    const infos = await build({args: ['cm', 'a', 'nope', 'gone', 'b']})
    expect(foundInfos(infos).map((i) => [i.name, i.object?.metadata?.name])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ])
    expect(infos.singleItemImplied).toBe(false)
    expect(await printed(infos)).toBe('Error from server (NotFound): configmaps "nope" not found\nUnable to connect to the server: EOF')
  })

  it("a lone dropped connection prints kubectl's line without \"error: \"", async () => {
    fake.always('GET', `${CM}/gone`, {destroy: true})
    const infos = await build({args: ['cm/gone']})
    expect(infos.singleItemImplied).toBe(true)
    expect(await printed(infos)).toBe('Unable to connect to the server: EOF')
  })

  it('delete reads nothing (RequireObject false)', async () => {
    const infos = await build({args: ['cm', 'a']}, {allNamespaces: false, requireObject: false})
    expect(infos.entries).toEqual([{info: {resource: expect.objectContaining({name: 'configmaps'}), namespace: 'default', name: 'a'}}])
    fake.verify()
  })

  it('reads the subresource asked for', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale', {body: {kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: {name: 'web'}}})
    const infos = await build({args: ['deploy/web']}, {allNamespaces: false, subresource: 'scale'})
    expect(foundInfos(infos)[0].object?.kind).toBe('Scale')
  })
})

describe('selectors', () => {
  it('lists each type; a list the server refuses (400, 404) is reworded as kubectl words it and reported after everything else', async () => {
    fake.on('GET', '/api/v1/namespaces/default/pods', statusBody(400, 'BadRequest', 'field label not supported: bad'))
    fake.on('GET', CM, list('ConfigMap', [configMap('a')]))
    const infos = await build({args: ['pods,cm'], fieldSelector: 'bad=x'})
    expect(fake.requests.filter((r) => r.path === CM).map((r) => r.query.toString())).toEqual(['fieldSelector=bad%3Dx'])
    const visited: string[] = []
    const failure = await printed(infos, async (info) => {
      visited.push(info.name)
      throw new GoError(`cannot touch ${info.name}`)
    })
    expect(visited).toEqual(['a'])
    // The failed list is in kubectl's inner aggregate: behind the others, printed as Go's text.
    expect(failure).toBe('cannot touch a\nUnable to find "/v1, Resource=pods" that match label selector "", field selector "bad=x": field label not supported: bad')
  })

  it('a lone failed list prints as the status it is', async () => {
    fake.on('GET', CM, statusBody(400, 'BadRequest', '"bad" is not a known field selector'))
    const infos = await build({args: ['cm'], selector: 'app=x', fieldSelector: 'bad=x'})
    expect(await printed(infos)).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "app=x", field selector "bad=x": "bad" is not a known field selector')
  })

  it('a forbidden list keeps its words', async () => {
    fake.on('GET', '/api/v1/namespaces/default/secrets', statusBody(403, 'Forbidden', 'secrets is forbidden: no'))
    fake.on('GET', CM, list('ConfigMap', []))
    expect(await printed(await build({args: ['secrets,cm'], all: true}))).toBe('Error from server (Forbidden): secrets is forbidden: no')
  })

  it('a lone TYPE means all of its objects where kubectl allows it, and names stay names', async () => {
    fake.on('GET', CM, list('ConfigMap', [configMap('a')]))
    const all = await build({args: ['cm'], typeMeansAll: true})
    expect(foundInfos(all).map((i) => i.name)).toEqual(['a'])
    expect(fake.requests.find((r) => r.path === CM)?.query.toString()).toBe('')
    fake.on('GET', `${CM}/b`, {body: configMap('b')})
    expect(foundInfos(await build({args: ['cm', 'b'], typeMeansAll: true})).map((i) => i.name)).toEqual(['b'])
    await expect(build({args: ['cm']})).rejects.toThrow('error: resource(s) were provided, but no name was specified')
    await expect(build({args: ['cm', 'b'], all: true})).rejects.toThrow('error: name cannot be provided when a selector is specified')
  })

  it('with -n and -A every namespaced object found is refused, as kubectl holds -n against the empty namespace', async () => {
    fake.on('GET', '/api/v1/configmaps', list('ConfigMap', [configMap('a', 'one'), configMap('b', 'two')]))
    const infos = await build({args: ['cm'], all: true, allNamespaces: true}, {allNamespaces: true}, context('one'))
    expect(foundInfos(infos)).toEqual([])
    expect(await printed(infos)).toBe(
      [
        `the namespace from the provided object "one" does not match the namespace "". You must pass '--namespace=one' to perform this operation.`,
        `the namespace from the provided object "two" does not match the namespace "". You must pass '--namespace=two' to perform this operation.`,
      ].join('\n'),
    )
  })
})

describe('-f', () => {
  const unmappable = 'apiVersion: example.com/v1\nkind: Nothing\nmetadata:\n  name: zz\n'
  const mapping = (file: string) => `resource mapping not found for name: "zz" namespace: "" from "${file}": no matches for kind "Nothing" in version "example.com/v1"\nensure CRDs are installed first`

  it('without Latest the objects stay as the files hold them; documents that do not map come last', async () => {
    const file = manifest([unmappable, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n'].join('---\n'))
    const infos = await build({filenames: [file]})
    expect(foundInfos(infos).map((i) => [i.name, i.namespace, i.source, i.object?.data])).toEqual([['a', 'default', file, {k: 'v'}]])
    expect(infos.singleItemImplied).toBe(true)
    expect(await printed(infos, async () => Promise.reject(new GoError('refused')))).toBe(`refused\n${mapping(file)}`)
  })

  it('with Latest each object is read again; those not found join the documents that do not map, after the rest', async () => {
    const file = manifest(['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', unmappable].join('---\n'))
    fake.on('GET', `${CM}/nope`, notFound('nope'))
    fake.on('GET', `${CM}/a`, {body: {...configMap('a'), data: {live: 'yes'}}})
    const infos = await build({filenames: [file]}, {allNamespaces: false, latest: true})
    expect(foundInfos(infos).map((i) => i.object?.data)).toEqual([{live: 'yes'}])
    // kubectl's `label -f` as a user who may not patch: the patch failure first, then `[not found, unmapped]`.
    const forbidden = new CliError('Error from server (Forbidden): configmaps "a" is forbidden')
    expect(await printed(infos, async () => Promise.reject(forbidden))).toBe(
      `Error from server (Forbidden): configmaps "a" is forbidden\n[configmaps "nope" not found, ${mapping(file)}]`,
    )
  })

  it('a lone document that does not map gets "error: "', async () => {
    const file = manifest(unmappable)
    expect(await printed(await build({filenames: [file]}))).toBe(`error: ${mapping(file)}`)
  })

  it('with -n an object that names another namespace is refused in its place', async () => {
    const file = manifest(['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: other\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'].join('---\n'))
    const infos = await build({filenames: [file]}, {allNamespaces: false}, context('default'))
    expect(foundInfos(infos).map((i) => i.name)).toEqual(['b'])
    expect(await printed(infos)).toBe(
      `error: the namespace from the provided object "other" does not match the namespace "default". You must pass '--namespace=other' to perform this operation.`,
    )
  })

  it('-l keeps the documents whose labels match', async () => {
    const file = manifest(['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {app: x}\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'].join('---\n'))
    expect(foundInfos(await build({filenames: [file], selector: 'app=x'})).map((i) => i.name)).toEqual(['a'])
  })
})

describe('a server that cannot be reached while -f documents are mapped', () => {
  it('fails each document as kubectl\'s mapper does: "unable to recognize FILE" and the request that failed', async () => {
    const file = manifest(['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n'].join('---\n'))
    const down = await FakeServer.start()
    const url = down.url
    await down.close()
    const {ctx} = testCtx(url, home)
    const plan = await planInfos(ctx, {args: [], filenames: [file], recursive: false})
    const infos = await buildInfos(ctx, plan, {allNamespaces: false})
    const line = `unable to recognize "${file}": Get "${url}/api?timeout=32s": dial tcp ${url.replace('http://', '')}: connect: connection refused`
    expect(await printed(infos)).toBe(`${line}\n${line}`)
  })
})
