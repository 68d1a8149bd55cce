// kubectl's `--output=plaintext-openapiv2` explain (kubectl/pkg/explain), also what kubectl prints for
// `plaintext` when the server serves no OpenAPI v3: the spec's definitions read into kube-openapi's
// proto model (kinds, maps, arrays, primitives, references), walked down the field path and printed
// with the v2 layout (KIND/VERSION, RESOURCE or FIELD, DESCRIPTION, FIELDS), wrapped at 80 columns.
import {CliError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {fillLines} from './wrap.js'

export interface GroupVersionKind {
  group: string
  version: string
  kind: string
}

export interface SwaggerSchema {
  $ref?: string
  description?: string
  type?: string
  format?: string
  properties?: Record<string, SwaggerSchema>
  additionalProperties?: SwaggerSchema | boolean
  items?: SwaggerSchema
  required?: string[]
  'x-kubernetes-group-version-kind'?: GroupVersionKind[]
}

export interface SwaggerDocument {
  definitions?: Record<string, SwaggerSchema>
}

type Model =
  | {type: 'kind'; description: string; fields: Map<string, Model>; required: Set<string>}
  | {type: 'map'; description: string; sub: Model}
  | {type: 'array'; description: string; sub: Model}
  | {type: 'primitive'; description: string; name: string}
  | {type: 'arbitrary'; description: string}
  | {type: 'reference'; description: string; name: string; resolve: () => Model}

/** The definitions of a v2 document as kube-openapi's proto.Models, parsed on first use. */
export class SwaggerModels {
  private parsed = new Map<string, Model>()
  constructor(private doc: SwaggerDocument) {}

  /** The definition that lists `gvk` in x-kubernetes-group-version-kind (proto.Resources.LookupResource). */
  lookupResource(gvk: GroupVersionKind): Model | undefined {
    for (const [name, schema] of Object.entries(this.doc.definitions ?? {})) {
      const listed = schema['x-kubernetes-group-version-kind'] ?? []
      if (listed.some((g) => (g.group ?? '') === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) return this.model(name)
    }
    return undefined
  }

  private model(name: string): Model {
    let model = this.parsed.get(name)
    if (!model) {
      const schema = this.doc.definitions?.[name]
      model = schema ? this.parse(schema) : {type: 'arbitrary', description: ''}
      this.parsed.set(name, model)
    }
    return model
  }

  private parse(s: SwaggerSchema): Model {
    const description = s.description ?? ''
    if (s.$ref) {
      const name = s.$ref.replace(/^#\/definitions\//, '')
      return {type: 'reference', description, name, resolve: () => this.model(name)}
    }
    const kind = (): Model => {
      const fields = new Map<string, Model>()
      for (const [key, value] of Object.entries(s.properties ?? {})) fields.set(key, this.parse(value))
      return {type: 'kind', description, fields, required: new Set(s.required ?? [])}
    }
    if (s.type === undefined) return s.properties ? kind() : {type: 'arbitrary', description}
    if (s.type === 'object') {
      if (s.properties) return kind()
      const additional = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined
      return {type: 'map', description, sub: additional ? this.parse(additional) : {type: 'arbitrary', description}}
    }
    if (s.type === 'array') return {type: 'array', description, sub: s.items ? this.parse(s.items) : {type: 'arbitrary', description: ''}}
    return {type: 'primitive', description, name: s.type}
  }
}

/** explain.GetTypeName: Object, []T, map[string]T or the primitive's type; nothing for arbitrary values. */
function typeName(m: Model): string {
  switch (m.type) {
    case 'array':
      return `[]${typeName(m.sub)}`
    case 'kind':
      return 'Object'
    case 'map':
      return `map[string]${typeName(m.sub)}`
    case 'primitive':
      return m.name
    case 'reference':
      return typeName(m.resolve())
    case 'arbitrary':
      return ''
  }
}

/** explain.LookupSchemaForField: a primitive or arbitrary value ends the walk even with path left. */
function lookupField(m: Model, path: string[]): Model {
  if (m.type === 'primitive' || m.type === 'arbitrary') return m
  if (path.length === 0) return m
  switch (m.type) {
    case 'array':
    case 'map':
      return lookupField(m.sub, path)
    case 'reference':
      return lookupField(m.resolve(), path)
    case 'kind': {
      const field = m.fields.get(path[0])
      if (!field) throw new CliError(`error: field ${goQuote(path[0])} does not exist`)
      return lookupField(field, path.slice(1))
    }
  }
}

const goCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

class Formatter {
  constructor(
    private out: string[],
    private indent = 0,
    private wrap = 80,
  ) {}

  deeper(by: number): Formatter {
    return new Formatter(this.out, this.indent + by, this.wrap)
  }

  write(line: string): void {
    this.out.push(line === '' ? '\n' : `${' '.repeat(this.indent)}${line}\n`)
  }

  writeWrapped(text: string): void {
    for (const line of fillLines(text, this.wrap - this.indent)) this.write(line)
  }
}

function printFields(f: Formatter, m: Model): void {
  if (m.type === 'array' || m.type === 'map') return printFields(f, m.sub)
  if (m.type === 'reference') return printFields(f, m.resolve())
  if (m.type !== 'kind') return
  for (const key of [...m.fields.keys()].sort(goCompare)) {
    const field = m.fields.get(key)!
    f.write(`${key}\t<${typeName(field)}>${m.required.has(key) ? ' -required-' : ''}`)
    f.deeper(2).writeWrapped(field.description)
    f.write('')
  }
}

function printFieldsRecursive(f: Formatter, m: Model, visiting: Set<string>): void {
  if (m.type === 'array' || m.type === 'map') return printFieldsRecursive(f, m.sub, visiting)
  if (m.type === 'reference') {
    if (visiting.has(m.name)) return
    visiting.add(m.name)
    printFieldsRecursive(f, m.resolve(), visiting)
    visiting.delete(m.name)
    return
  }
  if (m.type !== 'kind') return
  for (const key of [...m.fields.keys()].sort(goCompare)) {
    const field = m.fields.get(key)!
    f.write(`${key}\t<${typeName(field)}>`)
    printFieldsRecursive(f.deeper(3), field, visiting)
  }
}

/** explain.PrintModelDescription: the text kubectl prints for `gvk` and the field path below it. */
export function renderOpenAPIV2(root: Model, gvk: GroupVersionKind, fieldPath: string[], recursive: boolean): string {
  const name = fieldPath.length > 0 ? fieldPath[fieldPath.length - 1] : ''
  const target = lookupField(root, fieldPath)
  const out: string[] = []
  const w = new Formatter(out)
  const descriptions: string[] = []
  let type = ''
  const header = () => {
    w.write(`KIND:     ${gvk.kind}`)
    w.write(`VERSION:  ${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}\n`)
  }
  const printDescription = (own: string) => {
    w.write('DESCRIPTION:')
    let empty = true
    ;[...descriptions, own].forEach((desc, i) => {
      if (desc === '') return
      empty = false
      if (i !== 0) w.write('')
      w.deeper(5).writeWrapped(desc)
    })
    if (empty) w.deeper(5).writeWrapped('<empty>')
  }
  const visit = (m: Model): void => {
    switch (m.type) {
      case 'array':
      case 'map':
        descriptions.push(m.description)
        if (type === '') type = typeName(m)
        return visit(m.sub)
      case 'reference':
        descriptions.push(m.description)
        return visit(m.resolve())
      case 'kind':
        header()
        if (type === '') type = typeName(m)
        if (name !== '') w.write(`RESOURCE: ${name} <${type}>\n`)
        printDescription(m.description)
        w.write('\nFIELDS:')
        if (recursive) printFieldsRecursive(w.deeper(3), m, new Set())
        else printFields(w.deeper(3), m)
        return
      case 'primitive':
        header()
        if (type === '') type = typeName(m)
        w.write(`FIELD:    ${name} <${type}>\n`)
        return printDescription(m.description)
      case 'arbitrary':
        header()
        return printDescription(m.description)
    }
  }
  visit(target)
  return out.join('')
}

export type {Model as SwaggerModel}
