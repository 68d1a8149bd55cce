// kubectl's wording for a failure on one manifest object: the source file and the object, then the
// server's own message.
import {CliError, ConnectionError, StatusError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import type {ApplyTarget} from './types.js'

/** kubectl's AddSourceToErr: `error when VERB "SOURCE": MESSAGE`, inside a server Status when there is one. */
export function withSource(err: unknown, verb: string, source: string): Error {
  if (err instanceof StatusError) return err.withStatus({...err.status, message: `error when ${verb} ${goQuote(source)}: ${err.status.message ?? ''}`})
  // kubectl wraps the transport's own error, so a connection failure reads as Go's `Get "URL": EOF`.
  if (err instanceof ConnectionError) return new CliError(`error: error when ${verb} ${goQuote(source)}: ${err.urlError}`)
  if (err instanceof CliError) return new CliError(`error: error when ${verb} ${goQuote(source)}: ${err.message.replace(/^error: /, '')}`)
  return err instanceof Error ? err : new Error(String(err))
}

/** resource.Info's String(): how kubectl names an object in multi-line errors. */
export function describeInfo(target: ApplyTarget): string {
  const {group, version, name, kind} = target.resource
  return (
    `Resource: ${goQuote(`${group}/${version}, Resource=${name}`)}, GroupVersionKind: ${goQuote(`${group}/${version}, Kind=${kind}`)}\n` +
    `Name: ${goQuote(target.name)}, Namespace: ${goQuote(target.namespace ?? '')}`
  )
}
