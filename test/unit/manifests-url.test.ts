// -f http(s)://URL: fetched like kubectl fetches it (three attempts, 5xx and connection failures
// retried), TLS from the system roots or SSL_CERT_FILE, proxies from the environment.
import {Readable} from 'node:stream'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {fetchURL} from '../../src/lib/client/fetch-url.js'
import {collectManifests, type CollectedManifests} from '../../src/lib/manifests/reader.js'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {FakeServer} from '../support/fake-server.js'

const pki = testPKI()
afterAll(() => cleanupPKI())

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function serve(tls = false): Promise<FakeServer> {
  const server = await FakeServer.start(tls ? {tls: {cert: pki.serverCert, key: pki.serverKey}} : {})
  servers.push(server)
  return server
}

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fetched\n'

async function read(filenames: string[], env: NodeJS.ProcessEnv = {}): Promise<CollectedManifests> {
  return collectManifests({filenames, recursive: false, stdin: Readable.from([]), env, urlRetryDelayMs: 10})
}

function summary(result: CollectedManifests): {objects: string[]; errors: string[]} {
  return {
    objects: result.documents.map((d) => `${d.source}#${d.index} ${d.object.kind}/${d.object.metadata?.name}`),
    errors: result.errors.map((e) => e.message),
  }
}

describe('-f URL', () => {
  it('reads the manifest a URL serves, named by the URL, with positions', async () => {
    const server = await serve()
    server.on('GET', '/app.yaml', {body: CONFIGMAP})
    const result = await read([`${server.url}/app.yaml`])
    expect(summary(result)).toEqual({objects: [`${server.url}/app.yaml#0 ConfigMap/fetched`], errors: []})
    expect(result.documents[0].position(['metadata', 'name'])).toEqual({line: 4, column: 3})
    expect(server.requests[0].headers['user-agent']).toMatch(/^ktl\/v/)
    server.verify()
  })

  it("reports a 404 in kubectl's words without retrying, and reads the other sources", async () => {
    const server = await serve()
    server.on('GET', '/nope.yaml', {status: 404, body: 'no such thing'})
    server.on('GET', '/app.json', {body: '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}}'})
    const result = await read([`${server.url}/nope.yaml`, `${server.url}/app.json`])
    expect(summary(result)).toEqual({
      objects: [`${server.url}/app.json#0 Secret/s`],
      errors: [`unable to read URL "${server.url}/nope.yaml", server reported 404 Not Found, status code=404`],
    })
    server.verify()
  })

  it('tries three times when the server answers 5xx', async () => {
    const server = await serve()
    server.on('GET', '/flaky.yaml', {status: 500, body: 'boom'}, {times: 3})
    expect(summary(await read([`${server.url}/flaky.yaml`])).errors).toEqual([
      `unable to read URL "${server.url}/flaky.yaml", server reported 500 Internal Server Error, status code=500`,
    ])
    server.verify()
  })

  it('succeeds when a retry does', async () => {
    const server = await serve()
    server.on('GET', '/flaky.yaml', {status: 503, body: 'busy'})
    server.on('GET', '/flaky.yaml', {body: CONFIGMAP})
    expect(summary(await read([`${server.url}/flaky.yaml`])).objects).toEqual([`${server.url}/flaky.yaml#0 ConfigMap/fetched`])
    server.verify()
  })

  it('follows redirects', async () => {
    const server = await serve()
    server.on('GET', '/old.yaml', {status: 302, headers: {location: '/new.yaml'}})
    server.on('GET', '/new.yaml', {body: CONFIGMAP})
    expect(summary(await read([`${server.url}/old.yaml`])).objects).toEqual([`${server.url}/old.yaml#0 ConfigMap/fetched`])
    server.verify()
  })

  it('says the connection was refused as kubectl does, after its attempts', async () => {
    const server = await serve()
    const {url, host} = server
    await server.close()
    expect(summary(await read([`${url}/app.yaml`])).errors).toEqual([`The connection to the server ${host} was refused - did you specify the right host or port?`])
  })

  it('checks HTTPS servers against SSL_CERT_FILE, as Go does', async () => {
    const server = await serve(true)
    server.on('GET', '/app.yaml', {body: CONFIGMAP})
    expect(summary(await read([`${server.url}/app.yaml`], {SSL_CERT_FILE: pki.paths.caCert})).objects).toEqual([`${server.url}/app.yaml#0 ConfigMap/fetched`])
    server.verify()
  })

  it('refuses an HTTPS server it cannot verify', async () => {
    const server = await serve(true)
    expect(summary(await read([`${server.url}/app.yaml`])).errors).toEqual([
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    ])
    expect(server.requests).toEqual([])
  })

  it('goes through HTTP_PROXY for hosts that are not local', async () => {
    const proxy = await serve()
    proxy.on('GET', '/app.yaml', {body: CONFIGMAP})
    const result = await read(['http://manifests.example/app.yaml'], {HTTP_PROXY: proxy.url})
    expect(summary(result).objects).toEqual(['http://manifests.example/app.yaml#0 ConfigMap/fetched'])
    expect(proxy.requests[0].headers.host).toBe('manifests.example')
    proxy.verify()
  })
})

describe('fetchURL', () => {
  it('returns the body of a 200 answer and throws kubectl errors otherwise', async () => {
    const server = await serve()
    server.on('GET', '/a', {body: 'hello'})
    server.on('GET', '/b', {status: 403, body: 'no'})
    expect((await fetchURL(`${server.url}/a`, {env: {}})).toString()).toBe('hello')
    await expect(fetchURL(`${server.url}/b`, {env: {}})).rejects.toThrow(`unable to read URL "${server.url}/b", server reported 403 Forbidden, status code=403`)
    server.verify()
  })
})
