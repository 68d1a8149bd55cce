// watchtools.UntilWithSync for one object, as kubectl's rollout status and wait use it: the object's
// current state from a list by name, then every change from a watch, until a condition holds or the
// time is up. A watch the server closes is resumed, and a 410 Gone re-lists.
import type {KubeClient} from '../client/types.js'
import {CliError} from '../errors.js'
import type {Info} from './infos.js'
import {listAndWatch} from './list-watch.js'
import {type KubeObject, listItems, type ObjectList} from './objects.js'
import {resourcePath} from './paths.js'

export interface UntilOptions {
  /** Milliseconds; 0 waits for ever. */
  timeoutMs: number
  /** The error to throw when time is up. */
  timedOut: () => CliError
  /** Hears a DELETED event; throw a GoError to stop waiting (returning waits for the name to come back). */
  deleted: (object: KubeObject) => void
  /** Hears that the first list found no such object; throw to stop (returning waits for it). */
  missing?: () => void
  signal?: AbortSignal
}

/** Resolves with the object `done` accepted. */
export async function untilWithSync(
  client: KubeClient,
  target: Pick<Info, 'resource' | 'namespace' | 'name'>,
  done: (object: KubeObject) => boolean,
  opts: UntilOptions,
): Promise<KubeObject> {
  const path = resourcePath(target.resource, target.namespace)
  const query = {fieldSelector: `metadata.name=${target.name}`}
  const resource = {group: target.resource.group, resource: target.resource.name}
  let accepted: KubeObject | undefined
  const check = (object: KubeObject) => {
    if (done(object)) accepted = object
  }
  const end = await listAndWatch({
    client,
    path,
    query,
    resource,
    list: async (relist, signal) => {
      const res = await client.request<ObjectList>({path, query, resource, signal})
      const object = listItems(res.data, target.resource.kind)[0]
      if (object === undefined && !relist) opts.missing?.()
      if (object !== undefined) check(object)
      return res.data.metadata?.resourceVersion ?? ''
    },
    onEvent: (event) => (event.type === 'DELETED' ? opts.deleted(event.object) : check(event.object)),
    done: () => accepted !== undefined,
    signal: opts.signal,
    deadline: opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : undefined,
  })
  if (end === 'deadline') throw opts.timedOut()
  if (end === 'aborted') throw new CliError('error: interrupted')
  return accepted as KubeObject
}
