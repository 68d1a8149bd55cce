// kubectl 1.32's `--output=plaintext` explain: its Go template (kubectl/pkg/explain/v2/templates/
// plaintext.tmpl) rewritten as functions over one group/version's OpenAPI v3 document. Go template
// truth (empty maps, lists and strings are false) and Go's sorted map iteration are kept, so the bytes
// match what kubectl prints, including its quirks.
import {CliError} from '../errors.js'
import type {GroupVersionKind} from './openapi-v2.js'
import {goWordWrap} from './wrap.js'

export type V3Schema = Record<string, unknown>
export interface V3Document {
  paths?: Record<string, Record<string, V3Schema>>
  components?: {schemas?: Record<string, V3Schema>}
}

export interface GroupVersionResource {
  group: string
  version: string
  resource: string
}

/** schema.GroupVersionResource.String(). */
export function gvrString(gvr: GroupVersionResource): string {
  return `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`
}

/** Go template truth. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v).length > 0
  return true
}

function isMap(v: unknown): v is V3Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A non-boolean additionalProperties, as the template's `printf "%T"` test admits. */
function additional(s: V3Schema): V3Schema | undefined {
  const ap = s.additionalProperties
  return isMap(ap) && truthy(ap) ? ap : undefined
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

const goCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortedKeys(v: unknown): string[] {
  return isMap(v) ? Object.keys(v).sort(goCompare) : []
}

function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.replaceAll('\n', `\n${pad}`)
}

/** How a Go template prints a decoded JSON value (enum members). */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<no value>'
  if (typeof v === 'number') return goFloat(v)
  if (typeof v === 'string' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  return `map[${sortedKeys(v).map((k) => `${k}:${goValue((v as V3Schema)[k])}`).join(' ')}]`
}

/** fmt's %v of a float64: the shortest digits, in exponent form below 1e-4 and from 1e6 up. */
function goFloat(f: number): string {
  if (f === 0 || !Number.isFinite(f)) return String(f).replace('Infinity', '+Inf')
  const [mantissa, e] = f.toExponential().split('e')
  const exp = Number(e)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(f)
}

class Renderer {
  constructor(private doc: V3Document) {}

