// The only module that speaks HTTP. Keep-alive agents per server, credentials from the kubeconfig,
// kubectl's error messages, client-go's retries for reads, redirects that never carry the
// Authorization header to another origin, proxies, --request-timeout, and -v round-trip logging.
import type {Agent as HttpAgent} from 'node:http'
import type {Agent as HttpsAgent} from 'node:https'
import {PassThrough, type Readable} from 'node:stream'
import axios, {type AxiosInstance, type AxiosProxyConfig, type AxiosResponse} from 'axios'
import {CliError, ResponseBodyError, type Status, StatusError} from '../errors.js'
import type {IOStreams} from '../io.js'
import type {Credentials, RestConfig} from '../kubeconfig/types.js'
import {bodyReadError, headersTimeoutError, jsonSyntaxError, parseStatus, statusError, transportError} from './errors.js'
import {type Headers, RoundTripLog} from './log.js'
import {goDuration} from './duration.js'
import {type ProxyFunc, proxyFunc} from './proxy.js'
import {httpAgent, httpsAgent} from './transport.js'
import {parseWarningHeaders, type WarningHandler} from './warnings.js'
import type {KubeClient, RequestOptions, Response} from './types.js'
import {userAgent} from './user-agent.js'
import {sleep} from '../sleep.js'

export {goDuration} from './duration.js'

export interface ClientOptions {
  io?: IOStreams
  verbosity?: number
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read when the kubeconfig sets no proxy-url. */
  env?: NodeJS.ProcessEnv
  /** Upper bound on retries of a GET after 429/5xx with Retry-After or a dropped connection (client-go: 10). */
  maxRetries?: number
  /** Cap on one Retry-After wait, in seconds. */
  maxRetryAfterSeconds?: number
  /** The Warning headers of each response, errors and watches included (client-go's WarningHandler). */
  onWarnings?: WarningHandler
}

// Go's http.Client gives up after 10 redirects.
const MAX_REDIRECTS = 10
// client-go waits a second before retrying a read whose connection was dropped.
const CONNECTION_RETRY_WAIT_MS = 1000
// The most of an error response's body worth reading: client-go keeps 2 KiB, a Status is rarely longer.
const MAX_ERROR_BODY = 1 << 20

export function createClient(config: RestConfig, opts: ClientOptions = {}): KubeClient {
  return new HttpClient(config, opts)
}

interface AgentEntry {
  agent: HttpAgent | HttpsAgent
  /** Set for http:// servers reached through a proxy: axios then sends the absolute URL to it. */
  proxy: AxiosProxyConfig | false
  cert?: Buffer
  key?: Buffer
}

interface Exchange {
  res: AxiosResponse<Readable>
  url: URL
  method: string
}

class HttpClient implements KubeClient {
  readonly server: string
  readonly host: string
  private axios: AxiosInstance
  private agents = new Map<string, AgentEntry>()
  private proxyFor?: ProxyFunc
  private log?: RoundTripLog
  private timeoutParam?: string

  constructor(
    private config: RestConfig,
    private opts: ClientOptions,
  ) {
    this.server = config.server.replace(/\/+$/, '')
    this.host = new URL(this.server).host
    this.log = RoundTripLog.create(opts.io?.err, opts.verbosity ?? 0)
    // client-go tells the server about the client's timeout too, in Go's duration form.
    if (config.timeoutMs > 0) this.timeoutParam = goDuration(config.timeoutMs)
    this.axios = axios.create({
      adapter: 'http',
      maxRedirects: 0,
      decompress: true,
      responseType: 'stream',
      validateStatus: () => true,
      transformRequest: [(d: unknown) => d],
      transformResponse: [(d: unknown) => d],
    })
  }

  async request<T = unknown>(opts: RequestOptions): Promise<Response<T>> {
    const deadline = Deadline.start(this.config.timeoutMs, opts.signal)
    try {
      const {res, method} = await this.send(opts, deadline)
      this.handleWarnings(res)
      const text = await readBody(res.data, deadline, Number.POSITIVE_INFINITY)
      this.log?.responseBody(text)
      const headers = flatHeaders(res)
      if (res.status < 200 || res.status > 299) {
        if (opts.allowErrorStatus) return {status: res.status, headers, data: (parseStatus(text) ?? safeJSON(text)) as T}
        throw statusError(res.status, text, method, {contentType: headers['content-type'], retryAfterSeconds: retryAfter(headers), resource: opts.resource, request: {method, url: goRequestURL(this.urlFor(opts))}})
      }
      return {status: res.status, headers, data: (opts.raw ? text : decodeJSON(text, headers['content-type'])) as T}
    } finally {
      deadline?.clear()
    }
  }

