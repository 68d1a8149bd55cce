// RFC 6902 JSON patches applied locally (patch --local or --dry-run=client with --type json), with
// evanphx/json-patch v4's error texts for the common failures.
import {PatchError} from './errors.js'

interface Operation {
  op?: unknown
  path?: unknown
  from?: unknown
  value?: unknown
}

type Container = Record<string, unknown> | unknown[]

/** The operations of a JSON patch document, or json-patch's DecodePatch error. */
export function decodeJSONPatch(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    const what = patch === null ? 'null' : typeof patch === 'object' ? 'object' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool'
    throw new PatchError(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`)
  }
  return patch.map((op) => (op !== null && typeof op === 'object' && !Array.isArray(op) ? (op as Operation) : {}))
}

function decodePointer(path: string): string[] {
  if (path === '') return []
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function isContainer(v: unknown): v is Container {
  return v !== null && typeof v === 'object'
}

/** The container holding the pointer's last segment, and that segment. */
function locate(doc: unknown, path: string): {parent: Container; key: string} | undefined {
  const parts = decodePointer(path)
  if (parts.length === 0) return undefined
  let node: unknown = doc
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(part)]
    else if (isContainer(node)) node = (node as Record<string, unknown>)[part]
    else return undefined
  }
  return isContainer(node) ? {parent: node, key: parts[parts.length - 1]} : undefined
}

function get(c: Container, key: string): unknown {
  if (Array.isArray(c)) {
    const i = Number(key)
    return Number.isInteger(i) && i >= 0 && i < c.length ? c[i] : undefined
  }
  return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined
}

function arrayIndex(c: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return c.length
  const i = Number(key)
  if (!/^-?\d+$/.test(key)) throw new PatchError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`)
  const max = forAdd ? c.length : c.length - 1
  const idx = i < 0 ? c.length + i + (forAdd ? 1 : 0) : i
  if (idx < 0 || idx > max) throw new PatchError(`Unable to access invalid index: ${i}: invalid index referenced`)
  return idx
}

function add(c: Container, key: string, value: unknown): void {
  if (Array.isArray(c)) c.splice(arrayIndex(c, key, true), 0, value)
  else c[key] = value
}

function remove(c: Container, key: string, op: string, path: string): unknown {
  if (Array.isArray(c)) return c.splice(arrayIndex(c, key, false), 1)[0]
  if (!Object.prototype.hasOwnProperty.call(c, key)) throw new PatchError(`error in ${op} for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`)
  const value = c[key]
  delete c[key]
  return value
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** The document with the patch applied (the input is not changed). */
export function applyJSONPatch(document: unknown, operations: Operation[]): unknown {
  const doc = structuredClone(document)
  for (const operation of operations) {
    const op = typeof operation.op === 'string' ? operation.op : ''
    const path = typeof operation.path === 'string' ? operation.path : ''
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op)) throw new PatchError(`Unexpected kind: ${op === '' ? 'unknown' : op}`)
    if (typeof operation.path !== 'string') throw new PatchError(`${op} operation failed to decode path: missing value`)
    const at = locate(doc, path)
    if (!at) throw new PatchError(`${op} operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`)
    switch (op) {
      case 'add':
        add(at.parent, at.key, structuredClone(operation.value ?? null))
        break
      case 'remove':
        remove(at.parent, at.key, op, path)
        break
      case 'replace':
        // json-patch v4 replaces a missing object key as if it were there; only a missing array index fails.
        if (Array.isArray(at.parent)) {
          if (get(at.parent, at.key) === undefined) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`)
          at.parent[Number(at.key)] = structuredClone(operation.value ?? null)
        } else at.parent[at.key] = structuredClone(operation.value ?? null)
        break
      case 'move':
      case 'copy': {
        const fromPath = typeof operation.from === 'string' ? operation.from : ''
        const from = locate(doc, fromPath)
        if (!from) throw new PatchError(`${op} operation does not apply: doc is missing from path: ${fromPath}: missing value`)
        const value = op === 'move' ? remove(from.parent, from.key, op, fromPath) : structuredClone(get(from.parent, from.key))
        if (value === undefined) throw new PatchError(`${op} operation does not apply: doc is missing from path: ${fromPath}: missing value`)
        const to = locate(doc, path)
        if (!to) throw new PatchError(`${op} operation does not apply: doc is missing destination path: ${path}: missing value`)
        add(to.parent, to.key, value)
        break
      }
      case 'test':
        if (!deepEqual(get(at.parent, at.key) ?? null, operation.value ?? null)) throw new PatchError(`testing value ${path} failed: test failed`)
        break
    }
  }
  return doc
}
