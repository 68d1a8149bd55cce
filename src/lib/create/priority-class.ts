// `ktl create priorityclass`: a PriorityClass with a value, description and preemption policy.
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export interface PriorityClassOptions {
  name: string
  value: number
  globalDefault: boolean
  description: string
  /** kubectl's default: PreemptLowerPriority. */
  preemptionPolicy: string
}

export function buildPriorityClass(opts: PriorityClassOptions): KubeObject {
  return {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: generatedMeta(opts.name),
    value: opts.value,
    ...(opts.globalDefault ? {globalDefault: true} : {}),
    ...(opts.description !== '' ? {description: opts.description} : {}),
    // a pointer in Go: written even when empty
    preemptionPolicy: opts.preemptionPolicy,
  }
}
