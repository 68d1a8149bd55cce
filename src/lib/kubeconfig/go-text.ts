// Small pieces of Go's text formatting that kubectl's kubeconfig messages are made of, so ktl's
// messages read the same: %q quoting, os error strings, and time.Time as JSON writes it.


const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EEXIST: 'file exists',
  EBUSY: 'device or resource busy',
}

/** Go's *PathError text: `open /x: no such file or directory`. */
export function goPathError(op: string, path: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException
  const reason = (e.code && ERRNO_TEXT[e.code]) || e.message || String(err)
  return `${op} ${path}: ${reason}`
}

export function isNotExist(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT'
}

/** time.Time as encoding/json writes it (RFC 3339 with only the fraction digits needed). */
export function goTimeJSON(d: Date): string {
  return d.toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'))
}
