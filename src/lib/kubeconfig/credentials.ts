// Credential sources that need no plugin: fixed values from the kubeconfig or flags, and a bearer
// token read from a file (tokenFile, the in-cluster service-account token) and read again whenever
// the file changes, since the kubelet rotates projected tokens underneath a running process.
import {readFile, stat} from 'node:fs/promises'
import {CliError} from '../errors.js'
import {goPathError} from './go-text.js'
import type {CredentialSource, Credentials} from './types.js'

export function staticCredentials(creds: Credentials): CredentialSource {
  return {
    get: async () => creds,
    invalidate: () => undefined,
  }
}

/** Reads a token file the way client-go does: surrounding whitespace trimmed, empty refused. */
export async function readTokenFile(path: string): Promise<string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new CliError(`error: ${goPathError('open', path, err)}`)
  }
  const token = text.trim()
  if (token === '') throw new CliError(`error: read empty token from file ${JSON.stringify(path)}`)
  return token
}

/**
 * A bearer token from `path`, re-read when the file's size or modification time changes (or after
 * invalidate). If a later read fails, the last good token stays in use, as in client-go.
 */
export function tokenFileCredentials(path: string, token: string, base: Credentials = {}): CredentialSource {
  let current = token
  let seen: string | undefined
  let stale = false
  const fingerprint = async () => {
    const st = await stat(path)
    return `${st.ino}:${st.size}:${st.mtimeMs}`
  }
  // The token was read just before this source was made; remember what the file looked like then.
  const first = fingerprint().then(
    (f) => {
      seen = f
    },
    () => undefined,
  )
  return {
    async get() {
      await first
      try {
        const now = await fingerprint()
        if (stale || now !== seen) {
          current = await readTokenFile(path)
          seen = now
          stale = false
        }
      } catch {
        // keep the last token that worked
      }
      return {...base, token: current}
    },
    invalidate() {
      stale = true
    },
  }
}
