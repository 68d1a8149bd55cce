// kubectl's builder decodes every -f object's metadata into metav1.ObjectMeta before it maps it
// (metadataValidatingDecoder), so `name: y` (a YAML 1.1 boolean) or `namespace: 5` is refused
// rather than sent as "true" or "5". This checks the ObjectMeta fields manifests carry.

type GoType = 'string' | 'int64' | 'map[string]string' | '[]string'

const FIELDS: Record<string, GoType> = {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  deletionGracePeriodSeconds: 'int64',
  labels: 'map[string]string',
  annotations: 'map[string]string',
  finalizers: '[]string',
}

/** encoding/json's UnmarshalTypeError for the first ill-typed field, in document order; undefined when all fit. */
export function objectMetaTypeError(metadata: unknown): string | undefined {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return undefined
  for (const [key, value] of Object.entries(metadata as Record<string, unknown>)) {
    const type = FIELDS[key]
    if (type === undefined || value === null) continue
    const field = `metadata.${key}`
    const wrong = (v: unknown, goType: string) => `json: cannot unmarshal ${jsonKind(v)} into Go struct field ObjectMeta.${field} of type ${goType}`
    switch (type) {
      case 'string':
        if (typeof value !== 'string') return wrong(value, type)
        break
      case 'int64':
        if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) break
        return typeof value === 'number' ? `json: cannot unmarshal number ${value} into Go struct field ObjectMeta.${field} of type int64` : wrong(value, type)
      case 'map[string]string': {
        if (typeof value !== 'object' || Array.isArray(value)) return wrong(value, type)
        const bad = Object.values(value as Record<string, unknown>).find((v) => v !== null && typeof v !== 'string')
        if (bad !== undefined) return wrong(bad, 'string')
        break
      }
      case '[]string': {
        if (!Array.isArray(value)) return wrong(value, type)
        const bad = value.find((v) => v !== null && typeof v !== 'string')
        if (bad !== undefined) return wrong(bad, 'string')
        break
      }
    }
  }
  return undefined
}

/** How encoding/json names a JSON value's kind in its errors. */
function jsonKind(value: unknown): string {
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number' || typeof value === 'bigint') return 'number'
  if (typeof value === 'string') return 'string'
  return Array.isArray(value) ? 'array' : 'object'
}
