// explain without a cluster: the bundled schemas (schemas/, see scripts/gen-schemas.mjs) turned into
// the OpenAPI v3 (or v2) document a server of that release would serve, with the documentation
// from _descriptions.json, so the same renderers print them. The v2 spec the schemas come from lists
// no enum values, so unlike a live 1.36 server's v3 document this one has none.
import {readFileSync} from 'node:fs'
import {CliError} from '../errors.js'
import {type BuiltinKind, builtinKinds, bundledDefinitions, KUBERNETES_RELEASE, SCHEMAS_DIR, splitAPIVersion} from '../validate/schema-set.js'
import type {SwaggerDocument, SwaggerSchema} from './openapi-v2.js'
import {type GroupVersionResource, gvrString, type V3Document, type V3Schema} from './openapi-v3.js'

const DEF = '#/definitions/'
const COMPONENT = '#/components/schemas/'

// Types the API server's spec gives its own shape, which the bundled validation schemas replace; as
// the v2 spec writes them. The v3 spec writes Quantity as oneOf string or number, without a type.
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity'
const SPECIAL: Record<string, SwaggerSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {type: 'string', format: 'int-or-string'},
  [QUANTITY]: {type: 'string'},
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': {type: 'string', format: 'date-time'},
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': {type: 'string', format: 'date-time'},
  'io.k8s.apimachinery.pkg.runtime.RawExtension': {type: 'object'},
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': {type: 'object'},
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': {type: 'object'},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
}
const SPECIAL_V3: Record<string, V3Schema> = {...(SPECIAL as Record<string, V3Schema>), [QUANTITY]: {oneOf: [{type: 'string'}, {type: 'number'}]}}

interface JSONSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JSONSchema>
  additionalProperties?: JSONSchema | boolean
  items?: JSONSchema
  required?: string[]
}

/**
 * The validation schema as an OpenAPI schema: one type (no null), no validation keywords, and
 * references as `reference(name)` writes them (v3 wraps them in allOf; v2 keeps $ref).
 */
function convert<T extends object>(s: JSONSchema, reference: (name: string) => T): T {
  if (s.$ref) return reference(s.$ref.slice(DEF.length))
  const out: Record<string, unknown> = {}
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter((t) => t !== 'null')
  if (types.length === 1) out.type = types[0]
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, convert(v, reference)]))
  if (typeof s.additionalProperties === 'object') out.additionalProperties = convert(s.additionalProperties, reference)
  if (s.items) out.items = convert(s.items, reference)
  if (s.required) out.required = s.required
  return out as T
}

const v3Reference = (name: string): V3Schema => ({allOf: [{$ref: COMPONENT + name}]})
const v2Reference = (name: string): SwaggerSchema => ({$ref: DEF + name})

let descriptions: Record<string, {d?: string; p?: Record<string, string>}> | undefined

/** A definition's converted schema with its own and its properties' descriptions put back. */
function documented<T extends {description?: string; properties?: Record<string, {description?: string}>}>(name: string, schema: T): T {
  descriptions ??= JSON.parse(readFileSync(new URL('_descriptions.json', SCHEMAS_DIR), 'utf8')) as typeof descriptions
  const docs = descriptions![name]
  if (!docs) return schema
  const out = {...schema}
  if (docs.d) out.description = docs.d
  if (docs.p && out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, docs.p![k] ? {...v, description: docs.p![k]} : v]))
  }
  return out
}

function loadDefinitions(): Record<string, JSONSchema> {
  return bundledDefinitions().definitions as Record<string, JSONSchema>
}

/** The v3 document for the group/version `kind` belongs to, with the one path explain looks the kind up by. */
export function bundledDocument(kind: BuiltinKind): V3Document {
  const {group, version} = splitAPIVersion(kind.apiVersion)
  const schemas: Record<string, V3Schema> = {}
  for (const [name, schema] of Object.entries(loadDefinitions())) schemas[name] = documented(name, SPECIAL_V3[name] ?? convert(schema, v3Reference))
  for (const k of builtinKinds()) {
    const gv = splitAPIVersion(k.apiVersion)
    const schema = schemas[k.definition]
    schema['x-kubernetes-group-version-kind'] = [...((schema['x-kubernetes-group-version-kind'] as unknown[]) ?? []), {group: gv.group, kind: k.kind, version: gv.version}]
  }
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`
  const path = kind.namespaced ? `${prefix}/namespaces/{namespace}/${kind.resource}` : `${prefix}/${kind.resource}`
  return {paths: {[path]: {get: {'x-kubernetes-group-version-kind': {group, kind: kind.kind, version}}}}, components: {schemas}}
}

/** The bundled schemas as the v2 spec's definitions, each kind's GVKs listed. */
export function bundledSwagger(): SwaggerDocument {
  const defs: Record<string, SwaggerSchema> = {}
  for (const [name, schema] of Object.entries(loadDefinitions())) defs[name] = documented(name, SPECIAL[name] ?? convert(schema, v2Reference))
  for (const k of builtinKinds()) {
    const def = defs[k.definition]
    def['x-kubernetes-group-version-kind'] = [...(def['x-kubernetes-group-version-kind'] ?? []), {...splitAPIVersion(k.apiVersion), kind: k.kind}]
  }
  return {definitions: defs}
}

/**
 * The bundled kind a user-typed resource (plural, singular or kind, optionally `.group`) names, and the
 * field path after it: kubectl's SplitAndParseResourceRequestWithMatchingPrefix over the bundled index.
 */
export function resolveBundled(input: string, apiVersion?: string): {kind: BuiltinKind; gvr: GroupVersionResource; fieldPath: string[]} {
  const parts = input.split('.')
  const name = parts[0].toLowerCase()
  const all = builtinKinds()
  const matching = all.filter((k) => k.resource === name || k.kind.toLowerCase() === name)
  if (matching.length === 0) throw new CliError(`error: the bundled Kubernetes ${KUBERNETES_RELEASE} schemas have no resource type ${JSON.stringify(parts[0])} (short names need a cluster)`)
  // The core group first, then the most stable version of each group (the bundled index lists them so).
  const ordered = [...matching].sort((a, b) => groupRank(a) - groupRank(b))
  for (const k of ordered) {
    const {group} = splitAPIVersion(k.apiVersion)
    const prefix = group ? `${k.resource}.${group}` : k.resource
    if (input === prefix || input.startsWith(`${prefix}.`)) return located(k, input.slice(prefix.length + 1))
  }
  return located(ordered[0], parts.slice(1).join('.'))

  function located(k: BuiltinKind, rest: string) {
    const {group, version} = splitAPIVersion(k.apiVersion)
    let kind = k
    let gvr = {group, version, resource: k.resource}
    if (apiVersion) {
      const wanted = all.find((c) => c.apiVersion === apiVersion && c.kind === k.kind)
      if (!wanted) throw new CliError(`error: couldn't find resource for "${gvrString({...splitAPIVersion(apiVersion), resource: k.resource})}"`)
      kind = wanted
      gvr = {...splitAPIVersion(apiVersion), resource: k.resource}
    }
    return {kind, gvr, fieldPath: rest === '' ? [] : rest.split('.')}
  }

  function groupRank(k: BuiltinKind): number {
    const {group, version} = splitAPIVersion(k.apiVersion)
    const stability = /^v\d+$/.test(version) ? 0 : /beta/.test(version) ? 1 : 2
    return (group === '' ? 0 : 10) + stability
  }
}
