// `ktl describe`: kubectl's describe command. The builder turns TYPE [NAME...], TYPE/NAME and -l into
// objects (fetched as they are served), each is printed by its kind's describer, and kubectl's rules
// for what went wrong apply: errors are collected and printed after everything that could be
// described, and a single NotFound for `describe TYPE NAME` falls back to describing every object
// whose name starts with NAME.
import type {Ctx} from '../context.js'
import type {DescribeContext, DescriberSettings} from '../describe/registry.js'
import type {APIResource} from '../discovery/types.js'
import {AggregateCliError, CliError, isNotFound, StatusError, usageError} from '../errors.js'
import {buildVisits, type Visit} from '../resources/builder.js'
import {explainNotFound} from '../resources/missing-namespace.js'
import type {KubeObject} from '../resources/objects.js'
import {apiVersion, resourcePath} from '../resources/paths.js'
import {listAllItems} from '../resources/pager.js'

export interface DescribeOptions {
  /** TYPE [NAME_PREFIX], TYPE NAME..., TYPE/NAME... */
  args: string[]
  /** -f: describe the objects these manifests name. */
  filenames?: string[]
  /** -R */
  recursive?: boolean
  /** -l: label selector for lists. */
  selector?: string
  allNamespaces: boolean
  /** --show-events (kubectl's default: true). */
  showEvents: boolean
  /** --chunk-size (kubectl's default: 500; 0 disables paging). */
  chunkSize: number
  /** What ages are measured against (milliseconds since the epoch); the current time by default. */
  now?: number
}

interface Info {
  resource: APIResource
  object: KubeObject
}

export async function runDescribe(ctx: Ctx, opts: DescribeOptions): Promise<void> {
  const fromFiles = (opts.filenames ?? []).length > 0
  if (opts.args.length === 0 && !fromFiles) {
    throw usageError('You must specify the type of resource to describe. Use "ktl api-resources" for a complete list of supported resources.')
  }
  const {visits, failures} = await buildVisits(ctx, {
    args: opts.args,
    allNamespaces: opts.allNamespaces,
    verb: 'describe',
    filenames: opts.filenames,
    recursive: opts.recursive,
    selector: opts.selector,
  })
  if (opts.selector && !fromFiles && visits.some((v) => v.name !== undefined)) throw usageError('name cannot be provided when a selector is specified')
  const settings: DescriberSettings = {showEvents: opts.showEvents, chunkSize: opts.chunkSize}
  const now = opts.now ?? Date.now()

  const infos: Info[] = []
  // kubectl maps every -f document before describing any: the documents that name no served type come first.
  const errors: CliError[] = failures.map((f) => f.error)
  for (const visit of visits) {
    try {
      infos.push(...(await fetchVisit(ctx, visit, opts.selector, settings.chunkSize, fromFiles)))
    } catch (err) {
      errors.push(asCliError(err))
    }
  }
  if (errors.length === 1 && isNotFound(errors[0]) && opts.args.length === 2) {
    return describeMatching(ctx, errors[0], opts.args[0], opts.args[1], settings, now)
  }

  const seen = new Set(errors.map((e) => e.message))
  let first = true
  for (const info of infos) {
    let text: string
    try {
      text = await describeOne(ctx, info, settings, now)
    } catch (err) {
      const error = asCliError(err)
      if (!seen.has(error.message)) errors.push(error)
      seen.add(error.message)
      continue
    }
    ctx.io.out.write(first ? text : `\n\n${text}`)
    first = false
  }
  if (infos.length === 0 && errors.length === 0) {
    ctx.io.err.write(opts.allNamespaces ? 'No resources found\n' : `No resources found in ${await ctx.namespace()} namespace.\n`)
  }
  throwCollected(errors)
}

/** kubectl's DescribeMatchingResources: every object of TYPE whose name starts with the prefix, or the NotFound. */
async function describeMatching(ctx: Ctx, notFound: CliError, typeArg: string, prefix: string, settings: DescriberSettings, now: number): Promise<void> {
  const {visits} = await buildVisits(ctx, {args: [typeArg], allNamespaces: false, verb: 'describe'})
  if (new Set(visits.map((v) => `${v.resource.group}/${v.resource.name}`)).size > 1) throw usageError('you may only specify a single resource type')
  const infos: Info[] = []
  for (const visit of visits) infos.push(...(await fetchVisit(ctx, visit, undefined, settings.chunkSize)))
  let found = false
  for (const info of infos) {
    if (!(info.object.metadata?.name ?? '').startsWith(prefix)) continue
    found = true
    ctx.io.out.write(`${await describeOne(ctx, info, settings, now)}\n`)
  }
  if (!found) throw notFound
}

async function describeOne(ctx: Ctx, info: Info, settings: DescriberSettings, now: number): Promise<string> {
  const {describerFor} = await import('../describe/registry.js')
  const describer = await describerFor(info.resource.group, info.resource.kind)
  const dctx: DescribeContext = {ctx, settings, resource: info.resource, now}
  return describer(dctx, info.object)
}

/** The objects one visit stands for: the named object, or every item of the list (paged). */
async function fetchVisit(ctx: Ctx, visit: Visit, selector: string | undefined, chunkSize: number, fromFile = false): Promise<Info[]> {
  const client = await ctx.client()
  const {resource} = visit
  const groupResource = {group: resource.group, resource: resource.name, name: visit.name}
  if (visit.name === '') throw new CliError('error: resource name may not be empty')
  if (visit.name !== undefined) {
    try {
      const res = await client.request<KubeObject>({path: resourcePath(resource, visit.namespace, visit.name), resource: groupResource})
      return [{resource, object: res.data}]
    } catch (err) {
      // kubectl's builder names a missing namespace; its describers, which read -f objects, do not.
      if (err instanceof StatusError && err.code === 404 && resource.namespaced && !fromFile) throw await explainNotFound(client, visit.namespace, err)
      throw err
    }
  }
  const request = {path: resourcePath(resource, visit.namespace), query: selector ? {labelSelector: selector} : {}, resource: groupResource}
  const items = await listAllItems<KubeObject>(client, request, chunkSize)
  // List items of built-in types come without apiVersion and kind; kubectl describes each as fetched alone.
  return items.map((item) => ({resource, object: {apiVersion: apiVersion(resource), kind: resource.kind, ...item}}))
}

function asCliError(err: unknown): CliError {
  if (err instanceof CliError) return err
  return new CliError(`error: ${err instanceof Error ? err.message : String(err)}`)
}

function throwCollected(errors: CliError[]): void {
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new AggregateCliError(errors.flatMap((e) => (e instanceof AggregateCliError ? e.errors : [e])))
}
