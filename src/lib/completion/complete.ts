// `ktl __complete WORDS... PARTIAL`: the candidates for PARTIAL after WORDS, one a line (with a tab
// and a description where there is one), then `:DIRECTIVE` — cobra's protocol, as kubectl speaks it;
// ktl's own scripts in completion/ read it in each shell. Everything is bounded by a deadline:
// when it passes, the candidates found so far are printed, which for names means none.
import type {ConfigOverrides} from '../kubeconfig/types.js'
import type {APIResource} from '../discovery/types.js'
import {type CommandInfo, type CompletionIndex, type FlagInfo, subcommands} from './command-index.js'
import {COMPLETION_SHELLS} from './shells.js'
import {CompletionSources, typeNames} from './sources.js'

/** cobra's ShellCompDirective bits. */
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const

export interface Completion {
  /** `value` or `value\tdescription`. */
  candidates: string[]
  directive: number
  /**
   * The deadline came first (a server or an exec plugin slower than a Tab): the same completion run
   * again in the background, with time, leaves the discovery and name caches for the next Tab.
   */
  timedOut?: boolean
}

export interface CompleteOptions {
  index: CompletionIndex
  env: NodeJS.ProcessEnv
  homeDir: string
  cwd: string
  /** How long the completion may take from now; at the end, what was found is printed. */
  budgetMs: number
}

/**
 * How each command's arguments complete, as kubectl's ValidArgsFunction for it does: TYPE NAME... or
 * TYPE/NAME... with the types discovery lists (those with `verb`), or with a fixed list of types
 * (`types`); `repeat` false stops after one name. Commands not listed complete no arguments.
 */
type ArgumentCompletion =
  | {kind: 'type-and-name'; verb: string; repeat: boolean}
  | {kind: 'specified-type-and-name'; types: string[]; repeat: boolean}
  | {kind: 'types'}
  | {kind: 'pod-or-type-slash-name'}
  | {kind: 'names'; resource: APIResource}
  | {kind: 'contexts'}
  | {kind: 'shells'}

const POD: APIResource = {name: 'pods', singularName: 'pod', namespaced: true, group: '', version: 'v1', kind: 'Pod', verbs: ['list'], shortNames: ['po'], categories: []}
const NODE: APIResource = {name: 'nodes', singularName: 'node', namespaced: false, group: '', version: 'v1', kind: 'Node', verbs: ['list'], shortNames: ['no'], categories: []}
const ROLLOUT_TYPES = ['deployment', 'daemonset', 'statefulset']

