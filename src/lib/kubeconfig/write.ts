// Changes to kubeconfig files with kubectl's rules for where they go (clientcmd's ModifyConfig): an
// entry is written back to the file it came from, a new one to the default file; current-context to
// --kubeconfig, else the default file. Each file is rewritten the way kubectl writes it, keeping
// every other entry and field, atomically (a temporary file renamed over it) and with mode 0600,
// holding kubectl's lock file meanwhile.
import {randomBytes} from 'node:crypto'
import {chmod, lstat, mkdir, open, realpath, rename, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {CliError} from '../errors.js'
import {formatYAML} from '../printers/yaml.js'
import {goPathError} from './go-text.js'
import {defaultKubeconfigFile, type MergedKubeconfig, readKubeconfigFile} from './load.js'
import {type ConfigModel, configStruct, modelOfFile, structToPlain} from './serialize.js'
import type {Context} from './types.js'

/** Sets current-context; a no-op when it already is that context. */
export async function writeCurrentContext(merged: MergedKubeconfig, name: string, cwd: string): Promise<void> {
  if (merged.currentContext === name) return
  const file = await defaultKubeconfigFile(merged.paths, cwd)
  await modifyFile(file, cwd, (model) => {
    model.currentContext = name
  })
}

/** Stores a context entry in the file that defines it, or in the default file when it is new. */
export async function writeContext(merged: MergedKubeconfig, name: string, context: Context, cwd: string): Promise<void> {
  const file = merged.contexts.get(name)?.file ?? (await defaultKubeconfigFile(merged.paths, cwd))
  await modifyFile(file, cwd, (model) => {
    model.contexts.set(name, context)
  })
}

/** Removes a context, cluster or user from the file that defines it (clientcmd's ModifyConfig on a deleted entry). */
export async function deleteEntry(merged: MergedKubeconfig, kind: 'contexts' | 'clusters' | 'users', name: string, cwd: string): Promise<void> {
  const file = merged[kind].get(name)?.file
  if (file === undefined) return
  await modifyFile(file, cwd, (model) => {
    model[kind].delete(name)
  })
}

/** Renames a context in the file that defines it; current-context follows it, to the default file as kubectl writes it. */
export async function renameContext(merged: MergedKubeconfig, from: string, to: string, cwd: string): Promise<void> {
  const entry = merged.contexts.get(from)
  if (entry === undefined) return
  if (merged.currentContext === from) await writeCurrentContext(merged, to, cwd)
  await modifyFile(entry.file, cwd, (model) => {
    model.contexts.delete(from)
    model.contexts.set(to, entry.value)
  })
}

async function modifyFile(path: string, cwd: string, change: (model: ConfigModel) => void): Promise<void> {
  await withLock(resolve(cwd, path), async () => {
    const file = await readKubeconfigFile(path, cwd)
    const model = modelOfFile(file?.config ?? {})
    change(model)
    const text = formatYAML(structToPlain(configStruct(model, file?.raw)))
    await writeAtomically(resolve(cwd, path), text)
  })
}

// How long a writer waits for another one's lock; kubectl gives up at once.
const LOCK_WAIT_MS = 5000

/**
 * Holds kubectl's FILE.lock (clientcmd's lockFile) from reading the kubeconfig to replacing it, so
 * two processes editing it at once cannot lose either change. ktl waits for another writer's lock
 * where kubectl fails at once, and reports a lock still held after that with kubectl's error.
 */
async function withLock(path: string, change: () => Promise<void>): Promise<void> {
  const lock = `${path}.lock`
  await mkdir(dirname(path), {recursive: true, mode: 0o755}).catch(() => undefined)
  const giveUp = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      await (await open(lock, 'wx', 0o600)).close()
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() >= giveUp) throw new CliError(`error: ${goPathError('open', lock, err)}`)
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40))
    }
  }
  try {
    await change()
  } finally {
    await unlink(lock).catch(() => undefined)
  }
}

/** Replaces the file in one step so a reader never sees half a kubeconfig. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  // A symlinked kubeconfig (dotfiles) stays a symlink: write where it points.
  const target = await lstat(path).then(
    (st) => (st.isSymbolicLink() ? realpath(path) : path),
    () => path,
  )
  const dir = dirname(target)
  await mkdir(dir, {recursive: true, mode: 0o755}).catch((err) => {
    throw new CliError(`error: ${goPathError('mkdir', dir, err)}`)
  })
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(tmp, text, {mode: 0o600, flag: 'wx'})
    await chmod(tmp, 0o600)
    await rename(tmp, target)
  } catch (err) {
    await unlink(tmp).catch(() => undefined)
    throw new CliError(`error: ${goPathError('open', target, err)}`)
  }
}
