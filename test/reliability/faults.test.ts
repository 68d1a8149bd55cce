// The built ktl as a process against a faulty fake API server, as issue 6 asks: each case checks the
// exit status, the one line a user reads on stderr (kubectl 1.32's wording, learned by running it
// against the same fake server), and that nothing crashed or hung. Library-level behaviour (retry
// counts, TLS details, log formats) is unit-tested; this suite checks what reaches the terminal.
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {load} from 'js-yaml'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {serveDiscovery} from '../fixtures/discovery/index.js'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {fakeServers} from '../support/client.js'
import {type FakeServer, type Reply, statusBody, type TLSOptions} from '../support/fake-server.js'
import {type CaseOptions, type CaseRun, runKtl, Tally} from './harness.js'

const tally = new Tally('faults')
const startServer = fakeServers()
let work: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ktl-faults-'))
})

afterAll(() => {
  rmSync(work, {recursive: true, force: true})
  cleanupPKI()
})

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A new empty folder under the suite's temp dir. */
function freshDir(name: string): string {
  return mkdtempSync(join(work, `${name}-`))
}

interface Target {
  server: string
  cluster?: Record<string, unknown>
  user?: Record<string, unknown>
}

/** A kubeconfig with one context pointing at `target`, in `dir`. */
function writeKubeconfig(dir: string, target: Target): string {
  const file = join(dir, 'config')
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: 'fake', cluster: {server: target.server, ...target.cluster}}],
    users: [{name: 'me', user: target.user ?? {token: 'fake-token'}}],
    contexts: [{name: 'fake', context: {cluster: 'fake', user: 'me', namespace: 'default'}}],
    'current-context': 'fake',
  }
  writeFileSync(file, JSON.stringify(config))
  return file
}

/** One case: ktl with a fresh HOME (no discovery cache) and a kubeconfig for `target`, counted in the tally. */
async function ktl(label: string, target: Target, args: string[], opts: CaseOptions & {home?: string} = {}): Promise<CaseRun> {
  const home = opts.home ?? freshDir('home')
  const kubeconfig = writeKubeconfig(home, target)
  const run = await runKtl(['--kubeconfig', kubeconfig, ...args], {...opts, env: {HOME: home, ...opts.env}})
  tally.record(label, run)
  return run
}

/** Exit 1 and exactly `line` on stderr (kubectl prints some errors over several lines: those are one message). */
function expectFailure(run: CaseRun, line: string): void {
  expect({code: run.code, hung: run.hung, stderr: run.stderr}).toEqual({code: 1, hung: false, stderr: `${line}\n`})
}

/** A fake API server that answers aggregated discovery; each test adds the routes it faults. */
async function apiServer(tls?: TLSOptions): Promise<FakeServer> {
  const server = await startServer({tls})
  serveDiscovery(server, {aggregated: 'v2', times: Number.POSITIVE_INFINITY})
  return server
}

const PODS = '/api/v1/namespaces/default/pods'
const CM = '/api/v1/namespaces/default/configmaps'
const EMPTY_LIST = {kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []}
const JSON_TYPE = {'content-type': 'application/json'}

function manifest(text: string): string {
  const file = join(freshDir('manifest'), 'app.yaml')
  writeFileSync(file, text)
  return file
}

