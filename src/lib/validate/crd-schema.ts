// Custom resources: the kinds a CustomResourceDefinition serves, and its structural schema
// (openAPIV3Schema) as a JSON schema that accepts what the API server accepts with
// fieldValidation=Strict: fields the schema does not name are unknown unless
// x-kubernetes-preserve-unknown-fields says to keep them; null is accepted everywhere (the server
// prunes it); x-kubernetes-int-or-string and x-kubernetes-embedded-resource mean what they say;
// metadata is ObjectMeta. CEL rules (x-kubernetes-validations) are not evaluated.
import type {AnySchemaObject} from 'ajv'
import type {KubeObject} from '../resources/objects.js'
import {DEFINITIONS_URI} from './ajv-setup.js'
import {CRD_FORMATS} from './formats.js'

export interface CustomKind {
  apiVersion: string
  kind: string
  namespaced: boolean
  /** metadata.name of the CRD that defines it, for messages. */
  crd: string
  /** The served version's openAPIV3Schema; undefined when the CRD gives none (then any content goes). */
  schema?: Record<string, unknown>
}

const OBJECT_META = {$ref: `${DEFINITIONS_URI}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`}

export function isCustomResourceDefinition(object: KubeObject): boolean {
  return object.kind === 'CustomResourceDefinition' && (object.apiVersion === 'apiextensions.k8s.io/v1' || object.apiVersion === 'apiextensions.k8s.io/v1beta1')
}

/** The kinds a CRD serves, one per served version. */
export function customKinds(crd: KubeObject): CustomKind[] {
  const spec = asMapping(crd.spec)
  const names = asMapping(spec.names)
  const group = spec.group
  const kind = names.kind
  if (typeof group !== 'string' || group === '' || typeof kind !== 'string' || kind === '') return []
  const namespaced = spec.scope !== 'Cluster'
  const name = typeof crd.metadata?.name === 'string' ? crd.metadata.name : `${String(names.plural ?? '')}.${group}`
  // apiextensions.k8s.io/v1beta1 allowed one schema for all versions (spec.validation) and a spec.version.
  const shared = asMapping(asMapping(spec.validation).openAPIV3Schema)
  const versions = Array.isArray(spec.versions) ? spec.versions.map(asMapping) : typeof spec.version === 'string' ? [{name: spec.version}] : []
  const kinds: CustomKind[] = []
  for (const version of versions) {
    if (typeof version.name !== 'string' || version.served === false) continue
    const schema = asMapping(asMapping(version.schema).openAPIV3Schema)
    const chosen = Object.keys(schema).length > 0 ? schema : Object.keys(shared).length > 0 ? shared : undefined
    kinds.push({apiVersion: `${group}/${version.name}`, kind, namespaced, crd: name, schema: chosen})
  }
  return kinds
}

/** The JSON schema a custom resource of this kind is validated with. */
export function customResourceSchema(kind: CustomKind): AnySchemaObject {
  if (!kind.schema) return {type: 'object', properties: {apiVersion: {type: 'string'}, kind: {type: 'string'}, metadata: OBJECT_META}}
  const root = convert(kind.schema)
  const properties = (root.properties ?? {}) as Record<string, unknown>
  const metadata = properties.metadata as AnySchemaObject | undefined
  root.properties = {
    ...properties,
    apiVersion: {type: ['string', 'null']},
    kind: {type: ['string', 'null']},
    // A CRD may only narrow name and generateName; the rest of metadata is ObjectMeta.
    metadata: metadata && metadata.properties ? {allOf: [OBJECT_META, {properties: metadata.properties}]} : OBJECT_META,
  }
  root.type = 'object'
  return root
}

const INT32 = {minimum: -2147483648, maximum: 2147483647}
const COPIED = ['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'required']

function convert(node: Record<string, unknown>): AnySchemaObject {
  const out: AnySchemaObject = {}
  const type = node.type
  if (node['x-kubernetes-int-or-string'] === true) out.type = ['integer', 'string', 'null']
  else if (typeof type === 'string') out.type = [type, 'null']
  if (Array.isArray(node.enum)) out.enum = [...node.enum, null]
  for (const key of COPIED) if (node[key] !== undefined) out[key] = node[key]
  // OpenAPI 3.0's boolean exclusive bounds are JSON Schema draft-07's numeric ones.
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    out.exclusiveMinimum = node.minimum
    delete out.minimum
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    out.exclusiveMaximum = node.maximum
    delete out.maximum
  }
  const format = node.format
  if (format === 'int32') Object.assign(out, {...INT32, ...pick(out, ['minimum', 'maximum'])})
  else if (format === 'datetime') out.format = 'date-time'
  else if (typeof format === 'string' && Object.hasOwn(CRD_FORMATS, format)) out.format = format
  if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true
  if (isMapping(node.items)) out.items = convert(node.items)
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[combinator]
    if (Array.isArray(branches)) out[combinator] = branches.filter(isMapping).map(convert)
  }
  if (isMapping(node.not)) out.not = convert(node.not)
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true
  const embedded = node['x-kubernetes-embedded-resource'] === true
  const properties: Record<string, AnySchemaObject> = {}
  if (isMapping(node.properties)) for (const [name, schema] of Object.entries(node.properties)) properties[name] = isMapping(schema) ? convert(schema) : {}
  if (embedded) {
    properties.apiVersion ??= {type: ['string', 'null']}
    properties.kind ??= {type: ['string', 'null']}
    properties.metadata = OBJECT_META
    out.required = [...new Set([...((out.required as string[] | undefined) ?? []), 'apiVersion', 'kind'])]
  }
  if (Object.keys(properties).length > 0) out.properties = properties
  if (isMapping(node.additionalProperties)) out.additionalProperties = convert(node.additionalProperties)
  else if (node.additionalProperties !== true && !preserve && (type === 'object' || out.properties !== undefined)) out.additionalProperties = false
  return out
}

function pick(object: AnySchemaObject, keys: string[]): AnySchemaObject {
  const out: AnySchemaObject = {}
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key]
  return out
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

function asMapping(v: unknown): Record<string, unknown> {
  return isMapping(v) ? v : {}
}
