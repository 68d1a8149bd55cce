// `describe networkpolicy`, laid out as kubectl's NetworkPolicyDescriber lays it out: which pods the
// policy selects, then each ingress and egress rule's ports and peers.
import type {KubeObject} from '../resources/objects.js'
import {formatLabelSelector, type LabelSelector} from './format.js'
import type {Describer} from './registry.js'
import {formatGoTimeString} from './time.js'
import {LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, tabbedString} from './writer.js'

interface Peer {
  podSelector?: LabelSelector | null
  namespaceSelector?: LabelSelector | null
  ipBlock?: {cidr?: string; except?: string[] | null} | null
}

interface Rule {
  ports?: Array<{port?: number | string | null; protocol?: string | null}> | null
  from?: Peer[] | null
  to?: Peer[] | null
}

interface NetworkPolicy extends KubeObject {
  spec?: {
    podSelector?: LabelSelector | null
    ingress?: Rule[] | null
    egress?: Rule[] | null
    policyTypes?: string[] | null
  }
}

const INDENT = '    '

/** One direction's rules: the ports, then the peers ("From" for ingress, "To" for egress). */
function printRules(w: PrefixWriter, rules: Rule[], direction: 'ingress' | 'egress'): void {
  const [title, anyPeer] = direction === 'ingress' ? ['From', 'source'] : ['To', 'destination']
  if (rules.length === 0) {
    w.write(LEVEL_0, `${INDENT}<none> (Selected pods are isolated for ${direction} connectivity)\n`)
    return
  }
  rules.forEach((rule, i) => {
    const ports = rule.ports ?? []
    if (ports.length === 0) w.write(LEVEL_0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`)
    // A port left unset is Go's nil *IntOrString, which %s prints as <nil>.
    for (const port of ports) w.write(LEVEL_0, `${INDENT}To Port: ${port.port ?? '<nil>'}/${port.protocol ?? 'TCP'}\n`)
    const peers = (direction === 'ingress' ? rule.from : rule.to) ?? []
    if (peers.length === 0) w.write(LEVEL_0, `${INDENT}${title}: <any> (traffic not restricted by ${anyPeer})\n`)
    for (const peer of peers) {
      w.write(LEVEL_0, `${INDENT}${title}:\n`)
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`)
        w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`)
      } else if (peer.podSelector) {
        w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`)
      } else if (peer.namespaceSelector) {
        w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`)
      } else if (peer.ipBlock) {
        w.write(LEVEL_1, `${INDENT}IPBlock:\n`)
        w.write(LEVEL_2, `${INDENT}CIDR: ${peer.ipBlock.cidr ?? ''}\n`)
        w.write(LEVEL_2, `${INDENT}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`)
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${INDENT}----------\n`)
  })
}

export const describeNetworkPolicy: Describer = async (_dctx, obj) => {
  const np = obj as NetworkPolicy
  const meta = np.metadata ?? {}
  const spec = np.spec ?? {}
  const policyTypes = spec.policyTypes ?? []
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    w.write(LEVEL_0, `Created on:\t${formatGoTimeString(meta.creationTimestamp)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, 'Spec:\n')
    w.write(LEVEL_1, 'PodSelector: ')
    const selector = spec.podSelector
    const selectsAll = Object.keys(selector?.matchLabels ?? {}).length === 0 && (selector?.matchExpressions ?? []).length === 0
    w.write(LEVEL_2, selectsAll ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(selector)}\n`)
    if (policyTypes.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n')
      printRules(w, spec.ingress ?? [], 'ingress')
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n')
    }
    if (policyTypes.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n')
      printRules(w, spec.egress ?? [], 'egress')
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n')
    }
    w.write(LEVEL_1, `Policy Types: ${policyTypes.join(', ')}\n`)
  })
}
