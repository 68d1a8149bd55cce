// Which sources a set of -f arguments names, by kubectl's resource-builder rules: URLs as given, "-"
// once, a missing path tried as a glob pattern, directories walked in lexical order keeping only
// .json, .yaml and .yml files (-R descends into subdirectories), explicitly named files whatever
// their extension. Errors found here stop the command before anything is read, as in kubectl.
import type {Dirent} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {goQuote} from '../go/quote.js'
import {compareCodePoints} from '../printers/json.js'
import {BadPatternError, goGlob} from './glob.js'

export type ManifestSource = {kind: 'file'; name: string} | {kind: 'stdin'; name: 'STDIN'} | {kind: 'url'; name: string}

export const FILE_EXTENSIONS = ['.json', '.yaml', '.yml']

export interface ExpandedSources {
  sources: ManifestSource[]
  /** kubectl's messages, without the "error: " prefix. */
  errors: string[]
}

export async function expandFilenames(filenames: readonly string[], recursive: boolean): Promise<ExpandedSources> {
  const sources: ManifestSource[] = []
  const errors: string[] = []
  let stdinUsed = false
  for (const name of filenames) {
    if (name.startsWith('http://') || name.startsWith('https://')) {
      const invalid = goURLError(name)
      if (invalid) errors.push(`the URL passed to filename ${goQuote(name)} is not valid: parse ${goQuote(name)}: ${invalid}`)
      else sources.push({kind: 'url', name})
      continue
    }
    if (name === '-') {
      if (stdinUsed) errors.push('standard input cannot be used for multiple arguments')
      stdinUsed = true
      sources.push({kind: 'stdin', name: 'STDIN'})
      continue
    }
    let matches: string[]
    try {
      matches = await expandIfFilePattern(name)
    } catch (err) {
      errors.push((err as Error).message)
      continue
    }
    for (const path of matches) {
      try {
        await stat(path)
      } catch (err) {
        if (errnoCode(err) === 'ENOENT') errors.push(`the path ${goQuote(path)} does not exist`)
        else errors.push(`the path ${goQuote(path)} cannot be accessed: stat ${path}: ${goErrnoText(err)}`)
        continue
      }
      try {
        for (const file of await walk(path, recursive)) sources.push({kind: 'file', name: file})
      } catch (err) {
        errors.push(`error reading ${goQuote(path)}: ${(err as Error).message}`)
      }
    }
    // kubectl checks what all -f arguments so far produced, not just this one.
    if (sources.length === 0 && errors.length === 0) {
      errors.push(`error reading [${matches.join(' ')}]: recognized file extensions are [${FILE_EXTENSIONS.join(' ')}]`)
    }
  }
  return {sources, errors}
}

async function expandIfFilePattern(pattern: string): Promise<string[]> {
  try {
    await stat(pattern)
    return [pattern]
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') return [pattern]
  }
  let matches: string[]
  try {
    matches = await goGlob(pattern)
  } catch (err) {
    if (err instanceof BadPatternError) throw new Error(`pattern ${goQuote(pattern)} is not valid: ${err.message}`)
    throw err
  }
  if (matches.length === 0) throw new Error(`the path ${goQuote(pattern)} does not exist`)
  return matches
}

/**
 * A file as itself; a directory as its manifest files in filepath.Walk order. Entries that are
 * symbolic links count as files (Walk does not follow them); a symbolic link named on the command
 * line is followed, so a linked directory is walked rather than read as a file.
 */
async function walk(root: string, recursive: boolean): Promise<string[]> {
  if (!(await stat(root)).isDirectory()) return [root]
  const files: string[] = []
  const visit = async (dir: string) => {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, {withFileTypes: true})
    } catch (err) {
      throw new Error(`open ${dir}: ${goErrnoText(err)}`)
    }
    entries.sort((a, b) => compareCodePoints(a.name, b.name))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (recursive) await visit(path)
      } else if (FILE_EXTENSIONS.includes(goExt(entry.name))) files.push(path)
    }
  }
  await visit(root)
  return files
}

/** filepath.Ext: from the last dot of the name, so ".yaml" alone has the extension ".yaml". */
function goExt(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot === -1 ? '' : name.slice(dot)
}

export function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  ENAMETOOLONG: 'file name too long',
  EINVAL: 'invalid argument',
  ENXIO: 'no such device or address',
  EBUSY: 'device or resource busy',
  EAGAIN: 'resource temporarily unavailable',
}

/** Go's text for a system error (syscall.Errno.Error). */
export function goErrnoText(err: unknown): string {
  const code = errnoCode(err)
  if (code && ERRNO_TEXT[code]) return ERRNO_TEXT[code]
  const message = (err as Error | undefined)?.message ?? String(err)
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')
}

/** The first problem Go's url.Parse finds in the places it checks, or undefined. */
function goURLError(raw: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(raw)) return 'net/url: invalid control character in URL'
  const rest = raw.slice(raw.indexOf('://') + 3)
  const authority = rest.split(/[/?#]/, 1)[0]
  const host = authority.slice(authority.lastIndexOf('@') + 1)
  let name = host
  let port = ''
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    if (close === -1) return "missing ']' in host"
    name = ''
    port = host.slice(close + 1)
  } else if (host.includes(':')) {
    name = host.slice(0, host.lastIndexOf(':'))
    port = host.slice(host.lastIndexOf(':'))
  }
  if (port !== '' && !/^:[0-9]*$/.test(port)) return `invalid port ${goQuote(port)} after host`
  const bad = /[^A-Za-z0-9\-._~!$&'()*+,;=%]/u.exec(name)
  if (bad) return `invalid character ${goQuote(bad[0])} in host name`
  const escape = /%(?![0-9a-fA-F]{2})/.exec(raw)
  if (escape) return `invalid URL escape ${goQuote(raw.slice(escape.index, escape.index + 3))}`
  try {
    new URL(raw)
  } catch {
    return 'invalid URL'
  }
  return undefined
}
