// Discovery.resolve over a fake server: one refresh on a miss from cached data, kubectl's message
// for an unknown type (with ktl's closest name), and the transport's message when the server cannot be reached.
import {createServer} from 'node:net'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createDiscovery} from '../../src/lib/discovery/discovery.js'
import type {Discovery} from '../../src/lib/discovery/types.js'
import {CliError, NoResourceTypeError} from '../../src/lib/errors.js'
import {FakeServer} from '../support/fake-server.js'
import {serveDiscovery, testClient} from '../fixtures/discovery/index.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-resolve-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

function discovery(server = fake.url): Discovery {
  return createDiscovery(testClient(server), {homeDir: home, env: {}})
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('Discovery.resolve', () => {
  it('fails on an unknown type without asking again when the data is fresh', async () => {
    serveDiscovery(fake, {groups: ['apps']})
    await expect(discovery().resolve('flurbs')).rejects.toThrow(new NoResourceTypeError('flurbs', 'error: the server doesn\'t have a resource type "flurbs"'))
    fake.verify()
  })

  it('refreshes cached data once on a miss and finds a type created since', async () => {
    serveDiscovery(fake, {groups: ['apps']})
    await discovery().allResources()
    serveDiscovery(fake, {groups: ['apps', 'stable.example.com']})
    const later = discovery()
    expect(await later.resolve('ct')).toMatchObject({name: 'crontabs', group: 'stable.example.com', version: 'v1', kind: 'CronTab'})
    fake.verify()
    // The refreshed data is used from then on.
    expect(await later.resolve('crontab')).toMatchObject({name: 'crontabs'})
    fake.verify()
  })

  it('refreshes cached data once, then names the unknown type', async () => {
    serveDiscovery(fake, {times: 2, groups: ['apps']})
    await discovery().allResources()
    await expect(discovery().resolve('flurbs.apps')).rejects.toThrow('error: the server doesn\'t have a resource type "flurbs"')
    fake.verify()
  })

  it('names the closest type the server has, from the data it refreshed on the miss', async () => {
    serveDiscovery(fake, {groups: ['apps']})
    await discovery().allResources()
    serveDiscovery(fake, {groups: ['apps', 'stable.example.com']})
    await expect(discovery().resolve('crontabz')).rejects.toThrow(new NoResourceTypeError('crontabz', 'error: the server doesn\'t have a resource type "crontabz"', 'crontabs'))
    fake.verify()
  })

  it('resolves from the cache without asking the server', async () => {
    serveDiscovery(fake, {groups: ['networking.k8s.io']})
    await discovery().allResources()
    const asked = fake.requests.length
    expect(await discovery().resolve('netpol')).toMatchObject({name: 'networkpolicies', group: 'networking.k8s.io'})
    expect(fake.requests.length).toBe(asked)
  })

  it('passes on kubectl\'s warning for an ambiguous short name', async () => {
    serveDiscovery(fake, {groups: ['networking.k8s.io', 'extensions']})
    const warnings: string[] = []
    expect(await discovery().resolve('ing', {warn: (w) => warnings.push(w)})).toMatchObject({group: 'networking.k8s.io', version: 'v1'})
    expect(warnings).toEqual(['short name "ing" could also match lower priority resource ingresses.extensions'])
  })

  it('says the server is unreachable rather than blaming the type', async () => {
    const port = await closedPort()
    const resolving = discovery(`http://127.0.0.1:${port}`).resolve('pods')
    await expect(resolving).rejects.toBeInstanceOf(CliError)
    await expect(resolving).rejects.toMatchObject({message: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`, exitCode: 1})
  })

  it('says the connection failed when group-versions could not be read and the type is not found', async () => {
    serveDiscovery(fake, {groups: ['apps'], replace: {'/apis/apps/v1': {delayMs: 1000, body: ''}}})
    const d = createDiscovery(testClient(fake.url, 200), {homeDir: home, env: {}, requestTimeoutMs: 200})
    const resolving = d.resolve('deploy')
    await expect(resolving).rejects.toBeInstanceOf(CliError)
    await expect(resolving).rejects.toMatchObject({message: 'Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)', exitCode: 1})
  })

  it('still resolves types of the group-versions that could be read', async () => {
    serveDiscovery(fake, {groups: ['apps'], replace: {'/apis/apps/v1': {status: 503}}})
    expect(await discovery().resolve('svc')).toMatchObject({name: 'services'})
  })
})

describe('Discovery.expandCategory', () => {
  it('lists the category\'s resources in group order, each once', async () => {
    serveDiscovery(fake)
    const d = discovery()
    expect(await d.expandCategory('all')).toEqual([
      'pods',
      'replicationcontrollers',
      'services',
      'daemonsets.apps',
      'deployments.apps',
      'replicasets.apps',
      'statefulsets.apps',
      'horizontalpodautoscalers.autoscaling',
      'jobs.batch',
      'cronjobs.batch',
    ])
    expect(await d.expandCategory('example')).toEqual(['crontabs.stable.example.com'])
    expect(await d.expandCategory('pods')).toBeUndefined()
  })
})
