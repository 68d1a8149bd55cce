// `ktl api-resources` against a fake server serving the recorded documents: every expected output
// is what kubectl 1.32 printed with the same flags against a server serving the same documents.
import {mkdtempSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {type APIResourcesOptions, runAPIResources} from '../../src/lib/ops/api-resources.js'
import {CliError} from '../../src/lib/errors.js'
import {FakeServer} from '../support/fake-server.js'
import {fixtureText, serveDiscovery, testCtx} from '../fixtures/discovery/index.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-api-resources-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const defaults: APIResourcesOptions = {args: [], verbs: [], categories: [], noHeaders: false, cached: false}

async function run(opts: Partial<APIResourcesOptions>, server = fake.url): Promise<{stdout: string; error?: unknown}> {
  const {ctx, io} = testCtx(server, home)
  try {
    await runAPIResources(ctx, {...defaults, ...opts})
    return {stdout: io.stdout()}
  } catch (error) {
    return {stdout: io.stdout(), error}
  }
}

function golden(name: string): string {
  return fixtureText(`kubectl-1.32/${name}.txt`)
}

describe('api-resources prints what kubectl prints', () => {
  // One discovery fills the cache; each case then reads it (--cached), which keeps the file fast.
  let warm: {server: FakeServer; home: string}
  beforeAll(async () => {
    warm = {server: await FakeServer.start(), home: mkdtempSync(join(tmpdir(), 'ktl-api-resources-'))}
    serveDiscovery(warm.server)
    const {ctx} = testCtx(warm.server.url, warm.home)
    await runAPIResources(ctx, defaults)
  })
  afterAll(async () => {
    await warm.server.close()
    rmSync(warm.home, {recursive: true, force: true})
  })

  async function cached(opts: Partial<APIResourcesOptions>): Promise<string> {
    const {ctx, io} = testCtx(warm.server.url, warm.home)
    await runAPIResources(ctx, {...defaults, ...opts, cached: true})
    return io.stdout()
  }

  it.each<[string, Partial<APIResourcesOptions>]>([
    ['default', {}],
    ['wide', {output: 'wide'}],
    ['name', {output: 'name'}],
    ['namespaced-true', {namespaced: true}],
    ['namespaced-false', {namespaced: false}],
    ['api-group-apps', {apiGroup: 'apps'}],
    ['api-group-core', {apiGroup: ''}],
    ['api-group-none', {apiGroup: 'nonexistent'}],
    ['verbs-list-watch', {verbs: ['list,watch']}],
    ['verbs-repeated', {verbs: ['create', 'get']}],
    ['verbs-none', {verbs: ['frobnicate']}],
    ['sort-name', {sortBy: 'name'}],
    ['sort-kind', {sortBy: 'kind'}],
    ['no-headers', {noHeaders: true}],
    ['wide-no-headers', {output: 'wide', noHeaders: true}],
    ['categories', {categories: ['all']}],
    ['name-sort-kind', {output: 'name', sortBy: 'kind'}],
  ])('%s', async (name, opts) => {
    expect(await cached(opts)).toBe(golden(name))
  })

  it('takes --verbs= as no filter and --verbs=get, as a verb nobody has', async () => {
    expect(await cached({verbs: ['']})).toBe(golden('default'))
    expect(await cached({verbs: ['get,']})).toBe('NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n')
  })

  it('prints the same from aggregated discovery', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    expect((await run({output: 'wide'})).stdout).toBe(golden('wide'))
  })

  it('asked the server for every document once', () => {
    warm.server.verify()
  })
})

describe('api-resources and the cache', () => {
  it('asks the server every time unless --cached', async () => {
    serveDiscovery(fake, {times: 2})
    await run({})
    await run({})
    fake.verify()
    const asked = fake.requests.length
    expect((await run({cached: true})).stdout).toBe(golden('default'))
    expect(fake.requests.length).toBe(asked)
  })

  it('fetches with --cached when nothing is cached', async () => {
    serveDiscovery(fake)
    expect((await run({cached: true})).stdout).toBe(golden('default'))
    fake.verify()
  })
})

describe('api-resources failures', () => {
  it('lists what it got, then names the group-versions that failed', async () => {
    const unavailable = {status: 503, headers: {'content-type': 'text/plain'}, body: 'service unavailable\n'}
    serveDiscovery(fake, {replace: {'/apis/batch/v1beta1': unavailable, '/apis/node.k8s.io/v1': unavailable}})
    const {stdout, error} = await run({})
    expect(stdout).toBe(golden('failed-group-versions'))
    expect(error).toEqual(
      new CliError(
        'error: unable to retrieve the complete list of server APIs: batch/v1beta1: the server is currently unable to handle the request, ' +
          'node.k8s.io/v1: the server is currently unable to handle the request',
      ),
    )
  })

  it('prints the header, then the connection error, when the server is unreachable', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const {port} = probe.address() as {port: number}
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const {stdout, error} = await run({}, `http://127.0.0.1:${port}`)
    expect(stdout).toBe('NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n')
    expect(error).toBeInstanceOf(CliError)
    expect(error).toMatchObject({message: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`, exitCode: 1})
    const named = await run({output: 'name'}, `http://127.0.0.1:${port}`)
    expect(named.stdout).toBe('')
  })

  it('reports a rejected token like kubectl', async () => {
    fake.on('GET', '/api', {status: 401, headers: {'content-type': 'application/json'}, body: JSON.stringify({kind: 'Status', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401})})
    fake.on('GET', '/apis', {status: 401, headers: {'content-type': 'application/json'}, body: '{}'}, {optional: true})
    const {stdout, error} = await run({})
    expect(stdout).toBe('NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n')
    expect((error as Error).message).toBe('error: You must be logged in to the server (the server has asked for the client to provide credentials)')
  })

  it.each<[Partial<APIResourcesOptions>, string]>([
    [{args: ['foo']}, "error: unexpected arguments: [foo]\nSee 'ktl api-resources -h' for help and examples"],
    [{args: ['a', 'b']}, "error: unexpected arguments: [a b]\nSee 'ktl api-resources -h' for help and examples"],
    [{output: 'json'}, 'error: --output json is not available'],
    [{sortBy: 'foo'}, 'error: --sort-by accepts only name or kind'],
  ])('refuses %j before asking the server', async (opts, message) => {
    const {stdout, error} = await run(opts)
    expect(error).toEqual(new CliError(message))
    expect(stdout).toBe('')
    expect(fake.requests).toEqual([])
  })
})
