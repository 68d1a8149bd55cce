import {describe, expect, it} from 'vitest'
import {statusFromResponse, transportError} from '../../src/lib/client/errors.js'
import {StatusError} from '../../src/lib/errors.js'

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