  async stream(opts: RequestOptions): Promise<Response<Readable>> {
    const deadline = Deadline.start(this.config.timeoutMs, opts.signal)
    let body: Readable | undefined
    try {
      const {res, method} = await this.send(opts, deadline)
      this.handleWarnings(res)
      body = res.data
      const headers = flatHeaders(res)
      if (res.status < 200 || res.status > 299) {
        const text = await readBody(body, deadline, MAX_ERROR_BODY)
        throw statusError(res.status, text, method, {contentType: headers['content-type'], retryAfterSeconds: retryAfter(headers), resource: opts.resource, request: {method, url: goRequestURL(this.urlFor(opts))}})
      }
      return {status: res.status, headers, data: watchBody(body, deadline, opts.signal)}
    } catch (err) {
      deadline?.clear()
      body?.destroy()
      throw err
    }
  }

  private handleWarnings(res: AxiosResponse): void {
    if (!this.opts.onWarnings) return
    const values = warningHeaderValues(res)
    if (values.length > 0) this.opts.onWarnings(parseWarningHeaders(values))
  }

  /** One logical request: credentials, retries and redirects; resolves once response headers arrived. */
  private async send(opts: RequestOptions, deadline: Deadline | undefined): Promise<Exchange> {
    const method = opts.method ?? 'GET'
    const maxRetries = method === 'GET' ? (this.opts.maxRetries ?? 5) : 0
    let retries = 0
    let refreshedCredentials = false
    let retriedStaleConnection = false
    let creds = await this.config.credentials.get()
    for (;;) {
      let exchange: Exchange
      try {
        exchange = await this.followRedirects(opts, method, creds, deadline)
      } catch (err) {
        if (err instanceof CliError) throw err
        const cause = errorCause(err)
        const failed = {method, url: goRequestURL(this.urlFor(opts))}
        if (deadline?.expired) throw headersTimeoutError(failed)
        if (opts.signal?.aborted) throw opts.signal.reason
        if (method === 'GET' && isConnectionDrop(cause)) {
          // A kept-alive connection the server closed meanwhile: try a fresh one at once, as Go does.
          if (!retriedStaleConnection && (err as {request?: {reusedSocket?: boolean}}).request?.reusedSocket) {
            retriedStaleConnection = true
            continue
          }
          if (retries < maxRetries && fitsDeadline(deadline, CONNECTION_RETRY_WAIT_MS)) {
            retries++
            this.log?.retry('1s', retries, this.urlFor(opts).href)
            await sleep(CONNECTION_RETRY_WAIT_MS)
            continue
          }
        }
        throw transportError(cause, this.host, failed)
      }
      const {res} = exchange
      if (res.status === 401 && !refreshedCredentials) {
        // Exec plugins and token files may hand out a fresh credential: ask once, as client-go does.
        refreshedCredentials = true
        this.config.credentials.invalidate()
        const fresh = await this.config.credentials.get()
        if (!sameCredentials(creds, fresh)) {
          discard(res.data)
          creds = fresh
          continue
        }
      }
      if (retries < maxRetries && (res.status === 429 || res.status >= 500)) {
        const seconds = retryAfter(flatHeaders(res))
        const waitMs = Math.min(seconds ?? 0, this.opts.maxRetryAfterSeconds ?? 10) * 1000
        if (seconds !== undefined && fitsDeadline(deadline, waitMs)) {
          discard(res.data)
          retries++
          this.log?.retry(`${seconds}s`, retries, exchange.url.href)
          await sleep(waitMs)
          continue
        }
      }
      return exchange
    }
  }

  private async followRedirects(opts: RequestOptions, method: string, creds: Credentials, deadline: Deadline | undefined): Promise<Exchange> {
    const first = this.urlFor(opts)
    let url = first
    let body = serializeBody(opts.body)
    for (let hop = 0; ; hop++) {
      // Credentials belong to the API server: never hand them to another origin.
      const res = await this.sendOnce(url, method, body, opts, creds, url.origin === first.origin, deadline)
      const location = res.headers.location
      if (!isRedirect(res.status) || !location) return {res, url, method}
      discard(res.data)
      if (hop >= MAX_REDIRECTS - 1) throw new CliError('Unable to connect to the server: stopped after 10 redirects')
      if (res.status !== 307 && res.status !== 308 && method !== 'GET') {
        method = 'GET'
        body = undefined
      }
      url = new URL(String(location), url)
    }
  }

