// `ktl top pod` and `ktl top node`: usage from the Metrics API (metrics.k8s.io/v1beta1), printed as
// kubectl's metrics printer does; kubectl's "Metrics API not available" when the server has none.
import type {Ctx} from '../context.js'
import {CliError, usageError} from '../errors.js'
import {type Nanos, parseQuantity, quantityMilliValue, quantityValue} from '../describe/quantity.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {goSortSlice} from '../go/sort.js'

const METRICS = '/apis/metrics.k8s.io/v1beta1'
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000

type Usage = Record<string, string | undefined>

interface PodMetrics extends KubeObject {
  containers?: Array<{name: string; usage?: Usage}>
}

interface NodeMetrics extends KubeObject {
  usage?: Usage
}

interface Node extends KubeObject {
  status?: {allocatable?: Usage; capacity?: Usage}
}

export interface TopPodOptions {
  args: string[]
  allNamespaces: boolean
  containers: boolean
  fieldSelector?: string
  selector?: string
  noHeaders: boolean
  sortBy?: string
  sum: boolean
}

export interface TopNodeOptions {
  args: string[]
  selector?: string
  noHeaders: boolean
  sortBy?: string
  showCapacity: boolean
}

function checkSortBy(sortBy: string | undefined): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw usageError('--sort-by accepts only cpu or memory')
}

/** SupportedMetricsAPIVersionAvailable: the server lists metrics.k8s.io at v1beta1. */
async function requireMetricsAPI(ctx: Ctx): Promise<void> {
  const groups = await (await ctx.discovery()).groups()
  if (!groups.some((g) => g.name === 'metrics.k8s.io' && g.versions.includes('v1beta1'))) throw usageError('Metrics API not available')
}

const quantity = (text: string | undefined): Nanos => parseQuantity(text ?? '0') ?? 0n
const cpuOf = (u: Usage | undefined) => quantityMilliValue(quantity(u?.cpu))
const memoryOf = (u: Usage | undefined) => quantityValue(quantity(u?.memory))

/** printAllResourceUsages: `Nm` and `NMi`, each followed by its percentage of `available` when known. */
function usageCells(usage: Usage | undefined, available?: Usage): string[] {
  const cells: string[] = []
  for (const res of ['cpu', 'memory'] as const) {
    const q = quantity(usage?.[res])
    cells.push(res === 'cpu' ? `${quantityMilliValue(q)}m` : `${quantityValue(q) / (1024n * 1024n)}Mi`)
    const total = available?.[res]
    if (total !== undefined) {
      const fraction = (Number(quantityMilliValue(q)) / Number(quantityMilliValue(quantity(total)))) * 100
      // Go's int64() of the float: truncation, and amd64's minimum for NaN and infinities.
      cells.push(`${Number.isFinite(fraction) ? Math.trunc(fraction) : '-9223372036854775808'}%`)
    }
  }
  return cells
}

/** kubectl's metrics tables end every cell, the last too, with a tab: the tabwriter pads them all. */
async function printRows(ctx: Ctx, rows: string[][]): Promise<void> {
  const {TabWriter} = await import('../printers/columns.js')
  const w = new TabWriter(ctx.io.out)
  for (const row of rows) w.write(`${row.map((c) => `${c}\t`).join('')}\n`)
  w.flush()
}

/** kubectl's sort.Sort by Less (not stable: ties land where Go's pdqsort puts them), on a copy. */
function sortBy<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return goSortSlice([...items], less)
}

function podTotal(m: PodMetrics): Usage {
  let cpu = 0n
  let memory = 0n
  for (const c of m.containers ?? []) {
    cpu += quantity(c.usage?.cpu)
    memory += quantity(c.usage?.memory)
  }
  return {cpu: `${cpu}n`, memory: `${memory}n`}
}

