// How describe prints times: ages like "5m" or "3d4h" (apimachinery's HumanDuration, via kubectl's
// translateTimestampSince) and absolute times in Go's RFC1123Z layout in the local time zone.

/** apimachinery's duration.HumanDuration: "45s", "2m30s", "15m", "4h20m", "3d", "2y100d". */
export function humanDuration(ms: number): string {
  // Go converts with int(), which truncates toward zero.
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / 60_000)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / 3_600_000)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const years = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${years}y` : `${years}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** Milliseconds since the epoch, or undefined for a missing (Go: zero) time. */
export function parseTime(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined
  const ms = Date.parse(timestamp)
  return Number.isNaN(ms) ? undefined : ms
}

/** kubectl's translateTimestampSince: the age of a timestamp, `<unknown>` when unset. */
export function translateTimestampSince(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") in the local time zone, as kubectl
 * prints metav1.Time values; an unset time is Go's zero time, printed in UTC.
 */
export function formatRFC1123Z(timestamp: string | null | undefined): string {
  const t = parseTime(timestamp)
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  const d = new Date(t)
  return `${DAYS[d.getDay()]}, ${pad2(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} ${zoneOffset(d)}`
}

/** Go's -0700: the local zone's offset from UTC at `d`. */
function zoneOffset(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const abs = Math.abs(offset)
  return `${offset < 0 ? '-' : '+'}${pad2(Math.trunc(abs / 60))}${pad2(abs % 60)}`
}

/**
 * Go's Time.String ("2006-01-02 15:04:05 -0700 MST") in the local time zone, as kubectl prints a
 * metav1.Time with %s; an unset time is Go's zero time.
 */
export function formatGoTimeString(timestamp: string | null | undefined): string {
  const t = parseTime(timestamp)
  if (t === undefined) return '0001-01-01 00:00:00 +0000 UTC'
  const d = new Date(t)
  const zone = zoneOffset(d)
  const name = zoneAbbreviation(d) ?? (zone.endsWith('00') ? zone.slice(0, 3) : zone)
  const date = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  return `${date} ${zone} ${name}`
}

/**
 * The zone's abbreviation as Go's tzdata has it (EST, CET, IST, AEDT, UTC), from Intl in the locale
 * that uses it; undefined where none does, and Go prints the offset (+03, +0530). Intl and tzdata
 * disagree in a few zones (Asia/Dubai: GST against +04).
 */
function zoneAbbreviation(d: Date): string | undefined {
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU']) {
    const name = new Intl.DateTimeFormat(locale, {timeZoneName: 'short'}).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name
  }
  return undefined
}
