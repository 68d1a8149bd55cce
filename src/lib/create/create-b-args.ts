// pflag readings that create-A's string-slice.ts and ../int-flag.ts do not cover: cliflag's
// MapStringString (`--aggregation-rule=k=v,k2=v2`).
import {invalidFlagArgument} from '../errors.js'

/** cliflag.MapStringString: comma-separated k=v pairs, trimmed, later keys winning; `flag` names the flag in errors. */
export function mapStringString(values: readonly string[] | undefined, flag: string, commandPath: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const value of values ?? []) {
    for (const pair of value.split(',')) {
      if (pair.length === 0) continue
      const eq = pair.indexOf('=')
      if (eq < 0) {
        throw invalidFlagArgument(value, `--${flag}`, 'malformed pair, expect string=string', commandPath)
      }
      result.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
    }
  }
  return result
}
