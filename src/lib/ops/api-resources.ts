// `ktl api-resources`: the resource types the server serves, each at its preferred version.
import type {Ctx} from '../context.js'
import {CliError, usageError} from '../errors.js'
import type {APIResource} from '../discovery/types.js'
import {type APIResourcesFormat, printAPIResources} from '../printers/api-resources.js'

export interface APIResourcesOptions {
  /** Positional arguments; api-resources takes none. */
  args: string[]
  output?: string
  sortBy?: string
  /** Only this group ("" is core); undefined when the flag was not given. */
  apiGroup?: string
  /** Only namespaced (true) or cluster-scoped (false) types; undefined when the flag was not given. */
  namespaced?: boolean
  /** --verbs values as given: each a comma list, the flag repeatable. */
  verbs: string[]
  categories: string[]
  noHeaders: boolean
  cached: boolean
}

export async function runAPIResources(ctx: Ctx, opts: APIResourcesOptions): Promise<void> {
  if (opts.args.length > 0) {
    throw new CliError(`error: unexpected arguments: [${opts.args.join(' ')}]\nSee 'ktl api-resources -h' for help and examples`)
  }
  const format = opts.output ?? ''
  if (format !== '' && format !== 'wide' && format !== 'name') throw usageError(`--output ${format} is not available`)
  const sortBy = opts.sortBy ?? ''
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw usageError('--sort-by accepts only name or kind')
  const print = {format: format as APIResourcesFormat, noHeaders: opts.noHeaders}

  const discovery = await ctx.discovery()
  if (!opts.cached) await discovery.invalidate()
  let served: Awaited<ReturnType<typeof discovery.serverPreferredResources>>
  try {
    served = await discovery.serverPreferredResources()
  } catch (err) {
    printAPIResources(ctx.io.out, [], print)
    throw err
  }
  const verbs = splitList(opts.verbs)
  const categories = splitList(opts.categories)
  const selected = served.resources.filter(
    (r) =>
      r.verbs.length > 0 &&
      (opts.apiGroup === undefined || r.group === opts.apiGroup) &&
      (opts.namespaced === undefined || r.namespaced === opts.namespaced) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => r.categories.includes(c)),
  )
  printAPIResources(ctx.io.out, sortResources(selected, sortBy), print)
  if (served.error) throw served.error
}

/** kubectl's order: by group (or by name or kind with --sort-by), then by name; ties keep server order. */
export function sortResources(resources: APIResource[], sortBy: string): APIResource[] {
  const key = (r: APIResource) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group)
  return [...resources].sort((a, b) => compare(key(a), key(b)) || compare(a.name, b.name))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A string-slice flag: every value is a comma list; an empty value means none. */
function splitList(values: string[]): string[] {
  return values.flatMap((v) => (v === '' ? [] : v.split(',')))
}