const ARGUMENTS: Record<string, ArgumentCompletion> = {
  get: {kind: 'type-and-name', verb: 'get', repeat: true},
  describe: {kind: 'type-and-name', verb: 'get', repeat: true},
  delete: {kind: 'type-and-name', verb: 'delete', repeat: true},
  edit: {kind: 'type-and-name', verb: 'get', repeat: true},
  label: {kind: 'type-and-name', verb: 'get', repeat: true},
  annotate: {kind: 'type-and-name', verb: 'get', repeat: true},
  wait: {kind: 'type-and-name', verb: 'get', repeat: true},
  patch: {kind: 'type-and-name', verb: 'patch', repeat: false},
  scale: {kind: 'specified-type-and-name', types: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'], repeat: true},
  'rollout:status': {kind: 'specified-type-and-name', types: ROLLOUT_TYPES, repeat: false},
  'rollout:history': {kind: 'specified-type-and-name', types: ROLLOUT_TYPES, repeat: true},
  'rollout:undo': {kind: 'specified-type-and-name', types: ROLLOUT_TYPES, repeat: true},
  'rollout:restart': {kind: 'specified-type-and-name', types: ROLLOUT_TYPES, repeat: true},
  'rollout:pause': {kind: 'specified-type-and-name', types: ['deployment'], repeat: true},
  'rollout:resume': {kind: 'specified-type-and-name', types: ['deployment'], repeat: true},
  explain: {kind: 'types'},
  logs: {kind: 'pod-or-type-slash-name'},
  'top:pod': {kind: 'names', resource: POD},
  'top:node': {kind: 'names', resource: NODE},
  'config:use-context': {kind: 'contexts'},
  'config:get-contexts': {kind: 'contexts'},
  'config:set-context': {kind: 'contexts'},
  completion: {kind: 'shells'},
}
/** kubectl's list of the types `logs TYPE/NAME` takes. */
const TYPES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets']
/** kubectl marks -f as a file flag for these extensions. */
const MANIFEST_EXTENSIONS = ['json', 'yaml', 'yml']
/** Flags whose value is a global flag's that maps onto a kubeconfig override. */
const OVERRIDES: Record<string, keyof ConfigOverrides> = {
  kubeconfig: 'kubeconfig',
  context: 'context',
  cluster: 'cluster',
  user: 'user',
  namespace: 'namespace',
  server: 'server',
  token: 'token',
  'certificate-authority': 'certificateAuthority',
  'client-certificate': 'clientCertificate',
  'client-key': 'clientKey',
  'tls-server-name': 'tlsServerName',
  as: 'impersonate',
  'as-uid': 'impersonateUid',
}
const NAMESPACES: APIResource = {name: 'namespaces', singularName: 'namespace', namespaced: false, group: '', version: 'v1', kind: 'Namespace', verbs: ['list'], shortNames: ['ns'], categories: []}

/** The typed words before PARTIAL, read as oclif and the startup path read them. */
interface Line {
  command?: CommandInfo
  /** The command id typed so far ('' at the top, a topic such as config). */
  path: string
  args: string[]
  flags: Map<string, string[]>
  /** Set when PARTIAL is the value of this flag (the previous word was the flag). */
  pendingFlag?: FlagInfo
  afterDashDash: boolean
}

function flagsOf(index: CompletionIndex, line: {command?: CommandInfo}): FlagInfo[] {
  return line.command?.flags ?? index.globalFlags
}

function findFlag(flags: FlagInfo[], word: string): FlagInfo | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0]
    return flags.find((f) => f.name === name || (f.takesValue === false && `no-${f.name}` === name))
  }
  return flags.find((f) => f.char === word[1])
}

function readLine(index: CompletionIndex, words: string[]): Line {
  const line: Line = {path: '', args: [], flags: new Map(), afterDashDash: false}
  const record = (flag: FlagInfo | undefined, value: string) => {
    if (flag) line.flags.set(flag.name, [...(line.flags.get(flag.name) ?? []), value])
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    if (!line.afterDashDash && word === '--') {
      line.afterDashDash = true
      continue
    }
    if (!line.afterDashDash && word.startsWith('-') && word.length > 1) {
      const flag = findFlag(flagsOf(index, line), word)
      const inline = word.startsWith('--') ? word.includes('=') : word.length > 2
      if (inline) record(flag, word.startsWith('--') ? word.slice(word.indexOf('=') + 1) : word.slice(2).replace(/^=/, ''))
      else if (flag?.takesValue) {
        if (i + 1 < words.length) record(flag, words[++i])
        else line.pendingFlag = flag
      } else record(flag, 'true')
      continue
    }
    const next = line.path === '' ? word : `${line.path}:${word}`
    const id = index.lookup.get(next)
    if (line.args.length === 0 && (id !== undefined || index.topics.has(next))) {
      line.path = id ?? next
      line.command = id === undefined ? undefined : index.commands.get(id)
      continue
    }
    line.args.push(word)
  }
  return line
}

/** The candidates for the last word, within opts.budgetMs. */
export async function complete(words: string[], opts: CompleteOptions): Promise<Completion> {
  const deadline = Date.now() + opts.budgetMs
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<Completion>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve({candidates: [], directive: Directive.NoFileComp, timedOut: true})
    }, Math.max(0, opts.budgetMs))
  })
  const partial = words.length > 0 ? words[words.length - 1] : ''
  const line = readLine(opts.index, words.slice(0, -1))
  const overrides: ConfigOverrides = {}
  for (const [flag, key] of Object.entries(OVERRIDES)) {
    const values = line.flags.get(flag)
    if (values?.length) (overrides as Record<string, string>)[key] = values[values.length - 1]
  }
  if (line.flags.has('insecure-skip-tls-verify')) overrides.insecureSkipTlsVerify = true
  if (line.flags.has('as-group')) overrides.impersonateGroups = line.flags.get('as-group')
  const sources = new CompletionSources({env: opts.env, homeDir: opts.homeDir, cwd: opts.cwd, overrides, signal: controller.signal, remainingMs: () => deadline - Date.now()})
  // A request the client gave up on at the deadline fails a moment before the timer fires.
  const work = candidates(opts.index, line, partial, sources).catch(
    (): Completion => (deadline - Date.now() <= 10 ? {candidates: [], directive: Directive.NoFileComp, timedOut: true} : {candidates: [], directive: Directive.NoFileComp}),
  )
  try {
    return await Promise.race([work, expired])
  } finally {
    clearTimeout(timer)
  }
}

