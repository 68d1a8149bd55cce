// Which pod a TYPE/NAME stands for, and which containers of a pod to read: kubectl's
// polymorphichelpers (SelectorsForObject, GetFirstPod with podutils.ByLogging, logsForObject).
import type {Ctx} from '../context.js'
import {CliError} from '../errors.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {labelSelectorString, type LabelSelector} from '../describe/format.js'
import {goQuote} from '../go/quote.js'
import {listAndWatch} from '../resources/list-watch.js'

export interface Container {
  name: string
}

export interface Pod extends KubeObject {
  spec?: {nodeName?: string; containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[]}
  status?: {
    phase?: string
    conditions?: Array<{type: string; status: string; lastTransitionTime?: string}>
    containerStatuses?: Array<{restartCount?: number}>
    initContainerStatuses?: Array<{restartCount?: number}>
  }
}

/** One log stream to read: a container of a pod. */
export interface LogSource {
  namespace: string
  pod: string
  container: string
}

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** podcmd.AllContainerNames: containers, then ephemeral "(ephem)", then init "(init)". */
function allContainerNames(pod: Pod): string {
  const spec = pod.spec ?? {}
  return [
    ...(spec.containers ?? []).map((c) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ')
}

function hasContainer(pod: Pod, name: string): boolean {
  const spec = pod.spec ?? {}
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].some((c) => c.name === name)
}

/**
 * The containers to read in `pod`: every one with --all-containers (init, regular, ephemeral; kubectl
 * reads them in map order, ktl in this order), else the named one, the annotated default, or the
 * first, saying on stderr which it chose as kubectl does (not with --all-pods).
 */
export function podSources(ctx: Ctx, pod: Pod, container: string, allContainers: boolean, sayDefaulted = true): LogSource[] {
  const namespace = pod.metadata?.namespace ?? ''
  const name = pod.metadata?.name ?? ''
  const spec = pod.spec ?? {}
  if (allContainers) {
    return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => ({namespace, pod: name, container: c.name}))
  }
  let chosen = container
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  if (chosen === '' && annotated) {
    if (hasContainer(pod, annotated)) chosen = annotated
    else ctx.io.err.write(`Default container name ${goQuote(annotated)} not found in pod ${name}\n`)
  }
  if (chosen === '') {
    chosen = spec.containers?.[0]?.name ?? ''
    const several = (spec.containers?.length ?? 0) > 1 || (spec.initContainers?.length ?? 0) > 0 || (spec.ephemeralContainers?.length ?? 0) > 0
    // With --all-pods kubectl does not say which container it defaulted to.
    if (several && sayDefaulted) {
      ctx.io.err.write(`Defaulted container ${goQuote(chosen)} out of: ${allContainerNames(pod)}\n`)
    }
  }
  if (!hasContainer(pod, chosen)) throw new CliError(`error: container ${chosen} is not valid for pod ${name}`)
  return [{namespace, pod: name, container: chosen}]
}

interface Workload extends KubeObject {
  spec?: {selector?: LabelSelector | Record<string, string> | null}
}

/** The Go type kubectl names in messages: *v1.ConfigMap for built-in kinds, unstructured otherwise. */
function goTypeName(obj: KubeObject, builtin: boolean): string {
  if (!builtin) return '*unstructured.Unstructured'
  const version = (obj.apiVersion ?? '').split('/').pop()
  return `*${version}.${obj.kind}`
}

function setSelector(set: Record<string, string>): string {
  return Object.keys(set)
    .sort()
    .map((k) => `${k}=${set[k]}`)
    .join(',')
}

/** SelectorsForObject: the label selector of the pods an object manages or routes to. */
export function podSelectorFor(obj: Workload, builtin: boolean): string {
  const group = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/')[0] : ''
  const kind = obj.kind ?? ''
  const fail = (why: string) => new CliError(`error: cannot get the logs from ${goTypeName(obj, builtin)}: ${why}`)
  if (builtin && group === '' && kind === 'ReplicationController') return setSelector((obj.spec?.selector as Record<string, string>) ?? {})
  if (builtin && group === '' && kind === 'Service') {
    const selector = (obj.spec?.selector as Record<string, string> | null | undefined) ?? {}
    if (Object.keys(selector).length === 0) throw fail(`invalid service '${obj.metadata?.name}': Service is defined without a selector`)
    return setSelector(selector)
  }
  const workloads: Record<string, string[]> = {
    apps: ['ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet'],
    extensions: ['ReplicaSet', 'Deployment', 'DaemonSet'],
    batch: ['Job'],
  }
  if (builtin && workloads[group]?.includes(kind)) {
    try {
      return labelSelectorString(obj.spec?.selector as LabelSelector)
    } catch (err) {
      throw fail(`invalid label selector: ${(err as Error).message}`)
    }
  }
  const type = goTypeName(obj, builtin)
  throw fail(`selector for ${type} not implemented`)
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

function readyTime(pod: Pod): number {
  const t = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime
  return t ? Date.parse(t) : 0
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
}

/** t1 after t2, where a zero time counts as after everything (podutils' afterOrZero). */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0
  return t1 > t2
}

const PHASE_RANK: Record<string, number> = {Running: 0, Unknown: 1, Pending: 2}

/** podutils.ByLogging: the pod whose logs are most worth reading first. */
function byLogging(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (na === '' || nb === '')) return na !== ''
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (podReady(a) !== podReady(b)) return podReady(a)
  if (podReady(a) && podReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a))
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b)
  const ca = Date.parse(a.metadata?.creationTimestamp ?? '') || 0
  const cb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0
  if (ca !== cb) return afterOrZero(cb, ca)
  return false
}

/**
 * GetFirstPod: the best pod the selector matches now, or the first one to appear within `timeoutMs`
 * (`timed out waiting for the condition` when none does). Also how many matched.
 */
export async function firstPod(ctx: Ctx, namespace: string, selector: string, timeoutMs: number): Promise<{pod: Pod; count: number}> {
  const pods = await allPods(ctx, namespace, selector, timeoutMs)
  const sorted = [...pods].sort((a, b) => (byLogging(a, b) ? -1 : byLogging(b, a) ? 1 : 0))
  return {pod: sorted[0], count: pods.length}
}

/**
 * --all-pods: every pod the selector matches now, in the server's order (kubectl's is random); when
 * there are none, the first to be added or modified within `timeoutMs`, as GetFirstPod waits. kubectl
 * gives up when the server ends that watch; ktl resumes it, as its other watches do.
 */
export async function allPods(ctx: Ctx, namespace: string, selector: string, timeoutMs: number): Promise<Pod[]> {
  const client = await ctx.client()
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`
  const query = {labelSelector: selector}
  const resource = {resource: 'pods'}
  let pods: Pod[] = []
  const end = await listAndWatch<Pod>({
    client,
    path,
    query,
    resource,
    async list(_relist, signal) {
      const {data} = await client.request<ObjectList<Pod>>({path, query, resource, signal})
      pods = data.items
      return data.metadata?.resourceVersion
    },
    onEvent(event) {
      if (event.type !== 'DELETED') pods = [event.object]
    },
    done: () => pods.length > 0,
    deadline: Date.now() + timeoutMs,
  })
  if (end !== 'done') throw new CliError('error: timed out waiting for the condition')
  return pods
}
