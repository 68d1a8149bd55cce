// Go's path/filepath Match and Glob (Unix flavour), which kubectl applies to a -f argument that
// names no existing file: `*` and `?` stop at "/", classes `[a-z]` and `[^...]`, `\` escapes, and
// matches come back sorted directory by directory.
import {lstat, readdir, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {compareCodePoints} from '../printers/json.js'

/** filepath.ErrBadPattern. */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern')
  }
}

const META = /[*?[\\]/

export function hasMeta(path: string): boolean {
  return META.test(path)
}

/** Compiles a Go pattern, checking all of it as filepath.Match does. */
export function compilePattern(pattern: string): RegExp {
  const chars = [...pattern]
  let re = '^'
  let i = 0
  const esc = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
  const escInClass = (ch: string) => ch.replace(/[\\\]^-]/g, '\\$&')
  // one possibly escaped character inside a class
  const classChar = (): string => {
    if (i >= chars.length || chars[i] === '-' || chars[i] === ']') throw new BadPatternError()
    if (chars[i] === '\\') {
      i++
      if (i >= chars.length) throw new BadPatternError()
    }
    const ch = chars[i++]
    if (i >= chars.length) throw new BadPatternError()
    return ch
  }
  while (i < chars.length) {
    const ch = chars[i++]
    if (ch === '*') re += '[^/]*'
    else if (ch === '?') re += '[^/]'
    else if (ch === '\\') {
      if (i >= chars.length) throw new BadPatternError()
      re += esc(chars[i++])
    } else if (ch === '[') {
      const negated = chars[i] === '^'
      if (negated) i++
      const ranges: string[] = []
      for (let n = 0; ; n++) {
        if (chars[i] === ']' && n > 0) {
          i++
          break
        }
        const lo = classChar()
        let hi = lo
        if (chars[i] === '-') {
          i++
          hi = classChar()
        }
        // Go accepts a reversed range and lets it match nothing; a RegExp would refuse it.
        if ((lo.codePointAt(0) as number) <= (hi.codePointAt(0) as number)) ranges.push(lo === hi ? escInClass(lo) : `${escInClass(lo)}-${escInClass(hi)}`)
      }
      if (ranges.length > 0) re += `[${negated ? '^' : ''}${ranges.join('')}]`
      else re += negated ? '[^]' : '(?!)'
    } else re += esc(ch)
  }
  try {
    return new RegExp(`${re}$`, 'u')
  } catch {
    // a character no RegExp accepts (a lone surrogate) cannot be a valid pattern either
    throw new BadPatternError()
  }
}

/** filepath.Glob: the matching paths, or [] when none (I/O errors count as no match). */
export async function goGlob(pattern: string): Promise<string[]> {
  compilePattern(pattern)
  if (!hasMeta(pattern)) {
    try {
      await lstat(pattern)
      return [pattern]
    } catch {
      return []
    }
  }
  const slash = pattern.lastIndexOf('/')
  let dir = pattern.slice(0, slash + 1)
  const file = pattern.slice(slash + 1)
  dir = dir === '' ? '.' : dir === '/' ? dir : dir.slice(0, -1)
  if (!hasMeta(dir)) return globDir(dir, file, [])
  if (dir === pattern) throw new BadPatternError()
  let matches: string[] = []
  for (const d of await goGlob(dir)) matches = await globDir(d, file, matches)
  return matches
}

async function globDir(dir: string, pattern: string, matches: string[]): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) return matches
  } catch {
    return matches
  }
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return matches
  }
  const re = compilePattern(pattern)
  for (const name of names.sort(compareCodePoints)) if (re.test(name)) matches.push(join(dir, name))
  return matches
}