async function candidates(index: CompletionIndex, line: Line, partial: string, sources: CompletionSources): Promise<Completion> {
  if (line.pendingFlag) return flagValues(line.pendingFlag, partial, sources)
  if (!line.afterDashDash && partial.startsWith('-')) {
    const flags = flagsOf(index, line)
    if (partial.includes('=')) {
      const flag = findFlag(flags, partial)
      if (!flag?.takesValue) return {candidates: [], directive: Directive.NoFileComp}
      return flagValues(flag, partial.slice(partial.indexOf('=') + 1), sources)
    }
    return {candidates: flagNames(flags, line, partial), directive: Directive.NoFileComp}
  }
  if (line.args.length === 0) {
    const subs = subcommands(index, line.path).filter((s) => s.name.startsWith(partial))
    if (subs.length > 0 || !line.command) {
      return {candidates: subs.sort((a, b) => a.name.localeCompare(b.name)).map((s) => described(s.name, s.summary)), directive: Directive.NoFileComp}
    }
  }
  return argumentValues(line, partial, sources)
}

function described(value: string, description: string): string {
  return description ? `${value}\t${description}` : value
}

/** cobra's flag name completion: --name and -c for every visible flag not given yet (repeatable ones always). */
function flagNames(flags: FlagInfo[], line: Line, partial: string): string[] {
  const out: string[] = []
  for (const flag of [...flags].sort((a, b) => a.name.localeCompare(b.name))) {
    if (flag.hidden || (line.flags.has(flag.name) && !flag.multiple)) continue
    if (`--${flag.name}`.startsWith(partial)) out.push(described(`--${flag.name}`, flag.description))
    if (flag.char && `-${flag.char}`.startsWith(partial)) out.push(described(`-${flag.char}`, flag.description))
  }
  return out
}

function matching(values: readonly string[], partial: string): string[] {
  return values.filter((v) => v.startsWith(partial))
}

async function flagValues(flag: FlagInfo, partial: string, sources: CompletionSources): Promise<Completion> {
  const done = (values: string[]): Completion => ({candidates: matching(values, partial), directive: Directive.NoFileComp})
  switch (flag.name) {
    case 'namespace':
      return done(await sources.names(NAMESPACES, undefined))
    case 'context':
      return done(await sources.kubeconfigNames('contexts'))
    case 'cluster':
      return done(await sources.kubeconfigNames('clusters'))
    case 'user':
      return done(await sources.kubeconfigNames('users'))
    case 'filename':
      return {candidates: MANIFEST_EXTENSIONS, directive: Directive.FilterFileExt}
  }
  const options = flag.options ?? listedValues(flag.description)
  if (options) return done(options)
  return {candidates: [], directive: Directive.Default}
}

