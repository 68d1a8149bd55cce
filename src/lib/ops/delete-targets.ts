// Which objects `ktl delete` acts on, decided the way kubectl's resource builder decides for delete:
// first what the arguments mean (names, a selector or --all, or -f), with kubectl's errors for
// combinations that make no sense; then the objects themselves, listed or read, in kubectl's order.
import type {Ctx} from '../context.js'
import {expandCategories, parseResourceArgs, type ResourceArgs} from '../discovery/resource-args.js'
import type {APIResource} from '../discovery/types.js'
import {AggregateCliError, CliError, StatusError, usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {buildVisits, type Visit} from '../resources/builder.js'
import {selectorListError} from '../resources/list-error.js'
import {type KubeObject, listItems, type ObjectList} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'

export interface DeleteTarget {
  resource: APIResource
  /** Undefined for cluster-scoped types; '' for a namespaced object from -f under -A that names none. */
  namespace?: string
  name: string
  /** The -f source the object came from: kubectl names it in errors ("error when deleting ..."). */
  source?: string
  /** The -f object as the file holds it (scale prints it). */
  object?: KubeObject
}

/** An object to delete, or a failure met while finding objects, in the order kubectl meets them. */
export type TargetEntry = {target: DeleteTarget; error?: undefined} | {error: CliError; target?: undefined}

export interface TargetArgs {
  args: string[]
  filenames: string[]
  recursive: boolean
  selector?: string
  fieldSelector?: string
  all: boolean
  allNamespaces: boolean
}

/** What the arguments ask for, settled before any object is listed or read (kubectl's Complete). */
export type DeletePlan =
  | {kind: 'names'; visits: Array<Visit & {name: string}>}
  | {kind: 'selector'; visits: Visit[]; labelSelector?: string; fieldSelector?: string}
  | {kind: 'files'; filenames: string[]; recursive: boolean; labelSelector?: string}

export const MISSING_RESOURCE =
  'You must provide one or more resources by argument or filename.\n' +
  'Example resource specifications include:\n' +
  "   '-f rsrc.yaml'\n" +
  "   '--filename=rsrc.json'\n" +
  "   '<resource> <name>'\n" +
  "   '<resource>'"

export async function planTargets(ctx: Ctx, opts: TargetArgs): Promise<DeletePlan> {
  // kubectl's builder gathers the argument problems it finds on the way and reports them together.
  const problems: string[] = []
  if (opts.filenames.length > 0) {
    const {expandFilenames} = await import('../manifests/sources.js')
    problems.push(...(await expandFilenames(opts.filenames, opts.recursive)).errors)
  }
  const labelSelector = opts.selector?.trim() || undefined
  const fieldSelector = opts.fieldSelector?.trim() || undefined
  if (opts.all && (labelSelector !== undefined || fieldSelector !== undefined)) problems.push("setting 'all' parameter but found a non empty selector. ")
  let parsed: ResourceArgs = {form: 'types', types: [], names: []}
  try {
    parsed = parseResourceArgs(opts.args)
  } catch (err) {
    if (!(err instanceof CliError)) throw err
    problems.push(err.message.replace(/^error: /, ''))
  }
  if (problems.length === 1) throw usageError(problems[0])
  if (problems.length > 1) throw new AggregateCliError(problems.map((p) => new CliError(p)))

  const tuples = parsed.form === 'tuples' ? parsed.tuples : []
  const types = parsed.form === 'types' ? parsed.types : []
  const names = parsed.form === 'types' ? parsed.names : []
  // --all selects everything: an empty label selector.
  const selector = opts.all ? '' : labelSelector
  if (opts.filenames.length > 0) {
    if (types.length > 0) throw usageError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    if (tuples.length > 0) throw usageError('resource/name arguments cannot be provided when a path is specified')
    if (selector) {
      const {parseLabelSelector} = await import('../resources/label-selector.js')
      parseLabelSelector(selector)
    }
    return {kind: 'files', filenames: opts.filenames, recursive: opts.recursive, labelSelector: selector || undefined}
  }
  if (selector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) throw usageError('name cannot be provided when a selector is specified')
    if (tuples.length > 0) throw usageError('selectors and the all flag cannot be used when passing resource/name arguments')
    if (types.length === 0) throw usageError('at least one resource must be specified to use a selector')
    const {visits} = await buildVisits(ctx, {args: opts.args, allNamespaces: opts.allNamespaces})
    return {kind: 'selector', visits, labelSelector: selector || undefined, fieldSelector}
  }
  if (names.length > 0) {
    // A category names several types; kubectl takes names with one type only.
    const expanded = await expandCategories(types, await ctx.discovery())
    if (expanded.length > 1) throw usageError('you must specify only one resource')
  }
  if (tuples.length > 0 || names.length > 0) {
    const {visits} = await buildVisits(ctx, {args: opts.args, allNamespaces: false})
    // Cluster-scoped objects can be named with -A; namespaced ones cannot.
    if (opts.allNamespaces && visits.some((v) => v.resource.namespaced)) throw usageError('a resource cannot be retrieved by name across all namespaces')
    return {kind: 'names', visits: visits as Array<Visit & {name: string}>}
  }
  if (types.length > 0) {
    await buildVisits(ctx, {args: opts.args, allNamespaces: opts.allNamespaces})
    throw usageError('resource(s) were provided, but no name was specified')
  }
  throw usageError(MISSING_RESOURCE)
}

