// --since-time as kubectl reads it: Go's time.Parse with the RFC 3339 layout, with Go's error
// messages, and the instant sent back as metav1.Time writes it (UTC, whole seconds).
import {usageError} from '../errors.js'

const LAYOUT = '2006-01-02T15:04:05Z07:00'

class ParseFailure extends Error {}

/** The query value for sinceTime, or kubectl's error for text time.Parse refuses. */
export function parseSinceTime(value: string): string {
  let rest = value
  const cannot = (element: string) => new ParseFailure(`parsing time "${value}" as "${LAYOUT}": cannot parse "${rest}" as "${element}"`)
  const outOfRange = (what: string) => new ParseFailure(`parsing time "${value}": ${what} out of range`)
  const digits = (n: number, element: string): number => {
    if (rest.length < n || !/^\d+$/.test(rest.slice(0, n))) throw cannot(element)
    const v = Number(rest.slice(0, n))
    rest = rest.slice(n)
    return v
  }
  const literal = (text: string) => {
    if (!rest.startsWith(text)) throw cannot(text)
    rest = rest.slice(text.length)
  }
  try {
    const year = digits(4, '2006')
    literal('-')
    const month = digits(2, '01')
    if (month < 1 || month > 12) throw outOfRange('month')
    literal('-')
    const day = digits(2, '02')
    literal('T')
    const hour = digits(2, '15')
    if (hour > 23) throw outOfRange('hour')
    literal(':')
    const minute = digits(2, '04')
    if (minute > 59) throw outOfRange('minute')
    literal(':')
    const second = digits(2, '05')
    if (second > 59) throw outOfRange('second')
    // Go takes fractional seconds after the seconds field although the layout has none.
    const fraction = /^[.,]\d+/.exec(rest)
    if (fraction) rest = rest.slice(fraction[0].length)
    let offsetMinutes = 0
    if (rest.startsWith('Z')) {
      rest = rest.slice(1)
    } else {
      const m = /^([+-])(\d\d):(\d\d)/.exec(rest)
      if (!m) throw cannot('Z07:00')
      offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
      rest = rest.slice(m[0].length)
    }
    if (rest !== '') throw new ParseFailure(`parsing time "${value}": extra text: "${rest}"`)
    const at = new Date(0)
    at.setUTCFullYear(year, month, 0)
    if (day < 1 || day > at.getUTCDate()) throw outOfRange('day')
    at.setUTCFullYear(year, month - 1, day)
    at.setUTCHours(hour, minute - offsetMinutes, second, 0)
    return at.toISOString().replace(/\.\d{3}Z$/, 'Z')
  } catch (err) {
    if (err instanceof ParseFailure) throw usageError(err.message)
    throw err
  }
}
