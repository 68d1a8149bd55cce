// pflag's integer flags parse with strconv.ParseInt(value, 0, bits): 0x, 0o, 0b and leading-0
// octal prefixes, underscores between digits, and Go's error texts. klog's -v reads base 10 only.
import {invalidFlagArgument} from './errors.js'
import {goQuote} from './go/quote.js'
import {goParseInt} from './go/strconv.js'

/** `shorthand` is the flag's one-letter form, which pflag names too (`-r, --replicas`). */
export function parseIntFlag(value: string, bits: 32 | 64, flag: string, commandPath: string, shorthand?: string, goBase: 0 | 10 = 0): number {
  const name = shorthand ? `-${shorthand}, --${flag}` : `--${flag}`
  const n = goParseInt(value, goBase, bits)
  if (typeof n !== 'bigint') throw invalidFlagArgument(value, name, `strconv.ParseInt: parsing ${goQuote(value)}: ${n}`, commandPath)
  return Number(n)
}
