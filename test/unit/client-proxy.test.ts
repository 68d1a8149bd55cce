import {createServer as createHttpServer, type IncomingMessage, request as httpRequest, type Server} from 'node:http'
import {createServer as createHttpsServer} from 'node:https'
import {type AddressInfo, connect, type Socket} from 'node:net'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {proxyFunc} from '../../src/lib/client/proxy.js'
import type {RestConfig} from '../../src/lib/kubeconfig/types.js'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {FakeServer} from '../support/fake-server.js'

const pki = testPKI()
afterAll(() => cleanupPKI())

/** A forward proxy on 127.0.0.1: CONNECT tunnels and absolute-form requests, every target mapped to 127.0.0.1. */
class TestProxy {
  readonly seen: string[] = []
  readonly proxyAuth: Array<string | undefined> = []
  private sockets = new Set<Socket>()
  private constructor(
    private server: Server,
    readonly url: string,
  ) {}

  static async start(opts: {tls?: boolean; requireAuth?: string} = {}): Promise<TestProxy> {
    const server = opts.tls ? createHttpsServer({key: pki.serverKey, cert: pki.serverCert}) : createHttpServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const proxy = new TestProxy(server, `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`)
    server.on(opts.tls ? 'secureConnection' : 'connection', (s: Socket) => proxy.track(s))
    const authorized = (req: IncomingMessage) => !opts.requireAuth || req.headers['proxy-authorization'] === opts.requireAuth
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      proxy.seen.push(`CONNECT ${req.url}`)
      proxy.proxyAuth.push(req.headers['proxy-authorization'])
      if (!authorized(req)) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n')
        return
      }
      const port = Number(String(req.url).split(':').pop())
      const upstream = proxy.track(connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client).on('error', () => undefined)
        client.pipe(upstream).on('error', () => undefined)
      }))
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
    server.on('request', (req: IncomingMessage, res) => {
      proxy.seen.push(`${req.method} ${req.url}`)
      proxy.proxyAuth.push(req.headers['proxy-authorization'])
      const target = new URL(String(req.url))
      const headers = {...req.headers}
      delete headers['proxy-authorization']
      const upstream = httpRequest({host: '127.0.0.1', port: target.port, method: req.method, path: target.pathname + target.search, headers}, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      })
      req.pipe(upstream)
    })
    return proxy
  }

  private track(s: Socket): Socket {
    this.sockets.add(s)
    s.on('close', () => this.sockets.delete(s))
    return s
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()))
})

async function proxy(opts: {tls?: boolean; requireAuth?: string} = {}): Promise<TestProxy> {
  const p = await TestProxy.start(opts)
  cleanups.push(() => p.close())
  return p
}

async function fake(tls?: {cert: string; key: string}): Promise<FakeServer> {
  const s = await FakeServer.start(tls ? {tls} : {})
  cleanups.push(() => s.close())
  return s
}

function config(server: string, extra: Partial<RestConfig> = {}): RestConfig {
  return {
    server,
    insecureSkipTLSVerify: false,
    caData: Buffer.from(pki.caCert),
    timeoutMs: 0,
    credentials: {get: async () => ({token: 'secret'}), invalidate: () => undefined},
    ...extra,
  }
}

