// `describe node`, laid out as kubectl's NodeDescriber lays it out: the node, its lease, and the
// requests and limits of the pods running on it, summed the way kubectl sums them.
import {StatusError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {errorText, eventReference, eventsFor, listAll} from './fetch.js'
import {goSortSlice} from '../go/sort.js'
import {type Nanos, parseQuantity, quantityMilliValue, quantityValue} from './quantity.js'
import type {Describer, DescribeContext} from './registry.js'
import {
  type CoreEvent,
  describeEvents,
  formatRFC1123Z,
  LEVEL_0,
  LEVEL_1,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTerminating,
  tabbedString,
  translateTimestampSince,
} from './writer.js'

type ResourceList = Record<string, string>

interface Node extends KubeObject {
  spec?: {
    podCIDR?: string
    podCIDRs?: string[] | null
    providerID?: string
    unschedulable?: boolean
    taints?: Array<{key?: string; value?: string; effect?: string}> | null
  }
  status?: {
    capacity?: ResourceList
    allocatable?: ResourceList
    conditions?: Array<{type?: string; status?: string; lastHeartbeatTime?: string | null; lastTransitionTime?: string | null; reason?: string; message?: string}> | null
    addresses?: Array<{type?: string; address?: string}> | null
    nodeInfo?: Record<string, string | undefined>
  }
}

interface Container {
  restartPolicy?: string
  resources?: {requests?: ResourceList; limits?: ResourceList}
}

interface Pod extends KubeObject {
  spec?: {containers?: Container[] | null; initContainers?: Container[] | null; overhead?: ResourceList | null}
}

interface Lease {
  spec?: {holderIdentity?: string | null; acquireTime?: string | null; renewTime?: string | null}
}

// ---------------------------------------------------------------------------------------------
// resource.Quantity arithmetic and printing, as describe node needs it: sums keep the format of
// their first term, and print in canonical form ("1500m", "2Gi", "1k").

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

interface Quantity {
  nanos: Nanos
  format: Format
}

function quantityOf(text: string | undefined): Quantity | undefined {
  const nanos = parseQuantity(text)
  if (nanos === undefined) return undefined
  const t = String(text).trim()
  const format: Format = /[KMGTPE]i$/.test(t) ? 'BinarySI' : /[eE][+-]?\d+$/.test(t) ? 'DecimalExponent' : 'DecimalSI'
  return {nanos, format}
}

const NANO = 1_000_000_000n
const DECIMAL_SUFFIXES: Record<number, string> = {[-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E'}
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** Quantity.String(): the canonical form; a missing quantity (Go's zero Quantity) is "0". */
function formatQuantity(q: Quantity | undefined): string {
  if (!q || q.nanos === 0n) return '0'
  const negative = q.nanos < 0n
  const abs = negative ? -q.nanos : q.nanos
  const sign = negative ? '-' : ''
  if (q.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    let value = abs / NANO
    let exponent = 0
    while (value % 1024n === 0n && exponent < BINARY_SUFFIXES.length - 1) {
      value /= 1024n
      exponent++
    }
    return `${sign}${value}${BINARY_SUFFIXES[exponent]}`
  }
  let mantissa = abs
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  const rem = ((exponent % 3) + 3) % 3
  mantissa *= 10n ** BigInt(rem)
  exponent -= rem
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`
  return `${sign}${mantissa}${DECIMAL_SUFFIXES[exponent] ?? `e${exponent}`}`
}

type Quantities = Map<string, Quantity>

/** addResourceList: each quantity added to the list's, or copied in when the list has none. */
function addResources(list: Quantities, add: ResourceList | Quantities | null | undefined): void {
  for (const [name, value] of entries(add)) {
    const have = list.get(name)
    list.set(name, have ? {nanos: have.nanos + value.nanos, format: have.format} : {...value})
  }
}

/** maxResourceList: each quantity replaces the list's when it is larger. */
function maxResources(list: Quantities, other: Quantities): void {
  for (const [name, value] of other) {
    const have = list.get(name)
    if (!have || value.nanos > have.nanos) list.set(name, {...value})
  }
}

function entries(list: ResourceList | Quantities | null | undefined): Array<[string, Quantity]> {
  if (!list) return []
  if (list instanceof Map) return [...list]
  const out: Array<[string, Quantity]> = []
  for (const [name, text] of Object.entries(list)) {
    const q = quantityOf(text)
    if (q) out.push([name, q])
  }
  return out
}

/**
 * kubectl's PodRequestsAndLimits: containers summed; init containers count by their largest need,
 * restartable (sidecar) init containers running alongside what starts after them; overhead added
 * (to limits only where a limit is set).
 */
function podRequestsAndLimits(pod: Pod): {requests: Quantities; limits: Quantities} {
  const totals = (pick: (c: Container) => ResourceList | undefined): Quantities => {
    const sum: Quantities = new Map()
    for (const c of pod.spec?.containers ?? []) addResources(sum, pick(c))
    const sidecars: Quantities = new Map()
    const init: Quantities = new Map()
    for (const c of pod.spec?.initContainers ?? []) {
      let need: Quantities
      if (c.restartPolicy === 'Always') {
        addResources(sum, pick(c))
        addResources(sidecars, pick(c))
        need = sidecars
      } else {
        need = new Map()
        addResources(need, pick(c))
        addResources(need, sidecars)
      }
      maxResources(init, need)
    }
    maxResources(sum, init)
    return sum
  }
  const requests = totals((c) => c.resources?.requests)
  const limits = totals((c) => c.resources?.limits)
  const overhead = pod.spec?.overhead
  if (overhead) {
    addResources(requests, overhead)
    for (const [name, value] of entries(overhead)) {
      const have = limits.get(name)
      if (have) limits.set(name, {nanos: have.nanos + value.nanos, format: have.format})
    }
  }
  return {requests, limits}
}

/** Go's int64(f) on amd64: truncation, and the "integer indefinite" value for NaN and overflow. */
function goInt64(f: number): string {
  if (!Number.isFinite(f) || Math.abs(f) >= 2 ** 63) return '-9223372036854775808'
  return Math.trunc(f).toFixed(0)
}

/** float64(a)/float64(b)*100 truncated, as kubectl computes each percentage. */
function percent(part: bigint, whole: bigint): string {
  return goInt64((Number(part) / Number(whole)) * 100)
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const isHugePages = (name: string) => name.startsWith('hugepages-')

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatableList = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : (node.status?.capacity ?? {})
  const allocatable: Quantities = new Map(entries(allocatableList))
  const allocated = (name: string, milli: boolean): bigint => {
    const q = allocatable.get(name)
    if (!q) return 0n
    return milli ? quantityMilliValue(q.nanos) : quantityValue(q.nanos)
  }
  const milli = (q: Quantity | undefined) => (q ? quantityMilliValue(q.nanos) : 0n)
  const value = (q: Quantity | undefined) => (q ? quantityValue(q.nanos) : 0n)
  const cell = (q: Quantity | undefined, fraction: string) => `${formatQuantity(q)} (${fraction}%)`

  const totalRequests: Quantities = new Map()
  const totalLimits: Quantities = new Map()
  for (const pod of pods) {
    const {requests, limits} = podRequestsAndLimits(pod)
    addResources(totalRequests, requests)
    addResources(totalLimits, limits)
    const cpuReq = requests.get('cpu')
    const cpuLim = limits.get('cpu')
    const memReq = requests.get('memory')
    const memLim = limits.get('memory')
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t` +
        `${cell(cpuReq, percent(milli(cpuReq), allocated('cpu', true)))}\t${cell(cpuLim, percent(milli(cpuLim), allocated('cpu', true)))}\t` +
        `${cell(memReq, percent(value(memReq), allocated('memory', false)))}\t${cell(memLim, percent(value(memLim), allocated('memory', false)))}\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    )
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  // kubectl guards these three totals against a zero allocatable (the per-pod rows above it does not).
  const fraction = (part: bigint, whole: bigint) => (whole !== 0n ? percent(part, whole) : '0')
  const row = (name: string, useMilli: boolean) => {
    const whole = allocated(name, useMilli)
    const measure = useMilli ? milli : value
    const req = totalRequests.get(name)
    const lim = totalLimits.get(name)
    w.write(LEVEL_1, `${name}\t${cell(req, fraction(measure(req), whole))}\t${cell(lim, fraction(measure(lim), whole))}\n`)
  }
  row('cpu', true)
  row('memory', false)
  row('ephemeral-storage', false)
  const names = [...allocatable.keys()]
  for (const name of names.filter(isHugePages).sort()) row(name, false)
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD_RESOURCES.has(n) && n !== 'pods').sort()) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(totalRequests.get(name))}\t${formatQuantity(totalLimits.get(name))}\n`)
  }
}

// ---------------------------------------------------------------------------------------------

const ROLE_PREFIX = 'node-role.kubernetes.io/'
const ROLE_LABEL = 'kubernetes.io/role'

function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>()
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (key === ROLE_LABEL && value !== '') {
      roles.add(value)
    }
  }
  return [...roles].sort()
}

