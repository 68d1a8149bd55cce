// What the arguments of a verb that works on existing objects ask for, checked the way kubectl's
// resource builder checks them before any object is listed or read: names, a selector (or --all), or
// -f. The objects themselves come from infos.ts.
import type {Ctx} from '../context.js'
import {expandCategories, parseResourceArgs, type ResourceArgs} from '../discovery/resource-args.js'
import {CliError, GoError, throwCollected, usageError} from '../errors.js'
import {buildVisits, type Visit} from './builder.js'

export interface BuilderArgs {
  args: string[]
  filenames: string[]
  recursive: boolean
  selector?: string
  fieldSelector?: string
  /** delete's --all (kubectl's SelectAllParam): every object of the types named, refused with a selector. */
  all?: boolean
  allNamespaces?: boolean
  /** A lone TYPE argument means every object of it (kubectl's allowEmptySelector: rollout, edit, label --all, wait --all). */
  typeMeansAll?: boolean
}

/** What the arguments ask for, settled before any object is listed or read (kubectl's Complete). */
export type Plan =
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

export async function planInfos(ctx: Ctx, opts: BuilderArgs): Promise<Plan> {
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
  throwCollected(problems.map((p) => new GoError(p)))

  const tuples = parsed.form === 'tuples' ? parsed.tuples : []
  const types = parsed.form === 'types' ? parsed.types : []
  const names = parsed.form === 'types' ? parsed.names : []
  // --all selects everything: an empty label selector; so does a lone TYPE where that is allowed.
  const everything = opts.all || (opts.typeMeansAll && types.length > 0 && names.length === 0 && labelSelector === undefined)
  const selector = everything ? '' : labelSelector
  if (opts.filenames.length > 0) {
    if (types.length > 0) throw usageError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
    if (tuples.length > 0) throw usageError('resource/name arguments cannot be provided when a path is specified')
    if (selector) {
      const {parseLabelSelector} = await import('./label-selector.js')
      parseLabelSelector(selector)
    }
    return {kind: 'files', filenames: opts.filenames, recursive: opts.recursive, labelSelector: selector || undefined}
  }
  const allNamespaces = opts.allNamespaces ?? false
  if (selector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) throw usageError('name cannot be provided when a selector is specified')
    if (tuples.length > 0) throw usageError('selectors and the all flag cannot be used when passing resource/name arguments')
    if (types.length === 0) throw usageError('at least one resource must be specified to use a selector')
    const {visits} = await buildVisits(ctx, {args: opts.args, allNamespaces})
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
    if (allNamespaces && visits.some((v) => v.resource.namespaced)) throw usageError('a resource cannot be retrieved by name across all namespaces')
    return {kind: 'names', visits: visits as Array<Visit & {name: string}>}
  }
  if (types.length > 0) {
    await buildVisits(ctx, {args: opts.args, allNamespaces})
    throw usageError('resource(s) were provided, but no name was specified')
  }
  throw usageError(MISSING_RESOURCE)
}