function configMapYAML(name: string, data = 'b'): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: ${data}\n`
}

describe('the server cannot be reached', () => {
  test('a closed port: kubectl\'s refused line', async () => {
    const run = await ktl('closed port', {server: 'http://127.0.0.1:1'}, ['get', 'pods'])
    expectFailure(run, 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?')
  })

  test('the connection closes in the middle of a list body', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {headers: JSON_TYPE, chunks: ['{"kind":"PodList","apiVersion":"v1","items":['], after: 'destroy'})
    const run = await ktl('mid-body close', {server: server.url}, ['get', 'pods'])
    expectFailure(run, 'unexpected error when reading response body. Please retry. Original error: unexpected EOF')
  })

  test('the connection closes before an answer, every time: EOF after client-go\'s retries, no hang', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {destroy: true})
    const run = await ktl('closed before answer', {server: server.url}, ['get', 'pods'], {deadlineMs: 30_000})
    expectFailure(run, 'Unable to connect to the server: EOF')
  })
})

describe('TLS failures', () => {
  const cases: Array<[string, (pki: ReturnType<typeof testPKI>) => TLSOptions, string]> = [
    ['unknown CA', (pki) => ({key: pki.serverKey, cert: pki.serverCert}), 'x509: certificate signed by unknown authority'],
    ['wrong host name', (pki) => ({key: pki.wrongHostKey, cert: pki.wrongHostCert}), "x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs"],
    ['expired certificate', (pki) => ({key: pki.expiredKey, cert: pki.expiredCert}), 'x509: certificate has expired or is not yet valid: current time '],
  ]
  for (const [name, tls, detail] of cases) {
    test(name, async () => {
      const pki = testPKI()
      const server = await apiServer(tls(pki))
      const ca = name === 'unknown CA' ? pki.paths.otherCaCert : pki.paths.caCert
      const run = await ktl(`TLS ${name}`, {server: server.url, cluster: {'certificate-authority': ca}}, ['get', 'pods'])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`Unable to connect to the server: tls: failed to verify certificate: ${detail}`)
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(server.requests).toEqual([])
    })
  }
})

describe('a server that stalls', () => {
  test('before the headers: --request-timeout=1s ends the run at about a second', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {stall: true})
    const run = await ktl('stall, request timeout', {server: server.url}, ['get', 'pods', '--request-timeout=1s'])
    // kubectl prints "net/http: request canceled" or "context deadline exceeded" here, whichever of Go's two timers fires first.
    expectFailure(run, 'Unable to connect to the server: context deadline exceeded (Client.Timeout exceeded while awaiting headers)')
    expect(run.ms).toBeLessThan(5000)
  })

  test('in the middle of the body: --request-timeout=1s ends the run', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {headers: JSON_TYPE, chunks: ['{"kind":"PodList"'], after: 'stall'})
    const run = await ktl('body stall, request timeout', {server: server.url}, ['get', 'pods', '--request-timeout=1s'])
    expectFailure(run, 'unexpected error when reading response body. Please retry. Original error: net/http: request canceled (Client.Timeout or context cancellation while reading body)')
    expect(run.ms).toBeLessThan(5000)
  })

  test('with no timeout, then closes: the run ends when the server closes', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {headers: JSON_TYPE, chunks: ['{"kind":"PodList"'], after: 'stall'})
    const running = ktl('body stall, server closes', {server: server.url}, ['get', 'pods'])
    setTimeout(() => void server.close(), 1500)
    const run = await running
    expectFailure(run, 'unexpected error when reading response body. Please retry. Original error: unexpected EOF')
  })
})

describe('bodies that are not what they claim', () => {
  const bodies: Array<[string, Reply, string]> = [
    ['truncated JSON', {headers: JSON_TYPE, body: '{"kind":"PodList","items":['}, 'unexpected end of JSON input'],
    ['HTML labelled JSON', {headers: JSON_TYPE, body: '<html>oops</html>'}, "invalid character '<' looking for beginning of value"],
    ['an HTML page', {headers: {'content-type': 'text/html'}, body: '<html>oops</html>'}, "serializer for text/html doesn't exist"],
  ]
  for (const [name, reply, message] of bodies) {
    test(`${name}: get prints Go's decoder error as kubectl get does (no "error: ")`, async () => {
      const server = await apiServer()
      server.always('GET', PODS, reply)
      expectFailure(await ktl(`get, ${name}`, {server: server.url}, ['get', 'pods']), message)
    })

    test(`${name}: delete says "error: " like kubectl delete`, async () => {
      const server = await apiServer()
      server.always('DELETE', `${CM}/web`, reply)
      expectFailure(await ktl(`delete, ${name}`, {server: server.url}, ['delete', 'cm', 'web']), `error: ${message}`)
    })

    test(`${name}: create -f names the file`, async () => {
      const server = await apiServer()
      server.always('POST', CM, reply)
      const file = manifest(configMapYAML('web'))
      expectFailure(await ktl(`create -f, ${name}`, {server: server.url}, ['create', '-f', file]), `error: error when creating "${file}": ${message}`)
    })
  }
})

