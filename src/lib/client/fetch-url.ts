// `-f https://...`: the manifest fetched as kubectl fetches it (Go's default HTTP client): up to three
// attempts a second apart when the connection fails or the server answers 5xx, redirects followed,
// proxies from the environment, system roots or SSL_CERT_FILE for TLS, and kubectl's messages.
import {readFileSync} from 'node:fs'
import type {Agent as HttpAgent} from 'node:http'
import type {Agent as HttpsAgent} from 'node:https'
import type {Readable} from 'node:stream'
import axios, {type AxiosResponse} from 'axios'
import {CliError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {axiosProxy, errorCause} from './client.js'
import {transportError} from './errors.js'
import {proxyFunc} from './proxy.js'
import {httpAgent, httpsAgent} from './transport.js'
import {userAgent} from './user-agent.js'
import {sleep} from '../sleep.js'

export interface FetchURLOptions {
  /** HTTPS_PROXY, HTTP_PROXY, NO_PROXY and SSL_CERT_FILE come from here. */
  env?: NodeJS.ProcessEnv
  /** kubectl makes three attempts. */
  attempts?: number
  /** Pause between attempts; kubectl waits a second. */
  retryDelayMs?: number
}

const MAX_REDIRECTS = 10

/** The body of a 200 answer; anything else is a CliError in kubectl's words. */
export async function fetchURL(url: string, opts: FetchURLOptions = {}): Promise<Buffer> {
  const env = opts.env ?? process.env
  const attempts = opts.attempts ?? 3
  const certFile = env.SSL_CERT_FILE
  let ca: Buffer | undefined
  if (certFile) {
    try {
      ca = readFileSync(certFile)
    } catch {
      // Go ignores a root file it cannot read
    }
  }
  const proxyFor = proxyFunc(undefined, env)
  const agents = new Map<string, HttpAgent | HttpsAgent>()
  const agentFor = (target: URL) => {
    let agent = agents.get(target.origin)
    if (!agent) {
      const tls = {ca, insecure: false}
      agent = target.protocol === 'https:' ? httpsAgent(tls, proxyFor(target)) : httpAgent(tls, proxyFor(target))
      agents.set(target.origin, agent)
    }
    return agent
  }
  try {
    let failure: CliError | undefined
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(opts.retryDelayMs ?? 1000)
      let res: AxiosResponse<Readable>
      try {
        res = await get(new URL(url), agentFor, proxyFor)
      } catch (err) {
        failure = err instanceof CliError ? err : transportError(errorCause(err), new URL(url).host)
        continue
      }
      if (res.status === 200) return await readAll(res.data, url)
      res.data.resume()
      const status = `${res.status} ${res.statusText ?? ''}`.trimEnd()
      failure = new CliError(`unable to read URL ${goQuote(url)}, server reported ${status}, status code=${res.status}`)
      if (res.status < 500 || res.status > 599) break
    }
    throw failure as CliError
  } finally {
    for (const agent of agents.values()) agent.destroy()
  }
}

async function get(
  first: URL,
  agentFor: (target: URL) => HttpAgent | HttpsAgent,
  proxyFor: (target: URL) => URL | undefined,
): Promise<AxiosResponse<Readable>> {
  let target = first
  for (let hop = 0; ; hop++) {
    const agent = agentFor(target)
    const proxy = target.protocol === 'http:' ? proxyFor(target) : undefined
    const res = await axios.request<Readable>({
      url: target.href,
      method: 'GET',
      adapter: 'http',
      maxRedirects: 0,
      decompress: true,
      responseType: 'stream',
      validateStatus: () => true,
      headers: {'User-Agent': userAgent(), Accept: '*/*'},
      proxy: proxy ? axiosProxy(proxy) : false,
      httpAgent: target.protocol === 'http:' ? agent : undefined,
      httpsAgent: target.protocol === 'https:' ? agent : undefined,
    })
    const location = res.headers.location
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res
    res.data.resume()
    if (hop >= MAX_REDIRECTS - 1) throw new CliError('Unable to connect to the server: stopped after 10 redirects')
    target = new URL(String(location), target)
  }
}

async function readAll(body: Readable, url: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of body) chunks.push(chunk as Buffer)
  } catch {
    throw new CliError(`error parsing ${url}: unexpected EOF`)
  }
  return Buffer.concat(chunks)
}

