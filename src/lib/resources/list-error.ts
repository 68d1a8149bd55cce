// cli-runtime's Selector.Visit: a list the server refused (400, 404) says which list it was, with the
// selectors, keeping the server's reason.
import type {APIResource} from '../discovery/types.js'
import {StatusError} from '../errors.js'
import {goQuote} from '../go/quote.js'

export function selectorListError(err: StatusError, resource: Pick<APIResource, 'group' | 'version' | 'name'>, labelSelector = '', fieldSelector = ''): StatusError {
  const gvr = goQuote(`${resource.group}/${resource.version}, Resource=${resource.name}`)
  const what =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list ${gvr}`
      : `Unable to find ${gvr} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}`
  return err.withStatus({...err.status, message: `${what}: ${err.status.message ?? ''}`})
}
