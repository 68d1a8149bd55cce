import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {hostnameError} from '../../src/lib/client/tls-verify.js'
import {formatRFC3339 as rfc3339} from '../../src/lib/go/time.js'
import type {Credentials, RestConfig} from '../../src/lib/kubeconfig/types.js'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {FakeServer} from '../support/fake-server.js'

const pki = testPKI()
afterAll(() => cleanupPKI())

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(cert: string, key: string, ca?: string): Promise<FakeServer> {
  const server = await FakeServer.start({tls: {cert, key, ca}})
  servers.push(server)
  return server
}

function config(server: string, extra: Partial<RestConfig> = {}, creds: Credentials = {}): RestConfig {
  return {
    server,
    insecureSkipTLSVerify: false,
    caData: Buffer.from(pki.caCert),
    timeoutMs: 0,
    credentials: {get: async () => creds, invalidate: () => undefined},
    ...extra,
  }
}

const ok = {body: {kind: 'Namespace', metadata: {name: 'default'}}}

describe('TLS from the RestConfig', () => {
  it('trusts the server through the CA data', async () => {
    const server = await serve(pki.serverCert, pki.serverKey)
    server.on('GET', '/api/v1/namespaces/default', ok)
    const res = await createClient(config(server.url)).request({path: '/api/v1/namespaces/default'})
    expect(res.data).toEqual(ok.body)
    server.verify()
  })

  it('presents the client certificate from the credentials', async () => {
    const server = await serve(pki.serverCert, pki.serverKey, pki.caCert)
    server.on('GET', '/version', {body: {}})
    const creds = {certData: Buffer.from(pki.clientCert), keyData: Buffer.from(pki.clientKey)}
    await createClient(config(server.url, {}, creds)).request({path: '/version'})
    expect(server.requests.map((r) => r.clientCN)).toEqual(['ktl-admin'])
    server.verify()
  })

  it('sends no client certificate when the credentials hold none', async () => {
    const server = await serve(pki.serverCert, pki.serverKey, pki.caCert)
    server.on('GET', '/version', {body: {}})
    await createClient(config(server.url, {}, {token: 't'})).request({path: '/version'})
    expect(server.requests.map((r) => r.clientCN)).toEqual([undefined])
    expect(server.requests[0].headers.authorization).toBe('Bearer t')
  })

  it('skips every check with insecureSkipTLSVerify', async () => {
    const server = await serve(pki.expiredCert, pki.expiredKey)
    server.on('GET', '/version', {body: {}})
    await createClient(config(server.url, {insecureSkipTLSVerify: true, caData: undefined})).request({path: '/version'})
    server.verify()
  })

  it('checks the certificate against tlsServerName instead of the URL host', async () => {
    const server = await serve(pki.wrongHostCert, pki.wrongHostKey)
    server.on('GET', '/version', {body: {}})
    await createClient(config(server.url, {tlsServerName: 'other.example'})).request({path: '/version'})
    server.verify()
  })

  it('fails for the URL host when the certificate names another host', async () => {
    const server = await serve(pki.wrongHostCert, pki.wrongHostKey)
    await expect(createClient(config(server.url)).request({path: '/version'})).rejects.toThrow(
      'Unable to connect to the server: tls: failed to verify certificate: x509: cannot validate certificate for 127.0.0.1 because it doesn\'t contain any IP SANs',
    )
    expect(server.requests).toEqual([])
  })

  it('names the valid hosts when tlsServerName does not match', async () => {
    const server = await serve(pki.serverCert, pki.serverKey)
    await expect(createClient(config(server.url, {tlsServerName: 'foo.example'})).request({path: '/version'})).rejects.toThrow(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for localhost, not foo.example',
    )
  })

  it('rejects a certificate from an unknown authority', async () => {
    const server = await serve(pki.serverCert, pki.serverKey)
    const line = 'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority'
    await expect(createClient(config(server.url, {caData: Buffer.from(pki.otherCaCert)})).request({path: '/version'})).rejects.toThrow(line)
    // Without CA data the system roots apply, which do not know the test CA either.
    await expect(createClient(config(server.url, {caData: undefined})).request({path: '/version'})).rejects.toThrow(line)
    expect(server.requests).toEqual([])
  })

  it('rejects an expired certificate with Go\'s times', async () => {
    const server = await serve(pki.expiredCert, pki.expiredKey)
    const before = rfc3339(new Date())
    const err = await createClient(config(server.url)).request({path: '/version'}).catch((e: Error) => e)
    const after = rfc3339(new Date())
    expect(err).toBeInstanceOf(Error)
    const m = /^Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time (\S+) is after (\S+)$/.exec((err as Error).message)
    expect(m).not.toBeNull()
    expect([before, after]).toContain(m?.[1])
    const {X509Certificate} = await import('node:crypto')
    expect(m?.[2]).toBe(rfc3339(new Date(new X509Certificate(pki.expiredCert).validTo), true))
  })

  it('rejects a certificate that has only a common name', async () => {
    const server = await serve(pki.legacyCNCert, pki.legacyCNKey)
    await expect(createClient(config(server.url, {tlsServerName: 'legacy.example'})).request({path: '/version'})).rejects.toThrow(
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate relies on legacy Common Name field, use SANs instead',
    )
  })

  it('explains an HTTPS request to a plain HTTP server', async () => {
    const server = await FakeServer.start()
    servers.push(server)
    const https = server.url.replace('http:', 'https:')
    await expect(createClient(config(https)).request({path: '/version'})).rejects.toThrow(
      'Unable to connect to the server: http: server gave HTTP response to HTTPS client',
    )
  })

  it('makes one TLS handshake for many requests (keep-alive)', async () => {
    const server = await serve(pki.serverCert, pki.serverKey)
    server.always('GET', '/version', {body: {}})
    const client = createClient(config(server.url))
    for (let i = 0; i < 4; i++) await client.request({path: '/version'})
    await Promise.all([client.request({path: '/version'}), client.request({path: '/version'})])
    expect(server.requests.length).toBe(6)
    // The two parallel requests may need a second connection; sequential ones reuse the first.
    expect(server.tlsHandshakes).toBeLessThanOrEqual(2)
    expect(server.connections).toBe(server.tlsHandshakes)
  })

  it('opens a new connection when the client certificate changes', async () => {
    const server = await serve(pki.serverCert, pki.serverKey, pki.caCert)
    server.always('GET', '/version', {body: {}})
    let creds: Credentials = {certData: Buffer.from(pki.clientCert), keyData: Buffer.from(pki.clientKey)}
    const client = createClient(config(server.url, {credentials: {get: async () => creds, invalidate: () => undefined}}))
    await client.request({path: '/version'})
    // Same bytes in new buffers (a re-read file) keep the connection.
    creds = {certData: Buffer.from(pki.clientCert), keyData: Buffer.from(pki.clientKey)}
    await client.request({path: '/version'})
    expect(server.tlsHandshakes).toBe(1)
    creds = {}
    await client.request({path: '/version'})
    expect(server.tlsHandshakes).toBe(2)
    expect(server.requests.map((r) => r.clientCN)).toEqual(['ktl-admin', 'ktl-admin', undefined])
  })
})

