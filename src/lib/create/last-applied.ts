// kubectl's --save-config: the object as sent, minus this annotation, stored in
// kubectl.kubernetes.io/last-applied-configuration so a later `apply` can compute its patch.
import {compactJSON, compareCodePoints} from '../printers/json.js'
import type {KubeObject, ObjectMeta} from '../resources/objects.js'

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

/**
 * kubectl's CreateOrUpdateAnnotation: with `save` the annotation is (re)written; without it an
 * annotation already in the object is brought up to date and an object without one is left alone.
 * `typed` objects encode like kubectl's Go structs (field order kept, empty annotations omitted);
 * others like its unstructured maps (keys sorted, `"annotations":{}` kept).
 */
export function withLastApplied(object: KubeObject, opts: {save: boolean; typed: boolean}): KubeObject {
  const annotations = object.metadata?.annotations
  if (!opts.save && !annotations?.[LAST_APPLIED_ANNOTATION]) return object
  const rest = Object.fromEntries(Object.entries(annotations ?? {}).filter(([key]) => key !== LAST_APPLIED_ANNOTATION))
  const bare = setAnnotations(object, opts.typed && Object.keys(rest).length === 0 ? undefined : rest)
  // json.Encoder.Encode: compact, HTML-escaped, one newline at the end
  const encoded = `${compactJSON(bare, !opts.typed)}\n`
  return setAnnotations(object, sortedByKey({...rest, [LAST_APPLIED_ANNOTATION]: encoded}))
}

/** The object with metadata.annotations replaced where a Go ObjectMeta keeps it (before ownerReferences). */
function setAnnotations(object: KubeObject, annotations: Record<string, string> | undefined): KubeObject {
  const metadata: ObjectMeta = {}
  let placed = false
  const place = () => {
    if (!placed && annotations !== undefined) metadata.annotations = annotations
    placed = true
  }
  for (const [key, value] of Object.entries(object.metadata ?? {})) {
    if (key === 'annotations' || key === 'ownerReferences' || key === 'finalizers' || key === 'managedFields') place()
    if (key !== 'annotations') metadata[key] = value
  }
  place()
  return {...object, metadata}
}

/** A Go map's order: keys by their bytes. */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareCodePoints(a, b)))
}
