import {describe, expect, it} from 'vitest'
import {statusFromResponse, transportError} from '../../src/lib/client/errors.js'
import {
  AggregateCliError,
  checkErr,
  CliError,
  ConnectionError,
  filterOut,
  GoError,
  goErrorText,
  isNotFound,
  newAggregate,
  ResponseBodyError,
  StatusError,
  throwCollected,
  visitorError,
} from '../../src/lib/errors.js'

describe('StatusError', () => {
  it('prints a Status with a reason like kubectl', () => {
    const err = new StatusError({kind: 'Status', reason: 'NotFound', message: 'pods "x" not found', code: 404})
    expect(err.message).toBe('Error from server (NotFound): pods "x" not found')
  })

  it('prints Unauthorized as a login error', () => {
    const err = new StatusError({reason: 'Unauthorized', message: 'Unauthorized', code: 401})
    expect(err.message).toBe('error: You must be logged in to the server (Unauthorized)')
  })

  it('prints a Status without a reason', () => {
    expect(new StatusError({message: 'boom', code: 500}).message).toBe('Error from server: boom')
  })
})

describe('statusFromResponse', () => {
  it('uses the Status body the server sent', () => {
    const body = JSON.stringify({kind: 'Status', status: 'Failure', reason: 'Forbidden', message: 'no', code: 403})
    expect(statusFromResponse(403, body, 'GET')).toMatchObject({reason: 'Forbidden', message: 'no', code: 403})
  })

  it('makes client-go generic statuses for bare codes', () => {
    expect(statusFromResponse(503, 'x', 'GET')).toMatchObject({reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request'})
    expect(statusFromResponse(500, 'oops', 'GET').message).toBe('an error on the server ("oops") has prevented the request from succeeding')
  })
})

describe('transportError', () => {
  it('names the refused host and port', () => {
    const err = transportError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), '127.0.0.1:1')
    expect(err.message).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?')
  })

  it('explains an unknown certificate authority', () => {
    const err = transportError(Object.assign(new Error('self signed'), {code: 'SELF_SIGNED_CERT_IN_CHAIN'}), 'h:1')
    expect(err.message).toBe('Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority')
  })
})

describe('Invalid statuses', () => {
  const base = {kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422}

  it('names the object and its one bad field', () => {
    const status = {...base, message: 'x', details: {kind: 'ConfigMap', name: 'cm1', causes: [{field: 'metadata.name', message: 'Invalid value: "A": a lowercase RFC 1123 subdomain'}]}}
    expect(new StatusError(status).message).toBe('The ConfigMap "cm1" is invalid: metadata.name: Invalid value: "A": a lowercase RFC 1123 subdomain')
  })

  it('lists several causes one per line, duplicates once', () => {
    const cause = {field: 'spec.replicas', message: 'Invalid value: -1'}
    const status = {...base, details: {kind: 'Deployment', name: 'web', causes: [cause, cause, {field: 'spec.selector', message: 'Required value'}]}}
    expect(new StatusError(status).message).toBe('The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1\n* spec.selector: Required value')
  })

  it('falls back to the message without details or causes', () => {
    expect(new StatusError({...base, message: 'bad body'}).message).toBe('The request is invalid: bad body')
    expect(new StatusError({...base, message: 'bad body', details: {}}).message).toBe('The request is invalid: bad body')
    expect(new StatusError({...base}).message).toBe('The request is invalid')
  })

  it('names the object alone when it has no causes', () => {
    expect(new StatusError({...base, message: 'dup', details: {kind: 'Pod', name: 'p'}}).message).toBe('The Pod "p" is invalid')
  })
})

