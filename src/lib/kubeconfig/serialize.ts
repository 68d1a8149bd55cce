// A kubeconfig as kubectl writes it (config view, and every file it rewrites): clientcmd's v1 structs
// in their field order with their omitempty rules, named lists sorted by name (they pass through
// clientcmd's internal maps), kind Config and apiVersion v1 always set. Struct nodes are Maps so the
// JSON printer keeps Go's field order; map-typed values stay plain objects (printed sorted).
import type {AuthInfo, Cluster, Context, ExecConfig, KubeconfigFile, NamedExtension} from './types.js'
import type {MergedKubeconfig} from './load.js'
import {plainJSON} from './decode.js'
import {compareCodePoints} from '../printers/json.js'

/** clientcmd's internal Config: names to entries. */
export interface ConfigModel {
  currentContext: string
  colors: boolean
  preferenceExtensions: Map<string, NamedExtension>
  clusters: Map<string, Cluster>
  users: Map<string, AuthInfo>
  contexts: Map<string, Context>
  extensions: Map<string, NamedExtension>
}

export function modelOfMerged(merged: MergedKubeconfig): ConfigModel {
  const values = <T>(m: Map<string, {value: T}>) => new Map([...m].map(([k, e]) => [k, e.value]))
  return {
    currentContext: merged.currentContext,
    colors: merged.colors,
    preferenceExtensions: values(merged.preferenceExtensions),
    clusters: values(merged.clusters),
    users: values(merged.users),
    contexts: values(merged.contexts),
    extensions: values(merged.extensions),
  }
}

export function modelOfFile(file: KubeconfigFile): ConfigModel {
  const prefs = file.preferences as {colors?: boolean; extensions?: NamedExtension[]} | undefined
  return {
    currentContext: file['current-context'] ?? '',
    colors: Boolean(prefs?.colors),
    preferenceExtensions: new Map((prefs?.extensions ?? []).map((e) => [e.name, e])),
    clusters: new Map((file.clusters ?? []).map((c) => [c.name, c.cluster ?? {}])),
    users: new Map((file.users ?? []).map((u) => [u.name, u.user ?? {}])),
    contexts: new Map((file.contexts ?? []).map((c) => [c.name, c.context ?? {}])),
    extensions: new Map((file.extensions ?? []).map((e) => [e.name, e])),
  }
}

type Raw = Record<string, unknown> | undefined
type Struct = Map<string, unknown>

function rawObject(v: unknown): Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
}

function rawField(raw: Raw, key: string): Raw {
  return rawObject(raw?.[key])
}

/** The raw list entry with this name (the decoder has already refused duplicates). */
function rawNamed(raw: Raw, list: string, name: string): Raw {
  const items = raw?.[list]
  if (!Array.isArray(items)) return undefined
  return rawObject(items.find((i) => (rawObject(i)?.name ?? '') === name))
}

// Fields ktl does not know, kept when a file is rewritten so nothing the user wrote is lost.
function keepUnknown(out: Struct, raw: Raw, known: readonly string[]): void {
  if (!raw) return
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined || known.includes(k) || out.has(k)) continue
    out.set(k, plainJSON(v))
  }
}

function setOmitEmpty(out: Struct, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '' || value === false) return
  if (Array.isArray(value) && value.length === 0) return
  if (typeof value === 'object' && !(value instanceof Map) && !Array.isArray(value) && Object.keys(value as object).length === 0) return
  out.set(key, value)
}

function sortedNames<T>(m: Map<string, T>): string[] {
  return [...m.keys()].sort(compareCodePoints)
}

