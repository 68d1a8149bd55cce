// The ObjectMeta kubectl's generators start from.
import type {ObjectMeta} from '../resources/objects.js'

/**
 * Name only: kubectl prints the zero metav1.Time a typed object carries as `creationTimestamp: null`.
 * (metadata.namespace is added by runCreateObject when -n is given.)
 */
export function generatedMeta(name: string, labels?: Record<string, string>): ObjectMeta {
  const meta: Record<string, unknown> = {}
  // Go's omitempty: an empty name is left out
  if (name !== '') meta.name = name
  meta.creationTimestamp = null
  if (labels !== undefined) meta.labels = labels
  return meta as ObjectMeta
}
