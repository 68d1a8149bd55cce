import {describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {goDuration} from '../../src/lib/client/duration.js'
import {ktlVersion} from '../../src/lib/client/user-agent.js'
import type {RestConfig} from '../../src/lib/kubeconfig/types.js'
import {fakeServers, restConfigFor, staticSource} from '../support/client.js'
import {FakeServer} from '../support/fake-server.js'

const start = fakeServers()
const config = (url: string, extra: Partial<RestConfig> = {}) => restConfigFor(url, extra)

describe('requests', () => {
  it('names ktl in the User-Agent and accepts JSON', async () => {
    const s = await start()
    s.on('GET', '/version', {body: {gitVersion: 'v1.20.2'}})
    const res = await createClient(config(s.url)).request({path: '/version'})
    expect(res.data).toEqual({gitVersion: 'v1.20.2'})
    expect(s.requests[0].headers['user-agent']).toBe(`ktl/v${ktlVersion()} (linux/amd64) node/${process.version}`)
    expect(s.requests[0].headers.accept).toBe('application/json, */*')
  })

  it('sends query parameters, a JSON body and its content type', async () => {
    const s = await start()
    s.on('PATCH', '/api/v1/namespaces/default/pods/x', {body: {}})
    await createClient(config(s.url)).request({
      method: 'PATCH',
      path: '/api/v1/namespaces/default/pods/x',
      query: {fieldManager: 'kubectl-edit', dryRun: undefined},
      body: {metadata: {labels: {a: 'b'}}},
      contentType: 'application/merge-patch+json',
    })
    const req = s.requests[0]
    expect([req.query.toString(), req.body, req.headers['content-type']]).toEqual([
      'fieldManager=kubectl-edit',
      '{"metadata":{"labels":{"a":"b"}}}',
      'application/merge-patch+json',
    ])
  })

  it('sends integers beyond 2^53 as the exact digits the manifest held', async () => {
    const s = await start()
    s.on('POST', '/api/v1/namespaces/default/configmaps', {body: {}})
    await createClient(config(s.url)).request({method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: {spec: {n: 9007199254740993n, m: 1.5}}})
    expect(s.requests[0].body).toBe('{"spec":{"n":9007199254740993,"m":1.5}}')
  })

  it('keeps a path prefix of the server URL', async () => {
    const s = await start()
    s.on('GET', '/prefix/api', {body: {}})
    await createClient(config(`${s.url}/prefix/`)).request({path: '/api'})
    s.verify()
  })

  it('sends the bearer token or basic credentials', async () => {
    const s = await start()
    s.always('GET', '/api', {body: {}})
    await createClient(config(s.url, {credentials: staticSource({token: 'abc'})})).request({path: '/api'})
    await createClient(config(s.url, {credentials: staticSource({username: 'bob', password: 'p:w'})})).request({path: '/api'})
    await createClient(config(s.url)).request({path: '/api'})
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(['Bearer abc', `Basic ${Buffer.from('bob:p:w').toString('base64')}`, undefined])
  })

  it('reuses one connection for sequential requests', async () => {
    const s = await start()
    s.always('GET', '/api', {body: {}})
    const client = createClient(config(s.url))
    for (let i = 0; i < 5; i++) await client.request({path: '/api'})
    expect(s.connections).toBe(1)
  })
})

describe('--request-timeout', () => {
  it('formats the timeout query parameter like Go durations', () => {
    expect([0, 500, 1000, 1500, 30_000, 60_000, 90_000, 3_600_000].map(goDuration)).toEqual(['0s', '500ms', '1s', '1.5s', '30s', '1m0s', '1m30s', '1h0m0s'])
  })

  it('tells the server the timeout and gives up on a server that does not answer', async () => {
    const s = await start()
    s.on('GET', '/api', {stall: true})
    const started = Date.now()
    await expect(createClient(config(s.url, {timeoutMs: 200})).request({path: '/api'})).rejects.toThrow(
      /^Unable to connect to the server: context deadline exceeded \(Client\.Timeout exceeded while awaiting headers\)$/,
    )
    expect(Date.now() - started).toBeLessThan(2000)
    expect(s.requests[0].query.get('timeout')).toBe('200ms')
  })

  it('gives up on a body that stops arriving', async () => {
    const s = await start()
    s.on('GET', '/api', {headers: {'content-type': 'application/json'}, chunks: ['{"kind":'], after: 'stall'})
    await expect(createClient(config(s.url, {timeoutMs: 200})).request({path: '/api'})).rejects.toThrow(
      /^error: unexpected error when reading response body\. Please retry\. Original error: net\/http: request canceled \(Client\.Timeout or context cancellation while reading body\)$/,
    )
  })

  it('sends no timeout parameter by default', async () => {
    const s = await start()
    s.on('GET', '/api', {body: {}, delayMs: 50})
    await createClient(config(s.url)).request({path: '/api'})
    expect(s.requests[0].query.has('timeout')).toBe(false)
  })
})

describe('redirects', () => {
  it('follows them and keeps the Authorization header on the same host', async () => {
    const s = await start()
    s.on('GET', '/old', {status: 302, headers: {location: '/new?x=1'}})
    s.on('GET', '/new', {body: {moved: true}})
    const res = await createClient(config(s.url, {credentials: staticSource({token: 'secret'})})).request({path: '/old'})
    expect(res.data).toEqual({moved: true})
    expect(s.requests.map((r) => [r.path, r.query.toString(), r.headers.authorization])).toEqual([
      ['/old', '', 'Bearer secret'],
      ['/new', 'x=1', 'Bearer secret'],
    ])
  })

  it('drops the Authorization header on a redirect to another port', async () => {
    const a = await start()
    const b = await start()
    a.on('GET', '/old', {status: 307, headers: {location: `${b.url}/elsewhere`}})
    b.on('GET', '/elsewhere', {body: {}})
    await createClient(config(a.url, {credentials: staticSource({token: 'secret'})})).request({path: '/old'})
    expect(b.requests[0].headers.authorization).toBeUndefined()
    a.verify()
    b.verify()
  })

  it('drops it on a redirect to another host or scheme', async () => {
    const s = await start()
    // 127.0.0.1 and localhost are different hosts to the client even though they reach one server.
    const other = s.url.replace('127.0.0.1', 'localhost')
    s.on('GET', '/old', {status: 301, headers: {location: `${other}/new`}})
    s.on('GET', '/new', {body: {}})
    await createClient(config(s.url, {credentials: staticSource({username: 'u', password: 'p'})})).request({path: '/old'})
    expect(s.requests.map((r) => r.headers.authorization)).toEqual([`Basic ${Buffer.from('u:p').toString('base64')}`, undefined])
  })

  it('turns a POST into a GET on 303 but keeps it on 307', async () => {
    const s = await start()
    s.on('POST', '/a', {status: 303, headers: {location: '/b'}})
    s.on('GET', '/b', {body: {}})
    s.on('POST', '/c', {status: 307, headers: {location: '/d'}})
    s.on('POST', '/d', {body: {}})
    const client = createClient(config(s.url))
    await client.request({method: 'POST', path: '/a', body: {n: 1}})
    await client.request({method: 'POST', path: '/c', body: {n: 2}})
    expect(s.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['POST /a {"n":1}', 'GET /b ', 'POST /c {"n":2}', 'POST /d {"n":2}'])
    s.verify()
  })

  it('stops after 10 redirects like Go', async () => {
    const s = await start()
    s.always('GET', '/loop', {status: 302, headers: {location: '/loop'}})
    await expect(createClient(config(s.url)).request({path: '/loop'})).rejects.toThrow(/^Unable to connect to the server: stopped after 10 redirects$/)
    expect(s.requests.length).toBe(10)
  })
})

describe('streams', () => {
  it('delivers the body as it arrives', async () => {
    const s = await start()
    s.on('GET', '/api/v1/namespaces/default/pods/x/log', {chunks: ['line 1\n', 'line 2\n'], chunkDelayMs: 200})
    const started = Date.now()
    const res = await createClient(config(s.url)).stream({path: '/api/v1/namespaces/default/pods/x/log', query: {follow: true}})
    const seen: Array<[string, number]> = []
    for await (const chunk of res.data) seen.push([String(chunk), Date.now() - started])
    expect(seen.map(([c]) => c)).toEqual(['line 1\n', 'line 2\n'])
    // Delivered as written, not all at once when the response ended.
    expect(seen[1][1] - seen[0][1]).toBeGreaterThanOrEqual(150)
    expect(s.requests[0].query.get('follow')).toBe('true')
  })

  it('throws the Status of an error response', async () => {
    const s = await start()
    s.on('GET', '/watch', {status: 404, body: {kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'pods "x" not found', code: 404}})
    await expect(createClient(config(s.url)).stream({path: '/watch'})).rejects.toThrow('Error from server (NotFound): pods "x" not found')
  })

  it('ends with a clear error when the connection drops', async () => {
    const s = await start()
    s.on('GET', '/watch', {chunks: ['{"type":"ADDED"}\n'], after: 'destroy'})
    const res = await createClient(config(s.url)).stream({path: '/watch'})
    const chunks: string[] = []
    const done = (async () => {
      for await (const chunk of res.data) chunks.push(String(chunk))
    })()
    await expect(done).rejects.toThrow('error: unexpected error when reading response body. Please retry. Original error: unexpected EOF')
    expect(chunks).toEqual(['{"type":"ADDED"}\n'])
  })

  it('ends quietly when the caller aborts, and closes the connection', async () => {
    const s = await start()
    s.on('GET', '/watch', {chunks: ['a'], after: 'stall'})
    const controller = new AbortController()
    const res = await createClient(config(s.url)).stream({path: '/watch', signal: controller.signal})
    const chunks: string[] = []
    for await (const chunk of res.data) {
      chunks.push(String(chunk))
      controller.abort()
    }
    expect(chunks).toEqual(['a'])
    await expect.poll(() => s.connections > 0 && s.openConnections).toBe(0)
  })

  it('ends a stream with the timeout error at the request timeout', async () => {
    const s = await start()
    s.on('GET', '/watch', {chunks: ['a'], after: 'stall'})
    const res = await createClient(config(s.url, {timeoutMs: 200})).stream({path: '/watch'})
    const chunks: string[] = []
    const done = (async () => {
      for await (const chunk of res.data) chunks.push(String(chunk))
    })()
    await expect(done).rejects.toThrow('error: unexpected error when reading response body. Please retry. Original error: net/http: request canceled (Client.Timeout or context cancellation while reading body)')
    expect(chunks).toEqual(['a'])
  })
})

describe('impersonation', () => {
  it('sends client-go Impersonate-* headers, one line per group', async () => {
    const {impersonationHeaders} = await import('../../src/lib/client/client.js')
    const fake = await FakeServer.start()
    try {
      fake.on('GET', '/api', {body: {kind: 'APIVersions', versions: ['v1']}})
      const client = createClient({server: fake.url, insecureSkipTLSVerify: false, timeoutMs: 0, credentials: {get: async () => ({}), invalidate() {}}, impersonate: {userName: 'jane', groups: ['a', 'b'], extra: {scopes: ['x']}}})
      await client.request({path: '/api'})
      const raw = fake.requests[0].rawHeaders
      expect(fake.requests[0].headers['impersonate-user']).toBe('jane')
      expect(raw.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'impersonate-group').length).toBe(2)
      expect(fake.requests[0].headers['impersonate-extra-scopes']).toBe('x')
      expect(impersonationHeaders(undefined)).toEqual({})
      fake.verify()
    } finally {
      await fake.close()
    }
  })
})
