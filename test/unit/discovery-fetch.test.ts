// Discovery against a fake API server serving the recorded 1.20 documents: what is requested, what
// is cached (byte for byte what kubectl 1.32 wrote for the same server), and when the cache is used.
import {mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {discoveryCacheDir} from '../../src/lib/discovery/cache.js'
import {createDiscovery} from '../../src/lib/discovery/discovery.js'
import {AGGREGATED_ACCEPT} from '../../src/lib/discovery/documents.js'
import type {Discovery} from '../../src/lib/discovery/types.js'
import {FakeServer, statusBody} from '../support/fake-server.js'
import {fixtureText, serveDiscovery, testClient} from '../fixtures/discovery/index.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-discovery-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

function discovery(opts: {env?: NodeJS.ProcessEnv; cacheDir?: string} = {}): Discovery {
  return createDiscovery(testClient(fake.url), {homeDir: home, env: opts.env ?? {}, cacheDir: opts.cacheDir})
}

function cacheDir(): string {
  return join(home, '.kube', 'cache', 'discovery', `127.0.0.1_${new URL(fake.url).port}`)
}

function names(resources: Array<{name: string; group: string; version: string}>): string[] {
  return resources.map((r) => `${r.name}.${r.version}.${r.group}`)
}

describe('discovery over plain documents', () => {
  it('reads /api and /apis offering aggregated discovery, then every group-version once', async () => {
    serveDiscovery(fake)
    const {resources, error} = await discovery().serverPreferredResources()
    fake.verify()
    expect(error).toBeUndefined()
    expect(resources).toHaveLength(57)
    const roots = fake.requests.filter((r) => r.path === '/api' || r.path === '/apis')
    expect(roots.map((r) => [r.path, r.headers.accept, r.query.get('timeout')])).toEqual([
      ['/api', AGGREGATED_ACCEPT, '32s'],
      ['/apis', AGGREGATED_ACCEPT, '32s'],
    ])
    const v1 = fake.requests.find((r) => r.path === '/api/v1')
    expect([v1?.headers.accept, v1?.query.get('timeout')]).toEqual(['application/json, */*', '32s'])
  })

  it('writes the cache files kubectl writes, in private folders', async () => {
    serveDiscovery(fake)
    await discovery().allResources()
    for (const file of ['servergroups.json', 'v1/serverresources.json', 'apps/v1/serverresources.json', 'stable.example.com/v1/serverresources.json']) {
      expect(readFileSync(join(cacheDir(), file), 'utf8')).toBe(fixtureText(`kubectl-1.32-cache/legacy/${file}`))
    }
    expect(statSync(join(cacheDir(), 'apps', 'v1', 'serverresources.json')).mode & 0o777).toBe(0o600)
    expect(statSync(join(cacheDir(), 'apps', 'v1')).mode & 0o777).toBe(0o700)
    expect(statSync(join(home, '.kube', 'cache')).mode & 0o777).toBe(0o700)
  })

  it('picks each resource at its preferred version, else the first version serving it', async () => {
    serveDiscovery(fake)
    const resources = names(await discovery().preferredResources())
    expect(resources.filter((n) => /^(cronjobs|jobs|horizontalpodautoscalers|ingresses|events)\./.test(n))).toEqual([
      'events.v1.',
      'events.v1.events.k8s.io',
      'horizontalpodautoscalers.v1.autoscaling',
      'jobs.v1.batch',
      'cronjobs.v1beta1.batch',
      'ingresses.v1.networking.k8s.io',
      'ingresses.v1beta1.extensions',
    ])
  })

  it('lists every version of every resource for allResources', async () => {
    serveDiscovery(fake)
    const all = names(await discovery().allResources())
    expect(all.filter((n) => n.startsWith('horizontalpodautoscalers.'))).toEqual([
      'horizontalpodautoscalers.v1.autoscaling',
      'horizontalpodautoscalers.v2beta1.autoscaling',
      'horizontalpodautoscalers.v2beta2.autoscaling',
    ])
    expect(all).not.toContain('deployments/status.v1.apps')
  })

  it('lists groups with their versions, core first, from /api and /apis alone', async () => {
    fake.on('GET', '/api', {headers: {'content-type': 'application/json'}, body: fixtureText('v1.20/api.json')})
    fake.on('GET', '/apis', {headers: {'content-type': 'application/json'}, body: fixtureText('v1.20/apis.json')})
    const groups = await discovery().groups()
    fake.verify()
    expect(groups.slice(0, 3)).toEqual([
      {name: '', versions: ['v1'], preferredVersion: 'v1'},
      {name: 'apiregistration.k8s.io', versions: ['v1', 'v1beta1'], preferredVersion: 'v1'},
      {name: 'apps', versions: ['v1'], preferredVersion: 'v1'},
    ])
    expect(groups).toHaveLength(21)
  })

  it('reports group-versions that failed after listing the others, and does not cache them', async () => {
    serveDiscovery(fake, {
      replace: {
        '/apis/batch/v1beta1': {status: 503, headers: {'content-type': 'text/plain'}, body: 'service unavailable\n'},
        '/apis/node.k8s.io/v1': statusBody(403, 'Forbidden', 'node.k8s.io/v1 is forbidden'),
      },
    })
    const {resources, error} = await discovery().serverPreferredResources()
    expect(error?.message).toBe(
      'error: unable to retrieve the complete list of server APIs: batch/v1beta1: the server is currently unable to handle the request, ' +
        'node.k8s.io/v1: node.k8s.io/v1 is forbidden',
    )
    expect(names(resources).filter((n) => /^(cronjobs|runtimeclasses)\./.test(n))).toEqual(['runtimeclasses.v1beta1.node.k8s.io'])
    expect(() => statSync(join(cacheDir(), 'batch', 'v1beta1'))).toThrow()
    expect(statSync(join(cacheDir(), 'batch', 'v1', 'serverresources.json')).isFile()).toBe(true)
  })

  it('takes a 404 from /apis as no groups', async () => {
    fake.on('GET', '/api', {headers: {'content-type': 'application/json'}, body: fixtureText('v1.20/api.json')})
    fake.on('GET', '/apis', statusBody(404, 'NotFound', 'the server could not find the requested resource'))
    fake.on('GET', '/api/v1', {headers: {'content-type': 'application/json'}, body: fixtureText('v1.20/api__v1.json')})
    expect((await discovery().groups()).map((g) => g.name)).toEqual([''])
    expect(await discovery().resolve('po')).toMatchObject({name: 'pods', version: 'v1'})
  })
})

describe('discovery over aggregated documents', () => {
  it.each(['v2', 'v2beta1'] as const)('reads everything from /api and /apis (%s)', async (version) => {
    serveDiscovery(fake, {aggregated: version})
    const aggregated = names(await discovery().serverPreferredResources().then((r) => r.resources))
    fake.verify()
    expect(fake.requests.map((r) => r.path)).toEqual(['/api', '/apis'])
    await fake.close()
    fake = await FakeServer.start()
    serveDiscovery(fake)
    expect(names((await discovery().serverPreferredResources()).resources)).toEqual(aggregated)
  })

  it('writes the cache files kubectl writes from aggregated discovery', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    await discovery().groups()
    for (const file of ['servergroups.json', 'v1/serverresources.json', 'apps/v1/serverresources.json', 'stable.example.com/v1/serverresources.json']) {
      expect(readFileSync(join(cacheDir(), file), 'utf8')).toBe(fixtureText(`kubectl-1.32-cache/aggregated/${file}`))
    }
  })

  it('leaves stale group-versions out, as kubectl does', async () => {
    serveDiscovery(fake, {
      aggregated: 'v2',
      editAggregated: (doc) => {
        for (const item of doc.items ?? []) {
          for (const v of item.versions ?? []) if (`${item.metadata?.name}/${v.version}` === 'node.k8s.io/v1') v.freshness = 'Stale'
        }
      },
    })
    const d = discovery()
    expect((await d.groups()).find((g) => g.name === 'node.k8s.io')).toEqual({name: 'node.k8s.io', versions: ['v1beta1'], preferredVersion: 'v1beta1'})
    const {resources, error} = await d.serverPreferredResources()
    expect(error).toBeUndefined()
    expect(names(resources).filter((n) => n.startsWith('runtimeclasses.'))).toEqual(['runtimeclasses.v1beta1.node.k8s.io'])
  })
})

