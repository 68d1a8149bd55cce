// The objects a `rollout` subcommand works on, found as kubectl's builder finds them for rollout
// (TYPE NAME, TYPE/NAME, TYPE with -l, -f), each fetched fresh (Latest), going on past the ones that
// fail; and the one way those commands report several failures at once.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, StatusError, usageError} from '../errors.js'
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
  const result: Targets = {targets: [], errors: failures.map((f) => f.error), namespace: await ctx.namespace()}
  for (const visit of visits) {
    const groupResource = {group: visit.resource.group, resource: visit.resource.name, name: visit.name}
    try {
      if (visit.name !== undefined) {
        const path = resourcePath(visit.resource, visit.namespace, visit.name)
        try {
          const res = await client.request<KubeObject>({path, resource: groupResource})
          result.targets.push({resource: visit.resource, namespace: visit.namespace, name: visit.name, object: res.data})
        } catch (err) {
          if (err instanceof StatusError && err.code === 404 && visit.resource.namespaced) throw await explainNotFound(client, visit.namespace, err)
          throw err
        }
        continue
      }
      const query = opts.selector ? {labelSelector: opts.selector} : {}
      const res = await client.request<ObjectList>({path: resourcePath(visit.resource, visit.namespace), query, resource: groupResource})
      for (const object of listItems(res.data, visit.resource.kind)) {
        result.targets.push({resource: visit.resource, namespace: object.metadata?.namespace, name: object.metadata?.name ?? '', object})
      }
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      result.errors.push(err)
    }
  }
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
