// The strategic merge patch metadata of built-in kinds (schemas/patch-meta.json, generated from the
// Kubernetes OpenAPI spec by scripts/gen-patch-meta.mjs), read on first use so only apply pays for it.
//
// PatchSchema is apimachinery's LookupPatchMeta: a position in the schema that answers "what
// strategy, merge key and subschema does field K have". In 'openapi' mode it behaves like
// PatchMetaFromOpenAPI over kube-openapi's proto models (kubectl's first choice); in 'struct' mode
// like PatchMetaFromStruct over the compiled-in Go types, which kubectl falls back to when the
// OpenAPI walk fails (maps then resolve to their value type instead of failing).
import {readFileSync} from 'node:fs'
import type {FieldCode, FieldTable, PatchMetaDocument, SchemaCode} from './openapi-compact.js'

export type PatchMetaMode = 'openapi' | 'struct'

/** A field's patch metadata and the schema below it. */
export interface FieldPatchMeta {
  schema: PatchSchema
  strategies: string[]
  mergeKey: string
}

/** A failed metadata lookup, worded as apimachinery words it. */
export class PatchMetaLookupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PatchMetaLookupError'
  }
}

export class PatchSchema {
  constructor(
    readonly doc: PatchMetaDocument,
    /** undefined: nothing known below this point (every lookup answers "no metadata"). */
    readonly code: SchemaCode | undefined,
    readonly mode: PatchMetaMode = 'openapi',
  ) {}

  /** A schema that knows nothing: every list is replaced, every map merged. */
  static none(doc: PatchMetaDocument = EMPTY_DOCUMENT): PatchSchema {
    return new PatchSchema(doc, undefined)
  }

  /** LookupPatchMetadataForStruct: the field `key` of an object. */
  lookupStruct(key: string): FieldPatchMeta {
    const target = this.resolve(this.code)
    if (target === undefined || target === '*') return this.empty()
    if (typeof target !== 'string') return this.field(target.table, target.name, key)
    switch (target[0]) {
      case '{':
        if (this.mode === 'struct') return {schema: this.at(target.slice(1)), strategies: [], mergeKey: ''}
        throw new PatchMetaLookupError('expected kind, but got map')
      case '[':
        throw new PatchMetaLookupError(this.mode === 'struct' ? 'merging an object in json but data type is not map or struct, instead is: slice' : 'expected kind, but got slice')
      default:
        throw new PatchMetaLookupError(this.mode === 'struct' ? 'merging an object in json but data type is not map or struct, instead is: string' : 'expected kind, but got primitive')
    }
  }

  /** LookupPatchMetadataForSlice: the field `key` of an object, which holds a list; the schema is the items'. */
  lookupSlice(key: string): FieldPatchMeta {
    const target = this.resolve(this.code)
    if (target === undefined || target === '*') return this.empty()
    if (typeof target !== 'string') {
      const found = this.field(target.table, target.name, key)
      return {...found, schema: this.items(found.schema.code)}
    }
    switch (target[0]) {
      case '{':
        if (this.mode === 'struct') {
          const value = this.resolve(target.slice(1))
          if (typeof value === 'string' && value[0] === '[') return {schema: this.at(value.slice(1)), strategies: [], mergeKey: ''}
          throw new PatchMetaLookupError('expected slice or array type, but got: map')
        }
        throw new PatchMetaLookupError('expected slice, but got map')
      case '[':
        throw new PatchMetaLookupError(this.mode === 'struct' ? 'expected slice or array type, but got: slice' : 'expected visit kind first, then visit array')
      default:
        throw new PatchMetaLookupError(this.mode === 'struct' ? 'expected slice or array type, but got: string' : 'expected slice, but got primitive')
    }
  }

  /** The schema's name in messages. */
  name(): string {
    const code = this.code ?? ''
    return code.startsWith('#') ? code.slice(1) : code
  }

