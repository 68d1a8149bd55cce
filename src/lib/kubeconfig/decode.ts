// Reads a kubeconfig the way kubectl does: YAML 1.1 (gopkg.in/yaml.v2 semantics, so `yes` is a
// boolean and duplicate keys keep the last value), then a typed decode into clientcmd's v1 structs
// with encoding/json's rules and messages: unknown fields are ignored, null leaves a field unset, the
// first type mismatch is reported, []byte fields are base64.
import {excessiveAliasing} from '../manifests/decoded.js'
import type {Cluster, Context, ExecConfig, KubeconfigFile, NamedExtension} from './types.js'
import {goTimeJSON} from './go-text.js'

type Spec =
  | {t: 'string'; go?: string}
  | {t: 'bool'}
  | {t: 'bytes'}
  | {t: 'time'}
  | {t: 'raw'}
  | {t: 'list'; of: Spec; go: string}
  | {t: 'map'; of: Spec; go: string}
  | {t: 'struct'; name: string; go: string; fields: Record<string, Spec>}

const str: Spec = {t: 'string'}
const bool: Spec = {t: 'bool'}
const bytes: Spec = {t: 'bytes'}

const extensions: Spec = {
  t: 'list',
  go: '[]v1.NamedExtension',
  of: {t: 'struct', name: 'NamedExtension', go: 'v1.NamedExtension', fields: {name: str, extension: {t: 'raw'}}},
}

const clusterSpec: Spec = {
  t: 'struct',
  name: 'Cluster',
  go: 'v1.Cluster',
  fields: {
    server: str,
    'tls-server-name': str,
    'insecure-skip-tls-verify': bool,
    'certificate-authority': str,
    'certificate-authority-data': bytes,
    'proxy-url': str,
    'disable-compression': bool,
    extensions,
  },
}

const authInfoSpec: Spec = {
  t: 'struct',
  name: 'AuthInfo',
  go: 'v1.AuthInfo',
  fields: {
    'client-certificate': str,
    'client-certificate-data': bytes,
    'client-key': str,
    'client-key-data': bytes,
    token: str,
    tokenFile: str,
    as: str,
    'as-uid': str,
    'as-groups': {t: 'list', of: str, go: '[]string'},
    'as-user-extra': {t: 'map', go: 'map[string][]string', of: {t: 'list', of: str, go: '[]string'}},
    username: str,
    password: str,
    'auth-provider': {
      t: 'struct',
      name: 'AuthProviderConfig',
      go: 'v1.AuthProviderConfig',
      fields: {name: str, config: {t: 'map', of: str, go: 'map[string]string'}},
    },
    exec: {
      t: 'struct',
      name: 'ExecConfig',
      go: 'v1.ExecConfig',
      fields: {
        command: str,
        args: {t: 'list', of: str, go: '[]string'},
        env: {t: 'list', go: '[]v1.ExecEnvVar', of: {t: 'struct', name: 'ExecEnvVar', go: 'v1.ExecEnvVar', fields: {name: str, value: str}}},
        apiVersion: str,
        installHint: str,
        provideClusterInfo: bool,
        interactiveMode: {t: 'string', go: 'v1.ExecInteractiveMode'},
      },
    },
    extensions,
  },
}

const contextSpec: Spec = {
  t: 'struct',
  name: 'Context',
  go: 'v1.Context',
  fields: {cluster: str, user: str, namespace: str, extensions},
}

const configSpec: Spec = {
  t: 'struct',
  name: 'Config',
  go: 'v1.Config',
  fields: {
    kind: str,
    apiVersion: str,
    preferences: {t: 'struct', name: 'Preferences', go: 'v1.Preferences', fields: {colors: bool, extensions}},
    clusters: {t: 'list', go: '[]v1.NamedCluster', of: {t: 'struct', name: 'NamedCluster', go: 'v1.NamedCluster', fields: {name: str, cluster: clusterSpec}}},
    users: {t: 'list', go: '[]v1.NamedAuthInfo', of: {t: 'struct', name: 'NamedAuthInfo', go: 'v1.NamedAuthInfo', fields: {name: str, user: authInfoSpec}}},
    contexts: {t: 'list', go: '[]v1.NamedContext', of: {t: 'struct', name: 'NamedContext', go: 'v1.NamedContext', fields: {name: str, context: contextSpec}}},
    'current-context': str,
    extensions,
  },
}

