// ktl's shortcut past kubectl's one GET per applied object: where a run applies several objects of
// one type into one namespace, a single consistent LIST tells which exist and what they hold. Halving
// the requests of a first apply matters on a loaded control plane; the output does not change.
import type {KubeClient} from '../client/types.js'
import type {APIResource} from '../discovery/types.js'
import {type KubeObject, listItems, type ObjectList} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import type {ApplyTarget} from './types.js'

/** What a LIST said of an object: the live object, null when it is not there, undefined when not listed. */
export type LiveLookup = (target: ApplyTarget) => KubeObject | null | undefined

// Fewer objects of a type than this cost less as GETs than as a LIST of a namespace of unknown size.
const MIN_OBJECTS_PER_LIST = 4
// A page holds at most this many items per applied object; a fuller namespace is left to GETs, so a
// LIST never fetches much more than the GETs it replaces would have.
const ITEMS_PER_OBJECT = 8
const MIN_PAGE = 50

/**
 * Lists each (type, namespace) that several targets share. A LIST that fails, or that would need a
 * second page, is dropped: those objects are read one by one, and any error is then reported as kubectl
 * reports its GET's.
 */
export async function listLiveObjects(client: KubeClient, targets: readonly ApplyTarget[]): Promise<LiveLookup> {
  const groups = new Map<string, {resource: APIResource; namespace?: string; count: number}>()
  for (const t of targets) {
    const key = collectionKey(t.resource, t.namespace)
    const group = groups.get(key) ?? {resource: t.resource, namespace: t.namespace, count: 0}
    group.count++
    groups.set(key, group)
  }
  const listed = new Map<string, Map<string, KubeObject>>()
  await Promise.all(
    [...groups].filter(([, g]) => g.count >= MIN_OBJECTS_PER_LIST).map(async ([key, g]) => {
      const byName = await listByName(client, g.resource, g.namespace, Math.max(MIN_PAGE, g.count * ITEMS_PER_OBJECT))
      if (byName) listed.set(key, byName)
    }),
  )
  return (target) => {
    const byName = listed.get(collectionKey(target.resource, target.namespace))
    return byName === undefined ? undefined : (byName.get(target.name) ?? null)
  }
}

async function listByName(client: KubeClient, resource: APIResource, namespace: string | undefined, limit: number): Promise<Map<string, KubeObject> | undefined> {
  let list: ObjectList
  try {
    list = (await client.request<ObjectList>({path: resourcePath(resource, namespace), query: {limit}, resource: {group: resource.group, resource: resource.name}})).data
  } catch {
    return undefined
  }
  if (list.metadata?.continue) return undefined
  // Items of a built-in type's list carry no apiVersion and kind; a GET's object does, and the patch compares them.
  return new Map(listItems(list, resource.kind).map((item) => [item.metadata?.name ?? '', item]))
}

function collectionKey(resource: APIResource, namespace: string | undefined): string {
  return `${resource.group}/${resource.version}/${resource.name}/${resource.namespaced ? (namespace ?? '') : ''}`
}