function extensionsOut(list: NamedExtension[] | Map<string, NamedExtension> | undefined, raw: Raw): Struct[] | undefined {
  // Internally extensions are a map, so they come out sorted by name.
  const byName = list instanceof Map ? list : new Map((list ?? []).map((e) => [e.name, e]))
  if (byName.size === 0) return undefined
  return sortedNames(byName).map((name) => {
    const e = byName.get(name) as NamedExtension
    const itemRaw = rawNamed(raw, 'extensions', name)
    const out: Struct = new Map([
      ['name', name],
      ['extension', e.extension === undefined ? null : e.extension],
    ])
    keepUnknown(out, itemRaw, ['name', 'extension'])
    return out
  })
}

const CLUSTER_FIELDS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'] as const

function clusterOut(c: Cluster, raw: Raw): Struct {
  const out: Struct = new Map([['server', c.server ?? '']])
  setOmitEmpty(out, 'tls-server-name', c['tls-server-name'])
  setOmitEmpty(out, 'insecure-skip-tls-verify', c['insecure-skip-tls-verify'])
  setOmitEmpty(out, 'certificate-authority', c['certificate-authority'])
  setOmitEmpty(out, 'certificate-authority-data', c['certificate-authority-data'])
  setOmitEmpty(out, 'proxy-url', c['proxy-url'])
  setOmitEmpty(out, 'disable-compression', c['disable-compression'])
  setOmitEmpty(out, 'extensions', extensionsOut(c.extensions, raw))
  keepUnknown(out, raw, CLUSTER_FIELDS)
  return out
}

const EXEC_FIELDS = ['command', 'args', 'env', 'apiVersion', 'installHint', 'provideClusterInfo', 'interactiveMode'] as const

function execOut(e: ExecConfig, raw: Raw): Struct {
  const rawEnv = Array.isArray(raw?.env) ? (raw?.env as unknown[]) : []
  const env = e.env
    ? e.env.map((v, i) => {
        const item: Struct = new Map([
          ['name', v.name ?? ''],
          ['value', v.value ?? ''],
        ])
        keepUnknown(item, rawObject(rawEnv[i]), ['name', 'value'])
        return item
      })
    : null
  const out: Struct = new Map<string, unknown>([
    ['command', e.command ?? ''],
    ['args', e.args ?? null],
    ['env', env],
  ])
  setOmitEmpty(out, 'apiVersion', e.apiVersion)
  setOmitEmpty(out, 'installHint', e.installHint)
  out.set('provideClusterInfo', Boolean(e.provideClusterInfo))
  setOmitEmpty(out, 'interactiveMode', e.interactiveMode)
  keepUnknown(out, raw, EXEC_FIELDS)
  return out
}

const AUTH_INFO_FIELDS = [
  'client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups',
  'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions',
] as const

function authInfoOut(u: AuthInfo, raw: Raw): Struct {
  const out: Struct = new Map()
  for (const key of ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password'] as const) {
    setOmitEmpty(out, key, u[key])
  }
  const provider = u['auth-provider']
  if (provider) {
    const rawProvider = rawField(raw, 'auth-provider')
    const p: Struct = new Map<string, unknown>([
      ['name', provider.name ?? ''],
      ['config', provider.config ?? null],
    ])
    keepUnknown(p, rawProvider, ['name', 'config'])
    out.set('auth-provider', p)
  }
  if (u.exec) out.set('exec', execOut(u.exec, rawField(raw, 'exec')))
  setOmitEmpty(out, 'extensions', extensionsOut(u.extensions as NamedExtension[] | undefined, raw))
  keepUnknown(out, raw, AUTH_INFO_FIELDS)
  return out
}

const CONTEXT_FIELDS = ['cluster', 'user', 'namespace', 'extensions'] as const

function contextOut(c: Context, raw: Raw): Struct {
  const out: Struct = new Map([
    ['cluster', c.cluster ?? ''],
    ['user', c.user ?? ''],
  ])
  setOmitEmpty(out, 'namespace', c.namespace)
  setOmitEmpty(out, 'extensions', extensionsOut(c.extensions as NamedExtension[] | undefined, raw))
  keepUnknown(out, raw, CONTEXT_FIELDS)
  return out
}

