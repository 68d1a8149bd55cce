import {describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {ConnectionError} from '../../src/lib/errors.js'
import type {CredentialSource, RestConfig} from '../../src/lib/kubeconfig/types.js'
import {fakeServers, restConfigFor} from '../support/client.js'
import type {RecordedRequest} from '../support/fake-server.js'

const start = fakeServers()
const config = (url: string, extra: Partial<RestConfig> = {}) => restConfigFor(url, extra)

describe('a server that closes the connection', () => {
  it('before answering: one EOF line, no hang', async () => {
    const s = await start()
    s.on('GET', '/api', {destroy: true})
    await expect(createClient(config(s.url), {maxRetries: 0}).request({path: '/api'})).rejects.toThrow(/^Unable to connect to the server: EOF$/)
  })

  it('in the middle of the body: client-go\'s read error', async () => {
    const s = await start()
    s.on('GET', '/api', {headers: {'content-type': 'application/json'}, chunks: ['{"kind":"Namespace",'], after: 'destroy'})
    await expect(createClient(config(s.url)).request({path: '/api'})).rejects.toThrow(
      /^error: unexpected error when reading response body\. Please retry\. Original error: unexpected EOF$/,
    )
    s.verify()
  })

  it('before answering a GET: tried again after a second, like client-go', async () => {
    const s = await start()
    s.on('GET', '/api', {destroy: true})
    s.on('GET', '/api', {body: {kind: 'APIVersions'}})
    const started = Date.now()
    expect((await createClient(config(s.url)).request({path: '/api'})).data).toEqual({kind: 'APIVersions'})
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    s.verify()
  })

  it('on a kept-alive connection: a GET is tried again at once on a new one', async () => {
    const s = await start()
    s.on('GET', '/api', {body: {n: 1}})
    s.on('GET', '/api', {destroy: true})
    s.on('GET', '/api', {body: {n: 2}})
    const client = createClient(config(s.url), {maxRetries: 0})
    await client.request({path: '/api'})
    const started = Date.now()
    expect((await client.request({path: '/api'})).data).toEqual({n: 2})
    expect(Date.now() - started).toBeLessThan(500)
    expect(s.connections).toBe(2)
    s.verify()
  })

  it('before answering a POST: not tried again', async () => {
    const s = await start()
    s.on('POST', '/api/v1/namespaces', {destroy: true})
    await expect(createClient(config(s.url)).request({method: 'POST', path: '/api/v1/namespaces', body: {}})).rejects.toThrow('Unable to connect to the server: EOF')
    s.verify()
  })

  it('keeps the method and URL (query sorted, as client-go sends it) for callers that print Go\'s url.Error', async () => {
    const s = await start()
    s.on('POST', '/api/v1/namespaces', {destroy: true})
    const sent = createClient(config(s.url)).request({method: 'POST', path: '/api/v1/namespaces', query: {fieldManager: 'm', dryRun: 'All'}, body: {}})
    const err = await sent.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConnectionError)
    expect(err).toMatchObject({message: 'Unable to connect to the server: EOF', detail: 'EOF', request: {method: 'POST', url: `${s.url}/api/v1/namespaces?dryRun=All&fieldManager=m`}})
    expect((err as ConnectionError).urlError).toBe(`Post "${s.url}/api/v1/namespaces?dryRun=All&fieldManager=m": EOF`)
  })
})

describe('retries on 429 and 5xx with Retry-After', () => {
  const busy = (status: number, retryAfter = '0') => ({status, headers: {'retry-after': retryAfter}, body: 'busy'})

  it('retries a GET after the given seconds', async () => {
    const s = await start()
    s.on('GET', '/api', busy(429, '1'))
    s.on('GET', '/api', busy(503))
    s.on('GET', '/api', {body: {kind: 'APIVersions'}})
    const started = Date.now()
    const res = await createClient(config(s.url)).request({path: '/api'})
    expect(res.data).toEqual({kind: 'APIVersions'})
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    s.verify()
  })

  it('gives up after the bound and surfaces the last error', async () => {
    const s = await start()
    s.on('GET', '/api', busy(503), {times: 3})
    await expect(createClient(config(s.url), {maxRetries: 2}).request({path: '/api'})).rejects.toThrow(
      'Error from server (ServiceUnavailable): the server is currently unable to handle the request',
    )
    s.verify()
  })

  it('does not retry without Retry-After, nor a POST or PATCH', async () => {
    const s = await start()
    s.on('GET', '/api', {status: 429, body: 'x'})
    s.on('POST', '/api', busy(429))
    s.on('PATCH', '/api', busy(503))
    const client = createClient(config(s.url))
    await expect(client.request({path: '/api'})).rejects.toThrow('Error from server (TooManyRequests)')
    await expect(client.request({method: 'POST', path: '/api', body: {}})).rejects.toThrow('Error from server (TooManyRequests)')
    await expect(client.request({method: 'PATCH', path: '/api', body: {}})).rejects.toThrow('Error from server (ServiceUnavailable)')
    s.verify()
  })

  it('caps a long Retry-After', async () => {
    const s = await start()
    s.on('GET', '/api', busy(429, '3600'))
    s.on('GET', '/api', {body: {}})
    const started = Date.now()
    await createClient(config(s.url), {maxRetryAfterSeconds: 0}).request({path: '/api'})
    expect(Date.now() - started).toBeLessThan(1000)
    s.verify()
  })

  it('stops retrying when the wait would pass the request timeout', async () => {
    const s = await start()
    s.on('GET', '/api', busy(429, '5'))
    await expect(createClient(config(s.url, {timeoutMs: 1000})).request({path: '/api'})).rejects.toThrow('Error from server (TooManyRequests)')
    s.verify()
  })
})

describe('credentials on 401', () => {
  function rotating(tokens: string[]): CredentialSource & {invalidated: number} {
    let i = 0
    const source = {
      invalidated: 0,
      get: async () => ({token: tokens[Math.min(i, tokens.length - 1)]}),
      invalidate: () => {
        source.invalidated++
        i++
      },
    }
    return source
  }
  const unauthorized = {status: 401, body: {kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401}}

  it('asks the source again once and retries with the new credential', async () => {
    const s = await start()
    s.on('GET', '/api', (req: RecordedRequest) => (req.headers.authorization === 'Bearer B' ? {body: {}} : unauthorized), {times: 2})
    const source = rotating(['A', 'B'])
    await createClient(config(s.url, {credentials: source})).request({path: '/api'})
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(['Bearer A', 'Bearer B'])
    expect(source.invalidated).toBe(1)
  })

  it('gives up when the credential did not change or is rejected again', async () => {
    const s = await start()
    s.always('GET', '/api', unauthorized)
    const same = rotating(['A'])
    await expect(createClient(config(s.url, {credentials: same})).request({path: '/api'})).rejects.toThrow('error: You must be logged in to the server (Unauthorized)')
    const changing = rotating(['A', 'B', 'C'])
    await expect(createClient(config(s.url, {credentials: changing})).request({path: '/api'})).rejects.toThrow('error: You must be logged in to the server (Unauthorized)')
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(['Bearer A', 'Bearer A', 'Bearer B'])
    expect([same.invalidated, changing.invalidated]).toEqual([1, 1])
  })
})
