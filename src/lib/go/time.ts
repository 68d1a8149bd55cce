// Go's time formatting where kubectl prints or stamps a time.

/** t.Format(time.RFC3339): local time with its offset ("Z" in UTC, or with `utc`), whole seconds. */
export function formatRFC3339(t: Date, utc = false): string {
  const offsetMin = utc ? 0 : -t.getTimezoneOffset()
  const stamp = new Date(t.getTime() + offsetMin * 60_000).toISOString().slice(0, 19)
  if (offsetMin === 0) return `${stamp}Z`
  const abs = Math.abs(offsetMin)
  const p2 = (n: number) => String(n).padStart(2, '0')
  return `${stamp}${offsetMin < 0 ? '-' : '+'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`
}
