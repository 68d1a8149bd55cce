// Turns what the user typed (TYPE NAME..., TYPE/NAME, comma lists, categories) into the list of
// requests a verb makes, in kubectl's order: kubectl's resource builder, for every verb.
import type {Ctx} from '../context.js'
import {expandCategories, parseResourceArgs} from '../discovery/resource-args.js'
import type {APIResource} from '../discovery/types.js'
import {type CliError, usageError} from '../errors.js'

/** One request: a named object, or a list of a type. */
export interface Visit {
  resource: APIResource
  /** Undefined for cluster-scoped types and for lists across all namespaces. */
  namespace?: string
  name?: string
}

export interface BuildOptions {
  args: string[]
  allNamespaces: boolean
  /** The verb, for messages such as "a resource cannot be retrieved by name across all namespaces". */
  verb?: string
  /** -f: the objects these manifests name, instead of TYPE NAME arguments. */
  filenames?: readonly string[]
  /** -R: walk the -f directories' subdirectories too. */
  recursive?: boolean
  /** -l with -f: only the manifests whose labels match (kubectl filters them before any request). */
  selector?: string
}

export interface Visits {
  visits: Visit[]
  /** One object was asked for by name: print it, not a List (kubectl's singleItemImplied). */
  singleItemImplied: boolean
  /** -f documents that name no served type; `before` is the visit each precedes (kubectl reports in document order). */
  failures: Array<{before: number; error: CliError}>
}

export async function buildVisits(ctx: Ctx, opts: BuildOptions): Promise<Visits> {
  if (opts.filenames && opts.filenames.length > 0) {
    if (opts.args.length > 0) throw usageError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    return buildManifestVisits(ctx, opts.filenames, opts)
  }
  const parsed = parseResourceArgs(opts.args)
  const discovery = await ctx.discovery()
  const namespace = await ctx.namespace()
  const warn = (message: string) => ctx.io.err.write(`Warning: ${message}\n`)
  const scoped = (resource: APIResource, name?: string): Visit => ({
    resource,
    namespace: resource.namespaced && !(opts.allNamespaces && name === undefined) ? namespace : undefined,
    name,
  })
  if (parsed.form === 'tuples') {
    if (opts.allNamespaces) throw usageError(`a resource cannot be retrieved by name across all namespaces`)
    const visits: Visit[] = []
    for (const tuple of parsed.tuples) visits.push(scoped(await discovery.resolve(tuple.type, {warn}), tuple.name))
    return {visits, singleItemImplied: visits.length === 1, failures: []}
  }
  if (parsed.names.length > 0 && opts.allNamespaces) throw usageError(`a resource cannot be retrieved by name across all namespaces`)
  const types = await expandCategories(parsed.types, discovery)
  const resources: APIResource[] = []
  for (const type of types) {
    const resource = await discovery.resolve(type, {warn})
    if (!resources.some((r) => r.group === resource.group && r.name === resource.name)) resources.push(resource)
  }
  const visits =
    parsed.names.length === 0
      ? resources.map((r) => scoped(r))
      : resources.flatMap((r) => parsed.names.map((name) => scoped(r, name)))
  return {visits, singleItemImplied: resources.length === 1 && parsed.names.length === 1, failures: []}
}

async function buildManifestVisits(ctx: Ctx, filenames: readonly string[], opts: BuildOptions): Promise<Visits> {
  const {collectManifests, manifestFailure} = await import('../manifests/reader.js')
  const {collectManifestInfos} = await import('./manifest-infos.js')
  const {documents, errors, sources} = await collectManifests({filenames, recursive: opts.recursive ?? false, stdin: ctx.io.in, env: ctx.env})
  if (errors.length > 0) throw manifestFailure(errors)
  let selected = documents
  if (opts.selector !== undefined) {
    const {parseLabelSelector} = await import('./label-selector.js')
    const matches = parseLabelSelector(opts.selector)
    selected = documents.filter((d) => matches(d.object.metadata?.labels))
  }
  const {infos, errors: failures} = await collectManifestInfos(ctx, selected)
  return {
    visits: infos.map((info) => ({resource: info.resource, namespace: info.namespace, name: info.name})),
    // kubectl: one file (a directory holding one file counts) implies one object; stdin never does.
    singleItemImplied: sources.length === 1 && sources[0].kind !== 'stdin',
    failures,
  }
}
