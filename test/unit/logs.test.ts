// runLogs against a FakeServer: what the e2e control plane cannot show (it has no kubelet to serve
// logs): bodies streamed to stdout line by line as chunks arrive, followed containers in parallel,
// prefixes, the query kubectl sends, pod choice for TYPE/NAME, and the server's errors.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type LogsOptions, runLogs} from '../../src/lib/ops/logs.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-logs-'))
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  fake.verify()
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const NS = '/api/v1/namespaces/default'
const json = (body: unknown) => ({headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})
const base: LogsOptions = {args: [], follow: false, previous: false, timestamps: false, allContainers: false, allPods: false, prefix: false, ignoreErrors: false, insecureSkipTLSVerifyBackend: false}

function pod(name: string, containers: string[], extra: {init?: string[]; labels?: Record<string, string>; phase?: string; ready?: boolean; created?: string; annotations?: Record<string, string>} = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default', labels: extra.labels, annotations: extra.annotations, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z'},
    spec: {nodeName: 'n1', containers: containers.map((c) => ({name: c})), initContainers: extra.init?.map((c) => ({name: c}))},
    status: {phase: extra.phase ?? 'Running', conditions: [{type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastTransitionTime: '2026-01-01T00:00:01Z'}]},
  }
}

/** Runs logs; every stdout write is timed so tests can tell streaming from buffering. */
async function logs(opts: Partial<LogsOptions>) {
  const {ctx, io} = testCtx(fake.url, home)
  const writes: Array<{at: number; text: string}> = []
  const write = io.out.write
  io.out.write = (text: string) => {
    writes.push({at: Date.now(), text})
    return write(text)
  }
  let error: Error | undefined
  try {
    await runLogs(ctx, {...base, ...opts})
  } catch (err) {
    error = err as Error
  }
  return {stdout: io.stdout(), stderr: io.stderr(), error: error?.message, writes, done: Date.now()}
}

describe('streaming', () => {
  it('writes each line as its chunk arrives, joining a line split across chunks, and ends with an unterminated last line', async () => {
    fake.on('GET', `${NS}/pods/web`, json(pod('web', ['app'])))
    fake.on('GET', `${NS}/pods/web/log`, {chunks: ['first\nsec', 'ond\n', 'last without newline'], chunkDelayMs: 300})
    const run = await logs({args: ['web'], follow: true})
    expect(run.error).toBeUndefined()
    expect(run.writes.map((w) => w.text)).toEqual(['first\n', 'second\n', 'last without newline'])
    // The first line was on stdout while the server still had two chunks to send.
    expect(run.writes[1].at - run.writes[0].at).toBeGreaterThanOrEqual(250)
    expect(run.done - run.writes[0].at).toBeGreaterThanOrEqual(500)
    const query = fake.requests.find((r) => r.path.endsWith('/log'))!.query
    expect(Object.fromEntries(query)).toEqual({container: 'app', follow: 'true'})
  })

  it('-f over several containers reads them at once and interleaves lines as they come, each with its prefix', async () => {
    fake.on('GET', `${NS}/pods/web`, json(pod('web', ['a', 'b'])))
    fake.on('GET', `${NS}/pods/web/log`, (req) =>
      req.query.get('container') === 'a' ? {chunks: ['a1\n', 'a2\n'], chunkDelayMs: 400} : {delayMs: 200, chunks: ['b1\n']},
      {times: 2},
    )
    const run = await logs({args: ['web'], follow: true, allContainers: true, prefix: true})
    expect(run.error).toBeUndefined()
    expect(run.stdout).toBe('[pod/web/a] a1\n[pod/web/b] b1\n[pod/web/a] a2\n')
  })

  it('-f stops every stream at the first failure, unless --ignore-errors, which prints it on stdout and goes on', async () => {
    const waiting = statusBody(400, 'BadRequest', 'container "b" in pod "web" is waiting to start: ContainerCreating')
    fake.always('GET', `${NS}/pods/web`, json(pod('web', ['a', 'b'])))
    fake.always('GET', `${NS}/pods/web/log`, (req) => (req.query.get('container') === 'a' ? {chunks: ['a1\n', 'a2\n'], chunkDelayMs: 300} : {delayMs: 100, ...waiting}))
    const failed = await logs({args: ['web'], follow: true, allContainers: true})
    expect(failed.error).toBe('Error from server (BadRequest): container "b" in pod "web" is waiting to start: ContainerCreating')
    expect(failed.stdout).toBe('a1\n')
    const ignored = await logs({args: ['web'], follow: true, allContainers: true, ignoreErrors: true})
    expect(ignored.error).toBeUndefined()
    expect(ignored.stdout).toBe('a1\nerror: container "b" in pod "web" is waiting to start: ContainerCreating\na2\n')
  })

  it('refuses to follow more streams than --max-log-requests', async () => {
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [pod('p1', ['a']), pod('p2', ['a'])]}))
    const run = await logs({selector: 'app=x', follow: true, maxLogRequests: 1})
    expect(run.error).toBe('error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit')
    expect(fake.requests.some((r) => r.path.endsWith('/log'))).toBe(false)
  })
})

