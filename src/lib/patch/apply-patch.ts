// The patch `kubectl apply` sends for an object that exists: a three-way patch between the
// last-applied configuration (the kubectl.kubernetes.io/last-applied-configuration annotation),
// the new configuration and the live object. kubectl 1.32's choice of patch, which ktl follows:
//   1. a kind the OpenAPI spec knows: strategic merge patch driven by the spec's metadata; if that
//      fails kubectl prints "warning: error calculating patch from openapi spec: ERR" and
//   2. a kind compiled into kubectl: strategic merge patch again, with the Go types' metadata;
//   3. anything else (custom resources): JSON merge patch.
// A patch of "{}" means unchanged.
import {PatchError} from './errors.js'
import {compactJSON} from '../printers/json.js'
import {toPlainJSON, type JSONMap} from './go-values.js'
import {applyMergePatch, createThreeWayJSONMergePatch, requireKeyUnchanged, requireMetadataKeyUnchanged} from './json-merge.js'
import {bundledPatchMeta, patchMetaFor, PatchSchema} from './patch-meta.js'
import type {PatchMetaDocument} from './openapi-compact.js'
import {applyStrategicMergePatch, createThreeWayMergePatch} from './strategic-merge.js'

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

export type ApplyPatchType = 'application/strategic-merge-patch+json' | 'application/merge-patch+json'

export interface ApplyPatchInput {
  /** The last-applied configuration, decoded; undefined or null when the live object has none. */
  original: unknown
  /** The new configuration with its new last-applied annotation (see modifiedConfiguration). */
  modified: unknown
  /** The live object as the server returned it. */
  current: unknown
  apiVersion: string
  kind: string
  /** --overwrite (kubectl's default true); false makes changes others made to the same fields a conflict. */
  overwrite: boolean
  /** Metadata to use instead of the bundled schemas/patch-meta.json (e.g. built from the server's /openapi/v2). */
  patchMeta?: PatchMetaDocument
}

export interface ApplyPatch {
  /** The patch (null-prototype maps). */
  patch: JSONMap
  /** The request body, byte for byte what kubectl sends. "{}" when nothing changes. */
  body: string
  patchType: ApplyPatchType
  /** True when the patch is empty: kubectl reports the object "unchanged" and sends nothing. */
  unchanged: boolean
  /** Lines kubectl prints on stderr while computing the patch (no trailing newline). */
  warnings: string[]
}

/**
 * kubectl's failure to compute a patch. `message` is the underlying error as apimachinery words
 * it; kubectl prints it wrapped (creatingPatchMessage and its caller).
 */
export class ApplyPatchError extends PatchError {
  constructor(
    readonly cause: Error,
    readonly warnings: string[],
  ) {
    super(cause.message)
    this.name = 'ApplyPatchError'
  }
}

/** The patch kubectl apply sends to bring `current` to `modified`. Throws ApplyPatchError. */
export function computeApplyPatch(input: ApplyPatchInput): ApplyPatch {
  const warnings: string[] = []
  const meta = patchMetaFor(input.apiVersion, input.kind, input.patchMeta ?? bundledPatchMeta())
  if (meta) {
    try {
      return result(createThreeWayMergePatch(input.original, input.modified, input.current, meta.schema('openapi'), input.overwrite), 'application/strategic-merge-patch+json', warnings)
    } catch (e) {
      if (!(e instanceof Error)) throw e
      warnings.push(`warning: error calculating patch from openapi spec: ${e.message}`)
    }
    if (meta.builtin) {
      try {
        return result(createThreeWayMergePatch(input.original, input.modified, input.current, meta.schema('struct'), input.overwrite), 'application/strategic-merge-patch+json', warnings)
      } catch (e) {
        throw new ApplyPatchError(e as Error, warnings)
      }
    }
  }
  try {
    const preconditions = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')]
    return result(createThreeWayJSONMergePatch(input.original, input.modified, input.current, preconditions), 'application/merge-patch+json', warnings)
  } catch (e) {
    throw new ApplyPatchError(e as Error, warnings)
  }
}

function result(patch: JSONMap, patchType: ApplyPatchType, warnings: string[]): ApplyPatch {
  const body = compactJSON(patch)
  return {patch, body, patchType, unchanged: body === '{}', warnings}
}

/**
 * The object the server makes of `live` with `patch` applied (for --dry-run=client): a strategic
 * merge patch with the kind's metadata, as the API server applies it, or a JSON merge patch.
 */
export function applyPatchLocally(
  live: object,
  patch: Pick<ApplyPatch, 'patch' | 'patchType'>,
  apiVersion = String((live as {apiVersion?: unknown}).apiVersion ?? ''),
  kind = String((live as {kind?: unknown}).kind ?? ''),
  patchMeta?: PatchMetaDocument,
): Record<string, unknown> {
  if (patch.patchType === 'application/merge-patch+json') return toPlainJSON(applyMergePatch(live, patch.patch)) as Record<string, unknown>
  const meta = patchMetaFor(apiVersion, kind, patchMeta ?? bundledPatchMeta())
  // The API server merges with its Go types' metadata, which the struct mode mirrors.
  const schema = meta ? meta.schema('struct') : PatchSchema.none()
  return toPlainJSON(applyStrategicMergePatch(live, patch.patch, schema)) as Record<string, unknown>
}

/**
 * What kubectl's GetModifiedConfiguration makes of a manifest object (already carrying the
 * namespace it is sent to): `annotation` is the object without its last-applied annotation, as
 * compact JSON with sorted keys and a trailing newline (an object without annotations gets
 * "annotations":{}); `modified` is a copy of the object carrying that annotation.
 */
export function modifiedConfiguration(object: Record<string, unknown>): {annotation: string; modified: Record<string, unknown>} {
  const copy = structuredClone(object)
  const metadata = (isRecord(copy.metadata) ? copy.metadata : (copy.metadata = {})) as Record<string, unknown>
  const annotations: Record<string, unknown> = {}
  const existing = metadata.annotations
  // GetAnnotations yields nothing when any value is not a string.
  if (isRecord(existing) && Object.values(existing).every((v) => typeof v === 'string')) Object.assign(annotations, existing)
  delete annotations[LAST_APPLIED_ANNOTATION]
  metadata.annotations = annotations
  const annotation = `${compactJSON(copy)}\n`
  annotations[LAST_APPLIED_ANNOTATION] = annotation
  return {annotation, modified: copy}
}

/**
 * kubectl's wording around a patch it could not compute: the three documents, then the cause.
 * `original` is the annotation's text ("" when there is none). kubectl prints this after
 * `error when applying patch:\n\nto:\nINFO\nfor: "SOURCE": error when patching "SOURCE": `.
 */
export function creatingPatchMessage(cause: Error, original: string, modified: unknown, current: unknown): string {
  return `creating patch with:\noriginal:\n${original}\nmodified:\n${encodeObject(modified)}\ncurrent:\n${encodeObject(current)}\nfor:: ${cause.message}`
}

/** The last-applied configuration an object carries, decoded; undefined when it has none. */
export function lastAppliedConfiguration(object: unknown): unknown {
  const annotations = isRecord(object) && isRecord(object.metadata) ? object.metadata.annotations : undefined
  const text = isRecord(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined
  if (typeof text !== 'string' || text === '') return undefined
  return JSON.parse(text) as unknown
}

/** runtime.Encode of an unstructured object: what kubectl shows as "original", "modified" and "current". */
export function encodeObject(object: unknown): string {
  return `${compactJSON(object)}\n`
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