function namedList<T>(entries: Map<string, T>, list: string, valueKey: string, raw: Raw, value: (v: T, raw: Raw) => Struct): Struct[] | null {
  // An empty internal map converts back to a nil list: `clusters: null`.
  if (entries.size === 0) return null
  return sortedNames(entries).map((name) => {
    const itemRaw = rawNamed(raw, list, name)
    const item: Struct = new Map<string, unknown>([
      ['name', name],
      [valueKey, value(entries.get(name) as T, rawField(itemRaw, valueKey))],
    ])
    keepUnknown(item, itemRaw, ['name', valueKey])
    return item
  })
}

const CONFIG_FIELDS = ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context', 'extensions'] as const

/**
 * The v1 Config kubectl prints or writes for this model. `raw` is the file as read when rewriting one,
 * so fields ktl does not model survive; without it (config view) they are dropped, as kubectl does.
 */
export function configStruct(model: ConfigModel, raw?: unknown): Struct {
  const top = rawObject(raw)
  const rawPrefs = rawField(top, 'preferences')
  const prefs: Struct = new Map()
  setOmitEmpty(prefs, 'colors', model.colors)
  setOmitEmpty(prefs, 'extensions', extensionsOut(model.preferenceExtensions, rawPrefs))
  keepUnknown(prefs, rawPrefs, ['colors', 'extensions'])
  const out: Struct = new Map<string, unknown>([
    ['kind', 'Config'],
    ['apiVersion', 'v1'],
    ['preferences', prefs],
    ['clusters', namedList(model.clusters, 'clusters', 'cluster', top, clusterOut)],
    ['users', namedList(model.users, 'users', 'user', top, authInfoOut)],
    ['contexts', namedList(model.contexts, 'contexts', 'context', top, contextOut)],
    ['current-context', model.currentContext],
  ])
  setOmitEmpty(out, 'extensions', extensionsOut(model.extensions, top))
  keepUnknown(out, top, CONFIG_FIELDS)
  return out
}

/** Struct Maps as plain objects, for printers that sort keys themselves (YAML). */
export function structToPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of value) out[k] = structToPlain(v)
    return out
  }
  if (Array.isArray(value)) return value.map(structToPlain)
  return value
}

// What `config view` shows instead of secrets (clientcmd's RedactSecrets and ShortenConfig).
const REDACTED = 'REDACTED'
const DATA_OMITTED = 'DATA+OMITTED'

/** Hides tokens and passwords and shortens certificate and key data, as `config view` without --raw. */
export function redactModel(model: ConfigModel): void {
  for (const user of model.users.values()) {
    if (user.token) user.token = REDACTED
    if (user.password) user.password = REDACTED
    if (user['client-key-data']) user['client-key-data'] = DATA_OMITTED
    if (user['client-certificate-data']) user['client-certificate-data'] = DATA_OMITTED
  }
  for (const cluster of model.clusters.values()) {
    if (cluster['certificate-authority-data']) cluster['certificate-authority-data'] = DATA_OMITTED
  }
}

/** Keeps only the current context and what it points at (clientcmd's MinifyConfig and its messages). */
export function minifyModel(model: ConfigModel): string | undefined {
  if (!model.currentContext) return 'current-context must exist in order to minify'
  const context = model.contexts.get(model.currentContext)
  if (!context) return `cannot locate context ${model.currentContext}`
  const clusters = new Map<string, Cluster>()
  if (context.cluster) {
    const cluster = model.clusters.get(context.cluster)
    if (!cluster) return `cannot locate cluster ${context.cluster}`
    clusters.set(context.cluster, cluster)
  }
  const users = new Map<string, AuthInfo>()
  if (context.user) {
    const user = model.users.get(context.user)
    if (!user) return `cannot locate user ${context.user}`
    users.set(context.user, user)
  }
  model.contexts = new Map([[model.currentContext, context]])
  model.clusters = clusters
  model.users = users
  return undefined
}
