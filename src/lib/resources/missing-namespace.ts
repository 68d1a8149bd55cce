// kubectl's Info.Get: when a named object is not found in a namespace other than default, it asks
// whether the namespace itself exists and reports that instead, which is the more useful answer.
import type {KubeClient} from '../client/types.js'
import {StatusError} from '../errors.js'

/** The error to report for a 404 on NAMESPACE/…/NAME: the namespace's own NotFound when it is missing, else `notFound`. */
export async function explainNotFound(client: KubeClient, namespace: string | undefined, notFound: StatusError): Promise<StatusError> {
  if (!namespace || namespace === 'default') return notFound
  try {
    await client.request({path: `/api/v1/namespaces/${encodeURIComponent(namespace)}`, resource: {resource: 'namespaces', name: namespace}})
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return err
  }
  return notFound
}