  resolveRef(ref: unknown): V3Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined
    let cur: unknown = this.doc
    for (const part of ref.slice(1).split('/')) {
      if (part === '') continue
      if (!isMap(cur)) return undefined
      cur = cur[part]
      if (!isMap(cur)) return undefined
    }
    return cur as V3Schema
  }

  /** `or (resolveRef $ref) $schema`. */
  resolved(s: V3Schema): V3Schema {
    const r = this.resolveRef(s.$ref)
    return truthy(r) ? r! : s
  }

  description(s: V3Schema): string {
    const d = this.resolved(s)
    if (!truthy(d)) return ''
    let out = truthy(d.description) ? `${str(d.description)}\n` : ''
    for (const sub of Array.isArray(d.allOf) ? d.allOf : []) if (isMap(sub)) out += this.description(sub)
    if (isMap(d.items) && truthy(d.items)) out += this.description(d.items)
    const ap = additional(d)
    if (ap) out += this.description(ap)
    return out
  }

  typeGuess(s: unknown): string {
    if (!isMap(s) || !truthy(s)) throw new CliError("error: expected schema argument to subtemplate 'typeguess'")
    if (truthy(s.items)) return `[]${this.typeGuess(s.items)}`
    const ap = additional(s)
    if (ap) return `map[string]${this.typeGuess(ap)}`
    if (Array.isArray(s.allOf) && s.allOf.length === 1 && !truthy(s.properties)) return this.typeGuess(s.allOf[0])
    if (truthy(s.$ref)) {
      const ref = str(s.$ref)
      const target = this.resolveRef(ref)
      if (!truthy(target) || !truthy(target!.type) || target!.type === 'object') {
        const name = ref.split('/').pop() ?? ''
        return name.split('.').pop() || 'Object'
      }
      return goValue(target!.type)
    }
    if (s.type === 'object') return 'Object'
    return truthy(s.type) ? goValue(s.type) : 'Object'
  }

  extractEnum(s: V3Schema, long: boolean, limit: number, indentAmount = 0): string {
    if (!Array.isArray(s.enum) || s.enum.length === 0) return ''
    let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `
    for (const [i, element] of s.enum.entries()) {
      if (limit > -1 && i >= limit) {
        out += ', ....'
        break
      }
      if (i > 0 && !long) out += ', '
      else if (long) out += '\n    '
      out += element === '' ? '""' : goValue(element)
    }
    return out
  }

  fieldDetail(name: string, container: V3Schema, short: boolean, level: number): string {
    const indentAmount = level * 2
    const field = (container.properties as Record<string, V3Schema>)[name]
    let out = `${indent(indentAmount, name)}\t<${this.typeGuess(field)}>`
    if (Array.isArray(container.required) && container.required.includes(name)) out += ' -required-'
    out += this.extractEnum(isMap(field) ? field : {}, false, 4, indentAmount)
    out += '\n'
    if (!short) {
      const desc = isMap(field) && truthy(field.description) ? str(field.description) : '<no description>'
      out += `${indent(indentAmount + 2, goWordWrap(desc, 78 - indentAmount))}\n\n`
    }
    return out
  }

  fieldList(s: V3Schema, level: number, recursive: boolean, history: Set<string>): string {
    const ref = str(s.$ref)
    if (ref && history.has(ref)) return ''
    const next = new Set(history).add(ref)
    const r = this.resolved(s)
    let out = ''
    const props = isMap(r.properties) ? (r.properties as Record<string, V3Schema>) : {}
    for (const key of sortedKeys(props)) {
      out += this.fieldDetail(key, r, recursive, level)
      if (recursive) out += this.fieldList(isMap(props[key]) ? props[key] : {}, level + 1, recursive, next)
    }
    for (const sub of Array.isArray(r.allOf) ? r.allOf : []) if (isMap(sub)) out += this.fieldList(sub, level, recursive, next)
    if (isMap(r.items) && truthy(r.items)) out += this.fieldList(r.items, level, recursive, next)
    const ap = additional(r)
    if (ap) out += this.fieldList(ap, level, recursive, next)
    return out
  }

  output(s: V3Schema, path: string[], recursive: boolean, history: Set<string>): string {
    const ref = str(s.$ref)
    const next = new Set(history).add(ref)
    const r = this.resolved(s)
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, goWordWrap(this.description(r) || '<empty>', 76))}\n`
      const fields = this.fieldList(r, 1, recursive, new Set())
      if (fields) out += `FIELDS:\n${fields}`
      return out
    }
    if (ref && history.has(ref)) return ''
    const props = isMap(r.properties) ? (r.properties as Record<string, unknown>) : undefined
    if (props && truthy(props[path[0]])) {
      const sub = props[path[0]] as V3Schema
      let out = ''
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.extractEnum(sub, true, -1)}\n\n`
      return out + this.output(sub, path.slice(1), recursive, new Set())
    }
    if (isMap(r.items) && truthy(r.items)) return this.output(r.items, path, recursive, next)
    const ap = additional(r)
    if (ap) return this.output(ap, path, recursive, next)
    for (const sub of Array.isArray(r.allOf) ? r.allOf : []) {
      if (!isMap(sub)) continue
      const out = this.output(sub, path, recursive, next)
      if (out) return out
    }
    return ''
  }

  /** The GVK the document's paths give the resource: the last existing path's operations decide, as in the template. */
  gvkFor(gvr: GroupVersionResource): GroupVersionKind | undefined {
    const prefix = gvr.group ? `/apis/${gvr.group}` : '/api'
    const searchPaths = [
      [prefix, gvr.version, gvr.resource],
      [prefix, gvr.version, gvr.resource, '{name}'],
      [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource],
      [prefix, gvr.version, 'namespaces', '{namespace}', gvr.resource, '{name}'],
    ].map((parts) => parts.join('/'))
    let gvk: unknown
    for (const p of searchPaths) {
      const item = this.doc.paths?.[p]
      if (!truthy(item)) continue
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const op = item![method]
        if (!truthy(op)) continue
        gvk = op['x-kubernetes-group-version-kind']
        if (truthy(gvk)) break
      }
    }
    return truthy(gvk) && isMap(gvk) ? {group: str(gvk.group), version: str(gvk.version), kind: str(gvk.kind)} : undefined
  }

  schemaFor(gvk: GroupVersionKind): V3Schema | undefined {
    const schemas = this.doc.components?.schemas ?? {}
    for (const name of sortedKeys(schemas)) {
      const listed = schemas[name]['x-kubernetes-group-version-kind']
      if (!Array.isArray(listed)) continue
      const same = (g: unknown) =>
        isMap(g) && Object.keys(g).length === 3 && g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind
      if (listed.some(same)) return schemas[name]
    }
    return undefined
  }
}

export interface V3Result {
  /** What kubectl writes to stdout, also when it then fails (the template streams as it goes). */
  text: string
  error?: CliError
}

/** Renders kubectl's plaintext explain for `gvr` and the field path below it from a group/version document. */
export function renderOpenAPIV3(doc: V3Document, gvr: GroupVersionResource, fieldPath: string[], recursive: boolean): V3Result {
  const r = new Renderer(doc)
  const gvk = r.gvkFor(gvr)
  if (!gvk) return {text: '', error: new CliError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`)}
  const header = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`
  const schema = r.schemaFor(gvk)
  if (!schema) return {text: header, error: new CliError(`error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`)}
  try {
    const body = r.output(schema, fieldPath, recursive, new Set())
    if (!body) return {text: header, error: new CliError(`error: field ${JSON.stringify(fieldPath[fieldPath.length - 1])} does not exist`)}
    return {text: `${header}${body}\n`}
  } catch (err) {
    if (err instanceof CliError) return {text: header, error: err}
    throw err
  }
}
