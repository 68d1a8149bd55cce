// `ktl --help`, `ktl CMD --help` and `ktl TOPIC` without oclif's Config.load: oclif's own Help
// class renders from the commands and topics oclif's Config held at build time
// (dist/startup/help.json, see scripts/startup-index.mjs), with what Config works out at run time
// (platform, arch, theme) worked out the same way here. Undefined when this run needs full oclif.
import {existsSync, readFileSync} from 'node:fs'
import {arch, homedir, tmpdir} from 'node:os'
import {join} from 'node:path'
import {format} from 'node:util'
import {Help} from '@oclif/core/help'
import {getPlatform} from '@oclif/core/lib/util/os.js'

/** What scripts/startup-index.mjs keeps of oclif's Config for help. */
export interface HelpSnapshot {
  name: string
  version: string
  bin: string
  dirname: string
  pjson: Record<string, any> & {oclif: Record<string, any>}
  topicSeparator: string
  isSingleCommandCLI: boolean
  flexibleTaxonomy: boolean
  commandIDs: string[]
  commands: Record<string, any>[]
  /** oclif's findCommand: every id, alias and permutation it answers, as an index into commands. */
  commandLookup: Record<string, number>
  topics: Record<string, any>[]
  topicLookup: Record<string, number>
  plugins: Record<string, {pjson: {oclif: {state?: string}}}>
}

/** Help's output: the arguments of each line it logs, for console.log or console.error. */
export interface HelpOutput {
  stdout: unknown[][]
  stderr: unknown[][]
}

// The Config fields oclif's Help reads; findCommand/findTopic answer as oclif's do.
function helpConfig(snapshot: HelpSnapshot, runtime: {platform: string; root: string}) {
  const lookup = <T>(items: T[], index: Record<string, number>) => (id: string) => (Object.hasOwn(index, id) ? items[index[id]] : undefined)
  const archName = arch() === 'ia32' ? 'x86' : arch()
  return {
    name: snapshot.name,
    version: snapshot.version,
    bin: snapshot.bin,
    dirname: snapshot.dirname,
    pjson: snapshot.pjson,
    root: runtime.root,
    platform: runtime.platform,
    arch: archName,
    windows: runtime.platform === 'win32',
    shell: 'unknown',
    theme: undefined,
    userAgent: `${snapshot.name}/${snapshot.version} ${runtime.platform}-${archName} node-${process.version}`,
    topicSeparator: snapshot.topicSeparator,
    isSingleCommandCLI: snapshot.isSingleCommandCLI,
    flexibleTaxonomy: snapshot.flexibleTaxonomy,
    commandIDs: snapshot.commandIDs,
    commands: snapshot.commands,
    topics: snapshot.topics,
    plugins: new Map(Object.entries(snapshot.plugins)),
    findCommand: lookup(snapshot.commands, snapshot.commandLookup),
    findTopic: lookup(snapshot.topics, snapshot.topicLookup),
  }
}

// Config.loadTheme: a theme in the user's config folder (KTL_CONFIG_DIR, else XDG's) changes help.
function userTheme(snapshot: HelpSnapshot, env: NodeJS.ProcessEnv): boolean {
  const scoped = (key: string) => env[`${snapshot.bin.replaceAll('@', '').replaceAll(/[-/]/g, '_').toUpperCase()}_${key}`]
  if (['true', '1'].includes(scoped('DISABLE_THEME') ?? '')) return false
  const home = env.HOME || homedir() || tmpdir()
  const configDir = scoped('CONFIG_DIR') || join(env.XDG_CONFIG_HOME || join(home, '.config'), snapshot.dirname)
  return existsSync(join(configDir, 'theme.json'))
}

/** Renders help for argv as oclif's showHelp(argv) would; undefined when only full oclif can. */
export async function renderHelp(argv: string[], root: string): Promise<HelpOutput | undefined> {
  const snapshot = JSON.parse(readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as HelpSnapshot
  if (userTheme(snapshot, process.env)) return undefined
  const platform = await getPlatform() // 'wsl' inside WSL
  if (platform === 'win32') return undefined // Help picks the example line separator by shell there
  const output: HelpOutput = {stdout: [], stderr: []}
  class CapturedHelp extends Help {
    protected log(...args: string[]): void {
      ;(this.opts.sendToStderr ? output.stderr : output.stdout).push(args)
    }
  }
  const help = new CapturedHelp(helpConfig(snapshot, {platform, root}) as never, snapshot.pjson.oclif.helpOptions ?? snapshot.pjson.helpOptions)
  try {
    await help.showHelp(argv)
  } catch {
    return undefined
  }
  return output
}

/** Writes captured help as oclif's ux.stdout/stderr do. */
export function writeHelp(output: HelpOutput): void {
  for (const args of output.stdout) console.log(format(...args))
  for (const args of output.stderr) console.error(format(...args))
}
