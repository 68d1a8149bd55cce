// `config view --flatten`: certificate and key files referenced by path are read and inlined as
// *-data, each path resolved against the folder of the file that named it (clientcmd's FlattenConfig).
import {readFile} from 'node:fs/promises'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {CliError} from '../errors.js'
import {compareCodePoints} from '../printers/json.js'
import {goPathError} from './go-text.js'
import type {ConfigModel} from './serialize.js'

export interface Origins {
  clusters: Map<string, string>
  users: Map<string, string>
}

export async function flattenModel(model: ConfigModel, origins: Origins, cwd: string): Promise<void> {
  for (const [name, user] of [...model.users].sort(([a], [b]) => compareCodePoints(a, b))) {
    const base = baseDir(origins.users.get(name), cwd)
    await inline(user, 'client-certificate', 'client-certificate-data', base)
    await inline(user, 'client-key', 'client-key-data', base)
  }
  for (const [name, cluster] of [...model.clusters].sort(([a], [b]) => compareCodePoints(a, b))) {
    await inline(cluster, 'certificate-authority', 'certificate-authority-data', baseDir(origins.clusters.get(name), cwd))
  }
}

function baseDir(origin: string | undefined, cwd: string): string {
  return resolve(cwd, dirname(origin ?? '.'))
}

async function inline<K extends string, D extends string>(entry: {[k in K | D]?: unknown}, pathKey: K, dataKey: D, base: string): Promise<void> {
  const path = entry[pathKey]
  if (typeof path !== 'string' || path === '') return
  if (entry[dataKey]) throw new CliError('error: cannot have values for both path and contents')
  const abs = isAbsolute(path) ? path : join(base, path)
  let data: Buffer
  try {
    data = await readFile(abs)
  } catch (err) {
    throw new CliError(`error: ${goPathError('open', abs, err)}`)
  }
  ;(entry as Record<string, unknown>)[dataKey] = data.toString('base64')
  delete (entry as Record<string, unknown>)[pathKey]
}
