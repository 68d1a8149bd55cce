// `ktl cluster-info`: where the control plane and the cluster's add-on services answer.
import type {Ctx} from '../context.js'

interface ServicePort {
  name?: string
  port: number
}

interface Service {
  metadata: {name: string; namespace: string; labels?: Record<string, string>}
  spec?: {ports?: ServicePort[]}
  status?: {loadBalancer?: {ingress?: Array<{ip?: string; hostname?: string}>}}
}

export async function runClusterInfo(ctx: Ctx): Promise<void> {
  const client = await ctx.client()
  const namespace = ctx.overrides.namespace ?? 'kube-system'
  const list = await client.request<{items: Service[]}>({
    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`,
    query: {labelSelector: 'kubernetes.io/cluster-service=true'},
  })
  const line = (name: string, link: string) => `${name} is running at ${link}\n`
  let text = line('Kubernetes control plane', client.server)
  for (const service of list.data.items) {
    text += line(service.metadata.labels?.['kubernetes.io/name'] || service.metadata.name, serviceLink(client.server, service))
  }
  ctx.io.out.write(text)
}

function serviceLink(server: string, service: Service): string {
  const ingress = service.status?.loadBalancer?.ingress?.[0]
  if (ingress) {
    const ip = ingress.ip || ingress.hostname || ''
    return (service.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('')
  }
  let name = service.metadata.name
  const port = service.spec?.ports?.[0]
  if (port) {
    // The proxy path names <scheme>:<service>:<port-name>; https is guessed from the port, as kubectl does.
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name
  }
  return `${server}/api/v1/namespaces/${service.metadata.namespace}/services/${name}/proxy`
}
