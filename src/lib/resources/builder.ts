// Turns what the user typed (TYPE NAME..., TYPE/NAME, comma lists, categories) into the list of
// requests a verb makes, in kubectl's order: kubectl's resource builder, for every verb.
import type {Ctx} from '../context.js'
import {expandCategories, parseResourceArgs} from '../discovery/resource-args.js'
import type {APIResource} from '../discovery/types.js'
import {usageError} from '../errors.js'

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
}

export interface Visits {
  visits: Visit[]
  /** One object was asked for by name: print it, not a List (kubectl's singleItemImplied). */
  singleItemImplied: boolean
}

export async function buildVisits(ctx: Ctx, opts: BuildOptions): Promise<Visits> {
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
    return {visits, singleItemImplied: visits.length === 1}
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
  return {visits, singleItemImplied: resources.length === 1 && parsed.names.length === 1}
}
