// apply --force: kubectl's Patcher.deleteAndCreate, for an object whose patch the server refuses as
// Invalid (an immutable field changed) or keeps meeting a Conflict on. The object is deleted, read
// every second until it is gone, and created from the manifest; if that create fails, the object
// as it was is created again and the failure is reported.
import type {KubeClient} from '../client/types.js'
import {CliError, goErrorText, StatusError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {deleteOptionsBody, type PropagationPolicy} from '../ops/delete-options.js'
import type {ApplyTarget} from './types.js'
import {sleep} from '../sleep.js'

export interface DeletionOptions {
  /** --cascade. */
  propagationPolicy: PropagationPolicy
  /** --grace-period; negative for the object's own. */
  gracePeriod: number
  /** --timeout in milliseconds; 0 waits for as long as the deletion takes (wait.PollImmediate's 0). */
  timeoutMs: number
}

// kubectl polls for the deleted object once a second.
const POLL_MS = 1000

/** A patch failure --force replaces the object over. */
export function recreatesOver(err: unknown): boolean {
  return err instanceof StatusError && (err.reason === 'Invalid' || err.reason === 'Conflict')
}

export async function recreate(
  client: KubeClient,
  target: ApplyTarget,
  live: KubeObject,
  modified: KubeObject,
  opts: DeletionOptions & {query: Record<string, string | undefined>},
): Promise<KubeObject> {
  const resource = {group: target.resource.group, resource: target.resource.name, name: target.name}
  const objectPath = resourcePath(target.resource, target.namespace, target.name)
  await client.request({method: 'DELETE', path: objectPath, body: deleteOptionsBody(opts, 'none', true), resource})
  const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Number.POSITIVE_INFINITY
  for (;;) {
    try {
      await client.request({path: objectPath, resource})
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) break
      throw err
    }
    if (Date.now() + POLL_MS > deadline) throw new CliError('timed out waiting for the condition')
    await sleep(POLL_MS)
  }
  const create = (object: KubeObject) =>
    client.request<KubeObject>({method: 'POST', path: resourcePath(target.resource, target.namespace), query: opts.query, body: object, resource: {...resource, name: undefined}})
  try {
    return (await create(modified)).data
  } catch (err) {
    if (!(err instanceof CliError)) throw err
    try {
      await create(withoutResourceVersion(live))
    } catch (restoreErr) {
      if (!(restoreErr instanceof CliError)) throw restoreErr
      throw new CliError(
        `error: An error occurred force-replacing the existing object with the newly provided one:\n\n${goErrorText(err)}.\n\nAdditionally, an error occurred attempting to restore the original object:\n\n${goErrorText(restoreErr)}`,
      )
    }
    throw err
  }
}

// resource.Helper's Create(modify=true): a resourceVersion would be refused on create.
function withoutResourceVersion(object: KubeObject): KubeObject {
  const {resourceVersion: _rv, ...metadata} = object.metadata ?? {}
  return {...object, metadata}
}