const execCredentialSpec: Spec = {
  t: 'struct',
  name: 'ExecCredential',
  go: 'v1.ExecCredential',
  fields: {
    kind: str,
    apiVersion: str,
    spec: {t: 'struct', name: 'ExecCredentialSpec', go: 'v1.ExecCredentialSpec', fields: {cluster: {t: 'raw'}, interactive: bool}},
    status: {
      t: 'struct',
      name: 'ExecCredentialStatus',
      go: 'v1.ExecCredentialStatus',
      fields: {expirationTimestamp: {t: 'time'}, token: str, clientCertificateData: str, clientKeyData: str},
    },
  },
}

/** A decoding failure; `message` is the text after kubectl's `error loading config file "x": `. */
export class DecodeError extends Error {}

const TYPE_META_STRUCT = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'

/** Parses kubeconfig text; the first YAML document counts, as in kubectl. */
export async function parseKubeconfigYAML(text: string): Promise<unknown> {
  const {loadAll, YAML11_SCHEMA} = await import('js-yaml')
  let parsed: unknown
  try {
    parsed = loadAll(text, {schema: YAML11_SCHEMA, json: true})[0]
  } catch (err) {
    const e = err as Error & {reason?: string; mark?: {line: number}}
    const where = e.mark ? `line ${e.mark.line + 1}: ` : ''
    throw new DecodeError(`yaml: ${where}${e.reason ?? e.message}`)
  }
  if (aliasingExcessive(parsed)) throw new DecodeError('yaml: document contains excessive aliasing')
  return parsed
}

/**
 * yaml.v2's alias-bomb check on what js-yaml parsed. js-yaml shares one value wherever its anchor is
 * aliased; Go decodes each alias afresh, so its work is the size of the tree with every alias expanded
 * (counted once per shared value, never by walking the expansion).
 */
function aliasingExcessive(root: unknown): boolean {
  const expandedSize = new Map<object, number>()
  let distinct = 0
  const size = (value: unknown): number => {
    if (value === null || typeof value !== 'object') {
      distinct++
      return 1
    }
    const known = expandedSize.get(value)
    if (known !== undefined) return known
    distinct++
    let n = 1
    for (const child of Array.isArray(value) ? value : Object.values(value)) n += size(child)
    expandedSize.set(value, n)
    return n
  }
  const decodeCount = size(root)
  return excessiveAliasing(decodeCount, decodeCount - distinct)
}

/** Decodes a parsed kubeconfig into clientcmd's v1 Config, checking kind, apiVersion and field types. */
export function decodeKubeconfig(raw: unknown): KubeconfigFile {
  if (raw === undefined || raw === null) return {}
  checkTypeMeta(raw)
  const meta = raw as {kind?: string; apiVersion?: string}
  const kind = meta.kind || 'Config'
  const version = meta.apiVersion || 'v1'
  if (kind !== 'Config' || version !== 'v1') {
    throw new DecodeError(`no kind "${kind}" is registered for version "${version}" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"`)
  }
  const config = decodeWith(raw, configSpec) as KubeconfigFile
  // A list entry without a name is named "" in Go.
  for (const list of [config.clusters, config.users, config.contexts, config.extensions]) for (const item of list ?? []) item.name ??= ''
  for (const user of config.users ?? []) if (user.user?.exec) defaultExec(user.user.exec)
  checkDuplicates(config)
  return config
}

export interface ExecCredentialObject {
  kind?: string
  apiVersion?: string
  spec?: {interactive?: boolean}
  status?: {expirationTimestamp?: Date; token?: string; clientCertificateData?: string; clientKeyData?: string}
}

/** Decodes an exec plugin's ExecCredential (already JSON-parsed) with the same rules. */
export function decodeExecCredential(raw: unknown): ExecCredentialObject {
  checkTypeMeta(raw)
  return decodeWith(raw, execCredentialSpec) as ExecCredentialObject
}

