// `describe configmap`, laid out as kubectl's ConfigMapDescriber lays it out.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, searchEvents} from './fetch.js'
import type {Describer} from './registry.js'
import {describeEvents, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface ConfigMap extends KubeObject {
  data?: Record<string, string> | null
  /** Base64, as the API sends []byte. */
  binaryData?: Record<string, string> | null
}

/** Keys in byte order: kubectl prints them in Go's random map order, so any order is one it prints. */
function sortedKeys(map: Record<string, string> | null | undefined): string[] {
  return Object.keys(map ?? {}).sort()
}

export const describeConfigMap: Describer = async (dctx, obj) => {
  const cm = obj as ConfigMap
  const meta = cm.metadata ?? {}
  // Unlike most describers, kubectl fails the whole description when the events cannot be listed.
  const events = dctx.settings.showEvents ? await searchEvents(dctx, eventReference(cm, 'ConfigMap')) : undefined
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const key of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${key}:\n----\n`)
      w.write(LEVEL_0, `${cm.data![key]}\n`)
      w.write(LEVEL_0, '\n')
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    for (const key of sortedKeys(cm.binaryData)) {
      w.write(LEVEL_0, `${key}: ${Buffer.from(cm.binaryData![key], 'base64').length} bytes\n`)
    }
    w.write(LEVEL_0, '\n')
    if (events) describeEvents(events, w, dctx.now)
  })
}
