// kubectl's client-side apply of one object: create it with the last-applied annotation when it is not
// there, otherwise patch it with the three-way patch between the last-applied configuration, the
// manifest and the live object, retrying on conflicts as kubectl does.
import type {KubeClient} from '../client/types.js'
import {LAST_APPLIED_ANNOTATION, withLastApplied} from '../create/last-applied.js'
import {addSourceToErr, StatusError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {compactJSON} from '../printers/json.js'
import {describeInfo} from './errors.js'
import type {LiveLookup} from './live-objects.js'
import {type DeletionOptions, recreate, recreatesOver} from './recreate.js'
import type {AppliedObject, ApplyTarget, DryRun} from './types.js'
import {sleep} from '../sleep.js'

export interface ClientSideOptions {
  dryRun: DryRun
  fieldManager: string
  overwrite: boolean
  /** fieldValidation for the server: Strict, Warn or Ignore; empty sends none (kubectl diff). */
  fieldValidation: string
  /**
   * false for diff (kubectl's GetModifiedConfiguration with annotate=false): the patch neither
   * writes the last-applied annotation nor adds it to a created object.
   */
  annotate?: boolean
  /** Live objects a LIST already read; the others are read with a GET each, as kubectl reads all. */
  live?: LiveLookup
  /** --force: how to delete an object whose patch is refused as Invalid or in Conflict before creating it anew. */
  force?: DeletionOptions
  /** Hears kubectl's warning lines about an object (one without the last-applied annotation). */
  warn?: (line: string) => void
}

// kubectl's patcher: after a 409 Conflict, up to five more attempts on a re-read live object, the
// later ones a second apart.
const MAX_PATCH_RETRIES = 5
const RETRIES_BEFORE_BACKOFF = 1
const BACKOFF_MS = 1000

export async function applyClientSide(client: KubeClient, target: ApplyTarget, opts: ClientSideOptions): Promise<AppliedObject> {
  const modified = opts.annotate === false ? withoutLastApplied(target.object) : withLastApplied(target.object, {save: true, typed: false})
  const path = resourcePath(target.resource, target.namespace, target.name)
  const query = {fieldManager: opts.fieldManager, fieldValidation: opts.fieldValidation || undefined, dryRun: opts.dryRun === 'server' ? 'All' : undefined}
  const listed = opts.live?.(target)
  let live = listed === undefined ? await getLive(client, target, path) : (listed ?? undefined)
  if (live === undefined) {
    if (opts.dryRun === 'client') return {operation: 'created', object: modified}
    try {
      const res = await client.request<KubeObject>({method: 'POST', path: resourcePath(target.resource, target.namespace), query, body: opts.annotate === false ? target.object : modified, resource: {...groupResourceOf(target), name: undefined}})
      return {operation: 'created', object: res.data}
    } catch (err) {
      throw addSourceToErr('creating', target.document.source, err)
    }
  }
  // kubectl warns before patching for real or on the server, not for a client dry run (or for diff).
  if (opts.annotate !== false && opts.dryRun !== 'client' && !live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]) {
    opts.warn?.(missingLastAppliedWarning(target))
  }
  const {computeApplyPatch, applyPatchLocally} = await import('../patch/apply-patch.js')
  for (let retry = 0; ; retry++) {
    const original = lastApplied(live)
    const computed = computeApplyPatch({original, modified, current: live, apiVersion: target.object.apiVersion, kind: target.object.kind, overwrite: opts.overwrite})
    if (computed.unchanged) return {operation: 'unchanged', object: live}
    const {body: patch, patchType} = computed
    if (opts.dryRun === 'client') return {operation: 'configured', object: applyPatchLocally(live, computed, target.object.apiVersion, target.object.kind) as KubeObject}
    try {
      const res = await client.request<KubeObject>({method: 'PATCH', path, query, body: patch, contentType: patchType, resource: groupResourceOf(target)})
      return {operation: 'configured', object: res.data}
    } catch (err) {
      if (err instanceof StatusError && err.code === 409 && retry < MAX_PATCH_RETRIES) {
        if (retry + 1 > RETRIES_BEFORE_BACKOFF) await sleep(BACKOFF_MS)
        live = (await getLive(client, target, path)) ?? live
        continue
      }
      if (opts.force && recreatesOver(err)) {
        try {
          return {operation: 'configured', object: await recreate(client, target, live, modified, {...opts.force, query})}
        } catch (recreateErr) {
          // kubectl names what it tried to apply: the whole object, where a patch names the patch.
          throw addSourceToErr(`applying patch:\n${compactJSON(modified)}\nto:\n${describeInfo(target)}\nfor:`, target.document.source, recreateErr)
        }
      }
      const patching = addSourceToErr('patching', target.document.source, err)
      throw addSourceToErr(`applying patch:\n${patch}\nto:\n${describeInfo(target)}\nfor:`, target.document.source, patching)
    }
  }
}

async function getLive(client: KubeClient, target: ApplyTarget, path: string): Promise<KubeObject | undefined> {
  try {
    return (await client.request<KubeObject>({path, resource: groupResourceOf(target)})).data
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return undefined
    throw addSourceToErr(`retrieving current configuration of:\n${describeInfo(target)}\nfrom server for:`, target.document.source, err)
  }
}

function withoutLastApplied(object: KubeObject): KubeObject {
  const annotations = Object.fromEntries(Object.entries(object.metadata?.annotations ?? {}).filter(([key]) => key !== LAST_APPLIED_ANNOTATION))
  return {...object, metadata: {...object.metadata, annotations}}
}

function lastApplied(live: KubeObject): KubeObject | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED_ANNOTATION]
  if (!text) return undefined
  return JSON.parse(text) as KubeObject
}

function groupResourceOf(target: ApplyTarget) {
  return {group: target.resource.group, resource: target.resource.name, name: target.name}
}

/** kubectl's warningNoLastAppliedConfigAnnotation; the object is named RESOURCE/NAME, without its group. */
function missingLastAppliedWarning(target: ApplyTarget): string {
  return (
    `Warning: resource ${target.resource.name}/${target.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by ktl apply. ` +
    'ktl apply should only be used on resources created declaratively by either ktl create --save-config or ktl apply. The missing annotation will be patched automatically.'
  )
}