  // kube-openapi's sliceItem, once it has found the field: a reference stays as the subschema, an
  // array gives its items, a map or a primitive is an error, an arbitrary value gives nothing.
  private items(code: SchemaCode | undefined): PatchSchema {
    if (code === undefined || code === '*') return this.at(undefined)
    if (code[0] === '#') return this.at(code)
    if (code[0] === '[') return this.at(code.slice(1))
    if (code[0] === '{') throw new PatchMetaLookupError(this.mode === 'struct' ? 'expected slice or array type, but got: map' : 'expected slice, but got map')
    throw new PatchMetaLookupError(this.mode === 'struct' ? 'expected slice or array type, but got: string' : 'expected slice, but got primitive')
  }

  private field(table: FieldTable, name: string, key: string): FieldPatchMeta {
    const field: FieldCode | undefined = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined
    if (field === undefined) {
      throw new PatchMetaLookupError(
        this.mode === 'struct' ? `unable to find api field in struct ${name.slice(name.lastIndexOf('.') + 1)} for the json field ${JSON.stringify(key)}` : `unable to find api field ${JSON.stringify(key)} in ${name}`,
      )
    }
    if (typeof field === 'string') return {schema: this.at(field), strategies: [], mergeKey: ''}
    const [code, strategy, mergeKey] = field
    return {schema: this.at(code), strategies: strategy ? strategy.split(',') : [], mergeKey}
  }

  private empty(): FieldPatchMeta {
    return {schema: this.at(undefined), strategies: [], mergeKey: ''}
  }

  private at(code: SchemaCode | undefined): PatchSchema {
    return new PatchSchema(this.doc, code, this.mode)
  }

  // Follows references to a field table or a non-reference code; a dangling reference is arbitrary.
  private resolve(code: SchemaCode | undefined): SchemaCode | {table: FieldTable; name: string} | undefined {
    let current = code
    for (let hops = 0; current !== undefined && current[0] === '#'; hops++) {
      const name = current.slice(1)
      const def = Object.prototype.hasOwnProperty.call(this.doc.definitions, name) ? this.doc.definitions[name] : undefined
      if (def === undefined || hops > 64) return '*'
      if (typeof def !== 'string') return {table: def, name}
      current = def
    }
    return current
  }
}

const EMPTY_DOCUMENT: PatchMetaDocument = {source: '', kinds: {}, definitions: {}}

/** How kubectl patches one kind, and the schema it walks. */
export interface KindPatchMeta {
  /** "apiVersion/Kind" */
  key: string
  /** The root definition's name. */
  definition: string
  /**
   * kubectl 1.32 has the kind's Go type compiled in: when the OpenAPI walk fails it warns and
   * recomputes with the Go struct tags. For the others (CRDs, APIServices) it falls back to a JSON
   * merge patch.
   */
  builtin: boolean
  schema(mode?: PatchMetaMode): PatchSchema
}

// The API groups of kubectl's scheme that the spec also serves; apiextensions and apiregistration
// live in their own modules, which kubectl does not link.
const NOT_IN_KUBECTL_SCHEME = new Set(['apiextensions.k8s.io', 'apiregistration.k8s.io'])

let loaded: PatchMetaDocument | undefined

/** The bundled metadata, read once. */
export function bundledPatchMeta(): PatchMetaDocument {
  loaded ??= JSON.parse(readFileSync(new URL('../../../schemas/patch-meta.json', import.meta.url), 'utf8')) as PatchMetaDocument
  return loaded
}

/**
 * The patch metadata for apiVersion/kind, or undefined when the spec has no such kind (custom
 * resources and kinds the bundled spec does not know): kubectl JSON-merge-patches those.
 */
export function patchMetaFor(apiVersion: string, kind: string, doc: PatchMetaDocument = bundledPatchMeta()): KindPatchMeta | undefined {
  const key = `${apiVersion}/${kind}`
  const definition = Object.prototype.hasOwnProperty.call(doc.kinds, key) ? doc.kinds[key] : undefined
  if (definition === undefined) return undefined
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  return {
    key,
    definition,
    builtin: !NOT_IN_KUBECTL_SCHEME.has(group),
    schema: (mode: PatchMetaMode = 'openapi') => new PatchSchema(doc, `#${definition}`, mode),
  }
}
