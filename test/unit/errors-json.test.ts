// --output-errors=json: the mapping from ktl's errors to records, and the built CLI's stderr against the fake server.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {AggregateCliError, CliError, ConnectionError, FlagValueError, ResponseBodyError, StatusError} from '../../src/lib/errors.js'
import {errorsFormat, failureLines, failureRecords} from '../../src/lib/errors-json.js'
import {ManifestError} from '../../src/lib/manifests/reader.js'
import {DecodeError} from '../../src/lib/resources/manifest-infos.js'
import {reportError} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {fakeServers} from '../support/client.js'
import {spawnNode} from '../support/spawn-node.js'

const notFound = (name: string, resource = 'configmaps') => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: `${resource} "${name}" not found`,
  reason: 'NotFound',
  details: {name, kind: resource},
  code: 404,
})

describe('errorsFormat', () => {
  it('reads --output-errors from argv, the last one winning, and stops at --', () => {
    expect(errorsFormat(['get', 'pods'])).toBe('text')
    expect(errorsFormat(['get', '--output-errors=json'])).toBe('json')
    expect(errorsFormat(['get', '--output-errors', 'json'])).toBe('json')
    expect(errorsFormat(['--output-errors=json', '--output-errors=text'])).toBe('text')
    expect(errorsFormat(['--', '--output-errors=json'])).toBe('text')
  })
})

describe('failureRecords', () => {
  it('a server Status: its reason, code and message; the object from its details and the request URL', () => {
    const err = new StatusError(notFound('a'), undefined, {method: 'DELETE', url: 'https://h/api/v1/namespaces/prod/configmaps/a'})
    expect(failureRecords(err, err.message)).toEqual([
      {reason: 'NotFound', code: 404, message: 'configmaps "a" not found', object: {kind: 'configmaps', name: 'a', namespace: 'prod'}},
    ])
  })

  it('a namespace in a named group path; none for a cluster-scoped object or the namespace itself', () => {
    const at = (url: string) => failureRecords(new StatusError(notFound('x'), undefined, {method: 'GET', url}), '')[0].object
    expect(at('https://h/apis/apps/v1/namespaces/n%201/deployments/x')).toEqual({kind: 'configmaps', name: 'x', namespace: 'n 1'})
    expect(at('https://h/api/v1/namespaces/x')).toEqual({kind: 'configmaps', name: 'x'})
    expect(at('https://h/api/v1/nodes/x')).toEqual({kind: 'configmaps', name: 'x'})
  })

  it('a Status without reason or details: Unknown, no object', () => {
    const err = new StatusError({kind: 'Status', status: 'Failure', message: 'boom', code: 500})
    expect(failureRecords(err, err.message)).toEqual([{reason: 'Unknown', code: 500, message: 'boom'}])
  })

  it('a Status rewrapped with the source keeps the request', () => {
    const err = new StatusError(notFound('a'), undefined, {method: 'GET', url: 'https://h/api/v1/namespaces/d/configmaps/a'})
    const wrapped = err.withStatus({...err.status, message: `error when deleting "f.yaml": ${err.status.message}`})
    expect(wrapped.message).toBe('Error from server (NotFound): error when deleting "f.yaml": configmaps "a" not found')
    expect(failureRecords(wrapped, '')[0]).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'error when deleting "f.yaml": configmaps "a" not found',
      object: {kind: 'configmaps', name: 'a', namespace: 'd'},
    })
  })

  it('client-side failures: ConnectionError, UnexpectedServerResponse, Invalid, BadRequest, InternalError', () => {
    const conn = new ConnectionError('Unable to connect to the server: EOF', 'EOF')
    expect(failureRecords(conn, conn.message)).toEqual([{reason: 'ConnectionError', code: 0, message: 'Unable to connect to the server: EOF'}])
    const body = new ResponseBodyError('error: unexpected end of JSON input')
    expect(failureRecords(body, body.message)).toEqual([{reason: 'UnexpectedServerResponse', code: 0, message: 'unexpected end of JSON input'}])
    const manifest = new ManifestError('error converting YAML to JSON')
    expect(failureRecords(manifest, manifest.message)).toEqual([{reason: 'Invalid', code: 422, message: 'error converting YAML to JSON'}])
    const decode = new DecodeError('error: unable to decode "f.yaml": json: cannot unmarshal bool')
    expect(failureRecords(decode, decode.message)).toEqual([{reason: 'Invalid', code: 422, message: 'unable to decode "f.yaml": json: cannot unmarshal bool'}])
    const usage = new CliError("error: unknown flag: --x\nSee 'ktl get --help' for usage.")
    expect(failureRecords(usage, usage.message)).toEqual([{reason: 'BadRequest', code: 400, message: 'unknown flag: --x'}])
    const flag = new FlagValueError('invalid argument "x" for "--v" flag: strconv.ParseInt: parsing "x": invalid syntax', 'get')
    expect(failureRecords(flag, flag.text)).toEqual([{reason: 'BadRequest', code: 400, message: 'invalid argument "x" for "--v" flag: strconv.ParseInt: parsing "x": invalid syntax'}])
    const cobra = new CliError("error: flag needs an argument: 'n' in -n\nSee 'ktl get --help' for usage.")
    expect(failureRecords(cobra, cobra.message)).toEqual([{reason: 'BadRequest', code: 400, message: "flag needs an argument: 'n' in -n"}])
    const examples = new CliError("error: Unexpected args: [x]\nSee 'ktl apply -h' for help and examples")
    expect(failureRecords(examples, examples.message)).toEqual([{reason: 'BadRequest', code: 400, message: 'Unexpected args: [x]'}])
    expect(failureRecords(new Error('oops'), 'error: oops', true)).toEqual([{reason: 'InternalError', code: 500, message: 'oops'}])
  })

  it('an aggregate: one record each, as one line each', () => {
    const a = new StatusError(notFound('a'))
    const err = new AggregateCliError([a, new CliError('error: b is wrong')])
    expect(failureLines(err, err.message)).toBe(
      '{"reason":"NotFound","code":404,"message":"configmaps \\"a\\" not found","object":{"kind":"configmaps","name":"a"}}\n' +
        '{"reason":"BadRequest","code":400,"message":"b is wrong"}\n',
    )
  })
})

