// Turns an OpenAPI v2 document (the Kubernetes swagger.json, or what a server serves at /openapi/v2)
// into the compact patch metadata ktl ships as schemas/patch-meta.json. It keeps what kubectl's
// strategic merge patch reads from the spec (x-kubernetes-patch-strategy and -merge-key) and the
// shape kube-openapi's proto models give each schema, because the patch walk follows that shape
// and fails where it fails (a map where an object is expected, a field the schema lacks).
//
// Schema codes, one string per schema:
//   'p'        primitive (string, integer, number, boolean; Quantity, Time, IntOrString)
//   '*'        arbitrary (no type and no properties: the walk stops looking up metadata below it)
//   '#NAME'    reference to definitions[NAME]
//   '[' CODE   array of CODE
//   '{' CODE   map of CODE (an object without properties; '*' when it has no additionalProperties)
// A definition is a field table (an object with properties) or a schema code. A field is its code,
// or [code, patchStrategy, mergeKey] when it carries patch metadata.
//
// Runs under Node's type stripping too (scripts/gen-patch-meta.mjs imports it): no relative imports,
// no TypeScript-only runtime syntax.

export type SchemaCode = string
export type FieldCode = SchemaCode | [SchemaCode, string, string]
export type FieldTable = Record<string, FieldCode>

export interface PatchMetaDocument {
  /** Where the metadata came from. */
  source: string
  /** "apiVersion/Kind" (apiVersion "v1" for the core group) -> root definition, for every kind whose PATCH accepts a strategic merge patch. */
  kinds: Record<string, string>
  definitions: Record<string, FieldTable | SchemaCode>
}

interface OpenAPISchema {
  $ref?: string
  description?: string
  type?: string | string[]
  properties?: Record<string, OpenAPISchema>
  additionalProperties?: OpenAPISchema | boolean
  items?: OpenAPISchema
  'x-kubernetes-patch-strategy'?: string
  'x-kubernetes-patch-merge-key'?: string
  'x-kubernetes-group-version-kind'?: Array<{group: string; version: string; kind: string}>
}

interface OpenAPIOperation {
  consumes?: string[]
  'x-kubernetes-group-version-kind'?: {group: string; version: string; kind: string}
}

export interface OpenAPIV2Document {
  definitions?: Record<string, OpenAPISchema>
  paths?: Record<string, {patch?: OpenAPIOperation}>
}

const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json'
const REF_PREFIX = '#/definitions/'

/** The compact patch metadata of an OpenAPI v2 document; keys sorted, so the same input gives the same bytes. */
export function compactPatchMeta(doc: OpenAPIV2Document, source: string): PatchMetaDocument {
  const definitions = doc.definitions ?? {}
  const kinds: Record<string, string> = {}
  const patchable = strategicPatchKinds(doc)
  for (const name of Object.keys(definitions).sort()) {
    for (const gvk of definitions[name]['x-kubernetes-group-version-kind'] ?? []) {
      const key = `${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`
      if (patchable.has(key)) kinds[key] = name
    }
  }
  const ctx: Walk = {out: {}, pending: [], seen: new Set()}
  for (const root of Object.values(kinds)) enqueue(ctx, root)
  // Only definitions reachable from a patchable kind: the rest never meet a patch.
  while (ctx.pending.length > 0) {
    const name = ctx.pending.pop() as string
    const schema = definitions[name]
    define(ctx, name, schema ? compactDefinition(schema, name, ctx) : '*')
  }
  return {source, kinds: sortKeys(kinds), definitions: sortKeys(ctx.out)}
}

/** The document as ktl stores it: one kind and one definition per line, so regenerations diff well. */
export function serializePatchMeta(meta: PatchMetaDocument): string {
  const lines = ['{', `"source": ${JSON.stringify(meta.source)},`, '"kinds": {']
  const kinds = Object.entries(meta.kinds)
  kinds.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < kinds.length - 1 ? ',' : ''}`))
  lines.push('},', '"definitions": {')
  const defs = Object.entries(meta.definitions)
  defs.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < defs.length - 1 ? ',' : ''}`))
  lines.push('}', '}', '')
  return lines.join('\n')
}

interface Walk {
  out: Record<string, FieldTable | SchemaCode>
  pending: string[]
  seen: Set<string>
}

function enqueue(ctx: Walk, name: string): void {
  if (ctx.seen.has(name)) return
  ctx.seen.add(name)
  ctx.pending.push(name)
}

function define(ctx: Walk, name: string, compact: FieldTable | SchemaCode): void {
  ctx.seen.add(name)
  ctx.out[name] = compact
  for (const ref of references(compact)) enqueue(ctx, ref)
}

function strategicPatchKinds(doc: OpenAPIV2Document): Set<string> {
  const kinds = new Set<string>()
  for (const item of Object.values(doc.paths ?? {})) {
    const gvk = item.patch?.['x-kubernetes-group-version-kind']
    if (gvk && (item.patch?.consumes ?? []).includes(STRATEGIC_MERGE_PATCH)) {
      kinds.add(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`)
    }
  }
  return kinds
}

function compactDefinition(schema: OpenAPISchema, name: string, ctx: Walk): FieldTable | SchemaCode {
  if (!schema.$ref && schema.properties && isObjectOrUntyped(schema)) return fieldTable(schema, name, ctx)
  return schemaCode(schema, name, ctx)
}

function fieldTable(schema: OpenAPISchema, path: string, ctx: Walk): FieldTable {
  const table: FieldTable = {}
  for (const field of Object.keys(schema.properties ?? {}).sort()) {
    const prop = (schema.properties as Record<string, OpenAPISchema>)[field]
    const code = schemaCode(prop, `${path}.${field}`, ctx)
    const strategy = prop['x-kubernetes-patch-strategy']
    const mergeKey = prop['x-kubernetes-patch-merge-key']
    table[field] = strategy || mergeKey ? [code, strategy ?? '', mergeKey ?? ''] : code
  }
  return table
}

// kube-openapi's ParseSchema: $ref first; no type means a kind when there are properties and
// arbitrary otherwise; object means a kind with properties and a map without; several types arbitrary.
function schemaCode(schema: OpenAPISchema, path: string, ctx: Walk): SchemaCode {
  if (schema.$ref) return `#${schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : schema.$ref}`
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length > 1) return '*'
  const type = types[0] ?? ''
  if (type === '') {
    if (!schema.properties) return '*'
    return inlineKind(schema, path, ctx)
  }
  if (type === 'object') {
    if (schema.properties) return inlineKind(schema, path, ctx)
    const value = schema.additionalProperties
    return `{${value && typeof value === 'object' ? schemaCode(value, path, ctx) : '*'}`
  }
  if (type === 'array') return `[${schema.items ? schemaCode(schema.items, path, ctx) : '*'}`
  return 'p'
}

// An object schema written inline gets a definition of its own, named by its path as kube-openapi
// names it (DEFINITION.field), so field lookups report the same path.
function inlineKind(schema: OpenAPISchema, path: string, ctx: Walk): SchemaCode {
  define(ctx, path, fieldTable(schema, path, ctx))
  return `#${path}`
}

function isObjectOrUntyped(schema: OpenAPISchema): boolean {
  return schema.type === undefined || schema.type === 'object'
}

function references(compact: FieldTable | SchemaCode): string[] {
  const codes = typeof compact === 'string' ? [compact] : Object.values(compact).map((f) => (typeof f === 'string' ? f : f[0]))
  const refs: string[] = []
  for (const code of codes) {
    const at = code.indexOf('#')
    if (at >= 0) refs.push(code.slice(at + 1))
  }
  return refs
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {}
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]
  return sorted
}
