// The shapes apply's parts pass between them.
import type {KubeObject} from '../resources/objects.js'
import type {ResourceInfo} from '../resources/manifest-infos.js'

export type DryRun = 'none' | 'client' | 'server'

/** One object to apply: a manifest document mapped onto its served resource. */
export type ApplyTarget = ResourceInfo

export interface AppliedObject {
  /** The word kubectl prints after `kind.group/name`. */
  operation: 'created' | 'configured' | 'unchanged' | 'serverside-applied'
  /** What the server answered (or, for client dry runs, what it would have been sent). */
  object: KubeObject
}
