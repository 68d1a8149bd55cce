// What rollout's subcommands work on, and what they need to know about it beyond finding it.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {usageError} from '../errors.js'
import type {Infos} from '../resources/infos.js'
import type {BuilderArgs} from '../resources/plan.js'

/** kubectl's check before anything is sent: a rollout subcommand needs something to work on. */
export function requireResources(opts: BuilderArgs): void {
  if (opts.args.length === 0 && opts.filenames.length === 0) throw usageError('required resource not specified')
}

/** The objects named, each read fresh (kubectl's builder with Latest); a lone TYPE means all of its objects. */
export async function rolloutInfos(ctx: Ctx, opts: BuilderArgs): Promise<Infos> {
  const [{buildInfos}, {planInfos}] = await Promise.all([import('../resources/infos.js'), import('../resources/plan.js')])
  return buildInfos(ctx, await planInfos(ctx, {...opts, typeMeansAll: true}), {allNamespaces: opts.allNamespaces ?? false, latest: true})
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
