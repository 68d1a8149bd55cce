import {afterEach, describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {maskValue} from '../../src/lib/client/log.js'
import {userAgent} from '../../src/lib/client/user-agent.js'
import {memoryIO} from '../../src/lib/io.js'
import type {Credentials, RestConfig} from '../../src/lib/kubeconfig/types.js'
import {FakeServer} from '../support/fake-server.js'

let server: FakeServer
afterEach(async () => {
  await server?.close()
})

function config(url: string, creds: Credentials = {token: 'sekrit-token-123'}): RestConfig {
  return {server: url, insecureSkipTLSVerify: false, timeoutMs: 0, credentials: {get: async () => creds, invalidate: () => undefined}}
}

const KLOG = /^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} {1,7}\d+ client\.ts\] /

/** stderr with klog headers, times and dates made stable; fails if any line lacks the klog header. */
function normalise(stderr: string): string {
  const lines = stderr.split('\n')
  expect(lines.pop()).toBe('')
  for (const line of lines) expect(line).toMatch(KLOG)
  return lines
    .map((l) => l.replace(KLOG, '').replace(/in \d+ milliseconds/, 'in N milliseconds').replace(/^( {4}Date: ).*/, '$1DATE'))
    .join('\n')
}

async function run(verbosity: number, creds?: Credentials, impersonate?: RestConfig['impersonate']): Promise<string> {
  server = await FakeServer.start()
  server.on('GET', '/api/v1/namespaces/default', {headers: {'audit-id': 'a1'}, body: {kind: 'Namespace'}})
  const io = memoryIO()
  await createClient({...config(server.url, creds), impersonate}, {io, verbosity}).request({path: '/api/v1/namespaces/default'})
  return io.stderr()
}

describe('-v round-trip logging', () => {
  it('is silent below -v=6', async () => {
    expect(await run(5)).toBe('')
  })

  it('-v=6 logs method, URL, status and time', async () => {
    expect(normalise(await run(6))).toBe(`GET ${server.url}/api/v1/namespaces/default 200 OK in N milliseconds`)
  })

  it('-v=7 adds the request headers with the credential masked', async () => {
    expect(normalise(await run(7))).toBe(
      [
        `GET ${server.url}/api/v1/namespaces/default`,
        'Request Headers:',
        '    Accept: application/json, */*',
        `    User-Agent: ${userAgent()}`,
        '    Authorization: Bearer <masked>',
        'Response Status: 200 OK in N milliseconds',
      ].join('\n'),
    )
  })

  it('-v=8 adds response headers and bodies', async () => {
    expect(normalise(await run(8))).toBe(
      [
        '"Request Body" body=""',
        `GET ${server.url}/api/v1/namespaces/default`,
        'Request Headers:',
        '    Accept: application/json, */*',
        `    User-Agent: ${userAgent()}`,
        '    Authorization: Bearer <masked>',
        'Response Status: 200 OK in N milliseconds',
        'Response Headers:',
        '    Content-Type: application/json',
        '    Audit-Id: a1',
        '    Date: DATE',
        '    Connection: keep-alive',
        '    Keep-Alive: timeout=5',
        '    Transfer-Encoding: chunked',
        '"Response Body" body="{\\"kind\\":\\"Namespace\\"}"',
      ].join('\n'),
    )
  })

  it('-v=9 logs a curl command line', async () => {
    const out = normalise(await run(9, {username: 'bob', password: 'hunter2'}))
    expect(out.split('\n').slice(0, 3)).toEqual([
      '"Request Body" body=""',
      `curl -v -XGET  -H "Accept: application/json, */*" -H "User-Agent: ${userAgent()}" -H "Authorization: Basic <masked>" '${server.url}/api/v1/namespaces/default'`,
      `GET ${server.url}/api/v1/namespaces/default 200 OK in N milliseconds`,
    ])
  })

  it('a header sent several times is logged once per value, as client-go does', async () => {
    const impersonate = {userName: 'bob', groups: ['g1', 'g2']}
    expect(normalise(await run(7, {}, impersonate))).toBe(
      [
        `GET ${server.url}/api/v1/namespaces/default`,
        'Request Headers:',
        '    Accept: application/json, */*',
        `    User-Agent: ${userAgent()}`,
        '    Impersonate-User: bob',
        '    Impersonate-Group: g1',
        '    Impersonate-Group: g2',
        'Response Status: 200 OK in N milliseconds',
      ].join('\n'),
    )
    await server.close()
    expect(normalise(await run(9, {}, impersonate)).split('\n')[1]).toBe(
      `curl -v -XGET  -H "Accept: application/json, */*" -H "User-Agent: ${userAgent()}" -H "Impersonate-User: bob" -H "Impersonate-Group: g1" -H "Impersonate-Group: g2" '${server.url}/api/v1/namespaces/default'`,
    )
  })

  it('never prints the token or password, even at -v=10', async () => {
    const token = await run(10)
    await server.close()
    const basic = await run(10, {username: 'bob', password: 'hunter2'})
    expect(token).toContain('Bearer <masked>')
    expect(token).not.toContain('sekrit-token-123')
    expect(basic).not.toContain('hunter2')
    expect(basic).not.toContain(Buffer.from('bob:hunter2').toString('base64'))
  })

  it('truncates bodies like kubectl at -v=8 and -v=9', async () => {
    for (const [v, kept] of [
      [8, 1024],
      [9, 10240],
    ]) {
      server = await FakeServer.start()
      const big = 'y'.repeat(12000)
      server.on('GET', '/big', {body: big})
      const io = memoryIO()
      await createClient(config(server.url), {io, verbosity: v}).request({path: '/big', raw: true})
      const line = io.stderr().split('\n').find((l) => l.includes('"Response Body"')) ?? ''
      expect(line.replace(KLOG, '')).toBe(`"Response Body" body="${'y'.repeat(kept)} [truncated ${12000 - kept} chars]"`)
      await server.close()
    }
  })

  it('logs each attempt of a retried request and the wait', async () => {
    server = await FakeServer.start()
    server.on('GET', '/api', {status: 503, headers: {'retry-after': '0'}, body: 'x'})
    server.on('GET', '/api', {body: {}})
    const io = memoryIO()
    await createClient(config(server.url), {io, verbosity: 6}).request({path: '/api'})
    expect(normalise(io.stderr())).toBe(
      [
        `GET ${server.url}/api 503 Service Unavailable in N milliseconds`,
        `Got a Retry-After 0s response for attempt 1 to ${server.url}/api`,
        `GET ${server.url}/api 200 OK in N milliseconds`,
      ].join('\n'),
    )
  })

  it('logs a request that got no answer with an empty status', async () => {
    server = await FakeServer.start()
    server.on('GET', '/api', {destroy: true})
    const io = memoryIO()
    await expect(createClient(config(server.url), {io, verbosity: 6, maxRetries: 0}).request({path: '/api'})).rejects.toThrow('Unable to connect to the server: EOF')
    expect(normalise(io.stderr())).toBe(`GET ${server.url}/api  in N milliseconds`)
  })
})

describe('maskValue', () => {
  it('keeps only known schemes', () => {
    expect([maskValue('Authorization', 'Bearer x'), maskValue('authorization', 'Negotiate abc'), maskValue('Authorization', 'Token x'), maskValue('Authorization', 'Bearer'), maskValue('Accept', 'a')]).toEqual([
      'Bearer <masked>',
      'Negotiate <masked>',
      '<masked>',
      'Bearer',
      'a',
    ])
  })
})