/** The choices a description lists as kubectl words them: "One of: (json, yaml, name)." or "One of 'yaml' or 'json'." */
function listedValues(description: string): string[] | undefined {
  const listed = /One of: \(([^)]+)\)/.exec(description)
  if (listed) return listed[1].split(',').map((s) => s.trim())
  const pair = /One of '([^']+)' or '([^']+)'/.exec(description)
  return pair ? [pair[1], pair[2]] : undefined
}

async function argumentValues(line: Line, partial: string, sources: CompletionSources): Promise<Completion> {
  const id = line.command?.id ?? ''
  const how = Object.hasOwn(ARGUMENTS, id) ? ARGUMENTS[id] : undefined
  const first = line.args.length === 0
  const none: Completion = {candidates: [], directive: Directive.NoFileComp}
  switch (how?.kind) {
    case undefined:
      return {candidates: [], directive: line.command?.takesArgs ? Directive.Default : Directive.NoFileComp}
    case 'shells':
      return first ? {candidates: matching(COMPLETION_SHELLS, partial), directive: Directive.NoFileComp} : none
    case 'contexts':
      return first ? {candidates: matching(await sources.kubeconfigNames('contexts'), partial), directive: Directive.NoFileComp} : none
    case 'types': {
      const input = first ? await sources.resourceTypes() : undefined
      return input ? {candidates: matching(typeNames(input), partial), directive: Directive.NoFileComp} : none
    }
    case 'names':
      return first ? {candidates: matching(await namesOf(how.resource, line, sources), partial), directive: Directive.NoFileComp} : none
    case 'pod-or-type-slash-name':
      return first ? podOrTypeSlashName(line, partial, sources) : none
    case 'type-and-name':
      return typeAndName(line, partial, sources, how.repeat, async () => {
        const input = await sources.resourceTypes()
        return input ? typeNames(input, how.verb) : []
      })
    case 'specified-type-and-name':
      return typeAndName(line, partial, sources, how.repeat, async () => how.types)
  }
}

/**
 * kubectl's ResourceTypeAndNameCompletionFunc (and its Specified and NoRepeat forms): TYPE then
 * NAME..., or TYPE/NAME... throughout.
 */
async function typeAndName(line: Line, partial: string, sources: CompletionSources, repeat: boolean, types: () => Promise<string[]>): Promise<Completion> {
  const [first, ...rest] = line.args
  if (first !== undefined && !first.includes('/')) {
    if (!repeat && rest.length > 0) return {candidates: [], directive: Directive.NoFileComp}
    const resource = await sources.resolveType(first)
    if (!resource) return {candidates: [], directive: Directive.NoFileComp}
    const names = await namesOf(resource, line, sources)
    return {candidates: matching(names, partial).filter((n) => !rest.includes(n)), directive: Directive.NoFileComp}
  }
  if (!partial.includes('/')) {
    const candidates = matching(await types(), partial)
    if (first === undefined) return {candidates, directive: Directive.NoFileComp}
    // After a TYPE/NAME argument every argument has that form: complete the type and its slash.
    return {candidates: candidates.map((t) => `${t}/`), directive: Directive.NoFileComp | Directive.NoSpace}
  }
  return {candidates: (await slashNames(line, partial, sources)).filter((n) => !line.args.includes(n)), directive: Directive.NoFileComp}
}

/** TYPE/PARTIAL: TYPE/NAME for the names of TYPE that start with PARTIAL. */
async function slashNames(line: Line, partial: string, sources: CompletionSources): Promise<string[]> {
  const slash = partial.indexOf('/')
  const type = partial.slice(0, slash)
  const resource = await sources.resolveType(type)
  if (!resource) return []
  return matching(await namesOf(resource, line, sources), partial.slice(slash + 1)).map((n) => `${type}/${n}`)
}

/** kubectl's PodResourceNameCompletionFunc (logs): pod names, and TYPE/ for the types that have pods. */
async function podOrTypeSlashName(line: Line, partial: string, sources: CompletionSources): Promise<Completion> {
  if (partial.includes('/')) return {candidates: await slashNames(line, partial, sources), directive: Directive.NoFileComp}
  const pods = matching(await namesOf(POD, line, sources), partial)
  const types = matching(TYPES_WITH_PODS, partial).map((t) => `${t}/`)
  // With only TYPE/ to offer, the shell must not add a space after the slash.
  return {candidates: [...pods, ...types], directive: pods.length === 0 ? Directive.NoFileComp | Directive.NoSpace : Directive.NoFileComp}
}

async function namesOf(resource: APIResource, line: Line, sources: CompletionSources): Promise<string[]> {
  if (!resource.namespaced) return sources.names(resource, undefined)
  if (line.flags.has('all-namespaces')) return sources.names(resource, undefined)
  const namespace = line.flags.get('namespace')?.at(-1) ?? (await sources.clientConfig()).namespace
  return sources.names(resource, namespace)
}

/** The protocol's text: one candidate a line, then the directive. */
export function formatCompletion(c: Completion): string {
  return [...c.candidates, `:${c.directive}`].map((l) => `${l}\n`).join('')
}
