// `ktl patch`: kubectl's patch. Sends the patch (strategic merge, JSON merge or RFC 6902 JSON
// patch) to each object, or to its subresource, and says whether anything changed; --local and
// --dry-run=client apply it here instead, with ktl's one strategic-merge implementation.
import type {Ctx} from '../context.js'
import {parseDryRun, writeDryRunWarning} from '../dry-run.js'
import {checkErr, usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'

export interface PatchOptions {
  args: string[]
  filenames: string[]
  recursive: boolean
  patch?: string
  patchFile?: string
  type: string
  dryRun: string
  local: boolean
  output?: string
  fieldManager: string
  subresource?: string
  showManagedFields: boolean
  allowMissingTemplateKeys: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
}

export type PatchType = 'json' | 'merge' | 'strategic'

export const CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
}

/** apimachinery's yaml.ToJSON: text that starts with `{` is JSON already and goes as it is. */
export async function patchToJSON(text: string, flagValue: string): Promise<string> {
  if (text.trimStart().startsWith('{')) return text
  const yaml = await import('js-yaml')
  try {
    return JSON.stringify(yaml.load(text) ?? null)
  } catch (err) {
    throw usageError(`unable to parse ${JSON.stringify(flagValue)}: error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`)
  }
}

/** schema.GroupVersionKind.String(): "apps/v1, Kind=Deployment", "/v1, Kind=Pod". */
function gvkString(object: KubeObject): string {
  const apiVersion = object.apiVersion ?? ''
  const slash = apiVersion.indexOf('/')
  const gv = slash < 0 ? `/${apiVersion}` : apiVersion
  return `${gv}, Kind=${object.kind ?? ''}`
}

/** The object kubectl makes of `object` with the patch applied on the client. */
export async function patchLocally(object: KubeObject, type: PatchType, patchJSON: string): Promise<KubeObject> {
  let patch: unknown
  try {
    patch = JSON.parse(patchJSON)
  } catch (err) {
    throw usageError((err as Error).message)
  }
  const {PatchError} = await import('../patch/errors.js')
  try {
    if (type === 'json') {
      const {applyJSONPatch, decodeJSONPatch} = await import('../patch/json-patch.js')
      return applyJSONPatch(object, decodeJSONPatch(patch)) as KubeObject
    }
    const {toPlainJSON} = await import('../patch/go-values.js')
    if (type === 'merge') {
      const {applyMergePatch} = await import('../patch/json-merge.js')
      return toPlainJSON(applyMergePatch(object, patch)) as KubeObject
    }
    const {patchMetaFor} = await import('../patch/patch-meta.js')
    const meta = patchMetaFor(object.apiVersion ?? '', object.kind ?? '')
    if (!meta?.builtin) throw usageError(`strategic merge patch is not supported for ${gvkString(object)} locally, try --type merge`)
    const {applyStrategicMergePatch} = await import('../patch/strategic-merge.js')
    return toPlainJSON(applyStrategicMergePatch(object, patch, meta.schema('struct'))) as KubeObject
  } catch (err) {
    if (!(err instanceof PatchError)) throw err
    // kubectl's rewording of json-patch's missing-key failure
    const missing = err.message.indexOf('doc is missing key')
    if (missing >= 0) throw usageError(`Object to be patched is missing field (${err.message.slice(err.message.indexOf('key:') + 5)})`)
    throw usageError(err.message)
  }
}

async function sameObject(a: unknown, b: unknown): Promise<boolean> {
  const {goDeepEqual, toGoJSON} = await import('../patch/go-values.js')
  return goDeepEqual(toGoJSON(a), toGoJSON(b))
}

export async function runPatch(ctx: Ctx, opts: PatchOptions): Promise<void> {
  const {dryRun, warning} = parseDryRun(opts.dryRun)
  // kubectl's klog warning for the deprecated spellings (--dry-run alone, --dry-run=true)
  writeDryRunWarning(ctx.io.err, warning)
  const {createPrinter} = await import('../create/output.js')
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys, template: opts.template})
  if (!opts.local) await ctx.namespace()
  if (opts.patch && opts.patchFile) throw usageError('cannot specify --patch and --patch-file together')
  if (!opts.patch && !opts.patchFile) throw usageError('must specify --patch or --patch-file containing the contents of the patch')
  if (opts.local && opts.args.length > 0) throw usageError('cannot specify --local and server resources')
  if (opts.local && dryRun === 'server') throw usageError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
  const type = opts.type.toLowerCase()
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') throw usageError(`--type must be one of [json merge strategic], not ${JSON.stringify(opts.type)}`)

  let text = opts.patch ?? ''
  if (opts.patchFile) {
    const {readFile} = await import('node:fs/promises')
    try {
      text = await readFile(opts.patchFile, 'utf8')
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      const reason = e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message
      throw usageError(`unable to read patch file: ${e.code === 'EISDIR' ? 'read' : 'open'} ${opts.patchFile}: ${reason}`)
    }
  }
  const patchJSON = await patchToJSON(text, opts.patch ?? '')

  const [{buildInfos, localInfos, visitInfos}, {planInfos}] = await Promise.all([import('../resources/infos.js'), import('../resources/plan.js')])
  const found = opts.local
    ? await localInfos(ctx, opts.filenames, opts.recursive)
    : await buildInfos(ctx, await planInfos(ctx, {args: opts.args, filenames: opts.filenames, recursive: opts.recursive}), {allNamespaces: false, subresource: opts.subresource})
  let count = 0
  const error = await visitInfos(found, async (info) => {
    count++
    let result: KubeObject
    if (!opts.local && dryRun !== 'client') {
      const client = await ctx.client()
      const path = resourcePath(info.resource, info.namespace, info.name) + (opts.subresource ? `/${opts.subresource}` : '')
      const res = await client.request<KubeObject>({
        method: 'PATCH',
        path,
        query: {dryRun: dryRun === 'server' ? 'All' : undefined, fieldManager: opts.fieldManager || undefined},
        body: patchJSON,
        contentType: CONTENT_TYPES[type],
        resource: {group: info.resource.group, resource: info.resource.name, name: info.name},
      })
      result = res.data
    } else {
      result = await patchLocally(info.object, type, patchJSON)
    }
    const operation = (await sameObject(info.object, result)) ? 'patched (no change)' : 'patched'
    print(result, ctx.io.out, {typed: false, operation, showManagedFields: opts.showManagedFields})
  })
  if (error) throw checkErr(error)
  if (count === 0) throw usageError('no objects passed to patch')
}
