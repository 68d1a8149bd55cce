// `create secret generic|tls|docker-registry NAME`: kubectl's Secrets, fields in the Go struct order.
import {readFileSync} from 'node:fs'
import {usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {keyPairProblem} from '../kubeconfig/pem.js'
import {goErrnoText} from '../manifests/sources.js'
import type {KubeObject} from '../resources/objects.js'
import {parseLiteralSource, readEnvFileSources, readFileSources} from './data-sources.js'
import {configMapKeyErrors} from '../resources/validation.js'
import {base64Values, secretHash} from './hash.js'
import {compactJSON} from '../printers/json.js'
import {sortedByKey} from './last-applied.js'
import {generatedMeta} from './object-meta.js'

export interface GenericSecretOptions {
  name: string
  /** --type; '' leaves it to the server (Opaque). */
  type: string
  fromFile: string[]
  fromLiteral: string[]
  fromEnvFile: string[]
  appendHash: boolean
  env: NodeJS.ProcessEnv
}

export function buildGenericSecret(opts: GenericSecretOptions): KubeObject {
  if (opts.fromEnvFile.length > 0 && (opts.fromFile.length > 0 || opts.fromLiteral.length > 0)) {
    throw usageError('from-env-file cannot be combined with from-file or from-literal')
  }
  const data = new SecretData()
  for (const source of opts.fromLiteral) {
    const [key, value] = parseLiteralSource(source)
    data.add(key, Buffer.from(value, 'utf8'))
  }
  readFileSources(opts.fromFile, (key, content) => data.add(key, content))
  readEnvFileSources(opts.fromEnvFile, opts.env, 'env secret file cannot be a directory', (key, value) => data.add(key, Buffer.from(value, 'utf8')))
  return secretObject(opts.name, opts.type, data.entries, opts.appendHash)
}

export interface TLSSecretOptions {
  name: string
  cert: string
  key: string
  appendHash: boolean
}

export async function buildTLSSecret(opts: TLSSecretOptions): Promise<KubeObject> {
  if (opts.cert === '' || opts.key === '') throw usageError('key and cert must be specified')
  const cert = readSecretFile(opts.cert)
  const key = readSecretFile(opts.key)
  const problem = await keyPairProblem(cert, key)
  if (problem !== undefined) throw usageError(problem)
  return secretObject(opts.name, 'kubernetes.io/tls', {'tls.crt': cert, 'tls.key': key}, opts.appendHash)
}

export interface DockerRegistrySecretOptions {
  name: string
  server: string
  username: string
  password: string
  email: string
  /** --from-file: a docker config file instead of the credentials (key .dockerconfigjson unless given). */
  fromFile: string[]
  appendHash: boolean
}

export function buildDockerRegistrySecret(opts: DockerRegistrySecretOptions): KubeObject {
  if (opts.fromFile.length === 0 && (opts.username === '' || opts.password === '' || opts.server === '')) {
    throw usageError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required')
  }
  const data = new SecretData()
  if (opts.fromFile.length > 0) {
    const sources = opts.fromFile.map((s) => (s.includes('=') ? s : `.dockerconfigjson=${s}`))
    readFileSources(sources, (key, content) => data.add(key, content))
  } else {
    // docker's config.json entry, fields in the order of kubectl's DockerConfigEntry struct (empty ones omitted)
    const entry: Record<string, string> = {}
    if (opts.username) entry.username = opts.username
    if (opts.password) entry.password = opts.password
    if (opts.email) entry.email = opts.email
    entry.auth = Buffer.from(`${opts.username}:${opts.password}`, 'utf8').toString('base64')
    data.add('.dockerconfigjson', Buffer.from(compactJSON({auths: {[opts.server]: entry}}, false), 'utf8'))
  }
  return secretObject(opts.name, 'kubernetes.io/dockerconfigjson', data.entries, opts.appendHash)
}

class SecretData {
  readonly entries: Record<string, Buffer> = {}

  add(key: string, value: Buffer): void {
    const errors = configMapKeyErrors(key)
    if (errors.length > 0) throw usageError(`${goQuote(key)} is not valid key name for a Secret ${errors.join(';')}`)
    if (key in this.entries) throw usageError(`cannot add key ${key}, another key by that name already exists`)
    this.entries[key] = value
  }
}

function secretObject(name: string, type: string, data: Record<string, Buffer>, appendHash: boolean): KubeObject {
  const fullName = appendHash ? `${name}-${secretHash({name, type, data})}` : name
  const secret: KubeObject = {kind: 'Secret', apiVersion: 'v1', metadata: generatedMeta(fullName)}
  if (Object.keys(data).length > 0) secret.data = sortedByKey(base64Values(data))
  if (type !== '') secret.type = type
  return secret
}

function readSecretFile(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (err) {
    throw usageError(`Cannot read file ${path}, open ${path}: ${goErrnoText(err)}`)
  }
}