export async function runTopPod(ctx: Ctx, opts: TopPodOptions): Promise<void> {
  if (opts.args.length > 1) throw usageError("pod [NAME | -l label]\nSee 'ktl top pod -h' for help and examples")
  const name = opts.args[0] ?? ''
  checkSortBy(opts.sortBy)
  if (name !== '' && (opts.selector || opts.fieldSelector)) throw usageError('only one of NAME or selector can be provided')
  await requireMetricsAPI(ctx)
  const namespace = await ctx.namespace()
  const client = await ctx.client()
  const scope = opts.allNamespaces ? '' : `/namespaces/${encodeURIComponent(namespace)}`
  const query = {labelSelector: opts.selector || undefined, fieldSelector: opts.fieldSelector || undefined}
  let metrics: PodMetrics[]
  if (name !== '') {
    const {data} = await client.request<PodMetrics>({path: `${METRICS}${scope}/pods/${encodeURIComponent(name)}`, resource: {group: 'metrics.k8s.io', resource: 'pods', name}})
    metrics = [data]
  } else {
    const {data} = await client.request<ObjectList<PodMetrics>>({path: `${METRICS}${scope}/pods`, query, resource: {group: 'metrics.k8s.io', resource: 'pods'}})
    metrics = data.items
  }
  if (metrics.length === 0) {
    await verifyEmptyMetrics(ctx, namespace, name, query)
    ctx.io.err.write(opts.allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`)
    return
  }

  const byUsage = (key: 'cpu' | 'memory') => (u: Usage) => (key === 'cpu' ? cpuOf(u) : memoryOf(u))
  const sorted = sortBy(metrics, (a, b) => {
    if (opts.sortBy) return byUsage(opts.sortBy as 'cpu' | 'memory')(podTotal(a)) > byUsage(opts.sortBy as 'cpu' | 'memory')(podTotal(b))
    const [na, nb] = [a.metadata?.namespace ?? '', b.metadata?.namespace ?? '']
    if (opts.allNamespaces && na !== nb) return na < nb
    return (a.metadata?.name ?? '') < (b.metadata?.name ?? '')
  })
  const rows: string[][] = []
  if (!opts.noHeaders) rows.push([...(opts.allNamespaces ? ['NAMESPACE'] : []), ...(opts.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'])
  const ns = (m: PodMetrics) => (opts.allNamespaces ? [m.metadata?.namespace ?? ''] : [])
  for (const m of sorted) {
    if (opts.containers) {
      const containers = sortBy(m.containers ?? [], (a, b) => (opts.sortBy ? byUsage(opts.sortBy as 'cpu' | 'memory')(a.usage ?? {}) > byUsage(opts.sortBy as 'cpu' | 'memory')(b.usage ?? {}) : a.name < b.name))
      for (const c of containers) rows.push([...ns(m), m.metadata?.name ?? '', c.name, ...usageCells(c.usage)])
    } else {
      rows.push([...ns(m), m.metadata?.name ?? '', ...usageCells(podTotal(m))])
    }
  }
  if (opts.sum) {
    const columns = 3 + (opts.allNamespaces ? 1 : 0) + (opts.containers ? 1 : 0)
    const blank = Array<string>(columns - 2).fill('')
    const total = podTotalOf(metrics)
    rows.push([...blank, '________', '________'], [...blank, ...usageCells(total)])
  }
  await printRows(ctx, rows)
}

function podTotalOf(metrics: PodMetrics[]): Usage {
  return podTotal({containers: metrics.flatMap((m) => m.containers ?? [])})
}

/** Why a pod has no metrics: too new (then just nothing to show), or kubectl's message for an older one. */
async function verifyEmptyMetrics(ctx: Ctx, namespace: string, name: string, query: Record<string, string | undefined>): Promise<void> {
  const client = await ctx.client()
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`
  const pods =
    name !== ''
      ? [(await client.request<KubeObject>({path: `${path}/${encodeURIComponent(name)}`, resource: {resource: 'pods', name}})).data]
      : (await client.request<ObjectList>({path, query, resource: {resource: 'pods'}})).data.items
  if (name === '' && pods.length === 0) return
  for (const pod of pods) {
    const ageMs = Date.now() - Date.parse(pod.metadata?.creationTimestamp ?? '')
    if (ageMs > METRICS_CREATION_DELAY_MS) {
      const {goDuration} = await import('../client/duration.js')
      throw new CliError(`error: Metrics not available for pod ${pod.metadata?.namespace}/${pod.metadata?.name}, age: ${goDuration(ageMs)}`)
    }
  }
  throw new CliError('error: metrics not available yet')
}

export async function runTopNode(ctx: Ctx, opts: TopNodeOptions): Promise<void> {
  if (opts.args.length > 1) throw usageError("node [NAME | -l label]\nSee 'ktl top node -h' for help and examples")
  const name = opts.args[0] ?? ''
  checkSortBy(opts.sortBy)
  if (name !== '' && opts.selector) throw usageError('only one of NAME or --selector can be provided')
  await requireMetricsAPI(ctx)
  const client = await ctx.client()
  const query = {labelSelector: opts.selector || undefined}
  const metrics =
    name !== ''
      ? [(await client.request<NodeMetrics>({path: `${METRICS}/nodes/${encodeURIComponent(name)}`, resource: {group: 'metrics.k8s.io', resource: 'nodes', name}})).data]
      : (await client.request<ObjectList<NodeMetrics>>({path: `${METRICS}/nodes`, query, resource: {group: 'metrics.k8s.io', resource: 'nodes'}})).data.items
  if (metrics.length === 0) throw new CliError('error: metrics not available yet')
  const nodes =
    name !== ''
      ? [(await client.request<Node>({path: `/api/v1/nodes/${encodeURIComponent(name)}`, resource: {resource: 'nodes', name}})).data]
      : (await client.request<ObjectList<Node>>({path: '/api/v1/nodes', query, resource: {resource: 'nodes'}})).data.items
  const available = new Map<string, Usage>()
  for (const n of nodes) available.set(n.metadata?.name ?? '', (opts.showCapacity ? n.status?.capacity : n.status?.allocatable) ?? {})

  const sorted = sortBy(metrics, (a, b) => {
    if (opts.sortBy === 'cpu') return cpuOf(a.usage) > cpuOf(b.usage)
    if (opts.sortBy === 'memory') return memoryOf(a.usage) > memoryOf(b.usage)
    return (a.metadata?.name ?? '') < (b.metadata?.name ?? '')
  })
  const rows: string[][] = []
  if (!opts.noHeaders) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'])
  for (const m of sorted) {
    const nodeName = m.metadata?.name ?? ''
    rows.push([nodeName, ...usageCells(m.usage, available.get(nodeName))])
    available.delete(nodeName)
  }
  // Nodes the Metrics API has nothing for (kubectl lists them in map order; ktl in the nodes' order).
  for (const nodeName of available.keys()) rows.push([nodeName, '<unknown>', '<unknown>', '<unknown>', '<unknown>'])
  await printRows(ctx, rows)
}