  private async sendOnce(
    url: URL,
    method: string,
    body: string | Buffer | undefined,
    opts: RequestOptions,
    creds: Credentials,
    withAuthorization: boolean,
    deadline: Deadline | undefined,
  ): Promise<AxiosResponse<Readable>> {
    const headers: Headers = {Accept: opts.accept ?? 'application/json, */*', 'User-Agent': userAgent()}
    if (withAuthorization) {
      if (creds.token) headers.Authorization = `Bearer ${creds.token}`
      else if (creds.username !== undefined || creds.password !== undefined) {
        headers.Authorization = `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`
      }
    }
    if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json'
    if (this.config.disableCompression) headers['Accept-Encoding'] = 'identity'
    Object.assign(headers, impersonationHeaders(this.config.impersonate))
    const {agent, proxy} = this.agentFor(url, creds)
    const log = this.log
    log?.request(method, url.href, headers, body)
    const started = log ? Date.now() : 0
    try {
      const res = await this.axios.request<Readable>({
        url: url.href,
        method,
        headers,
        data: body,
        signal: deadline?.signal,
        proxy,
        httpAgent: url.protocol === 'http:' ? agent : undefined,
        httpsAgent: url.protocol === 'https:' ? agent : undefined,
      })
      log?.response(method, url.href, `${res.status} ${res.statusText ?? ''}`.trimEnd(), Date.now() - started, res.headers as Record<string, unknown>)
      return res
    } catch (err) {
      log?.response(method, url.href, '', Date.now() - started, undefined)
      throw err
    }
  }

  private urlFor(opts: RequestOptions): URL {
    const url = new URL(this.server + opts.path)
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    if (this.timeoutParam) url.searchParams.set('timeout', this.timeoutParam)
    return url
  }

  /** One keep-alive agent per origin and client certificate, so a run makes one TLS handshake per server. */
  private agentFor(url: URL, creds: Credentials): AgentEntry {
    const cached = this.agents.get(url.origin)
    if (cached && sameBuffer(cached.cert, creds.certData) && sameBuffer(cached.key, creds.keyData)) return cached
    this.proxyFor ??= proxyFunc(this.config.proxyUrl, this.opts.env ?? process.env)
    const proxyUrl = this.proxyFor(url)
    const tls = {
      ca: this.config.caData,
      cert: creds.certData,
      key: creds.keyData,
      insecure: this.config.insecureSkipTLSVerify,
      serverName: this.config.tlsServerName,
    }
    let entry: AgentEntry
    if (url.protocol === 'https:') {
      entry = {agent: httpsAgent(tls, proxyUrl), proxy: false, cert: creds.certData, key: creds.keyData}
    } else {
      entry = {agent: httpAgent(tls, proxyUrl), proxy: proxyUrl ? axiosProxy(proxyUrl) : false, cert: creds.certData, key: creds.keyData}
    }
    this.agents.set(url.origin, entry)
    return entry
  }
}

/** The deadline of --request-timeout (all attempts, headers and body) joined with the caller's signal. */
class Deadline {
  expired = false
  readonly signal: AbortSignal
  private timer?: NodeJS.Timeout
  readonly end: number

  private constructor(ms: number, parent: AbortSignal | undefined) {
    const controller = new AbortController()
    this.end = ms > 0 ? Date.now() + ms : Number.POSITIVE_INFINITY
    if (ms > 0) {
      this.timer = setTimeout(() => {
        this.expired = true
        controller.abort()
      }, ms)
    }
    this.signal = parent ? AbortSignal.any([controller.signal, parent]) : controller.signal
  }

  static start(ms: number, parent: AbortSignal | undefined): Deadline | undefined {
    return ms > 0 || parent ? new Deadline(ms, parent) : undefined
  }

  clear(): void {
    clearTimeout(this.timer)
  }
}

function fitsDeadline(deadline: Deadline | undefined, waitMs: number): boolean {
  return !deadline || Date.now() + waitMs < deadline.end
}

