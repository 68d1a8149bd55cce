// --request-timeout as kubectl reads it (clientcmd.ParseTimeout): a bare non-negative integer is
// seconds, anything else must be a Go duration ("1s", "2m", "1h30m", "1.5h", "500ms").
import {usageError} from '../errors.js'

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

const MAX_DURATION_MS = 9_223_372_036_854.775 // Go's Duration is int64 nanoseconds

/** time.ParseDuration, in milliseconds; undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  let s = text
  let sign = 1
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1
    s = s.slice(1)
  }
  if (s === '0') return 0
  if (s === '') return undefined
  let total = 0
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray
    const [number, whole, fraction] = m
    if (whole === '' && (fraction === undefined || fraction === '')) return undefined
    s = s.slice(number.length)
    const unit = /^[^.0-9]+/.exec(s)?.[0]
    if (!unit || !(unit in UNIT_MS)) return undefined
    s = s.slice(unit.length)
    total += Number(`${whole || '0'}.${fraction || '0'}`) * UNIT_MS[unit]
    if (total > MAX_DURATION_MS) return undefined
  }
  return sign * total
}

/** Milliseconds to wait for one request; 0 means no limit. */
export function parseRequestTimeout(text: string | undefined): number {
  if (!text) return 0
  let ms: number | undefined
  if (/^[+-]?\d+$/.test(text) && Number(text) >= 0) ms = Number(text) * 1000
  else ms = parseGoDuration(text)
  if (ms === undefined || !Number.isFinite(ms)) {
    throw usageError('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)')
  }
  // A negative timeout means none to Go's http.Client; below a millisecond still means "soon".
  if (ms <= 0) return 0
  return Math.max(1, Math.round(ms))
}
