// A pod's QoS class as kubectl's util/qos gives it: status.qosClass when the server set it, otherwise
// computed from the containers' requests and limits.
import type {Obj} from './pod-spec.js'
import {type Nanos, parseQuantity} from './quantity.js'

const QOS_RESOURCES = new Set(['cpu', 'memory'])

export function podQOSClass(pod: Obj): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  return computePodQOS(pod)
}

/** BestEffort without any cpu/memory request or limit; Guaranteed when every container limits both and requests equal limits. */
export function computePodQOS(pod: Obj): string {
  const requests = new Map<string, Nanos>()
  const limits = new Map<string, Nanos>()
  let guaranteed = true
  const containers = [...((pod.spec?.containers ?? []) as Obj[]), ...((pod.spec?.initContainers ?? []) as Obj[])]
  const add = (into: Map<string, Nanos>, list: Record<string, string> | undefined, found?: Set<string>) => {
    for (const [name, text] of Object.entries(list ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue
      const q = parseQuantity(text) ?? 0n
      if (q <= 0n) continue
      found?.add(name)
      into.set(name, (into.get(name) ?? 0n) + q)
    }
  }
  for (const container of containers) {
    add(requests, container.resources?.requests)
    const limited = new Set<string>()
    add(limits, container.resources?.limits, limited)
    if (!limited.has('memory') || !limited.has('cpu')) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
