// What completion knows about ktl's commands and flags: read from the help snapshot the build writes
// (dist/startup/help.json, every command including plugins'), else from oclif's manifest.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

export interface FlagInfo {
  name: string
  char?: string
  takesValue: boolean
  multiple: boolean
  description: string
  hidden: boolean
  options?: string[]
}

export interface CommandInfo {
  id: string
  summary: string
  hidden: boolean
  /** The command takes positional arguments. */
  takesArgs: boolean
  flags: FlagInfo[]
}

export interface CompletionIndex {
  /** Commands by id (aliases are not listed: cobra completes command names only). */
  commands: Map<string, CommandInfo>
  /** An id or alias (colon-separated) to the id of its command. */
  lookup: Map<string, string>
  /** Topics that are not commands (e.g. config), with their description. */
  topics: Map<string, string>
  /** kubectl's global flags, for words before the command. */
  globalFlags: FlagInfo[]
}

interface CachedFlag {
  name: string
  char?: string
  type: 'boolean' | 'option'
  multiple?: boolean
  summary?: string
  description?: string
  hidden?: boolean
  options?: string[]
  helpGroup?: string
}

interface CachedCommand {
  id: string
  summary?: string
  description?: string
  hidden?: boolean
  strict?: boolean
  args?: Record<string, unknown>
  aliases?: string[]
  hiddenAliases?: string[]
  flags?: Record<string, CachedFlag>
}

interface Snapshot {
  bin?: string
  commands: CachedCommand[] | Record<string, CachedCommand>
  topics?: {name: string; description?: string; hidden?: boolean}[]
}

/** The index from the package root's build output; undefined when there is none. */
export function loadCompletionIndex(packageRoot: string): CompletionIndex | undefined {
  for (const file of ['dist/startup/help.json', 'oclif.manifest.json']) {
    try {
      return completionIndex(JSON.parse(readFileSync(join(packageRoot, file), 'utf8')) as Snapshot)
    } catch {
      // the next source, or none
    }
  }
  return undefined
}

function completionIndex(snapshot: Snapshot): CompletionIndex {
  const all = Array.isArray(snapshot.commands) ? snapshot.commands : Object.values(snapshot.commands)
  // Help texts are oclif templates; the only one summaries use is the binary's name.
  const text = (s: string) => firstLine(s.replaceAll('<%= config.bin %>', snapshot.bin ?? 'ktl'))
  const aliasOf = new Map<string, string>()
  for (const c of all) {
    // oclif lists each alias as a command too, naming itself as its alias.
    for (const a of [...(c.aliases ?? []), ...(c.hiddenAliases ?? [])]) if (a.replaceAll(' ', ':') !== c.id) aliasOf.set(a.replaceAll(' ', ':'), c.id)
  }
  const commands = new Map<string, CommandInfo>()
  const lookup = new Map<string, string>(aliasOf)
  let globalFlags: FlagInfo[] = []
  for (const c of all) {
    if (aliasOf.has(c.id)) continue
    const flags = Object.values(c.flags ?? {}).map(flagInfo)
    commands.set(c.id, {
      id: c.id,
      summary: text(c.summary ?? c.description ?? ''),
      hidden: Boolean(c.hidden),
      takesArgs: c.strict === false || Object.keys(c.args ?? {}).length > 0,
      flags,
    })
    lookup.set(c.id, c.id)
    const global = Object.values(c.flags ?? {}).filter((f) => f.helpGroup === 'GLOBAL')
    if (global.length > globalFlags.length) globalFlags = global.map(flagInfo)
  }
  const topics = new Map<string, string>()
  for (const t of snapshot.topics ?? []) if (!t.hidden && !commands.has(t.name) && !lookup.has(t.name)) topics.set(t.name, text(t.description ?? ''))
  return {commands, lookup, topics, globalFlags}
}

function flagInfo(f: CachedFlag): FlagInfo {
  return {
    name: f.name,
    char: f.char,
    takesValue: f.type === 'option',
    multiple: Boolean(f.multiple),
    description: firstLine(f.summary ?? f.description ?? ''),
    hidden: Boolean(f.hidden),
    options: f.options,
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim()
}

/** The visible commands and topics one level below `parent` ('' for the top), with their summaries. */
export function subcommands(index: CompletionIndex, parent: string): {name: string; summary: string}[] {
  const depth = parent === '' ? 0 : parent.split(':').length
  const below = (id: string) => (parent === '' || id.startsWith(`${parent}:`)) && id.split(':').length === depth + 1
  const found = new Map<string, string>()
  for (const c of index.commands.values()) if (!c.hidden && below(c.id)) found.set(c.id.split(':')[depth], c.summary)
  for (const [name, description] of index.topics) if (below(name) && !found.has(name.split(':')[depth])) found.set(name.split(':')[depth], description)
  return [...found].map(([name, summary]) => ({name, summary}))
}
