// The process side of `ktl __complete`, which bin/run.js hands its words to before anything else
// loads: cobra's hidden command takes every word as an argument (`__complete get --help` completes,
// it does not print help), which an oclif command would not. Prints the candidates and ends the
// process at once, so no pending request or socket outlives the Tab.
import {spawn} from 'node:child_process'
import {homedir} from 'node:os'
import {fileURLToPath} from 'node:url'
import {loadCompletionIndex} from './command-index.js'
import {complete, formatCompletion} from './complete.js'

/**
 * A Tab takes at most 300 ms end to end. Counted from the process start, requests are abandoned at
 * 200 ms: what is left covers printing, exiting and a busy machine's late timers.
 */
const COMPLETION_BUDGET_MS = 200
/** The budget of a completion run again in the background after a Tab timed out; it prints to no one. */
const BACKGROUND_BUDGET_MS = 5_000
/** A run's own budget instead of a Tab's: set for the background run (and by tests), which starts no other. */
const BUDGET_ENV = 'KTL_COMPLETION_BUDGET_MS'

export async function main(words: string[]): Promise<void> {
  const index = loadCompletionIndex(fileURLToPath(new URL('../../..', import.meta.url)))
  let text = ':4\n'
  if (index) {
    const background = process.env[BUDGET_ENV] !== undefined
    const budgetMs = background ? Number(process.env[BUDGET_ENV]) : COMPLETION_BUDGET_MS - performance.now()
    const result = await complete(words, {index, env: process.env, homeDir: process.env.HOME ?? homedir(), cwd: process.cwd(), budgetMs})
    text = formatCompletion(result)
    if (result.timedOut && !background) completeInBackground(words)
  }
  process.stdout.write(text, () => process.exit(0))
}

/**
 * What a Tab that timed out asked for, run again detached and silent with time to finish: the first
 * Tab on a new cluster (discovery takes longer than a Tab) or a slow list offers nothing, the next
 * one finds the caches filled.
 */
function completeInBackground(words: string[]): void {
  const bin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url))
  const env = {...process.env, [BUDGET_ENV]: String(BACKGROUND_BUDGET_MS)}
  spawn(process.execPath, [bin, '__complete', ...words], {detached: true, stdio: 'ignore', env}).unref()
}
