// kubectl sends "kubectl/v1.32.4 (linux/amd64) kubernetes/HASH"; ktl names itself the same way.
import {createRequire} from 'node:module'

let cached: string | undefined

export function ktlVersion(): string {
  const require = createRequire(import.meta.url)
  return (require('../../../package.json') as {version: string}).version
}

export function userAgent(): string {
  if (cached) return cached
  // Go's names for the platform, as kubectl reports it.
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch
  const os = process.platform === 'win32' ? 'windows' : process.platform
  cached = `ktl/v${ktlVersion()} (${os}/${arch}) node/${process.version}`
  return cached
}
