// ktl's "Did you mean" for a resource type the server does not have (kubectl offers none): the
// closest of the names discovery already knows, within cobra's distance for command suggestions.
import {levenshtein} from '../unknown-command.js'
import type {APIResource} from './types.js'

const MAX_DISTANCE = 2

/** The --help paragraph of every verb whose TYPE arguments go through discovery. */
export const TYPE_SUGGESTION_HELP =
  'ktl addition: when the server has no resource type of the name given, a second line after kubectl\'s error names the ' +
  'closest type it has (Did you mean "deployments"?), when one is within two edits.'

/** The name closest to `typed` among plurals, singulars, short names and plural.group forms; undefined when none is close. */
export function closestResourceName(typed: string, resources: readonly APIResource[]): string | undefined {
  let best: string | undefined
  let bestDistance = MAX_DISTANCE + 1
  for (const r of resources) {
    const own = [r.name, r.singularName].filter(Boolean)
    // A name with a dot is compared as plural.group (or singular.group); one without, with the names kubectl takes alone.
    const names = typed.includes('.') ? (r.group ? own.map((n) => `${n}.${r.group}`) : []) : [...own, ...r.shortNames]
    for (const name of names) {
      const distance = levenshtein(typed, name)
      // No more edits than letters typed: otherwise "" (or "x") would be "two edits from cs".
      if (distance < bestDistance && distance <= typed.length) [best, bestDistance] = [name, distance]
    }
  }
  return best
}
