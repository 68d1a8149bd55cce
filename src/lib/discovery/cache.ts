// kubectl's discovery disk cache: ~/.kube/cache/discovery/<host_port>/servergroups.json and
// <group>/<version>/serverresources.json, valid for a TTL counted from the file's mtime. Files are
// written atomically (temp file + rename) so a concurrent kubectl or ktl never reads half a file.
import {randomBytes} from 'node:crypto'
import {chmod, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {type APIGroupDoc, type APIResourceListDoc, decodeGroupList, decodeResourceList, encodeGroupList, encodeResourceList} from './documents.js'

/** kubectl's default: discovery documents change rarely, and a miss refreshes anyway. */
export const DEFAULT_DISCOVERY_TTL_MS = 6 * 60 * 60 * 1000

/** KUBECACHEDIR, else ~/.kube/cache (the parent of discovery/ and http/). */
export function defaultCacheDir(homeDir: string, env: NodeJS.ProcessEnv): string {
  return env.KUBECACHEDIR ? env.KUBECACHEDIR : join(homeDir, '.kube', 'cache')
}

/** The per-server folder, named like client-go's computeDiscoverCacheDir: scheme dropped, unusual characters as "_". */
export function discoveryCacheDir(parentDir: string, server: string): string {
  const schemeless = server.replace('https://', '').replace('http://', '')
  // filepath.Join cleans the result, trailing slash included.
  return join(parentDir, schemeless.replace(/[^(\w/.)]/g, '_')).replace(/(.)\/+$/, '$1')
}

/**
 * Reads and writes one server's cache folder with client-go's bookkeeping: after invalidate() only
 * files this process wrote count, and `fresh` stays true while every file used was ours — a lookup
 * that fails on fresh data is not worth retrying.
 */
export class DiscoveryDiskCache {
  private ours = new Set<string>()
  private invalidated = false
  private allOurs = true

  constructor(
    readonly dir: string,
    private ttlMs: number,
  ) {}

  get fresh(): boolean {
    return this.allOurs
  }

  invalidate(): void {
    this.ours.clear()
    this.invalidated = true
    this.allOurs = true
  }

  /** The file's contents when it is usable, else undefined (missing, expired, unreadable, or invalidated). */
  async read(relPath: string): Promise<string | undefined> {
    const file = join(this.dir, relPath)
    const ours = this.ours.has(file)
    if (this.invalidated && !ours) return undefined
    try {
      const info = await stat(file)
      if (Date.now() > info.mtimeMs + this.ttlMs) return undefined
      const text = await readFile(file, 'utf8')
      this.allOurs &&= ours
      return text
    } catch {
      return undefined
    }
  }

  /** servergroups.json, when usable and an APIGroupList. */
  async readGroups(): Promise<APIGroupDoc[] | undefined> {
    const text = await this.read(GROUPS_FILE)
    return text === undefined ? undefined : decodeGroupList(text)
  }

  /** GROUP/VERSION/serverresources.json, when usable and an APIResourceList. */
  async readResourceList(groupVersion: string): Promise<APIResourceListDoc | undefined> {
    const text = await this.read(resourcesFile(groupVersion))
    return text === undefined ? undefined : decodeResourceList(text)
  }

  writeGroups(groups: APIGroupDoc[]): Promise<void> {
    return this.write(GROUPS_FILE, encodeGroupList(groups))
  }

  writeResourceList(groupVersion: string, list: APIResourceListDoc): Promise<void> {
    return this.write(resourcesFile(groupVersion), encodeResourceList(list))
  }

  /** Best effort, as in kubectl: a cache that cannot be written only costs the next run a fetch. */
  async write(relPath: string, contents: string): Promise<void> {
    const file = join(this.dir, relPath)
    const temp = `${file}.${randomBytes(6).toString('hex')}`
    try {
      await mkdir(dirname(file), {recursive: true, mode: 0o700})
      await writeFile(temp, contents, {mode: 0o600})
      // writeFile's mode is filtered by the umask; the cache holds what the server told this user only.
      await chmod(temp, 0o600)
      await rename(temp, file)
      this.ours.add(file)
    } catch {
      await rm(temp, {force: true}).catch(() => undefined)
    }
  }
}

const GROUPS_FILE = 'servergroups.json'
const resourcesFile = (groupVersion: string) => `${groupVersion}/serverresources.json`
