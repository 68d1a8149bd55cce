// Where config maps and secrets get their data: --from-literal=key=value, --from-file=[key=]path
// (a directory gives each of its regular files) and --from-env-file=path, read as kubectl reads them.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {posix} from 'node:path'
import {usageError} from '../errors.js'
import {envVarNameErrors} from '../resources/validation.js'
import {goQuote} from '../go/quote.js'
import {goErrnoText} from '../manifests/sources.js'

/** kubectl's ParseLiteralSource: `key=value`, split at the first `=`. */
export function parseLiteralSource(source: string): [key: string, value: string] {
  const eq = source.indexOf('=')
  if (eq <= 0) throw usageError(`invalid literal source ${source}, expected key=value`)
  return [source.slice(0, eq), source.slice(eq + 1)]
}

/** kubectl's ParseFileSource: `path` (key = its base name) or `key=path`. */
function parseFileSource(source: string): [key: string, path: string] {
  const separators = source.split('=').length - 1
  if (separators === 0) return [posix.basename(source), source]
  if (separators > 1) throw usageError("key names or file paths cannot contain '='")
  if (source.startsWith('=')) throw usageError(`key name for file path ${source.slice(1)} missing`)
  if (source.endsWith('=')) throw usageError(`file path for key name ${source.slice(0, -1)} missing`)
  const [key, path] = source.split('=')
  return [key, path]
}

/**
 * Every key and file content the --from-file sources name, in order: a file under its key, a
 * directory's regular files (by name, symlinks and subdirectories skipped) under their names.
 */
export function readFileSources(sources: readonly string[], add: (key: string, data: Buffer) => void): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source)
    if (statOrFail(path).isDirectory()) {
      if (source.includes('=')) throw usageError('cannot give a key name for a directory path')
      let entries
      try {
        entries = readdirSync(path, {withFileTypes: true})
      } catch (err) {
        throw usageError(`error listing files in ${path}: ${goErrnoText(err)}`)
      }
      // os.ReadDir sorts by name (bytes)
      entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
      for (const entry of entries) {
        if (entry.isFile()) add(entry.name, readOrFail(posix.join(path, entry.name)))
      }
    } else {
      add(key, readOrFail(path))
    }
  }
}

/** Each env file's key/value pairs in order; `dirMessage` is the error for a directory. */
export function readEnvFileSources(sources: readonly string[], env: NodeJS.ProcessEnv, dirMessage: string, add: (key: string, value: string) => void): void {
  for (const path of sources) {
    if (statOrFail(path).isDirectory()) throw usageError(dirMessage)
    const data = readOrFail(path)
    for (const [i, line] of scanLines(data).entries()) {
      const pair = envFileLine(line, path, i, env)
      if (pair) add(pair[0], pair[1])
    }
  }
}

function statOrFail(path: string) {
  try {
    return statSync(path)
  } catch (err) {
    throw usageError(`error reading ${path}: ${goErrnoText(err)}`)
  }
}

function readOrFail(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (err) {
    throw usageError(`open ${path}: ${goErrnoText(err)}`)
  }
}

// bufio.ScanLines: lines end at \n, a \r before it is dropped, a last line without \n still counts.
function scanLines(data: Buffer): Buffer[] {
  const lines: Buffer[] = []
  let start = 0
  while (start < data.length) {
    let end = data.indexOf(0x0a, start)
    const next = end < 0 ? data.length : end + 1
    if (end < 0) end = data.length
    lines.push(data.subarray(start, end > start && data[end - 1] === 0x0d ? end - 1 : end))
    start = next
  }
  return lines
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
// unicode.IsSpace
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

function envFileLine(raw: Buffer, path: string, index: number, env: NodeJS.ProcessEnv): [string, string] | undefined {
  if (!isValidUTF8(raw)) throw usageError(`env file ${path} contains invalid utf8 bytes at line ${index + 1}: [${[...raw].join(' ')}]`)
  const bytes = index === 0 && raw.subarray(0, 3).equals(UTF8_BOM) ? raw.subarray(3) : raw
  const line = bytes.toString('utf8').replace(LEADING_SPACE, '')
  if (line === '' || line.startsWith('#')) return undefined
  const eq = line.indexOf('=')
  const key = eq < 0 ? line : line.slice(0, eq)
  const errors = envVarNameErrors(key)
  if (errors.length > 0) throw usageError(`${goQuote(key)} is not a valid key name: ${errors.join(';')}`)
  // A bare key takes its value from the environment.
  return [key, eq < 0 ? (env[key] ?? '') : line.slice(eq + 1)]
}

export function isValidUTF8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(data)
    return true
  } catch {
    return false
  }
}
