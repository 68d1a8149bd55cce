// `ktl logs POD | TYPE/NAME | -l SELECTOR`: kubectl's logs. Each container's log is a streamed GET of
// pods/NAME/log, written to stdout line by line as it arrives (never the whole body first).
import type {Readable} from 'node:stream'
import type {Ctx} from '../context.js'
import {CliError, StatusError, usageError} from '../errors.js'
import type {LogSource, Pod} from '../logs/pods.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'

export interface LogsOptions {
  args: string[]
  /** -c; undefined when not given. */
  container?: string
  follow: boolean
  previous: boolean
  timestamps: boolean
  allContainers: boolean
  /** --all-pods: every pod of a TYPE/NAME rather than the first; implies --prefix. */
  allPods: boolean
  prefix: boolean
  ignoreErrors: boolean
  insecureSkipTLSVerifyBackend: boolean
  selector?: string
  /** --since in milliseconds. */
  sinceMs?: number
  sinceTime?: string
  /** Undefined when not given: a selector then reads the last 10 lines. */
  tail?: number
  limitBytes?: number
  maxLogRequests?: number
  podRunningTimeoutMs?: number
}

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"
const SELECTOR_TAIL = 10

function logsUsage(message: string): CliError {
  return usageError(`${message}\nSee 'ktl logs -h' for help and examples`)
}

