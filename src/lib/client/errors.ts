// Turns transport failures and error responses into kubectl's messages.
import {CliError, ConnectionError, type FailedRequest, ResponseBodyError, type Status, StatusError} from '../errors.js'
import {goJSONSyntaxError} from '../go/json-syntax.js'
import {goQuote} from '../go/quote.js'
import {chainError, isChainErrorCode, TransportFailure} from './tls-verify.js'
import type {GroupResource} from './types.js'

// client-go keeps at most this much of a body that is not a Status.
const MAX_UNSTRUCTURED_BODY = 2048

/** What client-go's NewGenericServerResponse makes of a code; `undefined` message means "the server's text". */
const GENERIC: Record<number, {reason: string; message?: string}> = {
  400: {reason: 'BadRequest', message: 'the server rejected our request for an unknown reason'},
  401: {reason: 'Unauthorized', message: 'the server has asked for the client to provide credentials'},
  403: {reason: 'Forbidden'},
  404: {reason: 'NotFound', message: 'the server could not find the requested resource'},
  405: {reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource'},
  406: {reason: 'NotAcceptable'},
  409: {reason: 'Conflict', message: 'the server reported a conflict'},
  415: {reason: 'UnsupportedMediaType'},
  422: {reason: 'Invalid', message: 'the server rejected our request due to an error in our request'},
  429: {reason: 'TooManyRequests', message: 'the server has received too many requests and has asked us to try again later'},
  503: {reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request'},
  504: {reason: 'Timeout', message: 'the server was unable to return a response in the time allotted, but may still be processing the request'},
}

export interface ErrorResponseContext {
  /** The response's Content-Type; a body is quoted only when it is text (or has no type), as client-go does. */
  contentType?: string
  retryAfterSeconds?: number
  /** The resource the request was about, for client-go's "(get pods x)" suffix. */
  resource?: GroupResource
  /** The request refused, kept on the error for `--output-errors=json`'s object. */
  request?: FailedRequest
}

/** The Status an error response carries, or the one client-go builds for a bare code. */
export function statusFromResponse(code: number, body: string, method: string, ctx: ErrorResponseContext = {}): Status {
  const sent = parseStatus(body)
  if (sent) return {...sent, code: sent.code || code}
  const serverMessage = isText(ctx.contentType) ? body.slice(0, MAX_UNSTRUCTURED_BODY).trim() : 'unknown'
  const generic = GENERIC[code]
  let reason = generic?.reason ?? ''
  let message = generic?.message ?? `the server responded with the status code ${code} but did not return more information`
  if (code === 409 && method === 'POST') reason = 'AlreadyExists'
  else if (code === 403 || code === 415) message = serverMessage
  else if (code === 406) message = serverMessage && serverMessage !== 'unknown' ? serverMessage : 'the server was unable to respond with a content type that the client supports'
  else if (!generic && code >= 500) {
    reason = 'InternalError'
    message = `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`
  }
  const r = ctx.resource
  if (r?.resource) {
    const qualified = r.group ? `${r.resource}.${r.group}` : r.resource
    message = `${message} (${method.toLowerCase()} ${qualified}${r.name ? ` ${r.name}` : ''})`
  }
  const details: NonNullable<Status['details']> = {causes: [{reason: 'UnexpectedServerResponse', message: serverMessage}]}
  if (r?.group) details.group = r.group
  if (r?.resource) details.kind = r.resource
  if (r?.name) details.name = r.name
  if (ctx.retryAfterSeconds) details.retryAfterSeconds = ctx.retryAfterSeconds
  return {kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: reason || undefined, details, code}
}

export function statusError(code: number, body: string, method: string, ctx: ErrorResponseContext = {}): StatusError {
  return new StatusError(statusFromResponse(code, body, method, ctx), undefined, ctx.request)
}

/** A metav1.Status in a body, as client-go recognises one: kind Status with a status set. */
export function parseStatus(body: string): Status | undefined {
  if (!body.includes('"Status"')) return undefined
  try {
    const parsed = JSON.parse(body) as Status
    if (parsed && parsed.kind === 'Status' && typeof parsed.status === 'string' && parsed.status !== '') return parsed
  } catch {
    // not JSON
  }
  return undefined
}

function isText(contentType: string | undefined): boolean {
  if (!contentType) return true
  return contentType.trimStart().toLowerCase().startsWith('text/')
}


/**
 * A failure before any HTTP status came back, in kubectl's words. `host` is the server URL's host;
 * `request`, what was being sent, lets callers that wrap the failure print Go's url.Error.
 */
export function transportError(err: NodeJS.ErrnoException & {reason?: string}, host: string, request?: FailedRequest): CliError {
  if (err instanceof CliError) return err
  const unable = (detail: string) => new ConnectionError(`Unable to connect to the server: ${detail}`, detail, request)
  if (err instanceof TransportFailure) return unable(err.message)
  const code = err.code ?? ''
  if (code === 'ECONNREFUSED') {
    return new ConnectionError(`The connection to the server ${host} was refused - did you specify the right host or port?`, describeSocketError(err), request)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    // Go names the resolver it asked; node:dns is loaded only on this path.
    const server = process.getBuiltinModule?.('node:dns')?.getServers()[0]
    const hostname = (err as {hostname?: string}).hostname ?? host.replace(/:\d+$/, '')
    const on = server ? ` on ${server.includes(':') && !server.startsWith('[') ? server : `${server}:53`}` : ''
    return unable(`dial tcp: lookup ${hostname}${on}: no such host`)
  }
  if (isChainErrorCode(code)) {
    const x509 = code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' ? 'x509: certificate has expired or is not yet valid' : chainError(code)
    return unable(`tls: failed to verify certificate: ${x509}`)
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return unable('http: server gave HTTP response to HTTPS client')
  }
  const alert = /^(?:sslv3|tlsv1|tlsv13) alert (.+)$/.exec(err.reason ?? '')
  if (alert) return unable(`remote error: tls: ${TLS_ALERTS[alert[1]] ?? alert[1]}`)
  if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up') return unable('EOF')
  return unable(describeSocketError(err))
}

// OpenSSL's alert names where Go's differ.
const TLS_ALERTS: Record<string, string> = {
  'unknown ca': 'unknown certificate authority',
  'certificate expired': 'expired certificate',
  'certificate unknown': 'unknown certificate',
  'certificate revoked': 'revoked certificate',
  'protocol version': 'protocol version not supported',
  'decrypt error': 'error decrypting message',
  'illegal parameter': 'illegal parameter',
}

/** The deadline from --request-timeout passed before the response headers came. */
export function headersTimeoutError(request?: FailedRequest): CliError {
  const detail = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
  return new ConnectionError(`Unable to connect to the server: ${detail}`, detail, request)
}

/** The response started but its body could not be read to the end. */
export function bodyReadError(cause: 'timeout' | 'eof'): CliError {
  const original = cause === 'timeout' ? 'net/http: request canceled (Client.Timeout or context cancellation while reading body)' : 'unexpected EOF'
  return new ResponseBodyError(`error: unexpected error when reading response body. Please retry. Original error: ${original}`)
}

/** What Go's encoding/json says about a body that is not the JSON it claims to be. */
export function jsonSyntaxError(text: string): CliError {
  return new ResponseBodyError(`error: ${goJSONSyntaxError(text) ?? 'unexpected end of JSON input'}`)
}

export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** Go's wording for a failed dial or a dropped connection. */
export function describeSocketError(err: NodeJS.ErrnoException & {address?: string; port?: number}): string {
  if (err instanceof TransportFailure) return err.message
  const addr = err.address ? joinHostPort(err.address, err.port ?? '') : ''
  switch (err.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${addr}: connect: connection refused`
    case 'EHOSTUNREACH':
      return `dial tcp ${addr}: connect: no route to host`
    case 'ENETUNREACH':
      return `dial tcp ${addr}: connect: network is unreachable`
    case 'ETIMEDOUT':
      return `dial tcp ${addr}: i/o timeout`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${(err as {hostname?: string}).hostname ?? ''}: no such host`
    case 'ECONNRESET':
    case 'EPIPE':
      return 'EOF'
    default:
      return err.message
  }
}

