// runTopPod and runTopNode against a FakeServer with a Metrics API (the e2e control plane has none):
// every table byte for byte as kubectl 1.32 printed it for the same documents
// (fixtures/top/kubectl-1.32.json, recorded from kubectl 1.32 against a server serving
// fixtures/top/*.json), plus the requests made and the paths to "Metrics API not available".
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {runTopNode, runTopPod} from '../../src/lib/ops/top.js'
import {fixtureText, serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

const FIXTURES = join(import.meta.dirname, '../fixtures/top')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const json = (body: string | object) => ({headers: {'content-type': 'application/json'}, body: typeof body === 'string' ? body : JSON.stringify(body)})
const M = '/apis/metrics.k8s.io/v1beta1'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-top-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

/** The recorded 1.20 discovery, plus metrics.k8s.io/v1beta1 when `metrics`. */
function serve(metrics: boolean) {
  const apis = JSON.parse(fixtureText('v1.20/apis.json')) as {groups: unknown[]}
  if (metrics) {
    apis.groups.push({name: 'metrics.k8s.io', versions: [{groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1'}], preferredVersion: {groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1'}})
  }
  serveDiscovery(fake, {crd: false, times: Number.POSITIVE_INFINITY, replace: {'/apis': json(apis)}})
}

interface Golden {
  args: string[]
  stdout: string
  stderr: string
  code: number
}

async function top(args: string[]) {
  const {ctx, io} = testCtx(fake.url, home)
  const rest = [...args]
  const kind = rest.shift()
  const flag = (name: string) => {
    const i = rest.indexOf(name)
    if (i >= 0) rest.splice(i, 1)
    return i >= 0
  }
  const value = (prefix: string) => {
    const i = rest.findIndex((a) => a.startsWith(prefix))
    if (i < 0) return undefined
    const [v] = rest.splice(i, 1)
    return v.slice(prefix.length)
  }
  const n = rest.indexOf('-n')
  if (n >= 0) {
    const namespace = rest.splice(n, 2)[1]
    ctx.namespace = async () => namespace
  }
  const common = {noHeaders: flag('--no-headers'), sortBy: value('--sort-by='), selector: value('--selector=')}
  let error: string | undefined
  try {
    if (kind === 'pod') {
      await runTopPod(ctx, {...common, allNamespaces: flag('-A'), containers: flag('--containers'), sum: flag('--sum'), fieldSelector: value('--field-selector='), args: rest})
    } else {
      await runTopNode(ctx, {...common, showCapacity: flag('--show-capacity'), args: rest})
    }
  } catch (err) {
    error = (err as Error).message
  }
  return {stdout: io.stdout(), stderr: error === undefined ? io.stderr() : `${io.stderr()}${error}\n`, code: error === undefined ? 0 : 1}
}

describe('with a Metrics API', () => {
  beforeEach(() => {
    serve(true)
    const podMetrics = JSON.parse(fixture('pod-metrics.json')) as {items: unknown[]}
    const nodeMetrics = JSON.parse(fixture('node-metrics.json')) as {items: unknown[]}
    const nodes = JSON.parse(fixture('nodes.json')) as {items: unknown[]}
    fake.always('GET', `${M}/namespaces/default/pods`, json(podMetrics), {optional: true})
    fake.always('GET', `${M}/namespaces/default/pods/web-2`, json(podMetrics.items[0] as object), {optional: true})
    fake.always('GET', `${M}/pods`, json(fixture('pod-metrics-all.json')), {optional: true})
    fake.always('GET', `${M}/namespaces/empty/pods`, json({kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: []}), {optional: true})
    fake.always('GET', '/api/v1/namespaces/empty/pods', json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: []}), {optional: true})
    fake.always('GET', `${M}/nodes`, json(nodeMetrics), {optional: true})
    fake.always('GET', `${M}/nodes/n1`, json(nodeMetrics.items[1] as object), {optional: true})
    fake.always('GET', '/api/v1/nodes', json(nodes), {optional: true})
    fake.always('GET', '/api/v1/nodes/n1', json(nodes.items[0] as object), {optional: true})
  })

  const goldens = JSON.parse(fixture('kubectl-1.32.json')) as Golden[]
  it.each(goldens.map((g) => ({...g, label: g.args.join(' ')})))('top $label prints what kubectl 1.32 prints', async (golden) => {
    expect(await top(golden.args)).toEqual({stdout: golden.stdout, stderr: golden.stderr, code: golden.code})
  })

  it('passes the selectors to the Metrics API and the node list', async () => {
    await top(['pod', '--selector=app=web', '--field-selector=status.phase=Running'])
    await top(['node', '--selector=role=worker'])
    const query = (path: string) => Object.fromEntries(fake.requests.find((r) => r.path === path)!.query)
    expect(query(`${M}/namespaces/default/pods`)).toEqual({labelSelector: 'app=web', fieldSelector: 'status.phase=Running'})
    expect(query(`${M}/nodes`)).toEqual({labelSelector: 'role=worker'})
    expect(query('/api/v1/nodes')).toEqual({labelSelector: 'role=worker'})
  })

  it('no metrics for pods older than two minutes is an error naming the pod', async () => {
    fake.on('GET', `${M}/namespaces/old/pods`, json({kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: []}))
    const created = new Date(Date.now() - 10 * 60_000).toISOString()
    fake.on('GET', '/api/v1/namespaces/old/pods', json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [{metadata: {name: 'x', namespace: 'old', creationTimestamp: created}}]}))
    const run = await top(['pod', '-n', 'old'])
    expect(run.stderr).toMatch(/^error: Metrics not available for pod old\/x, age: 10m0\.\d+s\n$/)
    expect(run).toMatchObject({stdout: '', code: 1})
  })

  it('no metrics for new pods: not yet available', async () => {
    fake.on('GET', `${M}/namespaces/new/pods`, json({kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items: []}))
    fake.on('GET', '/api/v1/namespaces/new/pods', json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [{metadata: {name: 'x', namespace: 'new', creationTimestamp: new Date().toISOString()}}]}))
    expect(await top(['pod', '-n', 'new'])).toEqual({stdout: '', stderr: 'error: metrics not available yet\n', code: 1})
  })
})

describe('without a Metrics API', () => {
  it('says so, as kubectl does, after checking the arguments', async () => {
    serve(false)
    expect(await top(['pod'])).toEqual({stdout: '', stderr: 'error: Metrics API not available\n', code: 1})
    expect(await top(['node'])).toEqual({stdout: '', stderr: 'error: Metrics API not available\n', code: 1})
    expect(await top(['pod', '--sort-by=name'])).toEqual({stdout: '', stderr: 'error: --sort-by accepts only cpu or memory\n', code: 1})
    expect(fake.requests.some((r) => r.path.startsWith(M))).toBe(false)
  })
})
