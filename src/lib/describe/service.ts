// `describe service`, laid out as kubectl's ServiceDescriber lays it out: a service's endpoints come
// from its discovery.k8s.io/v1 EndpointSlices (none on servers that do not serve that version).
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Describer, DescribeContext} from './registry.js'
import {describeEvents, formatLabels, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

export interface ServicePort {
  name?: string
  protocol?: string
  port?: number
  targetPort?: number | string
  nodePort?: number
}

export interface Service extends KubeObject {
  spec?: {
    type?: string
    selector?: Record<string, string> | null
    ports?: ServicePort[] | null
    clusterIP?: string
    clusterIPs?: string[] | null
    ipFamilies?: string[] | null
    ipFamilyPolicy?: string | null
    externalIPs?: string[] | null
    loadBalancerIP?: string
    loadBalancerSourceRanges?: string[] | null
    externalName?: string
    sessionAffinity?: string
    externalTrafficPolicy?: string
    internalTrafficPolicy?: string | null
    healthCheckNodePort?: number
  }
  status?: {loadBalancer?: {ingress?: Array<{ip?: string; hostname?: string; ipMode?: string | null}> | null}}
}

export interface EndpointSlice {
  ports?: Array<{name?: string | null; port?: number | null}> | null
  endpoints?: Array<{addresses?: string[]; conditions?: {ready?: boolean | null}}> | null
}

/** A service's EndpointSlices, as kubectl lists them: one request, no limit. */
export async function listEndpointSlices(dctx: DescribeContext, namespace: string, service: string): Promise<EndpointSlice[]> {
  const client = await dctx.ctx.client()
  const res = await client.request<ObjectList<EndpointSlice>>({
    path: `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/endpointslices`,
    query: {labelSelector: `kubernetes.io/service-name=${service}`},
  })
  return res.data.items ?? []
}

/** net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

const MAX_ENDPOINTS = 3

/**
 * kubectl's formatEndpointSlices: ready addresses (host:port of the slice ports named in `ports`, or
 * bare addresses for slices without ports), at most three, then "+ N more...". Like kubectl, "more"
 * is set as soon as three are listed and another endpoint comes, ready or not.
 */
export function formatEndpointSlices(slices: EndpointSlice[], ports: ReadonlySet<string>): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  let more = false
  let count = 0
  const isReady = (e: {conditions?: {ready?: boolean | null}}) => e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? []
    if ((slice.ports ?? []).length === 0) {
      for (const endpoint of endpoints) {
        if (list.length === MAX_ENDPOINTS) more = true
        if (!isReady(endpoint)) continue
        if (!more) list.push(endpoint.addresses?.[0] ?? '')
        count++
      }
      continue
    }
    for (const port of slice.ports ?? []) {
      if (!ports.has(port.name ?? '')) continue
      for (const endpoint of endpoints) {
        if (list.length === MAX_ENDPOINTS) more = true
        if (!isReady(endpoint)) continue
        if (!more) list.push(joinHostPort(endpoint.addresses?.[0] ?? '', port.port ?? 0))
        count++
      }
    }
  }
  const text = list.join(',')
  return more ? `${text} + ${count - MAX_ENDPOINTS} more...` : text
}

function loadBalancerIngress(ingress: NonNullable<NonNullable<Service['status']>['loadBalancer']>['ingress']): string {
  return (ingress ?? []).map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ')
}

export const describeService: Describer = async (dctx, obj) => {
  const svc = obj as Service
  const meta = svc.metadata ?? {}
  const spec = svc.spec ?? {}
  // kubectl ignores a failed list (servers before 1.21 serve no discovery.k8s.io/v1): no endpoints.
  const slices = await listEndpointSlices(dctx, meta.namespace ?? '', meta.name ?? '').catch(() => [])
  const events = await eventsFor(dctx, eventReference(svc, 'Service'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`)
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    const ingress = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${loadBalancerIngress(ingress)}\n`)
    for (const port of spec.ports ?? []) {
      const name = port.name || '<unset>'
      const protocol = port.protocol ?? ''
      w.write(LEVEL_0, `Port:\t${name}\t${port.port ?? 0}/${protocol}\n`)
      w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`)
      if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`)
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([port.name ?? '']))}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy !== undefined && spec.internalTrafficPolicy !== null) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`)
    if (events) describeEvents(events, w, dctx.now)
  })
}
