// `create namespace NAME`: kubectl's Namespace, fields in its Go struct order.
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export function buildNamespace(opts: {name: string}): KubeObject {
  return {kind: 'Namespace', apiVersion: 'v1', metadata: generatedMeta(opts.name), spec: {}, status: {}}
}