export async function runLogs(ctx: Ctx, opts: LogsOptions): Promise<void> {
  const tail = opts.tail ?? -1
  const limitBytes = opts.limitBytes ?? 0
  const maxLogRequests = opts.maxLogRequests ?? 5
  const sinceMs = opts.sinceMs ?? 0
  const podTimeoutMs = opts.podRunningTimeoutMs ?? 20_000
  const selector = opts.selector ?? ''

  // kubectl's Complete: arguments, then the timeout, then --since-time, then the object.
  let resourceArg = ''
  let container = opts.container ?? ''
  if (opts.args.length === 0) {
    if (selector === '') throw logsUsage(USAGE)
  } else if (opts.args.length === 1) {
    resourceArg = opts.args[0]
    if (selector !== '') throw logsUsage('only a selector (-l) or a POD name is allowed')
  } else if (opts.args.length === 2) {
    resourceArg = opts.args[0]
    container = opts.args[1]
  } else {
    throw logsUsage(USAGE)
  }
  if (podTimeoutMs <= 0) throw usageError('--pod-running-timeout must be higher than zero')
  let sinceTime: string | undefined
  if (opts.sinceTime) {
    const {parseSinceTime} = await import('../logs/since-time.js')
    sinceTime = parseSinceTime(opts.sinceTime)
  }
  const namespace = await ctx.namespace()
  const target = await findTarget(ctx, namespace, resourceArg, selector)

  // kubectl's Validate.
  if (sinceTime !== undefined && sinceMs !== 0) throw usageError('at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (opts.allContainers && container !== '') throw usageError(`--all-containers=true should not be specified with container name ${container}`)
  if (opts.container !== undefined && opts.args.length === 2) throw usageError('only one of -c or an inline [CONTAINER] arg is allowed')
  if (limitBytes < 0) throw usageError('--limit-bytes must be greater than 0')
  const sinceSeconds = sinceMs === 0 ? undefined : Math.sign(sinceMs) * Math.round(Math.abs(sinceMs) / 1000)
  if (sinceSeconds !== undefined && sinceSeconds < 0) throw usageError('--since must be greater than 0')
  if (tail < -1) throw usageError('--tail must be greater than or equal to -1')

  const tailLines = selector !== '' && tail === -1 && opts.tail === undefined ? SELECTOR_TAIL : tail !== -1 ? tail : undefined
  const query = {
    follow: opts.follow || undefined,
    previous: opts.previous || undefined,
    timestamps: opts.timestamps || undefined,
    insecureSkipTLSVerifyBackend: opts.insecureSkipTLSVerifyBackend || undefined,
    sinceSeconds,
    sinceTime,
    tailLines,
    limitBytes: limitBytes !== 0 ? limitBytes : undefined,
  }

  const {allPods, firstPod, podSelectorFor, podSources} = await import('../logs/pods.js')
  let pods = target.pods ?? [target.object as Pod]
  if (!target.pods && (target.object.kind !== 'Pod' || target.group !== '')) {
    const obj = target.object
    const {isBuiltinGroup} = await import('../validate/schema-set.js')
    const podSelector = podSelectorFor(obj, isBuiltinGroup(target.group))
    const podNamespace = obj.metadata?.namespace ?? namespace
    if (opts.allPods) {
      pods = await allPods(ctx, podNamespace, podSelector, podTimeoutMs)
    } else {
      const found = await firstPod(ctx, podNamespace, podSelector, podTimeoutMs)
      if (found.count > 1) ctx.io.err.write(`Found ${found.count} pods, using pod/${found.pod.metadata?.name}\n`)
      pods = [found.pod]
    }
  }
  const sources: LogSource[] = pods.flatMap((pod) => podSources(ctx, pod, container, opts.allContainers, !opts.allPods))
  const prefix = opts.prefix || opts.allPods

  const streamOne = (source: LogSource, write: (text: string) => void, signal?: AbortSignal) => streamLog(ctx, source, query, write, signal)
  if (opts.follow && sources.length > 1) {
    if (sources.length > maxLogRequests) {
      throw usageError(
        `you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${maxLogRequests}, use --max-log-requests to increase the limit`,
      )
    }
    return followAll(ctx, sources, {...opts, prefix}, streamOne)
  }
  for (const source of sources) {
    try {
      await streamOne(source, writerFor(ctx, source, prefix))
    } catch (err) {
      if (!opts.ignoreErrors) throw err
      ctx.io.out.write(`error: ${goErrorText(err)}\n`)
    }
  }
}

interface Target {
  /** The pods a selector matched (kubectl lists them; none is not an error). */
  pods?: Pod[]
  object: KubeObject
  group: string
}

/** kubectl's builder with ResourceNames("pods", arg) or ResourceTypes("pods") and the selector. */
async function findTarget(ctx: Ctx, namespace: string, resourceArg: string, selector: string): Promise<Target> {
  const client = await ctx.client()
  const {resourcePath} = await import('../resources/paths.js')
  const discovery = await ctx.discovery()
  if (selector !== '') {
    const pods = await discovery.resolve('pods')
    let data: ObjectList<Pod>
    try {
      ;({data} = await client.request<ObjectList<Pod>>({path: resourcePath(pods, namespace), query: {labelSelector: selector}, resource: {resource: 'pods'}}))
    } catch (err) {
      if (!(err instanceof StatusError) || (err.code !== 400 && err.code !== 404)) throw err
      const {selectorListError} = await import('../resources/list-error.js')
      throw selectorListError(err, pods, selector)
    }
    if (data.items.length === 0) ctx.io.err.write(`No resources found in ${namespace} namespace.\n`)
    return {pods: data.items.map((p) => ({...p, metadata: {namespace, ...p.metadata}})), object: {kind: 'PodList'}, group: ''}
  }
  const slash = resourceArg.indexOf('/')
  const [type, name] = slash < 0 ? ['pods', resourceArg] : [resourceArg.slice(0, slash), resourceArg.slice(slash + 1)]
  if (name === '') throw usageError(`arguments in resource/name form must have a single resource and name`)
  const resource = await discovery.resolve(type)
  const path = resourcePath(resource, namespace, name)
  try {
    const {data} = await client.request<KubeObject>({path, resource: {group: resource.group, resource: resource.name, name}})
    return {object: data, group: resource.group}
  } catch (err) {
    if (!(err instanceof StatusError) || err.code !== 404) throw err
    const {explainNotFound} = await import('../resources/missing-namespace.js')
    const status = (await explainNotFound(client, resource.namespaced ? namespace : undefined, err)).status
    throw new CliError(`error: error from server (NotFound): ${status.message ?? ''} in namespace "${namespace}"`)
  }
}

/** What Go's err.Error() says: a Status's message, or ktl's text without kubectl's "error: ". */
function goErrorText(err: unknown): string {
  if (err instanceof StatusError) return err.status.message ?? ''
  return err instanceof Error ? err.message.replace(/^error: /, '') : String(err)
}

/** stdout, or stdout with `[pod/NAME/CONTAINER] ` before every line when --prefix is set. */
function writerFor(ctx: Ctx, source: LogSource, prefix: boolean): (text: string) => void {
  if (!prefix) return (text) => ctx.io.out.write(text)
  const head = `[pod/${source.pod}/${source.container}] `
  return (text) => ctx.io.out.write(head + text)
}

/** One container's log, each line written as soon as it is complete; a last line without \n at the end. */
async function streamLog(
  ctx: Ctx,
  source: LogSource,
  query: Record<string, string | number | boolean | undefined>,
  write: (text: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const client = await ctx.client()
  const path = `/api/v1/namespaces/${encodeURIComponent(source.namespace)}/pods/${encodeURIComponent(source.pod)}/log`
  const {data} = await client.stream({path, query: {container: source.container, ...query}, signal, resource: {resource: 'pods', name: source.pod}})
  await forEachLine(data, write)
}

async function forEachLine(stream: Readable, write: (line: string) => void): Promise<void> {
  let pending = Buffer.alloc(0)
  try {
    for await (const chunk of stream) {
      pending = pending.length === 0 ? Buffer.from(chunk as Buffer) : Buffer.concat([pending, chunk as Buffer])
      let start = 0
      let nl: number
      while ((nl = pending.indexOf(10, start)) >= 0) {
        write(pending.subarray(start, nl + 1).toString('utf8'))
        start = nl + 1
      }
      pending = pending.subarray(start)
    }
  } finally {
    stream.destroy()
  }
  if (pending.length > 0) write(pending.toString('utf8'))
}

/** -f over several containers: all streams at once, lines interleaved as they come; the first failure ends all unless --ignore-errors. */
async function followAll(
  ctx: Ctx,
  sources: LogSource[],
  opts: LogsOptions,
  streamOne: (source: LogSource, write: (text: string) => void, signal?: AbortSignal) => Promise<void>,
): Promise<void> {
  const abort = new AbortController()
  const all = sources.map(async (source) => {
    try {
      await streamOne(source, writerFor(ctx, source, opts.prefix), abort.signal)
    } catch (err) {
      if (abort.signal.aborted) return
      if (!opts.ignoreErrors) {
        abort.abort(err)
        throw err
      }
      ctx.io.out.write(`error: ${goErrorText(err)}\n`)
    }
  })
  try {
    await Promise.all(all)
  } finally {
    abort.abort()
  }
}
