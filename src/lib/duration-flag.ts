// pflag's duration flags parse with Go's time.ParseDuration: "1h30m", "1.5s", "500ms", a bare 0, and
// Go's error texts for anything else.
import {invalidFlagArgument} from './errors.js'
import {goQuote} from './go/quote.js'

const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}
const MAX_DURATION_MS = 9_223_372_036_854.775

/** `flag` without dashes; milliseconds, or pflag's "invalid argument" error naming `ktl commandPath`. */
export function parseDurationFlag(flag: string, text: string, commandPath: string): number {
  const reason = goDurationProblem(text)
  if (reason === undefined) return goDurationMs(text)
  throw invalidFlagArgument(text, `--${flag}`, reason, commandPath)
}

function goDurationProblem(orig: string): string | undefined {
  const invalid = `time: invalid duration ${goQuote(orig)}`
  let s = orig.replace(/^[+-]/, '')
  if (s === '0') return undefined
  if (s === '') return invalid
  let total = 0
  while (s !== '') {
    const m = /^(\d*)(\.(\d*))?/.exec(s) as RegExpExecArray
    if (m[0] === '' || (m[1] === '' && (m[3] ?? '') === '')) return invalid
    s = s.slice(m[0].length)
    const unit = /^[^.0-9]*/.exec(s)?.[0] ?? ''
    if (unit === '') return `time: missing unit in duration ${goQuote(orig)}`
    if (!(unit in UNIT_MS)) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(orig)}`
    s = s.slice(unit.length)
    total += Number(`${m[1] || '0'}.${m[3] || '0'}`) * UNIT_MS[unit]
    if (total > MAX_DURATION_MS) return invalid
  }
  return undefined
}

function goDurationMs(text: string): number {
  const negative = text.startsWith('-')
  let total = 0
  for (const m of text.replace(/^[+-]/, '').matchAll(/(\d*)(?:\.(\d*))?([^.0-9]+)/g)) {
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * UNIT_MS[m[3]]
  }
  return negative ? -total : total
}
