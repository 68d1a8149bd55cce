// Completion in the real shells: the script `ktl completion SHELL` prints, loaded the way the README
// says, with a `ktl` on PATH that runs the build. Each shell runs interactively on a pseudo-terminal
// (zsh's zpty drives all three) and gets a real Tab; fish also answers `complete -C LINE`, what its
// Tab would offer. A missing shell fails the test: CI installs all three (.ci/run).
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {ROOT, spawnProcess} from './spawn-node.js'

const HERE = join(import.meta.dirname, 'shells')
export const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion'

export interface ShellOptions {
  /** Where the shell runs and keeps its files: the Tab's temporary files go in a folder under it. */
  dir: string
  /** The shell's environment besides PATH and TERM: HOME, KUBECONFIG, KTL_COMPLETION_BUDGET_MS... */
  env: NodeJS.ProcessEnv
  /** The shell's working directory (file name completion lists it). */
  cwd: string
}

export interface TabOptions extends ShellOptions {
  /** bash: load the bash-completion package before ktl's script. */
  bashCompletion?: boolean
  /** zsh: install the script in $fpath as _ktl for compinit to autoload, rather than source it. */
  fpath?: boolean
}

export interface Tab {
  /** The command line after the Tab. */
  line: string
  /** What the completion function gave the shell: COMPREPLY in bash, the matches added in zsh, the lines in fish. */
  offered: string[]
  /** zsh: the lines of its listing of the matches (value, then `-- description` when there is one). */
  listed: string[]
  /** The Tab's time: the completion function in bash and fish, the Tab widget in zsh. */
  ms: number
}

export interface Tabs {
  tabs: Tab[]
  /** Everything the terminal showed, escape sequences included: prompts, echoes, and any error a script printed. */
  screen: string
}

export interface FishCompletion {
  /** `complete -C` lines: a candidate, then a tab and its description when there is one. */
  candidates: string[]
  ms: number
}

/** A folder holding an executable `ktl` that runs this checkout's build with this Node. */
function ktlBin(dir: string): string {
  const bin = join(dir, 'bin')
  mkdirSync(bin, {recursive: true})
  writeFileSync(join(bin, 'ktl'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin/run.js'))} "$@"\n`)
  chmodSync(join(bin, 'ktl'), 0o755)
  return bin
}

function shellEnv(opts: ShellOptions, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {PATH: `${ktlBin(opts.dir)}:${process.env.PATH}`, TERM: 'xterm', LANG: 'C.UTF-8', ...opts.env, ...extra}
}

function fileLines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : []
}

/** Types each line into one interactive shell with ktl's completion loaded, pressing Tab once on each. */
export async function pressTab(shell: 'bash' | 'zsh' | 'fish', lines: string[], opts: TabOptions): Promise<Tabs> {
  const out = mkdtempSync(join(opts.dir, `tab-${shell}-`))
  const extra: NodeJS.ProcessEnv = {KTL_TAB_OUT: out}
  if (opts.bashCompletion) extra.KTL_TAB_BASH_COMPLETION = BASH_COMPLETION
  if (opts.fpath) extra.KTL_TAB_FPATH = out
  const driver = await spawnProcess('zsh', ['-f', join(HERE, 'tab.zsh'), shell, join(HERE, `rc.${shell}`), ...lines], opts.cwd, shellEnv(opts, extra))
  const screen = existsSync(join(out, 'screen')) ? readFileSync(join(out, 'screen'), 'utf8') : ''
  if (driver.code !== 0) throw new Error(`${shell}: ${driver.stderr}\nthe terminal showed:\n${screen}`)
  const tabs = lines.map((_, i) => ({
    line: readFileSync(join(out, `${i + 1}.line`), 'utf8').replace(/\n$/, ''),
    offered: fileLines(join(out, `${i + 1}.offered`)),
    listed: fileLines(join(out, `${i + 1}.listed`)),
    ms: existsSync(join(out, `${i + 1}.ms`)) ? Number(readFileSync(join(out, `${i + 1}.ms`), 'utf8')) : Number.NaN,
  }))
  return {tabs, screen}
}

/**
 * What fish offers for each line, in one fish that ran `ktl completion fish | source` first or, with
 * `autoload`, that finds the script in ~/.config/fish/completions/ktl.fish on its first ktl Tab.
 */
export async function fishComplete(lines: string[], opts: ShellOptions & {autoload?: boolean}): Promise<FishCompletion[]> {
  const load = opts.autoload
    ? 'mkdir -p ~/.config/fish/completions && ktl completion fish > ~/.config/fish/completions/ktl.fish'
    : 'ktl completion fish | source'
  // Each line's candidates, then a line with RS (\x1e) and the milliseconds `complete -C` took.
  const script = `${load}
for line in $argv
    set -l start (date +%s%N)
    complete -C $line
    set -l end (date +%s%N)
    printf '\\x1e%s\\n' (math --scale 0 "($end - $start) / 1000000")
end`
  // Without --no-config fish reads ~/.config/fish (HOME is the test's) and autoloads completions from it.
  const flags = opts.autoload ? [] : ['--no-config']
  const r = await spawnProcess('fish', [...flags, '-c', script, ...lines], opts.cwd, shellEnv(opts))
  if (r.code !== 0 || r.stderr !== '') throw new Error(`fish (${r.code}): ${r.stderr}`)
  const answers = r.stdout.split(/^\x1e(\d+)\n/m)
  return lines.map((_, i) => ({candidates: answers[2 * i].split('\n').filter((l) => l !== ''), ms: Number(answers[2 * i + 1])}))
}