/** The TypeMeta check every decode starts with: an object whose apiVersion and kind are strings. */
export function checkTypeMeta(raw: unknown): void {
  if (jsonKind(raw) !== 'object') {
    throw new DecodeError(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(raw)} into Go value of type ${TYPE_META_STRUCT}`)
  }
  for (const field of ['apiVersion', 'kind']) {
    const v = (raw as Record<string, unknown>)[field]
    if (v !== undefined && v !== null && typeof v !== 'string') {
      throw new DecodeError(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go struct field .${field} of type string`)
    }
  }
}

// clientcmd's v1 defaulting: plugins written for v1beta1 predate interactiveMode and may prompt.
function defaultExec(exec: ExecConfig): void {
  if (!exec.interactiveMode && (exec.apiVersion === 'client.authentication.k8s.io/v1beta1' || exec.apiVersion === 'client.authentication.k8s.io/v1alpha1')) {
    exec.interactiveMode = 'IfAvailable'
  }
}

// The conversion from v1 lists to clientcmd's internal maps refuses a name listed twice.
function checkDuplicates(config: KubeconfigFile): void {
  const lists: Array<[string, string, Array<{name: string}> | null | undefined, (item: never) => string]> = [
    ['NamedCluster', 'api.Cluster', config.clusters, (c: {name: string; cluster?: Cluster}) => `{${c.name} ${goCluster(c.cluster ?? {})}}`],
    ['NamedAuthInfo', 'api.AuthInfo', config.users, () => ''],
    ['NamedContext', 'api.Context', config.contexts, (c: {name: string; context?: Context}) => `{${c.name} ${goContext(c.context ?? {})}}`],
  ]
  for (const [named, internal, list, dump] of lists) {
    const seen = new Set<string>()
    for (const item of list ?? []) {
      if (seen.has(item.name)) {
        const prefix = `error converting *[]${named} into *map[string]*${internal}: duplicate name "${item.name}" in list`
        // Go prints the whole list with %v; for users that includes pointer addresses, so ktl leaves it out.
        const items = named === 'NamedAuthInfo' ? '' : `: [${(list ?? []).map((i) => dump(i as never)).join(' ')}]`
        throw new DecodeError(prefix + items)
      }
      seen.add(item.name)
    }
  }
}

function goCluster(c: Cluster): string {
  const data = c['certificate-authority-data'] ? `[${[...Buffer.from(c['certificate-authority-data'], 'base64')].join(' ')}]` : '[]'
  return `{${c.server ?? ''} ${c['tls-server-name'] ?? ''} ${Boolean(c['insecure-skip-tls-verify'])} ${c['certificate-authority'] ?? ''} ${data} ${c['proxy-url'] ?? ''} ${Boolean(c['disable-compression'])} ${goExtensions(c.extensions)}}`
}

function goContext(c: Context): string {
  return `{${c.cluster ?? ''} ${c.user ?? ''} ${c.namespace ?? ''} ${goExtensions(c.extensions as NamedExtension[] | undefined)}}`
}

function goExtensions(list: NamedExtension[] | undefined): string {
  return `[${(list ?? []).map((e) => `{${e.name} {[] <nil>}}`).join(' ')}]`
}

interface DecodeState {
  first?: DecodeError
}

function decodeWith(raw: unknown, spec: Spec): unknown {
  const state: DecodeState = {}
  const value = decodeValue(raw, spec, state, '', [])
  if (state.first) throw state.first
  return value
}

