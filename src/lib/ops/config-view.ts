// `ktl config view`: the merged kubeconfig (or one file with --merge=false) re-serialised the way
// kubectl prints it, secrets redacted unless --raw or --flatten.
import type {Ctx} from '../context.js'
import {usageError} from '../errors.js'
import {flattenModel, type Origins} from '../kubeconfig/flatten.js'
import {goPathError} from '../kubeconfig/go-text.js'
import {kubeconfigPaths, loadKubeconfig, readKubeconfigFile} from '../kubeconfig/load.js'
import {type ConfigModel, configStruct, minifyModel, modelOfFile, modelOfMerged, redactModel, structToPlain} from '../kubeconfig/serialize.js'

export interface ConfigViewOptions {
  minify: boolean
  raw: boolean
  flatten: boolean
  merge: boolean
  output: string
  cwd?: string
}

const FORMATS = ['json', 'yaml']

export async function runConfigView(ctx: Ctx, opts: ConfigViewOptions): Promise<void> {
  const output = opts.output || 'yaml'
  if (!FORMATS.includes(output)) {
    throw usageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(',')}`)
  }
  const cwd = opts.cwd ?? process.cwd()
  const paths = kubeconfigPaths(ctx.overrides, ctx.env, ctx.homeDir)
  let model: ConfigModel
  let origins: Origins
  if (!opts.merge) {
    if (!paths.explicitPath) throw usageError('if merge==false a precise file must be specified')
    const file = await readKubeconfigFile(paths.explicitPath, cwd)
    if (!file) throw usageError(goPathError('open', paths.explicitPath, {code: 'ENOENT'}))
    model = modelOfFile(file.config)
    const all = (m: Map<string, unknown>) => new Map([...m.keys()].map((k) => [k, file.path]))
    origins = {clusters: all(model.clusters), users: all(model.users)}
  } else {
    const merged = await loadKubeconfig(paths, {cwd, allowMissingExplicit: true})
    model = modelOfMerged(merged)
    const files = <T>(m: Map<string, {file: string; value: T}>) => new Map([...m].map(([k, e]) => [k, e.file]))
    origins = {clusters: files(merged.clusters), users: files(merged.users)}
  }
  if (opts.minify) {
    if (ctx.overrides.context) model.currentContext = ctx.overrides.context
    const problem = minifyModel(model)
    if (problem) throw usageError(problem)
  }
  if (opts.flatten) await flattenModel(model, origins, cwd)
  else if (!opts.raw) redactModel(model)
  const struct = configStruct(model)
  if (output === 'json') {
    const {formatStructJSON} = await import('../printers/config-json.js')
    ctx.io.out.write(formatStructJSON(struct))
  } else {
    const {formatYAML} = await import('../printers/yaml.js')
    ctx.io.out.write(formatYAML(structToPlain(struct)))
  }
}
