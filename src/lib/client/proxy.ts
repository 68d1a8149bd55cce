// Which proxy a request goes through, with the rules of Go's http.ProxyFromEnvironment that kubectl
// uses when the kubeconfig sets no proxy-url: HTTPS_PROXY/HTTP_PROXY by scheme, NO_PROXY exclusions,
// and never a proxy for localhost or a loopback address.
import {BlockList, isIP} from 'node:net'

export type ProxyFunc = (target: URL) => URL | undefined

/** proxy-url from the kubeconfig applies to every request; otherwise the environment decides. */
export function proxyFunc(proxyUrl: string | undefined, env: NodeJS.ProcessEnv): ProxyFunc {
  if (proxyUrl) {
    const fixed = parseProxy(proxyUrl)
    return () => fixed
  }
  const httpsProxy = parseProxy(firstSet(env, 'HTTPS_PROXY', 'https_proxy'))
  // Go refuses HTTP_PROXY in a CGI environment, where a client's Proxy: header could have set it.
  const httpProxy = env.REQUEST_METHOD ? undefined : parseProxy(firstSet(env, 'HTTP_PROXY', 'http_proxy'))
  if (!httpsProxy && !httpProxy) return () => undefined
  const bypass = noProxyMatcher(firstSet(env, 'NO_PROXY', 'no_proxy') ?? '')
  return (target) => {
    const proxy = target.protocol === 'https:' ? httpsProxy : target.protocol === 'http:' ? httpProxy : undefined
    if (!proxy) return undefined
    const host = bareHost(target.hostname).toLowerCase()
    const port = target.port || (target.protocol === 'https:' ? '443' : '80')
    return bypass(host, port) ? undefined : proxy
  }
}

function firstSet(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const name of names) if (env[name]) return env[name]
  return undefined
}

/** Like Go, a proxy written without a scheme ("proxy:3128") means http://. */
function parseProxy(value: string | undefined): URL | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    if (url.host) return url
  } catch {
    // fall through to the scheme-less form
  }
  try {
    return new URL(`http://${value}`)
  } catch {
    return undefined
  }
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
}

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

/** NO_PROXY entries: "*", CIDRs, IPs (optionally with a port), and domains matching themselves and their subdomains. */
function noProxyMatcher(noProxy: string): (host: string, port: string) => boolean {
  const cidrs = new BlockList()
  const ips: Array<{ip: string; port: string}> = []
  const domains: Array<{suffix: string; exact: boolean; port: string}> = []
  let all = false
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') {
      all = true
      break
    }
    const slash = entry.indexOf('/')
    if (slash > 0) {
      const family = isIP(entry.slice(0, slash))
      const bits = Number(entry.slice(slash + 1))
      if (family && Number.isInteger(bits)) cidrs.addSubnet(entry.slice(0, slash), bits, family === 4 ? 'ipv4' : 'ipv6')
      continue
    }
    let [host, port] = splitHostPort(entry)
    if (isIP(host)) {
      ips.push({ip: canonicalIP(host), port})
      continue
    }
    if (!host) continue
    if (host.startsWith('*.')) host = host.slice(1)
    domains.push(host.startsWith('.') ? {suffix: host, exact: false, port} : {suffix: `.${host}`, exact: true, port})
  }
  return (host, port) => {
    if (host === 'localhost') return true
    const family = isIP(host)
    if (family && loopback.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true
    if (all) return true
    if (family) {
      if (cidrs.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true
      const ip = canonicalIP(host)
      if (ips.some((m) => m.ip === ip && (!m.port || m.port === port))) return true
    }
    return domains.some((m) => (host.endsWith(m.suffix) || (m.exact && host === m.suffix.slice(1))) && (!m.port || m.port === port))
  }
}

function splitHostPort(entry: string): [string, string] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return [bracketed[1], bracketed[2] ?? '']
  const colon = entry.lastIndexOf(':')
  // A bare IPv6 address has several colons and no port.
  if (colon < 0 || entry.indexOf(':') !== colon) return [entry, '']
  return [entry.slice(0, colon), entry.slice(colon + 1)]
}

function canonicalIP(ip: string): string {
  return isIP(ip) === 6 ? new URL(`http://[${ip}]`).hostname : ip
}
