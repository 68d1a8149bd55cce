// The start of every ktl run (bin/run.js). With the index written at build time it decides what
// oclif's run() would do with argv: run one of ktl's own commands (imported alone and run on
// oclif-lite) or show help (help.ts). Anything else (--version, unknown commands and their
// suggestions, plugin commands such as help, oclif's debug settings) is answered "not
// here", and bin/run.js hands the run to full oclif.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {LiteConfig} from './oclif-lite.js'

export {moveLeadingGlobalFlags} from '../argv.js'

/** dist/startup/commands.json, written by scripts/startup-index.mjs. */
export interface StartupIndex {
  name: string
  bin: string
  version: string
  helpFlags: string[]
  versionFlags: string[]
  /** Every prefix of every command id (oclif's usable ids) and whether the command there takes arguments. */
  usableIds: Record<string, boolean>
  /** oclif command lookup keys (ids and aliases) the startup path runs, with the command's id and bundle file. */
  commands: Record<string, {id: string; file: string}>
  /** Topics that are not commands: oclif shows their help. */
  topics: string[]
  /** Whether help.ts can show help (no custom help class or theme). */
  help: boolean
}

export type Resolved = {kind: 'command'; id: string; file: string; argv: string[]} | {kind: 'help'; argv: string[]}

/**
 * What oclif's run() does with argv, for the cases the index covers: run a command of the index's,
 * or show help for argv. Undefined for anything else (--version, other commands, unknown ones).
 */
export function resolveCommand(index: StartupIndex, argv: string[]): Resolved | undefined {
  const help = (helpArgv: string[]): Resolved | undefined => (index.help ? {kind: 'help', argv: helpArgv} : undefined)
  if (argv.length === 0) return help(argv)
  if (index.versionFlags.includes(argv[0])) return undefined
  for (const arg of argv) {
    if (index.helpFlags.includes(arg)) return help(argv)
    if (arg === '--') break
  }
  const [id, ...rest] = argv[0].includes(':') ? argv : collateSpacedId(index, argv)
  if (Object.hasOwn(index.commands, id)) return {kind: 'command', id: index.commands[id].id, file: index.commands[id].file, argv: rest}
  return index.topics.includes(id) ? help([id]) : undefined
}

// oclif's collateSpacedCmdIDFromArgs (topicSeparator ' '): `config view x` is command config:view with argument x.
function collateSpacedId(index: StartupIndex, argv: string[]): string[] {
  if (argv.length === 1) return argv
  const final: string[] = []
  const finalizeId = (s?: string) => (s ? [...final, s] : final).filter(Boolean).join(':')
  const hasArgs = () => {
    const id = finalizeId()
    return id ? index.usableIds[id] === true : false
  }
  for (const arg of argv) {
    if (Object.hasOwn(index.usableIds, finalizeId(arg))) final.push(arg)
    else if (arg.includes('=') || arg.startsWith('-') || hasArgs()) break
    else final.push(arg)
  }
  const id = finalizeId()
  return id ? [id, ...argv.slice(id.split(':').length)] : argv
}

/** Environment settings under which oclif itself behaves differently (debug output, stack traces). */
function oclifDebugging(env: NodeJS.ProcessEnv, bin: string): boolean {
  return Boolean(env.DEBUG || env.CLI_FLAGS_DEBUG || env[`${bin.toUpperCase()}_DEBUG`])
}

function loadIndex(): StartupIndex {
  return JSON.parse(readFileSync(new URL('./commands.json', import.meta.url), 'utf8')) as StartupIndex
}

type CommandClass = {id: string; run(argv: string[], config: LiteConfig): Promise<unknown>}

// oclif's searchForCommandClass.
function commandClass(module: Record<string, unknown>): CommandClass | undefined {
  const isCommand = (c: unknown): c is CommandClass => typeof (c as CommandClass | undefined)?.run === 'function'
  if (isCommand(module)) return module
  if (isCommand(module.default)) return module.default
  return Object.values(module).find(isCommand)
}

// oclif's flush(): wait until stdout has taken everything, then let the process end on its own.
async function flush(): Promise<void> {
  const drained = new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))
  if (process.stdout.write('')) return
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 10_000)
    timer.unref()
  })
  if ((await Promise.race([drained, timedOut])) === 'timeout') {
    const {Errors} = await import('@oclif/core')
    Errors.error('timed out')
  }
  clearTimeout(timer)
}

/** Runs argv if it names one of ktl's commands the index admits; false leaves the run to full oclif. */
export async function runStartup(argv: string[]): Promise<boolean> {
  const index = loadIndex()
  if (oclifDebugging(process.env, index.bin)) return false
  const target = resolveCommand(index, argv)
  if (!target) return false
  if (target.kind === 'help') {
    const {renderHelp, writeHelp} = await import('./help.js')
    const output = await renderHelp(target.argv, fileURLToPath(new URL('../..', import.meta.url)))
    if (!output) return false
    writeHelp(output)
    await finish()
    return true
  }
  const command = commandClass(await import(new URL(target.file, import.meta.url).href))
  if (!command) return false
  command.id = target.id
  const config: LiteConfig = {bin: index.bin, name: index.name, version: index.version}
  await finish(() => command.run(target.argv, config))
  return true
}

// oclif's execute(): flush stdout after the run; what a run throws (a command's exit request, a
// flush that timed out) ends as oclif's handle() ends it.
async function finish(run?: () => Promise<unknown>): Promise<void> {
  try {
    await run?.()
    await flush()
  } catch (error) {
    const {handle} = await import('@oclif/core')
    await handle(error instanceof Error ? error : new Error(String(error)))
  }
}
