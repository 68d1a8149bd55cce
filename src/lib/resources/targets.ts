// The objects a command that goes on past failures works on (rollout's subcommands, wait), found as
// kubectl's builder finds them (TYPE NAME, TYPE/NAME, TYPE with -l/--field-selector/-A, -f), each
// fetched fresh (Latest); and kubectl's ContinueOnError visit over them.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, StatusError} from '../errors.js'
import {buildVisits} from './builder.js'
import {explainNotFound} from './missing-namespace.js'
import {type KubeObject, listItems, type ObjectList} from './objects.js'
import {resourcePath} from './paths.js'
import {throwAll} from './visit-errors.js'

export interface TargetOptions {
  args: string[]
  filenames: string[]
  recursive: boolean
  selector?: string
  fieldSelector?: string
  allNamespaces?: boolean
}

/** One object to work on, as the server has it now. */
export interface Target {
  resource: APIResource
  namespace?: string
  name: string
  object: KubeObject
}

export interface Targets {
  targets: Target[]
  /** Objects that could not be found or fetched, in the order asked for. */
  errors: CliError[]
  /** Both in the order asked for, for the subcommands that report each as they reach it. */
  ordered: Array<Target | CliError>
  /** The namespace kubectl names in "No resources found in NS namespace." */
  namespace: string
}

export async function findTargets(ctx: Ctx, opts: TargetOptions): Promise<Targets> {
  const {visits, failures} = await buildVisits(ctx, {
    args: opts.args,
    allNamespaces: opts.allNamespaces ?? false,
    filenames: opts.filenames,
    recursive: opts.recursive,
    selector: opts.selector,
  })
  const client = await ctx.client()
  const result: Targets = {targets: [], errors: [], ordered: [], namespace: await ctx.namespace()}
  const fail = (error: CliError) => (result.errors.push(error), result.ordered.push(error))
  const found = (target: Target) => (result.targets.push(target), result.ordered.push(target))
  for (const [i, visit] of visits.entries()) {
    for (const f of failures) if (f.before === i) fail(f.error)
    const groupResource = {group: visit.resource.group, resource: visit.resource.name, name: visit.name}
    try {
      if (visit.name !== undefined) {
        const path = resourcePath(visit.resource, visit.namespace, visit.name)
        try {
          const res = await client.request<KubeObject>({path, resource: groupResource})
          found({resource: visit.resource, namespace: visit.namespace, name: visit.name, object: res.data})
        } catch (err) {
          if (err instanceof StatusError && err.code === 404 && visit.resource.namespaced) throw await explainNotFound(client, visit.namespace, err)
          throw err
        }
        continue
      }
      const query = {labelSelector: opts.selector || undefined, fieldSelector: opts.fieldSelector || undefined}
      const res = await client.request<ObjectList>({path: resourcePath(visit.resource, visit.namespace), query, resource: groupResource})
      for (const object of listItems(res.data, visit.resource.kind)) {
        found({resource: visit.resource, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '', object})
      }
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      fail(err)
    }
  }
  for (const f of failures) if (f.before >= visits.length) fail(f.error)
  return result
}

/**
 * kubectl's ContinueOnError visit: each target in the order asked for, the failures (lookups and
 * those `fn` throws) reported together at the end.
 */
export async function visitTargets(ordered: ReadonlyArray<Target | CliError>, fn: (target: Target) => Promise<void>): Promise<void> {
  const errors: CliError[] = []
  for (const entry of ordered) {
    if (entry instanceof CliError) {
      errors.push(entry)
      continue
    }
    try {
      await fn(entry)
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      errors.push(err)
    }
  }
  throwAll(errors)
}
