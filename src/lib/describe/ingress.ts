// `describe ingress`, as kubectl's IngressDescriber does it: the Ingress is read again as
// networking.k8s.io/v1 (falling back to v1beta1 on servers without it) whatever version it was
// fetched as, and each service backend is shown with its ready endpoints.
import type {KubeObject} from '../resources/objects.js'
import {errorText, eventReference, eventsFor} from './fetch.js'
import type {Describer, DescribeContext} from './registry.js'
import {formatEndpointSlices, listEndpointSlices, type Service} from './service.js'
import {describeEvents, LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface ServiceBackendV1 {
  name?: string
  port?: {name?: string; number?: number}
}

interface BackendV1 {
  service?: ServiceBackendV1 | null
  resource?: {apiGroup?: string | null; kind?: string; name?: string} | null
}

interface BackendV1beta1 {
  serviceName?: string
  servicePort?: number | string
}

interface IngressTLS {
  hosts?: string[] | null
  secretName?: string
}

interface Ingress<Backend> extends KubeObject {
  spec?: {
    ingressClassName?: string | null
    defaultBackend?: Backend | null
    /** networking.k8s.io/v1beta1's name for the default backend. */
    backend?: Backend | null
    tls?: IngressTLS[] | null
    rules?: Array<{host?: string; http?: {paths?: Array<{path?: string; backend?: Backend}> | null} | null}> | null
  }
  status?: {loadBalancer?: {ingress?: Array<{ip?: string; hostname?: string}> | null}}
}

/** err.Error() of a Go client error: the Status message, or the whole line for other failures. */
async function getIngress<B>(dctx: DescribeContext, version: string, namespace: string, name: string): Promise<Ingress<B>> {
  const client = await dctx.ctx.client()
  const path = `/apis/networking.k8s.io/${version}/namespaces/${encodeURIComponent(namespace)}/ingresses/${encodeURIComponent(name)}`
  return (await client.request<Ingress<B>>({path})).data
}

async function getService(dctx: DescribeContext, namespace: string, name: string): Promise<Service> {
  const client = await dctx.ctx.client()
  return (await client.request<Service>({path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(name)}`})).data
}

/**
 * A service backend's ready endpoints on the service port it names (the last port `names` matches,
 * as kubectl resolves it). Throws when the slices cannot be listed or the service read.
 */
async function backendEndpoints(dctx: DescribeContext, namespace: string, serviceName: string, names: (portName: string, port: number) => boolean): Promise<string> {
  const slices = await listEndpointSlices(dctx, namespace, serviceName)
  const service = await getService(dctx, namespace, serviceName)
  let name = ''
  for (const port of service.spec?.ports ?? []) if (names(port.name ?? '', port.port ?? 0)) name = port.name ?? ''
  return formatEndpointSlices(slices, new Set([name]))
}

async function describeBackendV1(dctx: DescribeContext, namespace: string, backend: BackendV1): Promise<string> {
  if (backend.service) {
    const svc = backend.service
    const number = svc.port?.number ?? 0
    const portName = svc.port?.name ?? ''
    const sb = `${svc.name ?? ''}:${number !== 0 ? number : portName}`
    try {
      const endpoints = await backendEndpoints(dctx, namespace, svc.name ?? '', (name, port) => (number !== 0 && number === port) || (portName.length > 0 && portName === name))
      return `${sb} (${endpoints})`
    } catch (err) {
      return `${sb} (<error: ${errorText(err)}>)`
    }
  }
  if (backend.resource) {
    const r = backend.resource
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind ?? ''}, Name: ${r.name ?? ''}`
  }
  return ''
}

async function describeBackendV1beta1(dctx: DescribeContext, namespace: string, backend: BackendV1beta1): Promise<string> {
  const port = backend.servicePort
  try {
    return await backendEndpoints(dctx, namespace, backend.serviceName ?? '', (name, number) => (typeof port === 'string' ? port === name : (port ?? 0) === number))
  } catch (err) {
    return `<error: ${errorText(err)}>`
  }
}

/** Load balancer addresses, each once, sorted, comma-separated. */
function addresses(ingress: Ingress<unknown>): string {
  const set = new Set<string>()
  for (const i of ingress.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  return [...set].sort().join(',')
}

function describeTLS(w: PrefixWriter, tls: IngressTLS[]): void {
  w.write(LEVEL_0, 'TLS:\n')
  for (const t of tls) {
    const hosts = (t.hosts ?? []).join(',')
    if (!t.secretName) w.write(LEVEL_1, `SNI routes ${hosts}\n`)
    else w.write(LEVEL_1, `${t.secretName} terminates ${hosts}\n`)
  }
}

/** Every path's backend described ahead of writing, in rule order (the writer is synchronous). */
async function describePaths<B>(ingress: Ingress<B>, describe: (backend: B) => Promise<string>): Promise<string[][]> {
  const out: string[][] = []
  for (const rule of ingress.spec?.rules ?? []) {
    const described: string[] = []
    for (const path of rule.http?.paths ?? []) described.push(await describe(path.backend ?? ({} as B)))
    out.push(described)
  }
  return out
}

function header(w: PrefixWriter, ingress: Ingress<unknown>, now: number): void {
  const meta = ingress.metadata ?? {}
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  printTerminating(w, meta, now)
  w.write(LEVEL_0, `Address:\t${addresses(ingress)}\n`)
  w.write(LEVEL_0, `Ingress Class:\t${ingress.spec?.ingressClassName ?? '<none>'}\n`)
}

/** The layout both API versions share; they differ in how a path's backend and the no-rules line read. */
function printIngress<B>(
  dctx: DescribeContext,
  ingress: Ingress<B>,
  events: Awaited<ReturnType<typeof eventsFor>>,
  text: {defaultBackend: string; pathBackend: (rule: number, path: number) => string; noRules: string},
): string {
  return tabbedString((w) => {
    header(w, ingress, dctx.now)
    w.write(LEVEL_0, `Default backend:\t${text.defaultBackend}\n`)
    if ((ingress.spec?.tls ?? []).length > 0) describeTLS(w, ingress.spec!.tls!)
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    let count = 0
    ;(ingress.spec?.rules ?? []).forEach((rule, i) => {
      if (!rule.http) return
      count++
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
      ;(rule.http.paths ?? []).forEach((path, j) => w.write(LEVEL_2, `\t${path.path ?? ''} \t${text.pathBackend(i, j)}\n`))
    })
    if (count === 0) w.write(LEVEL_1, text.noRules)
    printAnnotationsMultiline(w, 'Annotations', ingress.metadata?.annotations)
    if (events) describeEvents(events, w, dctx.now)
  })
}

async function describeIngressV1(dctx: DescribeContext, ingress: Ingress<BackendV1>): Promise<string> {
  const namespace = ingress.metadata?.namespace ?? ''
  const events = await eventsFor(dctx, eventReference(ingress, 'Ingress'))
  const def = ingress.spec?.defaultBackend
  const defaultBackend = def ? await describeBackendV1(dctx, namespace, def) : '<default>'
  const paths = await describePaths(ingress, (b) => describeBackendV1(dctx, namespace, b))
  return printIngress(dctx, ingress, events, {defaultBackend, pathBackend: (i, j) => paths[i][j], noRules: `*\t*\t${defaultBackend}\n`})
}

async function describeIngressV1beta1(dctx: DescribeContext, ingress: Ingress<BackendV1beta1>): Promise<string> {
  const namespace = ingress.metadata?.namespace ?? ''
  const events = await eventsFor(dctx, eventReference(ingress, 'Ingress'))
  const def = ingress.spec?.backend
  const defaultBackend = def ? await describeBackendV1beta1(dctx, namespace, def) : '<default>'
  const paths = await describePaths(ingress, (b) => describeBackendV1beta1(dctx, namespace, b))
  const pathBackend = (i: number, j: number) => {
    const b = ingress.spec?.rules?.[i].http?.paths?.[j].backend ?? {}
    return `${b.serviceName ?? ''}:${b.servicePort ?? 0} (${paths[i][j]})`
  }
  return printIngress(dctx, ingress, events, {defaultBackend, pathBackend, noRules: '*\t* \t<default>\n'})
}

export const describeIngress: Describer = async (dctx, obj) => {
  const namespace = obj.metadata?.namespace ?? ''
  const name = obj.metadata?.name ?? ''
  let v1: Ingress<BackendV1>
  try {
    v1 = await getIngress<BackendV1>(dctx, 'v1', namespace, name)
  } catch {
    return describeIngressV1beta1(dctx, await getIngress<BackendV1beta1>(dctx, 'v1beta1', namespace, name))
  }
  return describeIngressV1(dctx, v1)
}
