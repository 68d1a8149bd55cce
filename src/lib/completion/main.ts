// The process side of `ktl __complete`, which bin/run.js hands its words to before anything else
// loads: cobra's hidden command takes every word as an argument (`__complete get --help` completes,
// it does not print help), which an oclif command would not. Prints the candidates and ends the
// process at once, so no pending request or socket outlives the Tab.
import {homedir} from 'node:os'
import {fileURLToPath} from 'node:url'
import {loadCompletionIndex} from './command-index.js'
import {complete, formatCompletion} from './complete.js'

/**
 * A Tab takes at most 300 ms end to end. Counted from the process start, requests are abandoned at
 * 200 ms: what is left covers printing, exiting and a busy machine's late timers.
 */
export const COMPLETION_BUDGET_MS = 200

export async function main(words: string[]): Promise<void> {
  const index = loadCompletionIndex(fileURLToPath(new URL('../../..', import.meta.url)))
  let text = ':4\n'
  if (index) {
    const elapsed = performance.now()
    const result = await complete(words, {index, env: process.env, homeDir: process.env.HOME ?? homedir(), cwd: process.cwd(), budgetMs: COMPLETION_BUDGET_MS - elapsed})
    text = formatCompletion(result)
  }
  process.stdout.write(text, () => process.exit(0))
}