describe('hostnameError (Go\'s VerifyHostname)', () => {
  const cert = (subjectaltname: string | undefined, CN = 'x') => ({subjectaltname, subject: {CN}}) as never

  it('matches DNS names case-insensitively and one wildcard label', () => {
    expect(hostnameError(cert('DNS:*.example.com'), 'api.example.com')).toBeUndefined()
    expect(hostnameError(cert('DNS:API.example.com'), 'api.example.com.')).toBeUndefined()
    expect(hostnameError(cert('DNS:*.example.com'), 'a.b.example.com')).toBe('x509: certificate is valid for *.example.com, not a.b.example.com')
    expect(hostnameError(cert('DNS:*.example.com'), 'example.com')).toBe('x509: certificate is valid for *.example.com, not example.com')
  })

  it('matches IP addresses only against IP SANs', () => {
    expect(hostnameError(cert('IP Address:10.0.0.1, DNS:10.0.0.2'), '10.0.0.1')).toBeUndefined()
    expect(hostnameError(cert('IP Address:10.0.0.1, DNS:k8s'), '10.0.0.2')).toBe('x509: certificate is valid for 10.0.0.1, not 10.0.0.2')
    expect(hostnameError(cert('IP Address:0:0:0:0:0:0:0:1'), '[::1]')).toBeUndefined()
    expect(hostnameError(cert('IP Address:0:0:0:0:0:0:0:1'), '::2')).toBe('x509: certificate is valid for ::1, not ::2')
  })

  it('says when a certificate names nothing', () => {
    expect(hostnameError(cert('email:a@b'), 'k8s.local')).toBe('x509: certificate is not valid for any names, but wanted to match k8s.local')
  })
})
