// The objects a `rollout` subcommand works on, found as kubectl's builder finds them for rollout
// (TYPE NAME, TYPE/NAME, TYPE with -l, -f), each fetched fresh (Latest), going on past the ones that
// fail; and the one way those commands report several failures at once.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, StatusError, usageError} from '../errors.js'
import {throwAll} from './errors.js'
import {buildVisits} from '../resources/builder.js'
import {explainNotFound} from '../resources/missing-namespace.js'
import {type KubeObject, listItems, type ObjectList} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'

export interface TargetOptions {
  args: string[]
  filenames: string[]
  recursive: boolean
  selector?: string
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

/** kubectl's check before anything is sent: a rollout subcommand needs something to work on. */
export function requireResources(opts: TargetOptions): void {
  if (opts.args.length === 0 && opts.filenames.length === 0) throw usageError('required resource not specified')
}

export async function findTargets(ctx: Ctx, opts: TargetOptions): Promise<Targets> {
  requireResources(opts)
  const {visits, failures} = await buildVisits(ctx, {
    args: opts.args,
    allNamespaces: false,
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
      const query = opts.selector ? {labelSelector: opts.selector} : {}
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

/** schema.GroupKind's String(): `Deployment.apps`, `ConfigMap`. */
export function groupKindString(resource: Pick<APIResource, 'kind' | 'group'>): string {
  return resource.group ? `${resource.kind}.${resource.group}` : resource.kind
}

/** Which workload kind a target is, for the kinds rollout knows; undefined for the rest. */
export function workloadKind(resource: Pick<APIResource, 'kind' | 'group'>): 'Deployment' | 'DaemonSet' | 'StatefulSet' | undefined {
  if (resource.group !== 'apps' && resource.group !== 'extensions') return undefined
  if (resource.kind === 'Deployment' || resource.kind === 'DaemonSet') return resource.kind
  if (resource.kind === 'StatefulSet' && resource.group === 'apps') return resource.kind
  return undefined
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
