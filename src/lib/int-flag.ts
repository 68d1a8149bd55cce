// pflag's integer flags parse with strconv.ParseInt(value, 0, bits): 0x, 0o, 0b and leading-0
// octal prefixes, underscores between digits, and Go's error texts. klog's -v reads base 10 only.
import {invalidFlagArgument} from './errors.js'
import {goQuote} from './go/quote.js'

/** `shorthand` is the flag's one-letter form, which pflag names too (`-r, --replicas`). */
export function parseIntFlag(value: string, bits: 32 | 64, flag: string, commandPath: string, shorthand?: string, goBase: 0 | 10 = 0): number {
  const name = shorthand ? `-${shorthand}, --${flag}` : `--${flag}`
  const fail = (why: string) => invalidFlagArgument(value, name, `strconv.ParseInt: parsing ${goQuote(value)}: ${why}`, commandPath)
  let s = value
  let negative = false
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s[0] === '-'
    s = s.slice(1)
  }
  let base = 10
  let prefixed = false
  if (goBase === 10) {
    if (s.includes('_')) throw fail('invalid syntax')
  } else if (/^0[xX]/.test(s)) [base, s, prefixed] = [16, s.slice(2), true]
  else if (/^0[oO]/.test(s)) [base, s, prefixed] = [8, s.slice(2), true]
  else if (/^0[bB]/.test(s)) [base, s, prefixed] = [2, s.slice(2), true]
  else if (s.length > 1 && s[0] === '0') [base, s] = [8, s.slice(1)]
  if (!underscoresOK(value.replace(/^[+-]/, ''))) throw fail('invalid syntax')
  const digits = s.replaceAll('_', '')
  if (digits === '' && !(base === 8 && !prefixed)) throw fail('invalid syntax')
  let n = 0n
  for (const ch of digits) {
    const d = Number.parseInt(ch, 36)
    if (Number.isNaN(d) || d >= base) throw fail('invalid syntax')
    n = n * BigInt(base) + BigInt(d)
  }
  const limit = 1n << BigInt(bits - 1)
  if (negative ? n > limit : n >= limit) throw fail('value out of range')
  return Number(negative ? -n : n)
}

// strconv's underscoreOK: each underscore sits between digits (a base prefix counts as a digit).
function underscoresOK(s: string): boolean {
  let saw = '^'
  let i = 0
  const prefixed = /^0[xXoObB]/.test(s)
  const hex = /^0[xX]/.test(s)
  if (prefixed) {
    saw = '0'
    i = 2
  }
  for (; i < s.length; i++) {
    const c = s[i]
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}
