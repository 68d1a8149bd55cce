// `describe endpoints`, laid out as kubectl's EndpointsDescriber lays it out.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Describer} from './registry.js'
import {describeEvents, LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface EndpointSubset {
  addresses?: Array<{ip?: string}> | null
  notReadyAddresses?: Array<{ip?: string}> | null
  ports?: Array<{name?: string; port?: number; protocol?: string}> | null
}

interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[] | null
}

function ips(addresses: Array<{ip?: string}> | null | undefined): string {
  return (addresses ?? []).map((a) => a.ip ?? '').join(',') || '<none>'
}

export const describeEndpoints: Describer = async (dctx, obj) => {
  const ep = obj as Endpoints
  const meta = ep.metadata ?? {}
  const events = await eventsFor(dctx, eventReference(ep, 'Endpoints'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`)
      w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`)
      const ports = subset.ports ?? []
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const port of ports) w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port ?? 0}\t${port.protocol ?? ''}\n`)
      }
      w.write(LEVEL_0, '\n')
    }
    if (events) describeEvents(events, w, dctx.now)
  })
}
