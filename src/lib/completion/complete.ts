// `ktl __complete WORDS... PARTIAL`: the candidates for PARTIAL after WORDS, one a line (with a tab
// and a description where there is one), then `:DIRECTIVE` — cobra's protocol, which the scripts in
// completion/ (cobra's own, as kubectl prints them) speak. Everything is bounded by a deadline:
// when it passes, the candidates found so far are printed, which for names means none.
import type {OutStream} from '../io.js'
import type {ConfigOverrides} from '../kubeconfig/types.js'
import type {APIResource} from '../discovery/types.js'
import {type CommandInfo, type CompletionIndex, type FlagInfo, subcommands} from './command-index.js'
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

/** Commands whose arguments are TYPE NAME... or TYPE/NAME..., with the verb their types must support. */
const TYPE_AND_NAME: Record<string, string> = {get: 'get', describe: 'get', delete: 'delete'}
/** Commands whose argument is a kubeconfig context. */
const CONTEXT_ARG = new Set(['config:use-context', 'config:get-contexts', 'config:set-context'])
const SHELLS = ['bash', 'zsh', 'fish']
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

export function readLine(index: CompletionIndex, words: string[]): Line {
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

function matching(values: string[], partial: string): string[] {
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
  if (id === 'completion') return {candidates: line.args.length === 0 ? matching(SHELLS, partial) : [], directive: Directive.NoFileComp}
  if (CONTEXT_ARG.has(id)) return {candidates: line.args.length === 0 ? matching(await sources.kubeconfigNames('contexts'), partial) : [], directive: Directive.NoFileComp}
  if (Object.hasOwn(TYPE_AND_NAME, id)) return typeAndName(TYPE_AND_NAME[id], line, partial, sources)
  return {candidates: [], directive: line.command?.takesArgs ? Directive.Default : Directive.NoFileComp}
}

/** kubectl's ResourceTypeAndNameCompletionFunc: TYPE then NAME..., or TYPE/NAME... throughout. */
async function typeAndName(verb: string, line: Line, partial: string, sources: CompletionSources): Promise<Completion> {
  const [first, ...rest] = line.args
  if (first !== undefined && !first.includes('/')) {
    const resource = await sources.resolveType(first)
    if (!resource) return {candidates: [], directive: Directive.NoFileComp}
    const names = await namesOf(resource, line, sources)
    return {candidates: matching(names, partial).filter((n) => !rest.includes(n)), directive: Directive.NoFileComp}
  }
  const slash = partial.indexOf('/')
  if (slash < 0) {
    const input = await sources.resourceTypes()
    const types = input ? matching(typeNames(input, verb), partial) : []
    if (first === undefined) return {candidates: types, directive: Directive.NoFileComp}
    // After a TYPE/NAME argument every argument has that form: complete the type and its slash.
    return {candidates: types.map((t) => `${t}/`), directive: Directive.NoFileComp | Directive.NoSpace}
  }
  const type = partial.slice(0, slash)
  const resource = await sources.resolveType(type)
  if (!resource) return {candidates: [], directive: Directive.NoFileComp}
  const names = matching(await namesOf(resource, line, sources), partial.slice(slash + 1))
  return {candidates: names.map((n) => `${type}/${n}`).filter((n) => !line.args.includes(n)), directive: Directive.NoFileComp}
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

export async function runComplete(words: string[], opts: CompleteOptions & {out: OutStream}): Promise<void> {
  opts.out.write(formatCompletion(await complete(words, opts)))
}