describe('proxy-url', () => {
  it('tunnels to an https server through an http proxy with CONNECT', async () => {
    const s = await fake({cert: pki.serverCert, key: pki.serverKey})
    s.always('GET', '/api', {body: {}})
    const p = await proxy()
    const client = createClient(config(s.url, {proxyUrl: p.url}))
    await client.request({path: '/api'})
    await client.request({path: '/api'})
    expect(p.seen).toEqual([`CONNECT ${s.host}`])
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(['Bearer secret', 'Bearer secret'])
    expect(s.tlsHandshakes).toBe(1)
  })

  it('sends the absolute URL to an http proxy for an http server', async () => {
    const s = await fake()
    s.on('GET', '/api', {body: {kind: 'APIVersions'}})
    const p = await proxy()
    const res = await createClient(config(s.url, {proxyUrl: p.url.replace('http://', 'http://me:pw@')})).request({path: '/api', query: {a: 'b'}})
    expect(res.data).toEqual({kind: 'APIVersions'})
    expect(p.seen).toEqual([`GET ${s.url}/api?a=b`])
    expect(p.proxyAuth).toEqual([`Basic ${Buffer.from('me:pw').toString('base64')}`])
    expect(s.requests[0].headers.authorization).toBe('Bearer secret')
  })

  it('reaches an https proxy over TLS checked with the cluster CA', async () => {
    const s = await fake({cert: pki.serverCert, key: pki.serverKey})
    s.on('GET', '/api', {body: {}})
    const h = await fake()
    h.on('GET', '/api', {body: {}})
    const p = await proxy({tls: true})
    await createClient(config(s.url, {proxyUrl: p.url})).request({path: '/api'})
    await createClient(config(h.url, {proxyUrl: p.url})).request({path: '/api'})
    expect(p.seen).toEqual([`CONNECT ${s.host}`, `GET ${h.url}/api`])
    await expect(createClient(config(s.url, {proxyUrl: p.url, caData: Buffer.from(pki.otherCaCert)})).request({path: '/api'})).rejects.toThrow(
      'Unable to connect to the server: proxyconnect tcp: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    )
  })

  it('authenticates to the proxy with the URL\'s user info, never with the cluster token', async () => {
    const s = await fake({cert: pki.serverCert, key: pki.serverKey})
    s.on('GET', '/api', {body: {}})
    const auth = `Basic ${Buffer.from('me:p@ss').toString('base64')}`
    const p = await proxy({requireAuth: auth})
    const withAuth = p.url.replace('http://', 'http://me:p%40ss@')
    await createClient(config(s.url, {proxyUrl: withAuth})).request({path: '/api'})
    await expect(createClient(config(s.url, {proxyUrl: p.url})).request({path: '/api'})).rejects.toThrow(
      /^Unable to connect to the server: Proxy Authentication Required$/,
    )
    expect(p.proxyAuth).toEqual([auth, undefined])
  })

  it('reports a refused proxy like a refused server', async () => {
    const s = await fake({cert: pki.serverCert, key: pki.serverKey})
    const p = await proxy()
    const dead = p.url
    await p.close()
    cleanups.pop()
    await expect(createClient(config(s.url, {proxyUrl: dead})).request({path: '/api'})).rejects.toThrow(
      `The connection to the server ${s.host} was refused - did you specify the right host or port?`,
    )
  })
})

describe('proxies from the environment', () => {
  it('uses HTTPS_PROXY for an https server', async () => {
    const s = await fake({cert: pki.wrongHostCert, key: pki.wrongHostKey})
    s.on('GET', '/api', {body: {}})
    const p = await proxy()
    // other.example does not resolve: only the proxy, which maps every host to 127.0.0.1, can reach it.
    const server = `https://other.example:${new URL(s.url).port}`
    await createClient(config(server), {env: {HTTPS_PROXY: p.url}}).request({path: '/api'})
    expect(p.seen).toEqual([`CONNECT other.example:${new URL(s.url).port}`])
    s.verify()
  })

  it('never proxies a loopback server', async () => {
    const s = await fake({cert: pki.serverCert, key: pki.serverKey})
    s.on('GET', '/api', {body: {}})
    const p = await proxy()
    await createClient(config(s.url), {env: {HTTPS_PROXY: p.url, HTTP_PROXY: p.url}}).request({path: '/api'})
    expect(p.seen).toEqual([])
  })
})

describe('proxyFunc (Go\'s ProxyFromEnvironment rules)', () => {
  const pick = (env: NodeJS.ProcessEnv, url: string, proxyUrl?: string) => proxyFunc(proxyUrl, env)(new URL(url))?.href

  it('chooses the proxy by scheme, upper case first', () => {
    const env = {HTTPS_PROXY: 'http://s:1', https_proxy: 'http://ignored:1', http_proxy: 'http://h:2'}
    expect([pick(env, 'https://k8s.example'), pick(env, 'http://k8s.example')]).toEqual(['http://s:1/', 'http://h:2/'])
    expect(pick({}, 'https://k8s.example')).toBeUndefined()
  })

  it('reads a proxy without a scheme as http', () => {
    expect(pick({HTTPS_PROXY: 'squid:3128'}, 'https://k8s.example')).toBe('http://squid:3128/')
  })

  it('never proxies localhost or loopback addresses', () => {
    const env = {HTTPS_PROXY: 'http://p:1'}
    expect(['https://localhost:6443', 'https://127.0.0.1', 'https://127.8.0.1', 'https://[::1]:6443'].map((u) => pick(env, u))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })

  it('honours NO_PROXY domains, subdomains, ports, IPs, CIDRs and *', () => {
    const env = {HTTPS_PROXY: 'http://p:1', NO_PROXY: ' example.com, .internal ,*.corp, 10.1.2.3, 192.168.0.0/16, k8s.local:6443, [fd00::1]:443'}
    const direct = ['https://example.com', 'https://api.example.com', 'https://a.internal', 'https://b.corp', 'https://10.1.2.3', 'https://192.168.7.7:6443', 'https://k8s.local:6443', 'https://[fd00::1]']
    const proxied = ['https://internal', 'https://notexample.com', 'https://k8s.local', 'https://10.1.2.4', 'https://[fd00::1]:6443']
    expect(direct.map((u) => pick(env, u))).toEqual(direct.map(() => undefined))
    expect(proxied.map((u) => pick(env, u))).toEqual(proxied.map(() => 'http://p:1/'))
    expect(pick({HTTPS_PROXY: 'http://p:1', no_proxy: '*'}, 'https://anything.example')).toBeUndefined()
  })

  it('ignores HTTP_PROXY in a CGI environment', () => {
    expect(pick({HTTP_PROXY: 'http://p:1', REQUEST_METHOD: 'GET'}, 'http://k8s.example')).toBeUndefined()
  })

  it('lets proxy-url win over the environment, loopback included', () => {
    expect(pick({NO_PROXY: '*'}, 'https://127.0.0.1:6443', 'http://p:3128')).toBe('http://p:3128/')
  })
})
