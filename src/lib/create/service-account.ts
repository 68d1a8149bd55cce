// `create serviceaccount NAME`: kubectl's ServiceAccount, fields in its Go struct order.
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export function buildServiceAccount(opts: {name: string}): KubeObject {
  return {kind: 'ServiceAccount', apiVersion: 'v1', metadata: generatedMeta(opts.name)}
}
