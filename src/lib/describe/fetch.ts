// The requests describers make for related objects, shaped as kubectl's describers make them: lists
// paged with `limit`/`continue` (--chunk-size) and events found by field selector on involvedObject.
import {StatusError} from '../errors.js'
import type {KubeObject, ObjectList} from '../resources/objects.js'
import {listPages} from '../resources/pager.js'
import type {DescribeContext} from './registry.js'
import type {CoreEvent} from './writer.js'

export interface ListQuery {
  labelSelector?: string
  fieldSelector?: string
}

/** Every item of a list, following `continue` tokens with dctx.settings.chunkSize as the limit. */
export async function listAll<T = KubeObject>(dctx: DescribeContext, path: string, query: ListQuery = {}): Promise<T[]> {
  const items: T[] = []
  await listInto(dctx, path, query, items)
  return items
}

async function listInto<T>(dctx: DescribeContext, path: string, query: ListQuery, items: T[]): Promise<void> {
  const client = await dctx.ctx.client()
  const selectors = {
    ...(query.labelSelector ? {labelSelector: query.labelSelector} : {}),
    ...(query.fieldSelector ? {fieldSelector: query.fieldSelector} : {}),
  }
  // Page by page: what came before a failed page stays in `items`.
  for await (const page of listPages<ObjectList<T>>(client, {path, query: selectors}, dctx.settings.chunkSize)) items.push(...(page.items ?? []))
}

/** What events are searched by: kubectl's object reference (kind and uid left out when empty). */
export interface EventReference {
  name: string
  namespace: string
  kind?: string
  uid?: string
}

/** fields.EscapeValue: `\`, `,` and `=` are escaped in field selector values. */
function escapeFieldValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll(',', '\\,').replaceAll('=', '\\=')
}

/** The field selector kubectl's Events(ns).GetFieldSelector builds, keys in sorted order. */
export function eventFieldSelector(ref: EventReference): string {
  const terms: Array<[string, string]> = []
  if (ref.kind) terms.push(['involvedObject.kind', ref.kind])
  terms.push(['involvedObject.name', ref.name])
  terms.push(['involvedObject.namespace', ref.namespace])
  if (ref.uid) terms.push(['involvedObject.uid', ref.uid])
  return terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',')
}

/** kubectl's searchEvents; throws on a failed request. */
export async function searchEvents(dctx: DescribeContext, ref: EventReference): Promise<CoreEvent[]> {
  const path = ref.namespace ? `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/events` : '/api/v1/events'
  return listAll<CoreEvent>(dctx, path, {fieldSelector: eventFieldSelector(ref)})
}

/** The object's reference as kubectl builds it for events: kind, name, namespace, uid. */
export function eventReference(obj: KubeObject, kind: string | undefined = obj.kind): EventReference {
  return {name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '', kind, uid: obj.metadata?.uid}
}

/**
 * Events for the Events table, or undefined with --show-events=false. As most of kubectl's
 * describers do, a failed search is not an error: what was listed before the failure is shown.
 */
export async function eventsFor(dctx: DescribeContext, ref: EventReference): Promise<CoreEvent[] | undefined> {
  if (!dctx.settings.showEvents) return undefined
  const path = ref.namespace ? `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/events` : '/api/v1/events'
  const items: CoreEvent[] = []
  await listInto(dctx, path, {fieldSelector: eventFieldSelector(ref)}, items).catch(() => undefined)
  return items
}

/** The text kubectl shows for a failed lookup: a Status's own message, else the error's. */
export function errorText(err: unknown): string {
  if (err instanceof StatusError) return err.status.message ?? ''
  return err instanceof Error ? err.message : String(err)
}
