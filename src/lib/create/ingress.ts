// `ktl create ingress`: an Ingress from --rule host/path=service:port[,tls[=secret]] entries.
import {usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {sortedByKey} from './last-applied.js'
import {generatedMeta} from './object-meta.js'
import {parseIntOrString} from './pod-disruption-budget.js'

export interface IngressOptions {
  name: string
  ingressClass: string
  rules: string[]
  defaultBackend: string
  annotations: string[]
}

// kubectl 1.32's check, which has no end anchor: host (letters, digits, _, *, -, .), `/`, anything, then
// `=service:port` somewhere; whatever follows is taken as it comes.
const RULE = /^[\w*\-.]*\/[^\n]*=[\w-]+:[\w-]+/

interface IngressBackend {
  service: {name: string; port: {name?: string; number?: number}}
}

interface IngressRule {
  host?: string
  http: {paths: Array<{path: string; pathType: string; backend: IngressBackend}>}
}

interface IngressTLS {
  hosts?: string[]
  secretName?: string
}

/** kubectl's checks of the flags, in its order. */
export function validateIngress(opts: IngressOptions): void {
  if (opts.defaultBackend === '' && opts.rules.length === 0) {
    throw usageError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    )
  }
  for (const rule of opts.rules) {
    // kubectl panics on rules its check lets through without a path=service:port before the first comma
    if (!RULE.test(rule) || !buildable(rule)) throw usageError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`)
  }
  for (const annotation of opts.annotations) {
    if (!annotation.includes('=')) throw usageError(`annotation ${annotation} is invalid and should be in format key=[value]`)
  }
  if (opts.defaultBackend !== '' && opts.defaultBackend.split(':').length !== 2) throw usageError('default-backend should be in format servicename:serviceport')
}

function buildable(rule: string): boolean {
  const withoutTLS = rule.split(',')[0]
  const slash = withoutTLS.indexOf('/')
  if (slash < 0) return false
  const service = withoutTLS.slice(slash + 1).split('=')[1]
  return service !== undefined && service.includes(':')
}

/** The Ingress kubectl builds from flags that passed validateIngress. */
export function buildIngress(opts: IngressOptions): KubeObject {
  const annotations = new Map<string, string>()
  for (const annotation of opts.annotations) {
    const eq = annotation.indexOf('=')
    annotations.set(annotation.slice(0, eq), annotation.slice(eq + 1))
  }
  const spec: Record<string, unknown> = {}
  if (opts.ingressClass !== '') spec.ingressClassName = opts.ingressClass
  if (opts.defaultBackend !== '') spec.defaultBackend = serviceBackend(opts.defaultBackend)
  const tls = tlsEntries(opts.rules)
  if (tls.length > 0) spec.tls = tls
  const rules = ingressRules(opts.rules)
  if (rules.length > 0) spec.rules = rules
  const metadata = generatedMeta(opts.name)
  if (annotations.size > 0) metadata.annotations = sortedByKey(Object.fromEntries(annotations))
  return {kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: {loadBalancer: {}}}
}

function serviceBackend(service: string): IngressBackend {
  const [name, port] = service.split(':')
  const parsed = parseIntOrString(port)
  const backendPort: IngressBackend['service']['port'] = {}
  if (typeof parsed === 'string') {
    if (parsed !== '') backendPort.name = parsed
  } else if (parsed !== 0) {
    backendPort.number = parsed
  }
  return {service: {name, port: backendPort}}
}

// buildTLSRules: one entry per secret, each host once; a rule's `tls` without a secret uses the default certificate.
function tlsEntries(rules: string[]): IngressTLS[] {
  const entries: IngressTLS[] = []
  const seenHosts = new Set<string>()
  for (const rule of rules) {
    const parts = rule.split(',')
    if (parts.length !== 2) continue
    const host = rule.split('/')[0]
    const secretParts = parts[1].split('=')
    const secret = secretParts.length > 1 ? secretParts[1] : ''
    if (seenHosts.has(host)) continue
    const existing = entries.find((e) => (e.secretName ?? '') === secret)
    seenHosts.add(host)
    if (existing) {
      existing.hosts = [...(existing.hosts ?? []), host]
      continue
    }
    const entry: IngressTLS = {}
    if (host !== '') entry.hosts = [host]
    if (secret !== '') entry.secretName = secret
    if (entry.hosts || entry.secretName) entries.push(entry)
  }
  return entries
}

// buildIngressRules: rules of one host share an entry; `*` at the end of a path makes it a Prefix.
function ingressRules(rules: string[]): IngressRule[] {
  const result: IngressRule[] = []
  for (const rule of rules) {
    const withoutTLS = rule.split(',')[0]
    const slash = withoutTLS.indexOf('/')
    const host = withoutTLS.slice(0, slash)
    const [pathPart, service] = withoutTLS.slice(slash + 1).split('=')
    let path = `/${pathPart}`
    let pathType = 'Exact'
    if (path.endsWith('*')) {
      pathType = 'Prefix'
      path = path.slice(0, -1)
    }
    const httpPath = {path, pathType, backend: serviceBackend(service)}
    const existing = result.find((r) => (r.host ?? '') === host)
    if (existing) {
      existing.http.paths.push(httpPath)
      continue
    }
    result.push({...(host !== '' ? {host} : {}), http: {paths: [httpPath]}})
  }
  return result
}
