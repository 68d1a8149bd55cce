// How kubectl names a manifest object in its multi-line apply errors.
import {goQuote} from '../go/quote.js'
import type {ApplyTarget} from './types.js'

/** resource.Info's String(): how kubectl names an object in multi-line errors. */
export function describeInfo(target: ApplyTarget): string {
  const {group, version, name, kind} = target.resource
  return (
    `Resource: ${goQuote(`${group}/${version}, Resource=${name}`)}, GroupVersionKind: ${goQuote(`${group}/${version}, Kind=${kind}`)}\n` +
    `Name: ${goQuote(target.name)}, Namespace: ${goQuote(target.namespace ?? '')}`
  )
}
