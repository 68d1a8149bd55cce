import {createServer} from 'node:net'
import {describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {jsonSyntaxError, statusFromResponse, transportError} from '../../src/lib/client/errors.js'
import {StatusError} from '../../src/lib/errors.js'
import {fakeServers, restConfigFor} from '../support/client.js'
import {statusBody} from '../support/fake-server.js'

const start = fakeServers()
const config = (url: string) => restConfigFor(url)

describe('error responses with a Status body', () => {
  const cases: Array<[string, ReturnType<typeof statusBody>, string]> = [
    ['NotFound', statusBody(404, 'NotFound', 'pods "x" not found', {name: 'x', kind: 'pods'}), 'Error from server (NotFound): pods "x" not found'],
    [
      'Forbidden',
      statusBody(403, 'Forbidden', 'pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"', {kind: 'pods'}),
      'Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"',
    ],
    [
      'Conflict',
      statusBody(409, 'Conflict', 'Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again'),
      'Error from server (Conflict): Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again',
    ],
    ['AlreadyExists', statusBody(409, 'AlreadyExists', 'pods "x" already exists', {name: 'x', kind: 'pods'}), 'Error from server (AlreadyExists): pods "x" already exists'],
    ['Unauthorized', statusBody(401, 'Unauthorized', 'Unauthorized'), 'error: You must be logged in to the server (Unauthorized)'],
    ['no reason', {status: 500, body: {kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'weird', code: 500}}, 'Error from server: weird'],
  ]
  for (const [name, reply, line] of cases) {
    it(`prints ${name} like kubectl`, async () => {
      const s = await start()
      s.on('GET', '/api/v1/namespaces/default/pods/x', reply)
      await expect(createClient(config(s.url)).request({path: '/api/v1/namespaces/default/pods/x'})).rejects.toThrow(new StatusError(reply.body as never).message)
      expect(new StatusError(reply.body as never).message).toBe(line)
      s.verify()
    })
  }

  it('keeps the whole Status on the error', async () => {
    const s = await start()
    const reply = statusBody(404, 'NotFound', 'pods "x" not found', {name: 'x', kind: 'pods'})
    s.on('GET', '/api/v1/namespaces/default/pods/x', reply)
    const err = await createClient(config(s.url)).request({path: '/api/v1/namespaces/default/pods/x'}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StatusError)
    expect((err as StatusError).status).toEqual(reply.body)
    expect((err as StatusError).code).toBe(404)
  })

  it('treats a Failure Status in a 2xx answer as an error, as client-go does', async () => {
    const s = await start()
    s.on('GET', '/x', {status: 200, body: {kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Gone', message: 'too old', code: 410}})
    await expect(createClient(config(s.url)).request({path: '/x'})).rejects.toThrow('Error from server (Gone): too old')
  })

  it('answers error statuses as data with allowErrorStatus', async () => {
    const s = await start()
    const reply = statusBody(404, 'NotFound', 'nope')
    s.on('GET', '/x', reply)
    const res = await createClient(config(s.url)).request({path: '/x', allowErrorStatus: true})
    expect(res).toEqual({status: 404, headers: expect.any(Object), data: reply.body})
  })
})

describe('bare error codes (client-go NewGenericServerResponse, checked against kubectl 1.32)', () => {
  const lines: Record<number, string> = {
    400: 'Error from server (BadRequest): the server rejected our request for an unknown reason',
    401: 'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
    403: 'Error from server (Forbidden): some text body',
    404: 'Error from server (NotFound): the server could not find the requested resource',
    405: 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource',
    406: 'Error from server (NotAcceptable): some text body',
    409: 'Error from server (Conflict): the server reported a conflict',
    410: 'Error from server: the server responded with the status code 410 but did not return more information',
    415: 'Error from server (UnsupportedMediaType): some text body',
    418: 'Error from server: the server responded with the status code 418 but did not return more information',
    429: 'Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later',
    500: 'Error from server (InternalError): an error on the server ("some text body") has prevented the request from succeeding',
    502: 'Error from server (InternalError): an error on the server ("some text body") has prevented the request from succeeding',
    503: 'Error from server (ServiceUnavailable): the server is currently unable to handle the request',
    504: 'Error from server (Timeout): the server was unable to return a response in the time allotted, but may still be processing the request',
  }
  it('gives each code kubectl\'s line', async () => {
    const s = await start()
    for (const code of Object.keys(lines)) s.on('GET', `/code/${code}`, {status: Number(code), body: 'some text body\n'})
    const client = createClient(config(s.url))
    const got: Record<number, string> = {}
    for (const code of Object.keys(lines)) {
      got[Number(code)] = await client.request({path: `/code/${code}`}).then(
        () => 'no error',
        (e: Error) => e.message,
      )
    }
    expect(got).toEqual(lines)
    s.verify()
  })

  it('makes a bare 422 an Invalid Status whose cause is the body', async () => {
    const s = await start()
    s.on('GET', '/code/422', {status: 422, body: 'some text body'})
    const err = await createClient(config(s.url)).request({path: '/code/422'}).catch((e: unknown) => e)
    expect((err as StatusError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      details: {causes: [{reason: 'UnexpectedServerResponse', message: 'some text body'}]},
      code: 422,
    })
  })

  it('quotes a body only when it is text', async () => {
    const s = await start()
    s.on('GET', '/json', {status: 500, body: {hello: 'world'}})
    s.on('GET', '/html', {status: 500, headers: {'content-type': 'text/html'}, body: '<b>down</b>'})
    const client = createClient(config(s.url))
    await expect(client.request({path: '/json'})).rejects.toThrow('Error from server (InternalError): an error on the server ("unknown") has prevented the request from succeeding')
    await expect(client.request({path: '/html'})).rejects.toThrow('Error from server (InternalError): an error on the server ("<b>down</b>") has prevented the request from succeeding')
  })

  it('names the resource like `kubectl get` does and makes a 409 on POST AlreadyExists', async () => {
    const s = await start()
    s.on('GET', '/api/v1/namespaces/x', {status: 404, body: 'nope'})
    s.on('POST', '/apis/apps/v1/namespaces/default/deployments', {status: 409, body: 'exists'})
    const client = createClient(config(s.url))
    await expect(client.request({path: '/api/v1/namespaces/x', resource: {group: '', resource: 'namespaces', name: 'x'}})).rejects.toThrow(
      'Error from server (NotFound): the server could not find the requested resource (get namespaces x)',
    )
    await expect(
      client.request({method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: {}, resource: {group: 'apps', resource: 'deployments'}}),
    ).rejects.toThrow('Error from server (AlreadyExists): the server reported a conflict (post deployments.apps)')
  })

  it('builds the Status client-go builds, with the body as cause and Retry-After', () => {
    expect(statusFromResponse(429, 'slow down', 'GET', {contentType: 'text/plain', retryAfterSeconds: 3})).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'TooManyRequests',
      message: 'the server has received too many requests and has asked us to try again later',
      details: {causes: [{reason: 'UnexpectedServerResponse', message: 'slow down'}], retryAfterSeconds: 3},
      code: 429,
    })
  })
})

describe('2xx bodies that cannot be decoded', () => {
  it('says the JSON ended early', async () => {
    const s = await start()
    s.on('GET', '/x', {headers: {'content-type': 'application/json'}, body: '{"kind":"Namespace","metadata":{"na'})
    await expect(createClient(config(s.url)).request({path: '/x'})).rejects.toThrow(/^error: unexpected end of JSON input$/)
  })

  it('says what is wrong with a body that is not JSON', async () => {
    const s = await start()
    s.on('GET', '/x', {headers: {'content-type': 'application/json'}, body: '<html>hi</html>'})
    s.on('GET', '/y', {headers: {'content-type': 'text/html'}, body: '<html>hi</html>'})
    const client = createClient(config(s.url))
    await expect(client.request({path: '/x'})).rejects.toThrow(/^error: invalid character '<' looking for beginning of value$/)
    await expect(client.request({path: '/y'})).rejects.toThrow(/^error: serializer for text\/html doesn't exist$/)
  })

  it('returns text untouched with raw', async () => {
    const s = await start()
    s.on('GET', '/y', {headers: {'content-type': 'text/html'}, body: '<html>hi</html>'})
    expect((await createClient(config(s.url)).request({path: '/y', raw: true})).data).toBe('<html>hi</html>')
  })

  it('matches Go\'s encoding/json wording', () => {
    expect(jsonSyntaxError('').message).toBe('error: unexpected end of JSON input')
    expect(jsonSyntaxError('[1, 2').message).toBe('error: unexpected end of JSON input')
    expect(jsonSyntaxError('{"a": 1} x').message).toBe("error: invalid character 'x' after top-level value")
    expect(jsonSyntaxError("'a'").message).toBe("error: invalid character '\\'' looking for beginning of value")
  })
})

describe('connection failures', () => {
  it('names the refused host and port', async () => {
    // A port that was just free: listen, note it, close.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as {port: number}).port
        probe.close(() => resolve(p))
      })
    })
    const err = await createClient(config(`http://127.0.0.1:${port}`)).request({path: '/version'}).catch((e: unknown) => e)
    expect(err).toHaveProperty('message', `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`)
    // Wrapped by a caller, it reads as Go's url.Error around the dial error.
    expect(err).toHaveProperty('urlError', `Get "http://127.0.0.1:${port}/version": dial tcp 127.0.0.1:${port}: connect: connection refused`)
  })

  it('reports a failed DNS lookup with the resolver like Go', () => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND nope.invalid'), {code: 'ENOTFOUND', hostname: 'nope.invalid'})
    expect(transportError(err, 'nope.invalid:6443').message).toMatch(/^Unable to connect to the server: dial tcp: lookup nope\.invalid( on \S+)?: no such host$/)
  })

  it('turns TLS alerts into Go\'s remote error text', () => {
    const err = Object.assign(new Error('alert'), {code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', reason: 'tlsv13 alert certificate required'})
    expect(transportError(err, 'h:1').message).toBe('Unable to connect to the server: remote error: tls: certificate required')
    const unknownCA = Object.assign(new Error('alert'), {code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', reason: 'tlsv1 alert unknown ca'})
    expect(transportError(unknownCA, 'h:1').message).toBe('Unable to connect to the server: remote error: tls: unknown certificate authority')
  })
})
