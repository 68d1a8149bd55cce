// Go's time.Duration.String(), which kubectl shows and sends (the timeout query parameter).

/** For whole milliseconds: 500ms, 1s, 1.5s, 1m30s, 1h0m0s. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const secs = `${(ms % 60_000) / 1000}s`
  if (h > 0) return `${h}h${m}m${secs}`
  if (m > 0) return `${m}m${secs}`
  return secs
}
