// What rollout's subcommands need to know about their targets beyond finding them.
import type {APIResource} from '../discovery/types.js'
import {usageError} from '../errors.js'
import type {TargetOptions} from '../resources/targets.js'

/** kubectl's check before anything is sent: a rollout subcommand needs something to work on. */
export function requireResources(opts: TargetOptions): void {
  if (opts.args.length === 0 && opts.filenames.length === 0) throw usageError('required resource not specified')
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