describe('what is read', () => {
  it('--all-containers reads init containers, then containers, one after the other', async () => {
    fake.on('GET', `${NS}/pods/web`, json(pod('web', ['a', 'b'], {init: ['setup']})))
    fake.on('GET', `${NS}/pods/web/log`, (req) => ({body: `${req.query.get('container')} says hi\n`}), {times: 3})
    const run = await logs({args: ['web'], allContainers: true, prefix: true})
    expect(run.stdout).toBe('[pod/web/setup] setup says hi\n[pod/web/a] a says hi\n[pod/web/b] b says hi\n')
    expect(run.stderr).toBe('')
  })

  it('several containers and no -c: the first, said on stderr; the default-container annotation wins', async () => {
    fake.on('GET', `${NS}/pods/web`, json(pod('web', ['a', 'b'], {init: ['setup']})))
    fake.on('GET', `${NS}/pods/web/log`, {body: 'x\n'})
    expect(await logs({args: ['web']})).toMatchObject({stdout: 'x\n', stderr: 'Defaulted container "a" out of: a, b, setup (init)\n'})
    fake.on('GET', `${NS}/pods/web`, json(pod('web', ['a', 'b'], {annotations: {'kubectl.kubernetes.io/default-container': 'b'}})))
    fake.on('GET', `${NS}/pods/web/log`, {body: 'y\n'})
    expect(await logs({args: ['web']})).toMatchObject({stdout: 'y\n', stderr: ''})
    expect(fake.requests.filter((r) => r.path.endsWith('/log')).map((r) => r.query.get('container'))).toEqual(['a', 'b'])
  })

  it('sends kubectl\'s query: seconds rounded, the time in UTC, 10 lines for a selector, bytes, timestamps, previous', async () => {
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [pod('p1', ['a'])]}), {times: 2})
    fake.on('GET', `${NS}/pods/p1/log`, {body: ''}, {times: 2})
    await logs({selector: 'app=x', sinceMs: 1500, limitBytes: 100, timestamps: true, previous: true})
    await logs({selector: 'app=x', sinceTime: '2024-08-30T08:00:00.5+02:00', tail: -1})
    const [first, second] = fake.requests.filter((r) => r.path.endsWith('/log')).map((r) => Object.fromEntries(r.query))
    expect(first).toEqual({container: 'a', previous: 'true', timestamps: 'true', sinceSeconds: '2', tailLines: '10', limitBytes: '100'})
    expect(second).toEqual({container: 'a', sinceTime: '2024-08-30T06:00:00Z'})
    expect(fake.requests.find((r) => r.path === `${NS}/pods`)?.query.get('labelSelector')).toBe('app=x')
  })

  it('TYPE/NAME reads the pod kubectl would pick (assigned, running, ready first) and says how many there were', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web', tier: 'fe'}}}}))
    fake.on('GET', `${NS}/pods`, (req) => {
      expect(req.query.get('labelSelector')).toBe('app=web,tier=fe')
      return json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [pod('pending', ['c'], {phase: 'Pending', ready: false}), pod('good', ['c']), pod('unready', ['c'], {ready: false})]})
    })
    fake.on('GET', `${NS}/pods/good/log`, {body: 'from good\n'})
    expect(await logs({args: ['deployment/web']})).toMatchObject({stdout: 'from good\n', stderr: 'Found 3 pods, using pod/good\n'})
  })

  it('--all-pods reads every pod of TYPE/NAME, prefixed, without saying which container it defaulted to', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}}}))
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [pod('w1', ['c']), pod('w2', ['c', 'sidecar'])]}))
    fake.on('GET', `${NS}/pods/w1/log`, {body: 'one\n'})
    fake.on('GET', `${NS}/pods/w2/log`, {body: 'two\n'})
    expect(await logs({args: ['deploy/web'], allPods: true})).toMatchObject({stdout: '[pod/w1/c] one\n[pod/w2/c] two\n', stderr: '', error: undefined})
  })

  it('TYPE/NAME with no pod yet waits for one to appear', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}}}))
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '42'}, items: []}))
    fake.on('GET', `${NS}/pods`, (req) => {
      expect(Object.fromEntries(req.query)).toEqual({labelSelector: 'app=web', resourceVersion: '42', watch: '1', allowWatchBookmarks: 'true'})
      return {delayMs: 100, chunks: [`${JSON.stringify({type: 'ADDED', object: pod('late', ['c'])})}\n`], after: 'stall'}
    })
    fake.on('GET', `${NS}/pods/late/log`, {body: 'hello\n'})
    expect(await logs({args: ['deploy/web']})).toMatchObject({stdout: 'hello\n', stderr: '', error: undefined})
  })

  it('TYPE/NAME with no pod yet: a watch the server ends is resumed from where it was (kubectl gives up)', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}}}))
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '42'}, items: []}))
    fake.on('GET', `${NS}/pods`, {chunks: [`${JSON.stringify({type: 'BOOKMARK', object: {kind: 'Pod', apiVersion: 'v1', metadata: {resourceVersion: '57'}}})}\n`]})
    fake.on('GET', `${NS}/pods`, (req) => {
      expect(req.query.get('resourceVersion')).toBe('57')
      return {chunks: [`${JSON.stringify({type: 'ADDED', object: pod('late', ['c'])})}\n`], after: 'stall'}
    })
    fake.on('GET', `${NS}/pods/late/log`, {body: 'hello\n'})
    expect(await logs({args: ['deploy/web']})).toMatchObject({stdout: 'hello\n', stderr: '', error: undefined})
  })

  it('gives up after --pod-running-timeout with kubectl\'s message', async () => {
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', namespace: 'default'}, spec: {selector: {matchLabels: {app: 'web'}}}}))
    fake.on('GET', `${NS}/pods`, json({kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '42'}, items: []}))
    fake.on('GET', `${NS}/pods`, {chunks: [], after: 'stall'})
    const started = Date.now()
    const run = await logs({args: ['deploy/web'], podRunningTimeoutMs: 300})
    expect(run.error).toBe('error: timed out waiting for the condition')
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('a kind with no pod selector fails as kubectl does', async () => {
    fake.on('GET', `${NS}/configmaps/c`, json({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'default'}}))
    expect((await logs({args: ['cm/c']})).error).toBe('error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented')
    fake.on('GET', `${NS}/services/s`, json({apiVersion: 'v1', kind: 'Service', metadata: {name: 's', namespace: 'default'}, spec: {}}))
    expect((await logs({args: ['svc/s']})).error).toBe("error: cannot get the logs from *v1.Service: invalid service 's': Service is defined without a selector")
  })
})