describe('error statuses without a Status body (client-go\'s generic messages)', () => {
  // [code, get pods, delete cm web, create -f (FILE stands for the manifest)]
  const codes: Array<[number, string, string, string]> = [
    [
      401,
      'error: You must be logged in to the server (the server has asked for the client to provide credentials (get pods))',
      'error: You must be logged in to the server (the server has asked for the client to provide credentials (delete configmaps web))',
      'error: You must be logged in to the server (error when creating "FILE": the server has asked for the client to provide credentials (post configmaps))',
    ],
    [403, 'Error from server (Forbidden): nope (get pods)', 'Error from server (Forbidden): nope (delete configmaps web)', 'Error from server (Forbidden): error when creating "FILE": nope (post configmaps)'],
    [
      404,
      'Error from server (NotFound): Unable to list "/v1, Resource=pods": the server could not find the requested resource (get pods)',
      'Error from server (NotFound): the server could not find the requested resource (delete configmaps web)',
      'Error from server (NotFound): error when creating "FILE": the server could not find the requested resource (post configmaps)',
    ],
    [
      409,
      'Error from server (Conflict): the server reported a conflict (get pods)',
      'Error from server (Conflict): the server reported a conflict (delete configmaps web)',
      'Error from server (AlreadyExists): error when creating "FILE": the server reported a conflict (post configmaps)',
    ],
    [
      410,
      'Error from server: the server responded with the status code 410 but did not return more information (get pods)',
      'Error from server: the server responded with the status code 410 but did not return more information (delete configmaps web)',
      'Error from server: error when creating "FILE": the server responded with the status code 410 but did not return more information (post configmaps)',
    ],
    [422, 'Error from server (Invalid): the server rejected our request due to an error in our request (get pods)', 'The configmaps "web" is invalid: : nope', 'The configmaps "" is invalid: : nope'],
    [
      500,
      'Error from server (InternalError): an error on the server ("nope") has prevented the request from succeeding (get pods)',
      'Error from server (InternalError): an error on the server ("nope") has prevented the request from succeeding (delete configmaps web)',
      'Error from server (InternalError): error when creating "FILE": an error on the server ("nope") has prevented the request from succeeding (post configmaps)',
    ],
    [
      503,
      'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods)',
      'Error from server (ServiceUnavailable): the server is currently unable to handle the request (delete configmaps web)',
      'Error from server (ServiceUnavailable): error when creating "FILE": the server is currently unable to handle the request (post configmaps)',
    ],
  ]
  for (const [code, get, del, create] of codes) {
    test(`${code}`, async () => {
      const server = await apiServer()
      const reply: Reply = {status: code, body: 'nope'}
      server.always('GET', PODS, reply).always('DELETE', `${CM}/web`, reply).always('POST', CM, reply)
      const file = manifest(configMapYAML('web'))
      expectFailure(await ktl(`get ${code}`, {server: server.url}, ['get', 'pods']), get)
      expectFailure(await ktl(`delete ${code}`, {server: server.url}, ['delete', 'cm', 'web']), del)
      expectFailure(await ktl(`create -f ${code}`, {server: server.url}, ['create', '-f', file]), create.replace('FILE', file))
    })
  }

  test('429 with Retry-After: waited for, tried again, and the command succeeds', async () => {
    const server = await apiServer()
    server.on('GET', PODS, {status: 429, headers: {'retry-after': '1'}, body: 'slow down'})
    server.on('GET', PODS, {body: EMPTY_LIST})
    const run = await ktl('429 then 200', {server: server.url}, ['get', 'pods'])
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: 'No resources found in default namespace.\n'})
    expect(run.ms).toBeGreaterThanOrEqual(1000)
    server.verify()
  })

  test('429 with Retry-After on every try: the retries are bounded and the last answer is reported', async () => {
    const server = await apiServer()
    server.always('GET', PODS, {status: 429, headers: {'retry-after': '0'}, body: 'slow down'})
    const run = await ktl('429 forever', {server: server.url}, ['get', 'pods'])
    expectFailure(run, 'Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later (get pods)')
    expect(server.requests.filter((r) => r.path === PODS).length).toBeLessThanOrEqual(11)
  })

  test('503 with Retry-After on a write: not retried (a POST may have been applied)', async () => {
    const server = await apiServer()
    server.on('POST', CM, {status: 503, headers: {'retry-after': '1'}, body: ''})
    const file = manifest(configMapYAML('web'))
    const run = await ktl('503 on POST', {server: server.url}, ['create', '-f', file])
    expectFailure(run, `Error from server (ServiceUnavailable): error when creating "${file}": the server is currently unable to handle the request (post configmaps)`)
    server.verify()
  })
})

