// Connections to the API server: keep-alive agents that dial with Go's transport limits, tunnel
// through a proxy when one applies, and hand a TLS socket to HTTP only after the server's certificate
// passed our checks, so no request byte reaches a server we do not trust.
import {Agent as HttpAgent, type ClientRequestArgs, request as httpRequest} from 'node:http'
import {Agent as HttpsAgent, type RequestOptions as HttpsRequestOptions} from 'node:https'
import {connect as netConnect, isIP, type Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import {connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket} from 'node:tls'
import {describeSocketError, joinHostPort} from './errors.js'
import {TransportFailure, verifyPeer} from './tls-verify.js'

export interface TLSSettings {
  /** PEM bundle to trust instead of the system roots. */
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
  insecure: boolean
  /** Name to send as SNI and to check the server certificate against (kubeconfig tls-server-name). */
  serverName?: string
}

// client-go's transport defaults: 30 s to dial, 10 s for the TLS handshake.
const DIAL_TIMEOUT_MS = 30_000
const TLS_HANDSHAKE_TIMEOUT_MS = 10_000

type ConnectCallback = (err: Error | null, stream: Duplex) => void

/** An agent for https:// servers; `proxy` (http or https) is reached first and asked to CONNECT. */
export function httpsAgent(tls: TLSSettings, proxy: URL | undefined): HttpsAgent {
  return new KubeHttpsAgent(tls, proxy)
}

/** An agent for http:// servers; with a proxy, the request goes to it in absolute form (see client.ts). */
export function httpAgent(tls: TLSSettings, proxy: URL | undefined): HttpAgent {
  return new KubeHttpAgent(tls, proxy)
}

class KubeHttpsAgent extends HttpsAgent {
  /** The last rejection; a session resumed after it (cached before the socket closed) is rejected too. */
  private rejected?: TransportFailure

  constructor(
    private tls: TLSSettings,
    private proxy: URL | undefined,
  ) {
    super({
      keepAlive: true,
      ...credentialsContext(tls),
      servername: tls.serverName,
      ALPNProtocols: ['http/1.1'],
      // Verification happens in verifyPeer, before the socket is handed to HTTP.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    })
  }

  override createConnection(options: HttpsRequestOptions, callback?: ConnectCallback): undefined {
    const done = once(callback)
    const host = String(options.host ?? options.hostname ?? 'localhost')
    const port = Number(options.port ?? 443)
    const handshake = (socket: Duplex | undefined) => {
      const tlsSocket = super.createConnection({...options, socket} as HttpsRequestOptions) as TLSSocket
      secure(tlsSocket, this.tls.insecure ? undefined : (s) => this.verify(s, this.tls.serverName ?? host), socket !== undefined, host, port, done)
    }
    if (this.proxy) tunnel(this.proxy, host, port, this.tls).then(handshake, (err: Error) => done(err))
    else handshake(undefined)
    return undefined
  }

  private verify(socket: TLSSocket, serverName: string): TransportFailure | undefined {
    if (socket.isSessionReused() && this.rejected) return this.rejected
    const failure = verifyPeer(socket, serverName)
    if (failure) this.rejected = failure
    return failure
  }
}

// One TLS context for all of an agent's connections: left to each connection, Node parses the CA
// bundle, certificate and key again for every one (discovery opens dozens). Material Node rejects
// stays per connection, so the error surfaces where it did.
function credentialsContext(tls: TLSSettings): {secureContext: SecureContext} | {ca?: Buffer; cert?: Buffer; key?: Buffer} {
  try {
    return {secureContext: createSecureContext({ca: tls.ca, cert: tls.cert, key: tls.key})}
  } catch {
    return {ca: tls.ca, cert: tls.cert, key: tls.key}
  }
}

class KubeHttpAgent extends HttpAgent {
  constructor(
    private tls: TLSSettings,
    private proxy: URL | undefined,
  ) {
    super({keepAlive: true})
  }

  override createConnection(options: ClientRequestArgs, callback?: ConnectCallback): undefined {
    const done = once(callback)
    if (this.proxy) {
      connectProxy(this.proxy, this.tls).then((s) => done(null, s), (err: Error) => done(err))
    } else {
      dial(String(options.host ?? 'localhost'), Number(options.port ?? 80)).then((s) => done(null, s), (err: Error) => done(err))
    }
    return undefined
  }
}

function once(callback: ConnectCallback | undefined): (err: Error | null, stream?: Duplex) => void {
  let called = false
  return (err, stream) => {
    if (called) return
    called = true
    callback?.(err, stream as Duplex)
  }
}

function dial(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({host, port})
    const timer = setTimeout(() => socket.destroy(new TransportFailure(`dial tcp ${joinHostPort(host, port)}: i/o timeout`)), DIAL_TIMEOUT_MS)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeListener('error', reject)
      resolve(socket)
    })
    socket.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
  })
}

