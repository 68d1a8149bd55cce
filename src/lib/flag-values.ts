// Flag values that ktl reads as strings and parses the way pflag does (strconv.ParseInt, Go's
// time.ParseDuration), so a bad value fails with kubectl's exact message for the command.
import {CliError} from './errors.js'
import {goQuote} from './go/quote.js'

/** pflag's message for a value its parser refused. */
export function invalidFlagValue(flag: string, value: string, reason: string, command: string): CliError {
  return new CliError(`error: invalid argument ${goQuote(value)} for ${goQuote(flag)} flag: ${reason}\nSee 'ktl ${command} --help' for usage.`)
}

/** An int flag as pflag's IntVar/Int64Var reads it: strconv.ParseInt with base prefixes. */
export function parseIntFlag(flag: string, text: string, command: string): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text)
  const syntax = () => invalidFlagValue(flag, text, `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`, command)
  if (!m) throw syntax()
  const digits = m[2]
  let value: bigint
  if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`)
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`)
  else value = BigInt(digits)
  if (m[1] === '-') value = -value
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    throw invalidFlagValue(flag, text, `strconv.ParseInt: parsing ${goQuote(text)}: value out of range`, command)
  }
  return Number(value)
}

const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}
const MAX_DURATION_MS = 9_223_372_036_854.775

/** A duration flag as Go's time.ParseDuration reads it, in milliseconds, with Go's messages for bad values. */
export function parseDurationFlag(flag: string, text: string, command: string): number {
  const reason = goDurationProblem(text)
  if (reason === undefined) return goDurationMs(text)
  throw invalidFlagValue(flag, text, reason, command)
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