/** The whole body as text; a deadline or a dropped connection becomes client-go's read error. */
async function readBody(body: Readable, deadline: Deadline | undefined, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer)
      size += (chunk as Buffer).length
      if (size >= limit) {
        body.destroy()
        break
      }
    }
  } catch {
    if (deadline?.expired) throw bodyReadError('timeout')
    throw bodyReadError('eof')
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Passes a streaming body on, turning a lost connection or the deadline into a CliError; the caller's abort just ends it. */
function watchBody(body: Readable, deadline: Deadline | undefined, signal: AbortSignal | undefined): Readable {
  const out = new PassThrough()
  body.on('error', () => (signal?.aborted ? out.end() : out.destroy(bodyReadError(deadline?.expired ? 'timeout' : 'eof'))))
  out.on('close', () => {
    deadline?.clear()
    body.destroy()
  })
  body.pipe(out)
  return out
}

function discard(body: Readable): void {
  body.on('error', () => undefined)
  body.resume()
}

function decodeJSON(text: string, contentType: string | undefined): unknown {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (media !== '' && media !== 'application/json' && !media.endsWith('+json')) {
    throw new ResponseBodyError(`error: serializer for ${media} doesn't exist`)
  }
  if (text === '') return undefined
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw jsonSyntaxError(text)
  }
  // A Status that reports failure is an error whatever the HTTP code said.
  const status = data as Status
  if (status && status.kind === 'Status' && status.status === 'Failure') throw new StatusError(status)
  return data
}

function serializeBody(body: unknown): string | Buffer | undefined {
  if (body === undefined) return undefined
  return typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body, exactIntegers)
}

// The manifest reader keeps integers beyond 2^53 as bigints; they go out as the digits they came in as.
function exactIntegers(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? (JSON as unknown as {rawJSON(text: string): unknown}).rawJSON(value.toString()) : value
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

/** An HTTP proxy URL in axios's terms. */
export function axiosProxy(proxy: URL): AxiosProxyConfig {
  const config: AxiosProxyConfig = {
    protocol: 'http',
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
  }
  if (proxy.username || proxy.password) config.auth = {username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password)}
  return config
}

/** The socket or TLS error behind an axios error. */
/** A URL as client-go sends it and Go's url.Error prints it: query keys sorted (url.Values.Encode). */
function goRequestURL(url: URL): string {
  const sorted = new URL(url)
  sorted.searchParams.sort()
  return sorted.href
}

export function errorCause(err: unknown): NodeJS.ErrnoException {
  if (axios.isAxiosError(err) && err.cause instanceof Error) return err.cause as NodeJS.ErrnoException
  return err as NodeJS.ErrnoException
}

function isConnectionDrop(err: NodeJS.ErrnoException): boolean {
  return err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.message === 'socket hang up'
}

/** Retry-After in whole seconds, as client-go reads it; undefined when absent or not a number. */
function retryAfter(headers: Record<string, string | undefined>): number | undefined {
  const value = headers['retry-after']
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}

function flatHeaders(res: AxiosResponse): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(res.headers ?? {})) {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
  }
  return out
}

/** Each Warning header line apart, as Go's http.Header keeps them (Node joins repeated ones with ", "). */
function warningHeaderValues(res: AxiosResponse): string[] {
  const raw = (res.request as {res?: {rawHeaders?: string[]}} | undefined)?.res?.rawHeaders
  if (raw) {
    const values: string[] = []
    for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i].toLowerCase() === 'warning') values.push(raw[i + 1])
    return values
  }
  const joined = res.headers?.warning
  return joined === undefined || joined === null ? [] : [String(joined)]
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function sameBuffer(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.equals(b))
}

function sameCredentials(a: Credentials, b: Credentials): boolean {
  return a.token === b.token && a.username === b.username && a.password === b.password && sameBuffer(a.certData, b.certData) && sameBuffer(a.keyData, b.keyData)
}

/** client-go's impersonation headers; a header with several values goes out as several lines. */
export function impersonationHeaders(impersonate: RestConfig['impersonate']): Record<string, string | string[]> {
  if (!impersonate?.userName) return {}
  const headers: Record<string, string | string[]> = {'Impersonate-User': impersonate.userName}
  if (impersonate.uid) headers['Impersonate-Uid'] = impersonate.uid
  if (impersonate.groups?.length) headers['Impersonate-Group'] = impersonate.groups
  for (const [key, values] of Object.entries(impersonate.extra ?? {})) headers[`Impersonate-Extra-${encodeURIComponent(key)}`] = values
  return headers
}
