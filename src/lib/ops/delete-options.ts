// kubectl delete's flags read the way kubectl reads them: the cascade strategy (and its deprecated
// boolean forms), the grace period that --now and --force imply, and --timeout. (--dry-run is
// src/lib/dry-run.ts, shared by every verb that writes.)
import {CliError, usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

/** What a bare `--cascade` stands for (pflag's NoOptDefVal). */
export const CASCADE_NO_VALUE = 'background'

/** A week: kubectl's wait when --timeout is 0. */
export const UNLIMITED_WAIT_MS = 168 * 60 * 60 * 1000

// strconv.ParseBool's spellings.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

type Warn = (line: string) => void

export function parseCascade(value: string, warn: Warn): PropagationPolicy {
  if (TRUE.has(value) || FALSE.has(value)) {
    const replacement = TRUE.has(value) ? 'background' : 'orphan'
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.`)
    return TRUE.has(value) ? 'Background' : 'Orphan'
  }
  switch (value) {
    case 'background':
      return 'Background'
    case 'foreground':
      return 'Foreground'
    case 'orphan':
      return 'Orphan'
    default:
      throw usageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`)
  }
}

export interface GracePeriodFlags {
  /** --grace-period as given; -1 when not set. */
  gracePeriod: number
  now: boolean
  force: boolean
}

/**
 * The grace period kubectl sends, or -1 for none: --now is 1, --grace-period=0 becomes 1 unless
 * --force (kubectl's guard against accidental data loss), --force alone is 0.
 */
export function effectiveGracePeriod(flags: GracePeriodFlags): number {
  let grace = flags.gracePeriod
  if (flags.now) {
    if (grace !== -1) throw usageError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !flags.force) grace = 1
  if (flags.force && grace < 0) grace = 0
  return grace
}

/** pflag's message for a value its parser refused. */
function invalidFlagValue(flag: string, value: string, reason: string, command = 'delete'): CliError {
  return new CliError(`error: invalid argument ${goQuote(value)} for ${goQuote(flag)} flag: ${reason}\nSee 'ktl ${command} --help' for usage.`)
}

/** --grace-period as pflag's IntVar reads it: strconv.ParseInt with base prefixes. */
export function parseGracePeriodFlag(text: string): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text)
  const syntax = () => invalidFlagValue('--grace-period', text, `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`)
  if (!m) throw syntax()
  const digits = m[2]
  let value: bigint
  if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`)
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`)
  else value = BigInt(digits)
  if (m[1] === '-') value = -value
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    throw invalidFlagValue('--grace-period', text, `strconv.ParseInt: parsing ${goQuote(text)}: value out of range`)
  }
  return Number(value)
}

const UNIT_MS: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000}
const MAX_DURATION_MS = 9_223_372_036_854.775

/** --timeout as Go's time.ParseDuration reads it, in milliseconds, with Go's messages for bad values. */
export function parseTimeoutFlag(text: string, command = 'delete'): number {
  const reason = goDurationProblem(text)
  if (reason === undefined) return goDurationMs(text)
  throw invalidFlagValue('--timeout', text, reason, command)
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

/** kubectl's only other -o for delete. */
export function validateOutput(output: string | undefined): void {
  if (output && output !== 'name') throw usageError(`unexpected -o output mode: ${output}. We only support '-o name'`)
}

/** A klog line (W for warnings, E for errors), as kubectl logs a deprecated flag spelling or a bad timeout. */
export function klogLine(level: 'W' | 'E', message: string, now = new Date(), source = 'delete.ts'): string {
  const p2 = (n: number) => String(n).padStart(2, '0')
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0')
  const time = `${p2(now.getHours())}:${p2(now.getMinutes())}:${p2(now.getSeconds())}.${micros}`
  return `${level}${p2(now.getMonth() + 1)}${p2(now.getDate())} ${time} ${String(process.pid).padStart(7)} ${source}] ${message}`
}