/**
 * Waits for the handshake, checks the peer unless `verify` is undefined (insecure), and only then
 * passes the socket on. `connected` says the TCP connection already exists (a proxy tunnel).
 */
function secure(
  socket: TLSSocket,
  verify: ((socket: TLSSocket) => TransportFailure | undefined) | undefined,
  connected: boolean,
  host: string,
  port: number,
  done: (err: Error | null, stream?: Duplex) => void,
): void {
  let timer: NodeJS.Timeout | undefined
  const startHandshakeClock = () => {
    clearTimeout(timer)
    timer = setTimeout(() => socket.destroy(new TransportFailure('net/http: TLS handshake timeout')), TLS_HANDSHAKE_TIMEOUT_MS)
  }
  if (connected) startHandshakeClock()
  else {
    timer = setTimeout(() => socket.destroy(new TransportFailure(`dial tcp ${joinHostPort(host, port)}: i/o timeout`)), DIAL_TIMEOUT_MS)
    socket.once('connect', startHandshakeClock)
  }
  const onError = (err: Error) => {
    clearTimeout(timer)
    done(err)
  }
  socket.once('error', onError)
  socket.once('secureConnect', () => {
    clearTimeout(timer)
    const rejected = verify?.(socket)
    if (rejected) {
      socket.destroy(rejected)
      return
    }
    socket.removeListener('error', onError)
    done(null, socket)
  })
}

/** A socket to the proxy itself: plain TCP, or TLS checked like a server (Go uses the cluster's TLS settings). */
async function connectProxy(proxy: URL, tls: TLSSettings): Promise<Duplex> {
  const host = proxy.hostname.replace(/^\[|\]$/g, '')
  const isHttps = proxy.protocol === 'https:'
  if (!isHttps && proxy.protocol !== 'http:') throw new TransportFailure(`proxyconnect tcp: unsupported proxy scheme "${proxy.protocol.replace(/:$/, '')}"`)
  const port = Number(proxy.port || (isHttps ? 443 : 80))
  try {
    const tcp = await dial(host, port)
    if (!isHttps) return tcp
    return await new Promise<Duplex>((resolve, reject) => {
      const socket = tlsConnect({
        socket: tcp,
        servername: isIP(host) ? undefined : host,
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: false,
        checkServerIdentity: () => undefined,
      })
      secure(socket, tls.insecure ? undefined : (s) => verifyPeer(s, host), true, host, port, (err, s) => (err ? reject(err) : resolve(s as Duplex)))
    })
  } catch (err) {
    // A refused proxy reads like a refused server in kubectl; anything else names the proxy step.
    if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED') throw err
    throw new TransportFailure(`proxyconnect tcp: ${describeSocketError(err as NodeJS.ErrnoException)}`)
  }
}

/** Asks the proxy for a tunnel to host:port; resolves with the raw tunnel once it answers 200. */
async function tunnel(proxy: URL, host: string, port: number, tls: TLSSettings): Promise<Duplex> {
  const socket = await connectProxy(proxy, tls)
  const target = joinHostPort(host, port)
  const headers: Record<string, string> = {Host: target}
  if (proxy.username || proxy.password) {
    const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({method: 'CONNECT', path: target, headers, createConnection: () => socket})
    req.once('connect', (res, tunnelSocket, head) => {
      if (res.statusCode !== 200) {
        tunnelSocket.destroy()
        // Go reports the proxy's reason phrase as the whole error.
        reject(new TransportFailure(res.statusMessage || 'unknown status code'))
        return
      }
      if (head.length > 0) tunnelSocket.unshift(head)
      resolve(tunnelSocket)
    })
    req.once('response', (res) => {
      socket.destroy()
      reject(new TransportFailure(res.statusMessage || 'unknown status code'))
    })
    req.once('error', reject)
    req.end()
  })
}
