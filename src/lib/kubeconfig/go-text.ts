// Small pieces of Go's text formatting that kubectl's kubeconfig messages are made of, so ktl's
// messages read the same: %q quoting, os error strings, and time.Time as JSON writes it.

/** Go's %q for a string: double-quoted, with Go escapes for what is not printable. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    switch (c) {
      case 0x07:
        out += '\\a'
        break
      case 0x08:
        out += '\\b'
        break
      case 0x0c:
        out += '\\f'
        break
      case 0x0a:
        out += '\\n'
        break
      case 0x0d:
        out += '\\r'
        break
      case 0x09:
        out += '\\t'
        break
      case 0x0b:
        out += '\\v'
        break
      case 0x22:
        out += '\\"'
        break
      case 0x5c:
        out += '\\\\'
        break
      default:
        if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
        else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`
        else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'
        else out += ch
    }
  }
  return out + '"'
}

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