// kubectl's cmdutil.CheckErr and utilerrors.Aggregate, as kubectl 1.32 prints each kind of failure
// alone and among others (the texts were taken from kubectl runs against the e2e cluster and a fake server).
describe('checkErr', () => {
  const notFound = new StatusError({kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'configmaps "nope" not found'})
  const noReason = new StatusError({message: 'boom', code: 500})
  const unauthorized = new StatusError({reason: 'Unauthorized', code: 401, message: 'Unauthorized'})
  const invalid = new StatusError({reason: 'Invalid', code: 422, message: 'ConfigMap "a" is invalid: data: bad', details: {kind: 'ConfigMap', name: 'a', causes: [{field: 'data', message: 'bad'}]}})
  const dropped = new ConnectionError('Unable to connect to the server: EOF', 'EOF', {method: 'PATCH', url: 'https://h:1/api/v1/namespaces/default/configmaps/x'})
  const refused = new ConnectionError('The connection to the server h:1 was refused - did you specify the right host or port?', 'dial tcp h:1: connect: connection refused')
  const fmtError = new GoError('failed to patch: x')
  const prefixedGo = new GoError('error: deployments.apps "web" is already paused')
  const plain = new CliError('resource mapping not found for name: "zz"')
  const usage = new CliError('error: no objects passed to patch')
  const body = new ResponseBodyError('error: unexpected error when reading response body. Please retry. Original error: unexpected EOF')
  const printed = (err: CliError) => checkErr(err).message

  it('prints a lone API status by its standard message, Invalid by its causes', () => {
    expect(printed(notFound)).toBe('Error from server (NotFound): configmaps "nope" not found')
    expect(printed(noReason)).toBe('Error from server: boom')
    expect(printed(unauthorized)).toBe('error: You must be logged in to the server (Unauthorized)')
    expect(printed(invalid)).toBe('The ConfigMap "a" is invalid: data: bad')
  })

  it('prints a lone failed connection by its standard message, without "error: "', () => {
    expect(printed(dropped)).toBe('Unable to connect to the server: EOF')
    expect(printed(refused)).toBe('The connection to the server h:1 was refused - did you specify the right host or port?')
    expect(checkErr(dropped)).toBe(dropped)
  })

  it('puts "error: " before any other lone failure, once', () => {
    expect(printed(fmtError)).toBe('error: failed to patch: x')
    expect(printed(prefixedGo)).toBe('error: deployments.apps "web" is already paused')
    expect(printed(plain)).toBe('error: resource mapping not found for name: "zz"')
    expect(printed(usage)).toBe('error: no objects passed to patch')
    expect(printed(body)).toBe('error: unexpected error when reading response body. Please retry. Original error: unexpected EOF')
  })

  it('keeps the exit code of the failure it rewords', () => {
    expect(checkErr(new CliError('failed', 2)).exitCode).toBe(2)
  })

  it('unwraps an aggregate of one, once: the failure then prints as it would alone', () => {
    expect(printed(newAggregate([plain])!)).toBe('error: resource mapping not found for name: "zz"')
    expect(printed(newAggregate([dropped])!)).toBe('Unable to connect to the server: EOF')
    // An aggregate of one inside another: the inner one prints as an aggregate, without "error: ".
    expect(printed(newAggregate([newAggregate([plain])!])!)).toBe('resource mapping not found for name: "zz"')
  })

  it('prints an aggregate one failure a line: statuses and connections by their standard message, the rest as Go\'s text', () => {
    const all = newAggregate([notFound, noReason, unauthorized, invalid, dropped, refused, fmtError, prefixedGo, plain, usage, body])!
    expect(printed(all)).toBe(
      [
        'Error from server (NotFound): configmaps "nope" not found',
        'Error from server: boom',
        'error: You must be logged in to the server (Unauthorized)',
        'Error from server (Invalid): ConfigMap "a" is invalid: data: bad',
        'Unable to connect to the server: EOF',
        'The connection to the server h:1 was refused - did you specify the right host or port?',
        'failed to patch: x',
        'error: deployments.apps "web" is already paused',
        'resource mapping not found for name: "zz"',
        'no objects passed to patch',
        'unexpected error when reading response body. Please retry. Original error: unexpected EOF',
      ].join('\n'),
    )
  })

  it('prints an aggregate inside an aggregate as Go does: [a, b], each distinct message once, nested ones flattened', () => {
    const nested = newAggregate([notFound, newAggregate([plain, dropped, plain])!])!
    expect(printed(newAggregate([nested, fmtError])!)).toBe(
      '[configmaps "nope" not found, resource mapping not found for name: "zz", Patch "https://h:1/api/v1/namespaces/default/configmaps/x": EOF]\nfailed to patch: x',
    )
    // The last line of kubectl's `rollout restart deploy/nope1 deploy/nope2 deploy/paused`.
    const twoMissing = newAggregate([notFound, notFound])!
    expect(printed(newAggregate([twoMissing, prefixedGo])!)).toBe('configmaps "nope" not found\nerror: deployments.apps "web" is already paused')
  })

  it('keeps each failure of an aggregate for --output-errors=json', () => {
    const checked = checkErr(newAggregate([notFound, newAggregate([dropped, plain])!])!)
    expect(checked).toBeInstanceOf(AggregateCliError)
    const [first, second] = (checked as AggregateCliError).errors
    expect(first).toBe(notFound)
    expect((second as AggregateCliError).errors).toEqual([dropped, plain])
  })
})