export interface CollectOptions {
  allNamespaces: boolean
  /** -n was given: an -f object in another namespace is an error. */
  enforceNamespace: boolean
}

export interface Targets {
  entries: TargetEntry[]
  /**
   * -f documents whose kind the server does not serve. kubectl gathers these while reading and
   * reports them together after every other error.
   */
  unmapped: CliError[]
}

export async function collectTargets(ctx: Ctx, plan: DeletePlan, opts: CollectOptions): Promise<Targets> {
  switch (plan.kind) {
    case 'names':
      return {entries: plan.visits.map((v) => ({target: {resource: v.resource, namespace: v.namespace, name: v.name}})), unmapped: []}
    case 'selector':
      return {entries: await listTargets(ctx, plan), unmapped: []}
    case 'files':
      return manifestTargets(ctx, plan, opts)
  }
}

async function listTargets(ctx: Ctx, plan: Extract<DeletePlan, {kind: 'selector'}>): Promise<TargetEntry[]> {
  const client = await ctx.client()
  const entries: TargetEntry[] = []
  for (const visit of plan.visits) {
    const {resource} = visit
    let list: ObjectList
    try {
      const res = await client.request<ObjectList>({
        path: resourcePath(resource, visit.namespace),
        query: {labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector},
        resource: {group: resource.group, resource: resource.name},
      })
      list = res.data
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
      entries.push({error: err.code === 400 || err.code === 404 ? selectorListError(err, resource, plan.labelSelector, plan.fieldSelector) : err})
      continue
    }
    for (const item of listItems(list, resource.kind) as KubeObject[]) {
      const namespace = resource.namespaced ? (item.metadata?.namespace ?? visit.namespace) : undefined
      entries.push({target: {resource, namespace, name: item.metadata?.name ?? ''}})
    }
  }
  return entries
}

async function manifestTargets(ctx: Ctx, plan: Extract<DeletePlan, {kind: 'files'}>, opts: CollectOptions): Promise<Targets> {
  const {readManifests} = await import('../manifests/reader.js')
  const {collectManifestInfos} = await import('../resources/manifest-infos.js')
  const documents = await readManifests({filenames: plan.filenames, recursive: plan.recursive, stdin: ctx.io.in, env: ctx.env})
  const {infos, errors} = await collectManifestInfos(ctx, documents)
  const matches = plan.labelSelector ? (await import('../resources/label-selector.js')).parseLabelSelector(plan.labelSelector) : undefined
  const namespace = opts.allNamespaces ? '' : await ctx.namespace()
  const entries: TargetEntry[] = []
  for (const info of infos) {
    if (matches && !matches(info.object.metadata?.labels)) continue
    const source = info.document.source
    if (!info.resource.namespaced) {
      entries.push({target: {resource: info.resource, name: info.name, source, object: info.object}})
      continue
    }
    const own = info.object.metadata?.namespace ?? ''
    if (opts.enforceNamespace && own !== '' && own !== namespace) {
      entries.push({
        error: new CliError(
          `the namespace from the provided object ${goQuote(own)} does not match the namespace ${goQuote(namespace)}. ` +
            `You must pass '--namespace=${own}' to perform this operation.`,
        ),
      })
      continue
    }
    entries.push({target: {resource: info.resource, namespace: own || namespace, name: info.name, source, object: info.object}})
  }
  return {entries, unmapped: errors.map((e) => e.error)}
}