function printTaints(w: PrefixWriter, taints: NonNullable<Node['spec']>['taints']): void {
  w.write(LEVEL_0, 'Taints:\t')
  if (!taints || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  const key = (t: {key?: string; effect?: string}) => `${t.effect ?? ''},${t.key ?? ''}`
  goSortSlice([...taints], (a, b) => key(a) < key(b)).forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.value ? `${t.key ?? ''}=${t.value}` : (t.key ?? '')}:${t.effect ?? ''}\n`)
  })
}

async function getLease(dctx: DescribeContext, name: string): Promise<Lease> {
  const client = await dctx.ctx.client()
  return (await client.request<Lease>({path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`})).data
}

/** The node's pods that have not finished, or undefined when the user may not list pods. */
async function nonTerminatedPods(dctx: DescribeContext, name: string): Promise<Pod[] | undefined> {
  try {
    return await listAll<Pod>(dctx, '/api/v1/pods', {fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`})
  } catch (err) {
    if (err instanceof StatusError && err.code === 403) return undefined
    throw err
  }
}

export const describeNode: Describer = async (dctx, obj) => {
  const node = obj as Node
  const meta = node.metadata ?? {}
  const name = meta.name ?? ''
  const pods = await nonTerminatedPods(dctx, name)
  // Controllers name a node's events by its uid, kubelets by its name: kubectl asks for both.
  const ref = eventReference(node, 'Node')
  const byUID = await eventsFor(dctx, ref)
  const byName = await eventsFor(dctx, {...ref, uid: name})
  const events: CoreEvent[] | undefined = byUID && [...byUID, ...(byName ?? [])]
  let lease: Lease | undefined
  let leaseError: unknown
  try {
    lease = await getLease(dctx, name)
  } catch (err) {
    leaseError = err
  }
  const spec = node.spec ?? {}
  const status = node.status ?? {}
  const info = status.nodeInfo ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`)
    printTerminating(w, meta, dctx.now)
    const roles = nodeRoles(meta.labels)
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`)
    printTaints(w, spec.taints)
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n')
      const time = (t: string | null | undefined) => (t ? formatRFC1123Z(t) : '<unset>')
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`)
      w.write(LEVEL_1, `AcquireTime:\t${time(lease.spec?.acquireTime)}\n`)
      w.write(LEVEL_1, `RenewTime:\t${time(lease.spec?.renewTime)}\n`)
    } else {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: ${errorText(leaseError)}\n`)
    }
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type ?? ''} \t${c.status ?? ''} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type ?? ''}:\t${a.address ?? ''}\n`)
    const printResourceList = (list: ResourceList) => {
      for (const resource of Object.keys(list).sort()) w.write(LEVEL_0, `  ${resource}:\t${formatQuantity(quantityOf(list[resource]))}\n`)
    }
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n')
      printResourceList(status.capacity!)
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n')
      printResourceList(status.allocatable!)
    }
    w.write(LEVEL_0, 'System Info:\n')
    const infoLines: Array<[string, string]> = [
      ['Machine ID', 'machineID'],
      ['System UUID', 'systemUUID'],
      ['Boot ID', 'bootID'],
      ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'],
      ['Operating System', 'operatingSystem'],
      ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'],
      ['Kubelet Version', 'kubeletVersion'],
      ['Kube-Proxy Version', 'kubeProxyVersion'],
    ]
    for (const [label, field] of infoLines) w.write(LEVEL_0, `  ${label}:\t${info[field] ?? ''}\n`)
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`)
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
    if (pods) describeNodeResource(pods, node, w, dctx.now)
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n')
    if (events) describeEvents(events, w, dctx.now)
  })
}