describe("Go's error texts and aggregates", () => {
  const notFound = new StatusError({reason: 'NotFound', code: 404, message: 'pods "p" not found'})
  const forbidden = new StatusError({reason: 'Forbidden', code: 403, message: 'no'})
  const dropped = new ConnectionError('Unable to connect to the server: EOF', 'EOF', {method: 'DELETE', url: 'https://h:1/api/v1/namespaces/d/pods/p'})

  it("goErrorText is err.Error(): a Status's message, a url.Error, fmt's text", () => {
    expect(goErrorText(notFound)).toBe('pods "p" not found')
    expect(goErrorText(dropped)).toBe('Delete "https://h:1/api/v1/namespaces/d/pods/p": EOF')
    expect(goErrorText(new GoError('error: x'))).toBe('error: x')
    expect(goErrorText(new CliError('error: y'))).toBe('y')
    expect(goErrorText(newAggregate([notFound, notFound])!)).toBe('pods "p" not found')
    expect(goErrorText(new AggregateCliError([]))).toBe('')
  })

  it('newAggregate makes nothing of no failures; visitorError returns one as it is', () => {
    expect(newAggregate([])).toBeUndefined()
    expect(newAggregate([notFound])?.errors).toEqual([notFound])
    expect(visitorError([])).toBeUndefined()
    expect(visitorError([notFound])).toBe(notFound)
    expect((visitorError([notFound, forbidden]) as AggregateCliError).errors).toEqual([notFound, forbidden])
  })

  it('filterOut drops matching failures inside aggregates and rebuilds them, so what is left may print differently', () => {
    expect(filterOut(notFound, isNotFound)).toBeUndefined()
    expect(filterOut(forbidden, isNotFound)).toBe(forbidden)
    expect(filterOut(undefined, isNotFound)).toBeUndefined()
    expect(filterOut(newAggregate([notFound])!, isNotFound)).toBeUndefined()
    const unmapped = new CliError('resource mapping not found')
    // [NotFound, [unmapped]] filtered is [[unmapped]]: CheckErr unwraps one level and prints the rest as an aggregate.
    const left = filterOut(newAggregate([notFound, newAggregate([unmapped])!]), isNotFound)!
    expect(checkErr(left).message).toBe('resource mapping not found')
    expect(checkErr(visitorError([newAggregate([unmapped])!])!).message).toBe('error: resource mapping not found')
  })

  it('throwCollected throws nothing for no failures, else what CheckErr prints for their aggregate', () => {
    expect(() => throwCollected([])).not.toThrow()
    expect(() => throwCollected([new GoError('failed to patch: x')])).toThrow(/^error: failed to patch: x$/)
    expect(() => throwCollected([notFound, dropped])).toThrow(/^Error from server \(NotFound\): pods "p" not found\nUnable to connect to the server: EOF$/)
  })
})