// The built CLI (npm test builds first), as a script runs it.
const home = mkdtempSync(join(tmpdir(), 'ktl-errors-json-'))
afterAll(() => rmSync(home, {recursive: true, force: true}))

const ktl = (args: string[]) => spawnNode(['bin/run.js', ...args], {HOME: home})

describe('ktl --output-errors=json', () => {
  const start = fakeServers()

  it('delete with two missing objects: one line each, the deleted one on stdout, exit 1', async () => {
    const fake = await start()
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.on('DELETE', '/api/v1/namespaces/default/configmaps/a', {status: 404, body: notFound('a')})
    fake.on('DELETE', '/api/v1/namespaces/default/configmaps/b', {body: {kind: 'ConfigMap', apiVersion: 'v1', metadata: {name: 'b', namespace: 'default'}}})
    fake.on('DELETE', '/api/v1/namespaces/default/configmaps/c', {status: 404, body: notFound('c')})
    const run = await ktl(['delete', 'configmap', 'a', 'b', 'c', '--server', fake.url, '--output-errors=json'])
    expect(run.stdout).toBe('configmap "b" deleted\n')
    expect(run.stderr).toBe(
      '{"reason":"NotFound","code":404,"message":"configmaps \\"a\\" not found","object":{"kind":"configmaps","name":"a","namespace":"default"}}\n' +
        '{"reason":"NotFound","code":404,"message":"configmaps \\"c\\" not found","object":{"kind":"configmaps","name":"c","namespace":"default"}}\n',
    )
    expect(run.code).toBe(1)
    fake.verify()
  })

  it('apply -f with two invalid objects: one line each with the Kind and name of the Status', async () => {
    const fake = await start()
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    const invalid = (name: string) => ({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: `ConfigMap "${name}" is invalid: metadata.labels: Invalid value: "-": a valid label must be ...`,
      reason: 'Invalid',
      details: {name, kind: 'ConfigMap', causes: [{reason: 'FieldValueInvalid', message: 'Invalid value: "-"', field: 'metadata.labels'}]},
      code: 422,
    })
    for (const name of ['cx', 'cy']) fake.on('GET', `/api/v1/namespaces/default/configmaps/${name}`, {status: 404, body: notFound(name)})
    // apply sends both at once: each POST is answered for the object it carries, whichever comes first.
    fake.on('POST', '/api/v1/namespaces/default/configmaps', (req) => ({status: 422, body: invalid(JSON.parse(req.body).metadata.name)}), {times: 2})
    const file = join(home, 'two.yaml')
    writeFileSync(file, ['cx', 'cy'].map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n  labels: {a: "-"}\n`).join('---\n'))
    const run = await ktl(['apply', '-f', file, '--validate=false', '--server', fake.url, '--output-errors', 'json'])
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n').map((line) => (line ? JSON.parse(line) : line))).toEqual([
      ...['cx', 'cy'].map((n) => ({
        reason: 'Invalid',
        code: 422,
        message: `error when creating ${JSON.stringify(file)}: ConfigMap "${n}" is invalid: metadata.labels: Invalid value: "-": a valid label must be ...`,
        object: {kind: 'ConfigMap', name: n, namespace: 'default'},
      })),
      '',
    ])
    expect(run.code).toBe(1)
    fake.verify()
  })

  it('before the command (moved behind it), a connection failure and a flag mistake', async () => {
    const refused = await ktl(['--output-errors=json', 'get', 'pods', '--server', 'http://127.0.0.1:1'])
    expect(refused.stderr).toBe('{"reason":"ConnectionError","code":0,"message":"The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?"}\n')
    expect(refused.code).toBe(1)
    const flag = await ktl(['get', 'pods', '--bogus', '--output-errors=json'])
    expect(flag.stderr).toBe('{"reason":"BadRequest","code":400,"message":"unknown flag: --bogus"}\n')
    expect(flag.code).toBe(1)
  })

  it('text (the default) is kubectl\'s text', async () => {
    const run = await ktl(['get', 'pods', '--bogus', '--output-errors=text'])
    expect(run.stderr).toBe("error: unknown flag: --bogus\nSee 'ktl get --help' for usage.\n")
    expect(run.code).toBe(1)
  })
})

describe('reportError: failures a command prints and goes on from', () => {
  const failure = new StatusError(notFound('a'))

  it("prints kubectl's text by default", async () => {
    const io = memoryIO()
    await reportError({...testCtx('http://127.0.0.1:1', '/nonexistent').ctx, io}, failure, 'error: the text kubectl prints')
    expect(io.stderr()).toBe('error: the text kubectl prints\n')
  })

  it('prints the JSON line with --output-errors=json', async () => {
    const io = memoryIO()
    await reportError({...testCtx('http://127.0.0.1:1', '/nonexistent').ctx, io, errorsFormat: 'json'}, failure, 'error: the text kubectl prints')
    expect(io.stderr()).toBe(failureLines(failure, failure.message))
    expect(JSON.parse(io.stderr())).toMatchObject({reason: 'NotFound', code: 404})
  })
})
