// Writes dist/startup/commands.json: what src/lib/startup/main.ts needs to resolve argv to a
// command exactly as oclif's run() does, without loading oclif's config and plugins; and
// dist/startup/help.json: the commands and topics src/lib/startup/help.ts shows help from. Both are
// taken from oclif's own Config over the freshly built dist/ and manifest (ktl's commands and the
// plugins'), so they always cover whatever commands exist at build time.
//
// A command is left to full oclif (no entry) when its file uses Command features that
// src/lib/startup/oclif-lite.ts does not carry: this.config, this.log/warn/error/exit and JSON
// output, deprecation warnings, or a help/version flag of its own (this.config.bin/name/version are there).
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Config} from '@oclif/core'
import {getHelpFlagAdditions} from '@oclif/core/help'

/** Hooks oclif runs on the way to a command; the startup path runs none, so any of them turns it off. */
const RUN_HOOKS = ['init', 'prerun', 'preparse', 'postrun', 'finally', 'command_incomplete']
const LITE_MISSING = /\bthis\.(config(?!\.(bin|name|version)\b)|log|logToStderr|logJson|warn|error|exit|jsonEnabled|toSuccessJson|toErrorJson)\b/

function commonReasons(config) {
  const reasons = []
  if (config.isSingleCommandCLI) reasons.push('single-command CLI')
  if (config.topicSeparator !== ' ') reasons.push(`topic separator ${JSON.stringify(config.topicSeparator)}`)
  for (const plugin of config.plugins.values()) {
    for (const hook of RUN_HOOKS) if (plugin.hooks?.[hook]?.length) reasons.push(`${plugin.name} has a ${hook} hook`)
  }
  return reasons
}

async function commandReason(root, command) {
  const cls = await command.load()
  if (cls.enableJsonFlag) return '--json'
  if (cls.state === 'deprecated' || cls.deprecateAliases) return 'deprecated'
  const flags = {...cls.baseFlags, ...cls.flags}
  for (const [name, flag] of Object.entries(flags)) {
    if (flag.deprecated || flag.deprecateAliases) return `deprecated flag --${name}`
    if (name === 'help' || name === 'version') return `its own --${name} flag`
  }
  if (!command.relativePath) return 'no source path in the manifest'
  const source = readFileSync(join(root, sourceOf(command.relativePath)), 'utf8')
  const missing = LITE_MISSING.exec(source)
  if (missing) return `uses ${missing[0]}`
  return undefined
}

// ['dist', 'commands', 'config', 'view.js'] -> src/commands/config/view.ts
function sourceOf(relativePath) {
  return ['src', ...relativePath.slice(1)].join('/').replace(/\.js$/, '.ts')
}

/** The parts of oclif's Config that its Help reads, with findCommand/findTopic as lookup tables. */
function helpSnapshot(config) {
  const commands = config.commands.map(({load, ...command}) => command)
  const lookup = (keys, find, items) =>
    Object.fromEntries(keys.flatMap((key) => {
      const found = find(key)
      return found ? [[key, items.indexOf(found)]] : []
    }))
  return {
    name: config.name,
    version: config.version,
    bin: config.bin,
    dirname: config.dirname,
    pjson: {name: config.pjson.name, version: config.pjson.version, description: config.pjson.description, oclif: config.pjson.oclif, helpOptions: config.pjson.helpOptions},
    topicSeparator: config.topicSeparator,
    isSingleCommandCLI: config.isSingleCommandCLI,
    flexibleTaxonomy: config.flexibleTaxonomy,
    commandIDs: config.commandIDs,
    commands,
    commandLookup: lookup([...config.commandIDs, ...config.commandPermutations.getAllValid()], (k) => config.findCommand(k), config.commands),
    topics: config.topics,
    topicLookup: lookup([...config.topics.map((t) => t.name), ...config.topicPermutations.getAllValid()], (k) => config.findTopic(k), config.topics),
    plugins: Object.fromEntries([...config.plugins.values()].map((p) => [p.name, {pjson: {oclif: {state: p.pjson.oclif?.state}}}])),
  }
}

/** Writes the index; outputs maps a command source file to its startup bundle file. Returns the commands left to oclif. */
export async function writeStartupIndex(root, outputs) {
  const config = await Config.load(root)
  const index = {
    name: config.pjson.name,
    bin: config.bin,
    version: config.version,
    helpFlags: getHelpFlagAdditions(config),
    versionFlags: [...new Set(['--version', ...(config.pjson.oclif.additionalVersionFlags ?? [])])],
    usableIds: {},
    commands: {},
    topics: [],
    help: false,
  }
  const skipped = {}
  for (const id of config.commandIDs) {
    const parts = id.split(':')
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join(':')
      const command = config.findCommand(prefix)
      index.usableIds[prefix] = Boolean(command && (command.strict === false || Object.keys(command.args ?? {}).length > 0))
    }
  }
  const common = commonReasons(config)
  if (common.length === 0) {
    const help = helpSnapshot(config)
    writeFileSync(join(root, 'dist/startup/help.json'), JSON.stringify(help) + '\n')
    index.topics = Object.keys(help.topicLookup).filter((key) => !config.findCommand(key))
    index.help = !config.pjson.oclif.helpClass && !config.pjson.oclif.theme
  }
  const rootPlugin = [...config.plugins.values()].find((p) => p.isRoot)
  for (const command of rootPlugin.commands) {
    const reason = common[0] ?? (await commandReason(root, command))
    if (reason) {
      skipped[command.id] = reason
      continue
    }
    const file = outputs[sourceOf(command.relativePath)]
    if (!file) {
      skipped[command.id] = 'not bundled'
      continue
    }
    for (const key of [command.id, ...command.aliases, ...command.hiddenAliases].map((a) => a.replaceAll(' ', ':'))) {
      if (config.findCommand(key)?.pluginName === rootPlugin.name) index.commands[key] = {id: command.id, file}
    }
  }
  writeFileSync(join(root, 'dist/startup/commands.json'), JSON.stringify(index, null, 1) + '\n')
  return skipped
}
