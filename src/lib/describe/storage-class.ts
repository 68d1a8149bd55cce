// `describe storageclass`, laid out as kubectl's StorageClassDescriber lays it out.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Describer} from './registry.js'
import {describeEvents, formatLabels, LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString} from './writer.js'

interface TopologySelectorTerm {
  matchLabelExpressions?: Array<{key?: string; values?: string[]}> | null
}

interface StorageClass extends KubeObject {
  provisioner?: string
  parameters?: Record<string, string> | null
  allowVolumeExpansion?: boolean | null
  mountOptions?: string[] | null
  reclaimPolicy?: string | null
  volumeBindingMode?: string | null
  allowedTopologies?: TopologySelectorTerm[] | null
}

/** storageutil.IsDefaultAnnotationText: the GA annotation, else the beta one. */
function isDefaultClass(sc: StorageClass): string {
  const annotations = sc.metadata?.annotations ?? {}
  const value = annotations['storageclass.kubernetes.io/is-default-class'] ?? annotations['storageclass.beta.kubernetes.io/is-default-class']
  return value === 'true' ? 'Yes' : 'No'
}

function printAllowedTopologies(w: PrefixWriter, terms: TopologySelectorTerm[]): void {
  w.write(LEVEL_0, 'AllowedTopologies:\t')
  if (terms.length === 0) {
    w.write(LEVEL_0, '<none>\n')
    return
  }
  w.write(LEVEL_0, '\n')
  terms.forEach((term, i) => {
    w.write(LEVEL_1, `Term ${i}:\t`)
    const requirements = term.matchLabelExpressions ?? []
    if (requirements.length === 0) {
      w.write(LEVEL_0, '<none>\n')
      return
    }
    requirements.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_1, '\t')
      const values = req.values ?? []
      w.write(LEVEL_0, `${req.key ?? ''} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`)
    })
  })
}

export const describeStorageClass: Describer = async (dctx, obj) => {
  const sc = obj as StorageClass
  const events = await eventsFor(dctx, eventReference(sc, 'StorageClass'))
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc)}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
    const expansion = sc.allowVolumeExpansion
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion === undefined || expansion === null ? '<unset>' : expansion ? 'True' : 'False'}\n`)
    const mountOptions = sc.mountOptions ?? []
    if (mountOptions.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
    else {
      w.write(LEVEL_0, 'MountOptions:\n')
      for (const option of mountOptions) w.write(LEVEL_1, `${option}\n`)
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
    if (sc.allowedTopologies) printAllowedTopologies(w, sc.allowedTopologies)
    if (events) describeEvents(events, w, dctx.now)
  })
}