function jsonKind(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string' || v instanceof Date) return 'string'
  if (typeof v === 'number' || typeof v === 'bigint') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

function mismatch(state: DecodeState, v: unknown, struct: string, path: string[], goType: string): undefined {
  const where = struct ? `Go struct field ${struct}.${path.join('.')}` : 'Go value'
  state.first ??= new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into ${where} of type ${goType}`)
  return undefined
}

function goTypeOf(spec: Spec): string {
  switch (spec.t) {
    case 'string':
      return spec.go ?? 'string'
    case 'bool':
      return 'bool'
    case 'bytes':
      return '[]uint8'
    case 'time':
      return 'v1.Time'
    case 'raw':
      return 'runtime.RawExtension'
    default:
      return spec.go
  }
}

function decodeValue(v: unknown, spec: Spec, state: DecodeState, struct: string, path: string[]): unknown {
  if (v === null || v === undefined) return undefined
  const kind = jsonKind(v)
  switch (spec.t) {
    case 'string':
      if (v instanceof Date) return goTimeJSON(v)
      return kind === 'string' ? v : mismatch(state, v, struct, path, goTypeOf(spec))
    case 'bool':
      return kind === 'bool' ? v : mismatch(state, v, struct, path, 'bool')
    case 'bytes': {
      if (kind !== 'string') return mismatch(state, v, struct, path, '[]uint8')
      const text = v instanceof Date ? goTimeJSON(v) : (v as string)
      const decoded = decodeGoBase64(text)
      if (typeof decoded === 'number') {
        state.first ??= new DecodeError(`illegal base64 data at input byte ${decoded}`)
        return undefined
      }
      return decoded.toString('base64')
    }
    case 'time': {
      if (kind !== 'string') {
        state.first ??= new DecodeError(`json: cannot unmarshal ${kind} into Go value of type string`)
        return undefined
      }
      const text = v instanceof Date ? goTimeJSON(v) : (v as string)
      const parsed = parseRFC3339(text)
      if (!parsed) state.first ??= new DecodeError(`parsing time ${JSON.stringify(text)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(text)} as "2006"`)
      return parsed
    }
    case 'raw':
      return plainJSON(v)
    case 'list':
      if (kind !== 'array') return mismatch(state, v, struct, path, spec.go)
      return (v as unknown[]).map((item) => decodeValue(item, spec.of, state, struct, path) ?? zeroOf(spec.of))
    case 'map': {
      if (kind !== 'object') return mismatch(state, v, struct, path, spec.go)
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(v as object).sort()) {
        const item = decodeValue((v as Record<string, unknown>)[key], spec.of, state, struct, path)
        out[key] = item ?? zeroOf(spec.of)
      }
      return out
    }
    case 'struct': {
      if (kind !== 'object') return mismatch(state, v, struct, path, spec.go)
      const out: Record<string, unknown> = {}
      const record = v as Record<string, unknown>
      for (const key of Object.keys(record).sort()) {
        const field = spec.fields[key]
        if (!field) continue
        const value = decodeValue(record[key], field, state, spec.name, [...path, key])
        if (value !== undefined) out[key] = value
      }
      return out
    }
  }
}

// What a null list or map element decodes to in Go: the element type's zero value.
function zeroOf(spec: Spec): unknown {
  switch (spec.t) {
    case 'string':
      return ''
    case 'bool':
      return false
    case 'struct':
      return {}
    default:
      return null
  }
}

/** A YAML-loaded value as the JSON it stands for (dates become RFC 3339 strings). */
export function plainJSON(v: unknown): unknown {
  if (v instanceof Date) return goTimeJSON(v)
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : plainJSON(x)))
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64')
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = plainJSON(x)
    return out
  }
  return v === undefined ? null : v
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function parseRFC3339(s: string): Date | undefined {
  if (!RFC3339.test(s)) return undefined
  const d = new Date(s)
  return Number.isNaN(d.getTime()) ? undefined : d
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Map([...B64].map((c, i) => [c.charCodeAt(0), i]))

/**
 * base64.StdEncoding.Decode: padding required, \r and \n skipped anywhere. Returns the bytes or,
 * on corrupt input, the byte offset Go reports.
 */
export function decodeGoBase64(text: string): Buffer | number {
  const src = Buffer.from(text, 'utf8')
  const out: number[] = []
  let si = 0
  while (si < src.length) {
    const quantum: number[] = []
    let dlen = 4
    let done = false
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out)
        return si - j
      }
      const c = src[si++]
      const value = B64_INDEX.get(c)
      if (value !== undefined) {
        quantum[j] = value
        continue
      }
      if (c === 0x0a || c === 0x0d) {
        j--
        continue
      }
      if (c !== 0x3d) return si - 1
      // padding
      if (j === 0 || j === 1) return si - 1
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
        if (si === src.length) return src.length
        if (src[si] !== 0x3d) return si - 1
        si++
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++
      if (si < src.length) return si
      dlen = j
      done = true
      break
    }
    const val = ((quantum[0] ?? 0) << 18) | ((quantum[1] ?? 0) << 12) | ((quantum[2] ?? 0) << 6) | (quantum[3] ?? 0)
    const b = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff]
    out.push(...b.slice(0, dlen - 1))
    if (done) break
  }
  return Buffer.from(out)
}

