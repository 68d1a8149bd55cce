// `describe secret`, laid out as kubectl's SecretDescriber lays it out — except that ktl never prints
// a value: kubectl prints a service account token in full, ktl prints its size like every other key.
import type {KubeObject} from '../resources/objects.js'
import type {Describer} from './registry.js'
import {LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface Secret extends KubeObject {
  type?: string
  /** Base64, as the API sends []byte. */
  data?: Record<string, string> | null
}

export const describeSecret: Describer = async (dctx, obj) => {
  const secret = obj as Secret
  const meta = secret.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    // kubectl walks the data in Go's random map order; byte order is one of the orders it prints.
    for (const key of Object.keys(secret.data ?? {}).sort()) {
      w.write(LEVEL_0, `${key}:\t${Buffer.from(secret.data![key], 'base64').length} bytes\n`)
    }
  })
}
