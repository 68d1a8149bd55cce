// A small API server for unit tests: real HTTP(S) on 127.0.0.1, a strict route table.
// A request no route expects is answered 599 and recorded; `verify()` fails on it and on any route
// that was registered but never used, so a test cannot pass by accident. A route handler that throws
// (a failed expect in it) answers 599 too, and its failure is thrown by `verify()`, or else by `close()`.
import {createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import {createServer as createHttpsServer} from 'node:https'
import type {AddressInfo, Socket} from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  /** Header names and values in the order received, repeated headers kept apart. */
  rawHeaders: string[]
  body: string
  /** The client certificate's subject CN when the server asked for one. */
  clientCN?: string
}

export interface Reply {
  status?: number
  headers?: Record<string, string | string[]>
  /** An object is sent as JSON; a string as is. */
  body?: unknown
  /** Wait this long before answering. */
  delayMs?: number
  /** Close the socket without answering. */
  destroy?: boolean
  /** Never answer (until the server closes). */
  stall?: boolean
  /** Send the body in these pieces, `chunkDelayMs` apart, then do `after` (default 'end'). */
  chunks?: string[]
  chunkDelayMs?: number
  after?: 'end' | 'destroy' | 'stall'
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>

interface Route {
  method: string
  path: string
  handler: Handler
  /** How many more requests this route answers; Infinity for `always`. */
  remaining: number
  used: number
  optional: boolean
}

export interface TLSOptions {
  key: string | Buffer
  cert: string | Buffer
  /** CA that client certificates must chain to; setting it makes the server ask for one. */
  ca?: string | Buffer
}

export class FakeServer {
  readonly requests: RecordedRequest[] = []
  readonly unexpected: RecordedRequest[] = []
  /** What route handlers threw, not yet thrown to the test. */
  private handlerFailures: unknown[] = []
  /** TCP connections accepted, and TLS handshakes completed (HTTPS only). */
  connections = 0
  tlsHandshakes = 0
  private routes: Route[] = []
  private sockets = new Set<Socket>()
  private closing: Promise<void>
  private closed!: () => void
  private constructor(
    private server: Server,
    readonly url: string,
  ) {
    this.closing = new Promise((resolve) => (this.closed = resolve))
    server.on('connection', (s: Socket) => {
      this.connections++
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
    server.on('secureConnection', () => this.tlsHandshakes++)
  }

  /** `port`: listen there rather than on a free port (a server that comes back where it was). */
  static async start(opts: {tls?: TLSOptions; port?: number} = {}): Promise<FakeServer> {
    const server = opts.tls
      ? createHttpsServer({key: opts.tls.key, cert: opts.tls.cert, ca: opts.tls.ca, requestCert: Boolean(opts.tls.ca), rejectUnauthorized: false})
      : createHttpServer()
    await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
    const {port} = server.address() as AddressInfo
    const fake = new FakeServer(server, `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`)
    server.on('request', (req, res) => void fake.handle(req, res))
    return fake
  }

  /** Connections still open from the server's side. */
  get openConnections(): number {
    return this.sockets.size
  }

  get host(): string {
    return new URL(this.url).host
  }

  /** Answer the next `times` requests to METHOD PATH (path without query). */
  on(method: string, path: string, reply: Reply | Handler, opts: {times?: number; optional?: boolean} = {}): this {
    const handler: Handler = typeof reply === 'function' ? reply : () => reply
    this.routes.push({method, path, handler, remaining: opts.times ?? 1, used: 0, optional: opts.optional ?? false})
    return this
  }

  /** Answer every request to METHOD PATH; still fails verify() if never used unless optional. */
  always(method: string, path: string, reply: Reply | Handler, opts: {optional?: boolean} = {}): this {
    return this.on(method, path, reply, {times: Number.POSITIVE_INFINITY, optional: opts.optional})
  }

  /** Throws when a request went unanswered by the route table or a route was never used. */
  verify(): void {
    this.throwHandlerFailure()
    const problems: string[] = []
    for (const r of this.unexpected) problems.push(`unexpected request ${r.method} ${r.path}${r.query.size ? `?${r.query}` : ''}`)
    for (const r of this.routes) {
      if (r.optional) continue
      if (r.used === 0) problems.push(`unused route ${r.method} ${r.path}`)
      else if (Number.isFinite(r.remaining) && r.remaining > 0) problems.push(`route ${r.method} ${r.path} used ${r.used} times, ${r.remaining} more expected`)
    }
    if (problems.length > 0) throw new Error(`fake server: ${problems.join('; ')}`)
  }

  async close(): Promise<void> {
    this.closed()
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.throwHandlerFailure()
  }

  private throwHandlerFailure(): void {
    const [first] = this.handlerFailures.splice(0)
    if (first !== undefined) throw first
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://x')
    const peer = (req.socket as Socket & {getPeerCertificate?: () => {subject?: {CN?: string}}}).getPeerCertificate?.()
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body: Buffer.concat(chunks).toString('utf8'),
      clientCN: peer?.subject?.CN,
    }
    this.requests.push(recorded)
    const route = this.routes.find((r) => r.method === recorded.method && r.path === recorded.path && r.remaining > 0)
    if (!route) {
      this.unexpected.push(recorded)
      res.writeHead(599, {'content-type': 'text/plain'}).end(`no route for ${recorded.method} ${recorded.path}`)
      return
    }
    route.remaining--
    route.used++
    let reply: Reply
    try {
      reply = await route.handler(recorded)
    } catch (err) {
      // Answered, so the client under test does not hang; the failure reaches the test through verify() or close().
      this.handlerFailures.push(err)
      res.writeHead(599, {'content-type': 'text/plain'}).end(`route handler for ${recorded.method} ${recorded.path} failed`)
      return
    }
    if (reply.delayMs) await Promise.race([this.closing, new Promise((resolve) => setTimeout(resolve, reply.delayMs))])
    if (reply.destroy) {
      req.socket.destroy()
      return
    }
    if (reply.stall) return this.closing
    const isText = typeof reply.body === 'string' || reply.body === undefined
    const headers = {'content-type': isText ? 'text/plain' : 'application/json', ...reply.headers}
    res.writeHead(reply.status ?? 200, headers)
    if (reply.chunks) {
      for (const [i, chunk] of reply.chunks.entries()) {
        if (i > 0 && reply.chunkDelayMs) await Promise.race([this.closing, new Promise((resolve) => setTimeout(resolve, reply.chunkDelayMs))])
        if (res.destroyed) return
        await new Promise((resolve) => res.write(chunk, resolve))
      }
      if (reply.after === 'destroy') req.socket.destroy()
      else if (reply.after !== 'stall') res.end()
      return
    }
    res.end(isText ? (reply.body as string | undefined) : JSON.stringify(reply.body))
  }
}

/** A metav1.Status body, as the API server sends with error codes. */
export function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): Reply {
  return {status: code, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code}}
}
