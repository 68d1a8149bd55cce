// What kubectl (cobra) prints for a command it does not have: at the top level, the "Did you mean
// this?" list cobra builds; under a command group (config, rollout, auth, top), kubectl's
// DefaultSubCommandRun usage error. Exit code 1 in both cases, as kubectl.
import {goQuote} from './go/quote.js'

/**
 * kubectl's top-level commands in the order it registers them (command sorting is off), which is the
 * order cobra lists suggestions in; ktl's other commands follow in their own order.
 */
const KUBECTL_ORDER = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'completion', 'plugin', 'version', 'api-versions', 'api-resources', 'config', 'options',
]

// cobra's SuggestionsMinimumDistance default.
const MIN_DISTANCE = 2

/** cobra's ld(): Levenshtein distance, case-insensitive as cobra calls it for suggestions. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  let prev = Array.from({length: t.length + 1}, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++) {
      row[j] = s[i - 1] === t[j - 1] ? prev[j - 1] : 1 + Math.min(prev[j], row[j - 1], prev[j - 1])
    }
    prev = row
  }
  return prev[t.length]
}

/** cobra's SuggestionsFor: names within distance 2 of what was typed, or starting with it. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  return names.filter((name) => levenshtein(typed, name) <= MIN_DISTANCE || name.toLowerCase().startsWith(typed.toLowerCase()))
}

/** Top-level names in the order cobra would offer them. */
function ordered(names: Iterable<string>): string[] {
  const rank = (name: string) => {
    const i = KUBECTL_ORDER.indexOf(name)
    return i < 0 ? KUBECTL_ORDER.length : i
  }
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b))
}

/**
 * kubectl's message for `id` (oclif's colon-joined words, e.g. `gett:pods` or `config:gett`), given
 * the ids of the visible commands and the binary's name. Ends with a newline.
 */
export function unknownCommandText(id: string, commandIds: readonly string[], bin: string): string {
  const words = id.split(':')
  const isPrefix = (prefix: string) => commandIds.some((c) => c === prefix || c.startsWith(`${prefix}:`))
  let depth = 0
  while (depth < words.length - 1 && isPrefix(words.slice(0, depth + 1).join(':'))) depth++
  if (depth > 0) {
    const group = words.slice(0, depth)
    return `error: unknown command ${goQuote(words[depth])}\nSee '${bin} ${group.join(' ')} -h' for help and examples\n`
  }
  const typed = words[0]
  const suggestions = suggestionsFor(typed, ordered(commandIds.map((c) => c.split(':')[0])))
  const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n'
  return `error: unknown command ${goQuote(typed)} for ${goQuote(bin)}${hint}`
}
