// `create configmap NAME --from-...`: kubectl's ConfigMap, fields in its Go struct order.
import {usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import type {KubeObject} from '../resources/objects.js'
import {isValidUTF8, parseLiteralSource, readEnvFileSources, readFileSources} from './data-sources.js'
import {configMapKeyErrors} from '../resources/validation.js'
import {base64Values, configMapHash} from './hash.js'
import {sortedByKey} from './last-applied.js'
import {generatedMeta} from './object-meta.js'

export interface ConfigMapOptions {
  name: string
  fromFile: string[]
  fromLiteral: string[]
  fromEnvFile: string[]
  appendHash: boolean
  /** For env-file lines that name a variable without a value. */
  env: NodeJS.ProcessEnv
}

export function buildConfigMap(opts: ConfigMapOptions): KubeObject {
  if (opts.fromEnvFile.length > 0 && (opts.fromFile.length > 0 || opts.fromLiteral.length > 0)) {
    throw usageError('from-env-file cannot be combined with from-file or from-literal')
  }
  const data: Record<string, string> = {}
  const binaryData: Record<string, Buffer> = {}
  const checkKey = (key: string) => {
    const errors = configMapKeyErrors(key)
    if (errors.length > 0) throw usageError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errors.join(',')}`)
    if (key in data) throw usageError(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(opts.name)}`)
    if (key in binaryData) throw usageError(`cannot add key ${goQuote(key)}, another key by that name already exists in BinaryData for ConfigMap ${goQuote(opts.name)}`)
  }
  const addText = (key: string, value: string) => {
    checkKey(key)
    data[key] = value
  }
  // Text that is not UTF-8 goes to binaryData.
  readFileSources(opts.fromFile, (key, content) => {
    if (isValidUTF8(content)) return addText(key, content.toString('utf8'))
    checkKey(key)
    binaryData[key] = content
  })
  for (const source of opts.fromLiteral) addText(...parseLiteralSource(source))
  readEnvFileSources(opts.fromEnvFile, opts.env, 'env config file cannot be a directory', addText)
  const name = opts.appendHash ? `${opts.name}-${configMapHash({name: opts.name, data, binaryData})}` : opts.name
  const configMap: KubeObject = {kind: 'ConfigMap', apiVersion: 'v1', metadata: generatedMeta(name)}
  if (Object.keys(data).length > 0) configMap.data = sortedByKey(data)
  if (Object.keys(binaryData).length > 0) configMap.binaryData = sortedByKey(base64Values(binaryData))
  return configMap
}
