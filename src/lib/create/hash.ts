// --append-hash: kustomize's content hash that kubectl appends to config map and secret names, so a
// changed config gets a new name (and rolls the pods that use it).
import {createHash} from 'node:crypto'
import {compactJSON} from '../printers/json.js'

/** hash.ConfigMapHash: over kind, name, data (and binaryData when there is any), as sorted JSON. */
export function configMapHash(cm: {name: string; data: Record<string, string>; binaryData: Record<string, Buffer>}): string {
  const encoded: Record<string, unknown> = {kind: 'ConfigMap', name: cm.name, data: cm.data}
  if (Object.keys(cm.binaryData).length > 0) encoded.binaryData = base64Values(cm.binaryData)
  return encodeHash(compactJSON(encoded, true))
}

/** hash.SecretHash: over kind, type, name and data. */
export function secretHash(secret: {name: string; type: string; data: Record<string, Buffer>}): string {
  return encodeHash(compactJSON({kind: 'Secret', type: secret.type, name: secret.name, data: base64Values(secret.data)}, true))
}

export function base64Values(data: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.toString('base64')]))
}

// The first ten hex digits of the SHA-256, with the vowels and look-alike digits swapped out.
function encodeHash(text: string): string {
  const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10)
  const swap: Record<string, string> = {'0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't'}
  return [...hex].map((c) => swap[c] ?? c).join('')
}
