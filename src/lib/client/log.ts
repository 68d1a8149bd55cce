// kubectl's -v debugging of HTTP round trips, in klog's line format: -v=6 one line per request,
// 7 adds request headers, 8 response headers and bodies (1 KiB), 9 a curl command line (bodies to
// 10 KiB), 10 whole bodies. Credentials in headers are always masked.
import type {OutStream} from '../io.js'
import {klogLine} from '../go/klog.js'
import {goQuote} from '../go/quote.js'

/** Request headers; one sent several times (Impersonate-Group) has its values in order. */
export type Headers = Record<string, string | string[]>

/** -v from which every request is logged on stderr. */
export const REQUEST_LOG_VERBOSITY = 6

export class RoundTripLog {
  constructor(
    private err: OutStream,
    private verbosity: number,
  ) {}

  /** A logger, or undefined when -v is below 6 so requests pay nothing for logging. */
  static create(err: OutStream | undefined, verbosity: number): RoundTripLog | undefined {
    return err && verbosity >= REQUEST_LOG_VERBOSITY ? new RoundTripLog(err, verbosity) : undefined
  }

  request(method: string, url: string, headers: Headers, body: string | Buffer | undefined): void {
    if (this.verbosity >= 8) this.body('Request Body', body)
    // Each value on its own, as net/http sends and client-go logs a header given several times.
    const lines = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((value) => `${k}: ${maskValue(k, value)}`))
    if (this.verbosity >= 9) {
      this.line(`curl -v -X${method} ${lines.map((line) => ` -H ${goQuote(line)}`).join('')} '${url}'`)
    } else if (this.verbosity >= 7) {
      this.line(`${method} ${url}`)
      this.line('Request Headers:')
      for (const line of lines) this.line(`    ${line}`)
    }
  }

  response(method: string, url: string, status: string, ms: number, headers: Record<string, unknown> | undefined): void {
    if (this.verbosity === 7 || this.verbosity === 8) this.line(`Response Status: ${status} in ${ms} milliseconds`)
    else this.line(`${method} ${url} ${status} in ${ms} milliseconds`)
    if (this.verbosity >= 8 && headers) {
      this.line('Response Headers:')
      for (const [k, v] of Object.entries(headers)) {
        for (const value of Array.isArray(v) ? v : [v]) this.line(`    ${canonicalHeaderKey(k)}: ${maskValue(k, String(value))}`)
      }
    }
  }

  retry(wait: string, attempt: number, url: string): void {
    this.line(`Got a Retry-After ${wait} response for attempt ${attempt} to ${url}`)
  }

  responseBody(body: string): void {
    if (this.verbosity >= 8) this.body('Response Body', body)
  }

  private body(what: string, body: string | Buffer | undefined): void {
    let text = body === undefined ? '' : body.toString()
    const max = this.verbosity >= 10 ? Number.POSITIVE_INFINITY : this.verbosity >= 9 ? 10240 : 1024
    if (text.length > max) text = `${text.slice(0, max)} [truncated ${text.length - max} chars]`
    this.line(`"${what}" body=${goQuote(text)}`)
  }

  private line(msg: string): void {
    this.err.write(`${klogLine('I', 'client.ts', msg)}\n`)
  }
}

const KNOWN_AUTH_TYPES = new Set(['bearer', 'basic', 'negotiate'])

/** client-go's rule: keep the scheme of an Authorization value, never the credential. */
export function maskValue(key: string, value: string): string {
  const k = key.toLowerCase()
  if (k !== 'authorization' && k !== 'proxy-authorization') return value
  if (value === '') return ''
  const space = value.indexOf(' ')
  const scheme = space > 0 ? value.slice(0, space) : value
  if (!KNOWN_AUTH_TYPES.has(scheme.toLowerCase())) return '<masked>'
  return value.length > scheme.length + 1 ? `${scheme} <masked>` : scheme
}

/** Go's canonical MIME header form: content-type -> Content-Type. */
function canonicalHeaderKey(key: string): string {
  return key.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
}