describe('apply', () => {
  const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
  const live = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {name: 'web', namespace: 'default', resourceVersion: '5', annotations: {[LAST_APPLIED]: '{"apiVersion":"v1","data":{"a":"old"},"kind":"ConfigMap","metadata":{"name":"web","namespace":"default"}}'}},
    data: {a: 'old'},
  }
  const conflict = statusBody(409, 'Conflict', 'Operation cannot be fulfilled on configmaps "web": the object has been modified; please apply your changes to the latest version and try again', {name: 'web', kind: 'configmaps'})

  test('a 409 Conflict on PATCH: the object is read again and patched again', async () => {
    const server = await apiServer()
    server.always('GET', `${CM}/web`, {body: live})
    server.on('PATCH', `${CM}/web`, conflict, {times: 2})
    server.on('PATCH', `${CM}/web`, {body: {...live, data: {a: 'b'}}})
    const run = await ktl('apply, 409 twice then 200', {server: server.url}, ['apply', '-f', manifest(configMapYAML('web'))])
    expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({code: 0, stdout: 'configmap/web configured\n', stderr: ''})
    // One read before the first PATCH and one before each retry.
    expect(server.requests.filter((r) => r.path === `${CM}/web`).map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET', 'PATCH', 'GET', 'PATCH'])
    server.verify()
  })

  test('409 on every PATCH: kubectl\'s bound (a first try and five retries), then its error', async () => {
    const server = await apiServer()
    server.always('GET', `${CM}/web`, {body: live})
    server.always('PATCH', `${CM}/web`, conflict)
    const file = manifest(configMapYAML('web'))
    const run = await ktl('apply, 409 forever', {server: server.url}, ['apply', '-f', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^Error from server \(Conflict\): error when applying patch:\n\{"data":\{"a":"b"\}.*\nto:\nResource: "\/v1, Resource=configmaps", GroupVersionKind: "\/v1, Kind=ConfigMap"\nName: "web", Namespace: "default"\nfor: ".*": error when patching ".*": Operation cannot be fulfilled on configmaps "web": the object has been modified; please apply your changes to the latest version and try again\n$/)
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(6)
  })

  test('several objects: one fails, the others are still sent, the failure is reported, exit 1', async () => {
    const server = await apiServer()
    for (const name of ['a', 'c']) {
      server.on('GET', `${CM}/${name}`, statusBody(404, 'NotFound', `configmaps "${name}" not found`))
    }
    server.on('GET', `${CM}/b`, {status: 500, body: 'etcd is sad'})
    server.on('POST', CM, (req) => ({status: 201, body: JSON.parse(req.body)}), {times: 2})
    const file = manifest([configMapYAML('a'), configMapYAML('b'), configMapYAML('c')].join('---\n'))
    const run = await ktl('apply, one of three fails', {server: server.url}, ['apply', '-f', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('configmap/a created\nconfigmap/c created\n')
    expect(run.stderr).toBe(
      'Error from server (InternalError): error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\n' +
        `Name: "b", Namespace: "default"\nfrom server for: "${file}": an error on the server ("etcd is sad") has prevented the request from succeeding (get configmaps b)\n`,
    )
    const created = server.requests.filter((r) => r.method === 'POST').map((r) => (JSON.parse(r.body) as {metadata: {name: string}}).metadata.name)
    expect(created.sort()).toEqual(['a', 'c'])
    server.verify()
  })
})

// kubectl wraps a failed request in its own words there, so it prints Go's url.Error: the method, the
// URL as sent and the cause, where a lone failure reads "Unable to connect to the server: EOF".
describe('the connection drops in the middle of apply -f, create -f and delete -f', () => {
  const notFound = (name: string): Reply => statusBody(404, 'NotFound', `configmaps "${name}" not found`)
  const created = (req: {body: string}): Reply => ({status: 201, body: JSON.parse(req.body)})

  test('apply: reading one object\'s live state (every retry dropped) fails that object only', async () => {
    const server = await apiServer()
    server.always('GET', `${CM}/x`, {destroy: true})
    server.on('GET', `${CM}/w`, notFound('w'))
    server.on('POST', CM, created)
    const file = manifest([configMapYAML('x'), configMapYAML('w')].join('---\n'))
    const run = await ktl('apply, GET dropped', {server: server.url}, ['apply', '-f', file], {deadlineMs: 30_000})
    expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({
      code: 1,
      stdout: 'configmap/w created\n',
      stderr:
        'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "x", Namespace: "default"\n' +
        `from server for: "${file}": Get "${server.url}${CM}/x": EOF\n`,
    })
    server.verify()
  })

  test('apply: both creates dropped: each failure on its own line, without "error: " (kubectl\'s MultipleErrors)', async () => {
    const server = await apiServer()
    server.on('GET', `${CM}/x`, notFound('x'))
    server.on('GET', `${CM}/w`, notFound('w'))
    server.always('POST', CM, {destroy: true})
    const file = manifest([configMapYAML('x'), configMapYAML('w')].join('---\n'))
    const run = await ktl('apply, POSTs dropped', {server: server.url}, ['apply', '-f', file])
    const line = `error when creating "${file}": Post "${server.url}${CM}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict": EOF`
    expectFailure(run, `${line}\n${line}`)
    // A POST may have reached the server: never sent twice.
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })

  test('apply --server-side: a lone dropped PATCH is kubectl\'s "Unable to connect" line, the other object applied', async () => {
    const server = await apiServer()
    server.on('PATCH', `${CM}/x`, {destroy: true})
    server.on('PATCH', `${CM}/w`, (req) => ({body: {...JSON.parse(req.body), metadata: {name: 'w', namespace: 'default'}}}))
    const file = manifest([configMapYAML('x'), configMapYAML('w')].join('---\n'))
    const run = await ktl('apply --server-side, PATCH dropped', {server: server.url}, ['apply', '--server-side', '-f', file])
    expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({code: 1, stdout: 'configmap/w serverside-applied\n', stderr: 'Unable to connect to the server: EOF\n'})
    server.verify()
  })

  // [verb, the dropped request, the next object's answer, stdout, stderr for FILE and the server URL]
  const nextGoesOn: Array<[string, string, string, Reply | ((req: {body: string}) => Reply), string, (file: string, url: string) => string]> = [
    ['create', 'POST', CM, created, 'configmap/w created\n', (file, url) => `error: error when creating "${file}": Post "${url}${CM}?fieldManager=kubectl-create&fieldValidation=Strict": EOF\n`],
    ['delete', 'DELETE', `${CM}/x`, {body: {kind: 'Status', apiVersion: 'v1', status: 'Success', details: {name: 'w', kind: 'configmaps', uid: 'u'}}}, 'configmap "w" deleted\n', (file, url) => `error: error when deleting "${file}": Delete "${url}${CM}/x": EOF\n`],
  ]
  for (const [verb, method, dropped, next, stdout, stderr] of nextGoesOn) {
    test(`${verb} -f: the dropped ${method} names its request, and the next object is still sent`, async () => {
      const server = await apiServer()
      server.on(method, dropped, {destroy: true})
      server.on(method, method === 'POST' ? CM : `${CM}/w`, next)
      const file = manifest([configMapYAML('x'), configMapYAML('w')].join('---\n'))
      const run = await ktl(`${verb} -f, ${method} dropped`, {server: server.url}, [verb, '-f', file])
      expect({code: run.code, stdout: run.stdout, stderr: run.stderr}).toEqual({code: 1, stdout, stderr: stderr(file, server.url)})
      server.verify()
    })
  }
})

// kubectl 1.32 ends its watch when the connection closes (exit 0, and a 410 on the watch is its error);
// ktl resumes from the last resourceVersion, re-lists after 410 Gone and waits for a restarting
// server. Each case runs until it has printed what it should, then is stopped as a user would.
describe('get -w', () => {
  const pod = (name: string, rv: string) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default', uid: `uid-${name}`, resourceVersion: rv}})
  const podList = (rv: string, ...items: object[]) => ({kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: rv}, items})
  const events = (...e: Array<[string, object]>): string => e.map(([type, object]) => `${JSON.stringify({type, object})}\n`).join('')
  const WATCH = ['get', 'pods', '-w', '-o', 'json', '--output-watch-events']
  /** The printed events as "TYPE name", one per line of -o json --output-watch-events. */
  const printed = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => {
    const e = JSON.parse(l) as {type: string; object: {metadata: {name: string}}}
    return `${e.type} ${e.object.metadata.name}`
  })
  const requested = (server: FakeServer) =>
    server.requests.filter((r) => r.path === PODS).map((r) => `${r.query.get('watch') ? 'watch' : 'list'}${r.query.has('resourceVersion') ? ` from ${r.query.get('resourceVersion')}` : ''}`)
  const stopAfter = (n: number) => ({stopWhen: (out: string) => out.split('\n').filter(Boolean).length >= n, deadlineMs: 20_000})

  test('the watch stream ends: resumed from the last resourceVersion, nothing printed twice', async () => {
    const server = await apiServer()
    server.on('GET', PODS, {body: podList('10', pod('a', '5'))})
    server.on('GET', PODS, {headers: JSON_TYPE, body: events(['ADDED', pod('b', '11')])})
    server.on('GET', PODS, {headers: JSON_TYPE, chunks: [events(['MODIFIED', pod('a', '12')])], after: 'stall'})
    const run = await ktl('get -w, stream ends', {server: server.url}, WATCH, stopAfter(3))
    expect({stopped: run.stopped, stderr: run.stderr, events: printed(run.stdout)}).toEqual({stopped: true, stderr: '', events: ['ADDED a', 'ADDED b', 'MODIFIED a']})
    expect(requested(server)).toEqual(['list', 'watch from 10', 'watch from 11'])
    server.verify()
  })

  test('410 Gone on the resumed watch: re-listed, each change printed once, the deletion included', async () => {
    const server = await apiServer()
    server.on('GET', PODS, {body: podList('10', pod('a', '5'), pod('b', '6'))})
    server.on('GET', PODS, {headers: JSON_TYPE, body: events(['ADDED', pod('c', '11')])})
    server.on('GET', PODS, statusBody(410, 'Expired', 'too old resource version: 11 (20)'))
    server.on('GET', PODS, {body: podList('20', pod('a', '5'), pod('c', '11'), pod('d', '19'))})
    server.on('GET', PODS, {headers: JSON_TYPE, chunks: [events(['MODIFIED', pod('d', '21')])], after: 'stall'})
    const run = await ktl('get -w, 410 on the resumed watch', {server: server.url}, WATCH, stopAfter(6))
    expect({stopped: run.stopped, stderr: run.stderr, events: printed(run.stdout)}).toEqual({
      stopped: true,
      stderr: '',
      events: ['ADDED a', 'ADDED b', 'ADDED c', 'ADDED d', 'DELETED b', 'MODIFIED d'],
    })
    expect(requested(server)).toEqual(['list', 'watch from 10', 'watch from 11', 'list', 'watch from 20'])
    server.verify()
  })

  test('the server restarts (refused for a second): the watch waits and resumes where it was', async () => {
    const first = await apiServer()
    const port = Number(new URL(first.url).port)
    let again: FakeServer | undefined
    let restart: Promise<void> | undefined
    first.on('GET', PODS, {body: podList('10', pod('a', '5'))})
    first.on('GET', PODS, () => {
      restart = (async () => {
        await sleep(500)
        await first.close()
        await sleep(1000)
        again = await startServer({port})
        again.always('GET', PODS, {headers: JSON_TYPE, chunks: [events(['MODIFIED', pod('a', '12')])], after: 'stall'})
      })()
      return {headers: JSON_TYPE, chunks: [events(['ADDED', pod('b', '11')])], after: 'stall'}
    })
    const run = await ktl('get -w, server restarts', {server: first.url}, WATCH, stopAfter(3))
    await restart
    expect({stopped: run.stopped, stderr: run.stderr, events: printed(run.stdout)}).toEqual({stopped: true, stderr: '', events: ['ADDED a', 'ADDED b', 'MODIFIED a']})
    expect(requested(first)).toEqual(['list', 'watch from 10'])
    expect(again && requested(again)).toEqual(['watch from 11'])
  })
})

describe('exec credential plugins', () => {
  const V1 = 'client.authentication.k8s.io/v1'

  function plugin(dir: string, body: string): string {
    const file = join(dir, 'plugin.sh')
    writeFileSync(file, `#!/bin/sh\necho run >> '${dir}/calls'\n${body}\n`)
    chmodSync(file, 0o755)
    return file
  }

  function calls(dir: string): number {
    try {
      return readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').length
    } catch {
      return 0
    }
  }

  function credential(token: string): string {
    return `cat <<'EOF'\n${JSON.stringify({apiVersion: V1, kind: 'ExecCredential', status: {token}})}\nEOF`
  }

  /** Credentials go only to TLS servers (kubectl drops them for http://), so every plugin case uses https. */
  function execTarget(server: string, command: string, extra: Record<string, unknown> = {}): Target {
    return {server, cluster: {'certificate-authority': testPKI().paths.caCert}, user: {exec: {apiVersion: V1, command, interactiveMode: 'Never', ...extra}}}
  }

  async function httpsServer(): Promise<FakeServer> {
    const pki = testPKI()
    return apiServer({key: pki.serverKey, cert: pki.serverCert})
  }

  test('a missing binary: kubectl\'s explanation and the installHint', async () => {
    const run = await ktl('exec plugin missing', execTarget('https://127.0.0.1:1', 'ktl-no-such-plugin', {installHint: 'brew install ktl-no-such-plugin'}), ['get', 'pods'])
    expectFailure(
      run,
      'Unable to connect to the server: getting credentials: exec: executable ktl-no-such-plugin not found\n\n' +
        'It looks like you are trying to use a client-go credential plugin that is not installed.\n\n' +
        'To learn more about this feature, consult the documentation available at:\n' +
        '      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins\n\n' +
        'brew install ktl-no-such-plugin',
    )
  })

  test('a non-zero exit: the plugin\'s stderr is shown', async () => {
    const dir = freshDir('plugin')
    const command = plugin(dir, 'echo "token expired; run sso login" >&2\nexit 3')
    const run = await ktl('exec plugin exit 3', execTarget('https://127.0.0.1:1', command), ['get', 'pods'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Unable to connect to the server: getting credentials: exec: executable ${command} failed with exit code 3`)
    expect(run.stderr).toContain('token expired; run sso login')
  })

  test('malformed JSON on stdout', async () => {
    const dir = freshDir('plugin')
    const command = plugin(dir, 'echo "{not json"')
    const run = await ktl('exec plugin bad JSON', execTarget('https://127.0.0.1:1', command), ['get', 'pods'])
    expectFailure(run, "Unable to connect to the server: getting credentials: decoding stdout: couldn't get version/kind; json parse error: invalid character 'n' looking for beginning of object key string")
  })

  test('a slow plugin (2s): still works, once', async () => {
    const dir = freshDir('plugin')
    const command = plugin(dir, `sleep 2\n${credential('slow-token')}`)
    const server = await httpsServer()
    server.always('GET', PODS, {body: EMPTY_LIST})
    const run = await ktl('exec plugin slow', execTarget(server.url, command), ['get', 'pods'])
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: 'No resources found in default namespace.\n'})
    expect(calls(dir)).toBe(1)
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer slow-token')).toBe(true)
  })

  test('an expired token: on 401 the plugin runs again and the request is retried with the new token', async () => {
    const dir = freshDir('plugin')
    // First run hands out "old-token", later runs "new-token".
    const command = plugin(dir, `if [ "$(wc -l < '${dir}/calls')" -le 1 ]; then\n${credential('old-token')}\nelse\n${credential('new-token')}\nfi`)
    const pki = testPKI()
    const server = await startServer({tls: {key: pki.serverKey, cert: pki.serverCert}})
    const rejectOld = (reply: Reply) => (req: {headers: {authorization?: string}}) => (req.headers.authorization === 'Bearer new-token' ? reply : statusBody(401, 'Unauthorized', 'Unauthorized'))
    server.always('GET', '/api', rejectOld({headers: {'content-type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'}, body: readFileSync(new URL('../fixtures/discovery/aggregated/v2-api.json', import.meta.url), 'utf8').replace('"apiVersion": "apidiscovery.k8s.io/v2beta1"', '"apiVersion": "apidiscovery.k8s.io/v2"')}))
    server.always('GET', '/apis', rejectOld({headers: {'content-type': 'application/json'}, body: {kind: 'APIGroupList', apiVersion: 'v1', groups: []}}))
    server.always('GET', PODS, rejectOld({body: EMPTY_LIST}))
    const run = await ktl('exec plugin refresh on 401', execTarget(server.url, command), ['get', 'pods'])
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: 'No resources found in default namespace.\n'})
    expect(calls(dir)).toBe(2)
    // Discovery's two first requests go out together with the old token; everything after the refresh carries the new one.
    const auth = server.requests.map((r) => r.headers.authorization)
    const firstNew = auth.indexOf('Bearer new-token')
    expect(auth.slice(0, firstNew)).toEqual(['Bearer old-token', 'Bearer old-token'])
    expect(auth.slice(firstNew).every((a) => a === 'Bearer new-token')).toBe(true)
    expect(server.requests.at(-1)).toMatchObject({path: PODS, headers: {authorization: 'Bearer new-token'}})
  })
})

describe('two ktl processes at once', () => {
  function modes(root: string): Array<[string, string]> {
    const out: Array<[string, string]> = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        const path = join(dir, entry.name)
        out.push([path.slice(root.length + 1), (statSync(path).mode & 0o777).toString(8)])
        if (entry.isDirectory()) walk(path)
      }
    }
    walk(root)
    return out
  }

  test('writing the discovery cache: every file is whole JSON, files 0600, folders 0700', async () => {
    const server = await apiServer()
    const home = freshDir('home')
    const runs = await Promise.all([1, 2, 3, 4].map((i) => ktl(`concurrent api-resources ${i}`, {server: server.url}, ['api-resources', '-o', 'name'], {home})))
    for (const run of runs) expect(run.code).toBe(0)
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1)
    const cache = join(home, '.kube', 'cache', 'discovery')
    const found = modes(cache)
    expect(found.length).toBeGreaterThan(0)
    for (const [path, mode] of found) {
      const full = join(cache, path)
      if (statSync(full).isDirectory()) expect([path, mode]).toEqual([path, '700'])
      else {
        expect([path, mode]).toEqual([path, '600'])
        expect(() => JSON.parse(readFileSync(full, 'utf8'))).not.toThrow()
      }
    }
    // No temporary file left behind.
    expect(found.filter(([p]) => !/(servergroups|serverresources)\.json$/.test(p) && statSync(join(cache, p)).isFile())).toEqual([])
  })

  test('editing one kubeconfig: every change is kept, the file stays whole and 0600', async () => {
    const home = freshDir('home')
    const folder = freshDir('kubeconfig')
    const kubeconfig = join(folder, 'shared-config')
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n')
    const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']
    const runs = await Promise.all(
      names.map((n) => runKtl(['--kubeconfig', kubeconfig, 'config', 'set-context', n, `--namespace=ns-${n}`], {env: {HOME: home}}).then((run) => (tally.record(`concurrent set-context ${n}`, run), run))),
    )
    const ok = runs.filter((r) => r.code === 0)
    for (const run of runs) expect(run.code === 0 ? run.stdout : run.stderr).toMatch(/^Context "c\d" created\.\n$|^error: open .*shared-config\.lock: file exists\n$/)
    const config = load(readFileSync(kubeconfig, 'utf8')) as {contexts: Array<{name: string}>}
    // kubectl refuses a second writer (config.lock); ktl waits for it. Either way no change reported as made is lost.
    expect(config.contexts.map((c) => c.name).sort()).toEqual(ok.map((r) => /"(c\d)"/.exec(r.stdout)?.[1]).sort())
    expect(ok.length).toBe(names.length)
    expect((statSync(kubeconfig).mode & 0o777).toString(8)).toBe('600')
    const use = await Promise.all(names.map((n) => runKtl(['--kubeconfig', kubeconfig, 'config', 'use-context', n], {env: {HOME: home}}).then((run) => (tally.record(`concurrent use-context ${n}`, run), run))))
    for (const run of use) expect(run.code).toBe(0)
    const after = load(readFileSync(kubeconfig, 'utf8')) as {contexts: unknown[]; 'current-context': string}
    expect(after.contexts).toHaveLength(names.length)
    expect(names).toContain(after['current-context'])
    // Neither a lock nor a temporary file is left behind.
    expect(readdirSync(folder)).toEqual(['shared-config'])
  })
})

describe('credentials stay secret', () => {
  const TOKEN = 'sekr1t-bearer-token-0123456789'

  test('-v=9 never prints the bearer token or the client key', async () => {
    const pki = testPKI()
    const server = await apiServer({key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert})
    server.always('GET', PODS, {body: EMPTY_LIST})
    const keyBody = pki.clientKey.split('\n')[1]
    const run = await ktl(
      'get -v=9 with token and client key',
      {server: server.url, cluster: {'certificate-authority': pki.paths.caCert}, user: {token: TOKEN, 'client-certificate': pki.paths.clientCert, 'client-key': pki.paths.clientKey}},
      ['get', 'pods', '-v=9'],
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Authorization: Bearer <masked>')
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN)
    expect(`${run.stdout}${run.stderr}`).not.toContain(keyBody)
    expect(server.requests.at(-1)?.clientCN).toBe('ktl-admin')
  })

  test('config view redacts the token and key data; --raw shows them', async () => {
    const pki = testPKI()
    const user = {token: TOKEN, 'client-key-data': Buffer.from(pki.clientKey).toString('base64')}
    const view = await ktl('config view', {server: 'https://127.0.0.1:1', user}, ['config', 'view'])
    expect(view.code).toBe(0)
    expect(view.stdout).not.toContain(TOKEN)
    expect(view.stdout).not.toContain(user['client-key-data'])
    expect(view.stdout).toContain('token: REDACTED')
    expect(view.stdout).toContain('client-key-data: DATA+OMITTED')
    const raw = await ktl('config view --raw', {server: 'https://127.0.0.1:1', user}, ['config', 'view', '--raw'])
    expect(raw.stdout).toContain(TOKEN)
  })

  test('a redirect to another host is followed without the Authorization header', async () => {
    const pki = testPKI()
    const tls = {key: pki.serverKey, cert: pki.serverCert}
    const other = await startServer({tls})
    other.on('GET', PODS, {body: EMPTY_LIST})
    const server = await apiServer(tls)
    server.on('GET', PODS, {status: 302, headers: {location: `${other.url}${PODS}`}})
    const run = await ktl('redirect to another host', {server: server.url, cluster: {'certificate-authority': pki.paths.caCert}, user: {token: TOKEN}}, ['get', 'pods'])
    expect(run.code).toBe(0)
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(other.requests[0].headers.authorization).toBeUndefined()
    other.verify()
  })
})

describe('terminal control sequences in server data', () => {
  const RED = '\u001B[31m'
  const evil = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {name: `evil${RED}name`, namespace: 'default', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', labels: {app: `x${RED}y`}, annotations: {note: `a${RED}b\rc`}},
    data: {[`k${RED}`]: `v${RED}\rw`},
  }

  test('get: table cells, -L columns and --show-labels', async () => {
    const server = await apiServer()
    const table = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {resourceVersion: '1'},
      columnDefinitions: [
        {name: 'Name', type: 'string', format: 'name', priority: 0, description: ''},
        {name: 'Data', type: 'integer', format: '', priority: 0, description: ''},
      ],
      rows: [{cells: [evil.metadata.name, 1], object: {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: evil.metadata}}],
    }
    server.always('GET', CM, {body: table})
    const run = await ktl('ESC in get table', {server: server.url}, ['get', 'cm', '-L', 'app', '--show-labels'])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('\u001B')
    expect(run.stdout).toContain('evil^[[31mname')
    expect(run.stdout).toContain('x^[[31my')
  })

  test('describe: names, labels, annotations and data', async () => {
    const server = await apiServer()
    server.always('GET', `${CM}/${encodeURIComponent(evil.metadata.name)}`, {body: evil})
    server.always('GET', '/api/v1/namespaces/default/events', {body: {kind: 'EventList', apiVersion: 'v1', metadata: {}, items: []}}, {optional: true})
    const run = await ktl('ESC in describe', {server: server.url}, ['describe', 'cm', evil.metadata.name])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('\u001B')
    expect(run.stdout).not.toContain('\r')
    expect(run.stdout).toContain('evil^[[31mname')
  })
})

test('no case crashed or hung', () => {
  console.log(tally.summary())
  expect({crashes: tally.crashes, hangs: tally.hangs}).toEqual({crashes: [], hangs: []})
})
