// klog's line header, with which kubectl's warnings, fatal errors and -v logs begin: severity,
// month and day, local time to the microsecond, the thread id (the process id stands in for it) and
// the source location the line was logged from.

/** I(nfo), W(arning), E(rror), F(atal). */
export type KlogSeverity = 'I' | 'W' | 'E' | 'F'

/** `Wmmdd hh:mm:ss.uuuuuu   12345 helpers.go:702] message` */
export function klogLine(severity: KlogSeverity, location: string, message: string, now = new Date()): string {
  const p2 = (n: number) => String(n).padStart(2, '0')
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0')
  const time = `${p2(now.getHours())}:${p2(now.getMinutes())}:${p2(now.getSeconds())}.${micros}`
  return `${severity}${p2(now.getMonth() + 1)}${p2(now.getDate())} ${time} ${String(process.pid).padStart(7)} ${location}] ${message}`
}
