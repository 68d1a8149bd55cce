// `describe serviceaccount`, laid out as kubectl's ServiceAccountDescriber lays it out: the secrets it
// names (marked "(not found)" when missing) and the token secrets issued for it.
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor, listAll} from './fetch.js'
import type {Describer} from './registry.js'
import {describeEvents, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface ServiceAccount extends KubeObject {
  secrets?: Array<{name?: string}> | null
  imagePullSecrets?: Array<{name?: string}> | null
}

interface Secret extends KubeObject {
  type?: string
}

const TOKEN_TYPE = 'kubernetes.io/service-account-token'
const NAME_ANNOTATION = 'kubernetes.io/service-account.name'
const UID_ANNOTATION = 'kubernetes.io/service-account.uid'

// kubectl prints the three lists in the byte order of these padded headers.
const PULL_HEADER = 'Image pull secrets:'
const MOUNT_HEADER = 'Mountable secrets: '
const TOKEN_HEADER = 'Tokens:            '
const EMPTY_HEADER = '                   '

export const describeServiceAccount: Describer = async (dctx, obj) => {
  const sa = obj as ServiceAccount
  const meta = sa.metadata ?? {}
  const tokens: string[] = []
  const missing = new Set<string>()
  let secrets: Secret[] | undefined
  try {
    secrets = await listAll<Secret>(dctx, `/api/v1/namespaces/${encodeURIComponent(meta.namespace ?? '')}/secrets`)
  } catch {
    // kubectl still describes the account, with no tokens and nothing marked missing.
  }
  if (secrets) {
    const existing = new Set<string>()
    for (const s of secrets) {
      const annotations = s.metadata?.annotations ?? {}
      const forThis = (annotations[NAME_ANNOTATION] ?? '') === (meta.name ?? '') && (annotations[UID_ANNOTATION] ?? '') === (meta.uid ?? '')
      if (s.type === TOKEN_TYPE && forThis) tokens.push(s.metadata?.name ?? '')
      existing.add(s.metadata?.name ?? '')
    }
    for (const ref of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) if (!existing.has(ref.name ?? '')) missing.add(ref.name ?? '')
  }
  const events = await eventsFor(dctx, eventReference(sa, 'ServiceAccount'))
  const lists: Array<[string, string[]]> = [
    [PULL_HEADER, (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    [MOUNT_HEADER, (sa.secrets ?? []).map((s) => s.name ?? '')],
    [TOKEN_HEADER, tokens],
  ]
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    printTerminating(w, meta, dctx.now)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    for (const [header, names] of lists) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`)
        continue
      }
      names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`))
    }
    if (events) describeEvents(events, w, dctx.now)
  })
}