describe('the discovery cache', () => {
  it('serves a later run without asking the server', async () => {
    serveDiscovery(fake, {groups: ['apps']})
    const first = names(await discovery().preferredResources())
    const asked = fake.requests.length
    const later = discovery()
    expect(await later.resolve('deploy')).toMatchObject({name: 'deployments', group: 'apps'})
    expect(names(await later.preferredResources())).toEqual(first)
    expect(fake.requests.length).toBe(asked)
  })

  it('asks again once the files are older than six hours', async () => {
    serveDiscovery(fake, {times: 2, groups: ['apps', 'batch']})
    await discovery().allResources()
    const old = new Date(Date.now() - 6 * 60 * 60 * 1000 - 60_000)
    utimesSync(join(cacheDir(), 'servergroups.json'), old, old)
    utimesSync(join(cacheDir(), 'apps', 'v1', 'serverresources.json'), old, old)
    await discovery().allResources()
    expect(fake.requests.filter((r) => r.path === '/apis').length).toBe(2)
    expect(fake.requests.filter((r) => r.path === '/apis/apps/v1').length).toBe(2)
    expect(fake.requests.filter((r) => r.path === '/apis/batch/v1').length).toBe(1)
  })

  it('ignores files from earlier runs after invalidate', async () => {
    serveDiscovery(fake, {times: 2, groups: ['apps']})
    await discovery().allResources()
    const d = discovery()
    await d.invalidate()
    await d.allResources()
    await d.allResources()
    fake.verify()
  })

  it('asks the server again when a file is not a discovery document', async () => {
    serveDiscovery(fake, {times: 2, groups: ['apps']})
    await discovery().allResources()
    writeFileSync(join(cacheDir(), 'servergroups.json'), '{"kind":"Status"}')
    await discovery().groups()
    expect(fake.requests.filter((r) => r.path === '/apis').length).toBe(2)
  })

  it('lives under KUBECACHEDIR, or the cacheDir option, when given', async () => {
    serveDiscovery(fake, {times: 2, groups: []})
    const port = new URL(fake.url).port
    await discovery({env: {KUBECACHEDIR: join(home, 'kcd')}}).groups()
    expect(statSync(join(home, 'kcd', 'discovery', `127.0.0.1_${port}`, 'servergroups.json')).isFile()).toBe(true)
    await discovery({cacheDir: join(home, 'flag')}).groups()
    expect(statSync(join(home, 'flag', 'discovery', `127.0.0.1_${port}`, 'servergroups.json')).isFile()).toBe(true)
  })

  it('still answers when the cache cannot be written', async () => {
    serveDiscovery(fake, {groups: []})
    writeFileSync(join(home, '.kube'), 'not a folder')
    expect(await discovery().resolve('svc')).toMatchObject({name: 'services'})
  })

  it('names the folder like kubectl', () => {
    expect(discoveryCacheDir('/c', 'https://127.0.0.1:6443')).toBe('/c/127.0.0.1_6443')
    expect(discoveryCacheDir('/c', 'http://localhost:8080')).toBe('/c/localhost_8080')
    expect(discoveryCacheDir('/c', 'https://api.example.com')).toBe('/c/api.example.com')
    expect(discoveryCacheDir('/c', 'https://[::1]:6443/prefix/')).toBe('/c/___1__6443/prefix')
    expect(discoveryCacheDir('/c', 'https://user@host-1:443')).toBe('/c/user_host_1_443')
  })
})
