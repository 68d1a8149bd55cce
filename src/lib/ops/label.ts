// `ktl label` and `ktl annotate`: kubectl's two metadata editors. Each reads the objects as they are
// now, changes its map locally (refusing to change a value without --overwrite), and sends the
// difference as a JSON merge patch; --dry-run=client, --local and --list send nothing.
import type {Ctx} from '../context.js'
import {type DryRun, dryRunSuffix, parseDryRun, writeDryRunWarning} from '../dry-run.js'
import {checkErr, CliError, usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import type {BuilderArgs} from '../resources/plan.js'
import {labelValueErrors} from '../resources/validation.js'
import {compactJSON} from '../printers/json.js'

export type MetadataField = 'labels' | 'annotations'

export interface LabelOptions extends BuilderArgs {
  all: boolean
  allNamespaces: boolean
  field: MetadataField
  overwrite: boolean
  list: boolean
  local: boolean
  resourceVersion?: string
  dryRun: string
  output?: string
  fieldManager: string
  showManagedFields: boolean
  allowMissingTemplateKeys: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
}

export interface MetadataChanges {
  resources: string[]
  set: Map<string, string>
  remove: string[]
}

/** kubectl's GetResourcesAndPairs: the arguments up to the first KEY=VALUE or KEY- name objects. */
export function splitResourcesAndPairs(args: string[], pairType: string): {resources: string[]; pairs: string[]} {
  const resources: string[] = []
  const pairs: string[] = []
  for (const arg of args) {
    const isPair = (arg.includes('=') && arg[0] !== '=') || (arg.endsWith('-') && arg !== '-')
    if (isPair) pairs.push(arg)
    else if (pairs.length > 0) throw usageError(`all resources must be specified before ${pairType} changes: ${arg}`)
    else resources.push(arg)
  }
  return {resources, pairs}
}

/** kubectl label's parseLabels. */
export function parseLabelChanges(specs: string[]): {set: Map<string, string>; remove: string[]} {
  const set = new Map<string, string>()
  const remove: string[] = []
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) throw usageError(`invalid label spec: ${spec}`)
      const errors = labelValueErrors(parts[1])
      if (errors.length > 0) throw usageError(`invalid label value: ${JSON.stringify(spec)}: ${errors.join(';')}`)
      set.set(parts[0], parts[1])
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1))
    } else {
      throw usageError(`unknown label spec: ${spec}`)
    }
  }
  if (remove.some((key) => set.has(key))) throw usageError('can not both modify and remove a label in the same command')
  return {set, remove}
}

/** kubectl's ParsePairs for annotations, then its check that nothing is both set and removed. */
export function parseAnnotationChanges(specs: string[]): {set: Map<string, string>; remove: string[]} {
  const set = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    if (eq > 0) set.set(spec.slice(0, eq), spec.slice(eq + 1))
    else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1))
    else invalid.push(spec)
  }
  if (invalid.length > 0) throw usageError(`invalid annotation format: ${invalid.join(', ')}`)
  return {set, remove}
}

function validateAnnotationChanges(set: Map<string, string>, remove: string[]): void {
  const both = remove.filter((key) => set.has(key))
  if (both.length > 0) throw usageError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`)
}

const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/**
 * Applies the changes to `object` (a copy), refusing to change an existing value without --overwrite
 * with kubectl's wording for the field. Setting a key to the value it has is no change.
 */
export function changeMetadata(object: KubeObject, field: MetadataField, set: Map<string, string>, remove: string[], overwrite: boolean): KubeObject {
  const current = (object.metadata?.[field] as Record<string, string> | undefined) ?? {}
  if (!overwrite) {
    const clashes = [...set].filter(([key, value]) => key in current && current[key] !== value && !(field === 'annotations' && key === CHANGE_CAUSE))
    if (clashes.length > 0 && field === 'labels') {
      const messages = clashes.map(([key]) => `'${key}' already has a value (${current[key]}), and --overwrite is false`)
      throw new CliError(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`)
    }
    if (clashes.length > 0) {
      throw new CliError(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([key]) => `'${key}' already has a value (${current[key]})`).join('; ')}`)
    }
  }
  const next: Record<string, string> = {...current}
  for (const [key, value] of set) next[key] = value
  for (const key of remove) delete next[key]
  return {...object, metadata: {...object.metadata, [field]: next}}
}

/** kubectl label's updateDataChangeMsg. */
export function labelChangeMessage(before: KubeObject, after: KubeObject, overwrite: boolean): string {
  const oldData = compactJSON(before)
  const newData = compactJSON(after)
  if (oldData === newData) return 'not labeled'
  return !overwrite && Buffer.byteLength(newData) < Buffer.byteLength(oldData) ? 'unlabeled' : 'labeled'
}

function withoutResourceVersion(object: KubeObject): KubeObject {
  const {resourceVersion: _, ...metadata} = object.metadata ?? {}
  return {...object, metadata}
}

function withResourceVersion(object: KubeObject, resourceVersion: string | undefined): KubeObject {
  if (!resourceVersion) return object
  return {...object, metadata: {...object.metadata, resourceVersion}}
}

export async function runLabel(ctx: Ctx, opts: LabelOptions): Promise<void> {
  const labels = opts.field === 'labels'
  const noun = labels ? 'label' : 'annotation'
  const {dryRun, warning} = parseDryRun(opts.dryRun)
  // kubectl's klog warning for the deprecated spellings (--dry-run alone, --dry-run=true)
  writeDryRunWarning(ctx.io.err, warning)
  const {createPrinter, checkCreateOutput} = await import('../create/output.js')
  checkCreateOutput(opts.output ?? '', opts.template)
  let changes: {set: Map<string, string>; remove: string[]}
  let resources: string[]
  if (labels) {
    const split = splitResourcesAndPairs(opts.args, 'label')
    resources = split.resources
    changes = parseLabelChanges(split.pairs)
    if (opts.list && opts.output) throw usageError('--list and --output may not be specified together')
    await ctx.namespace()
  } else {
    if (opts.list && opts.output) throw usageError('--list and --output may not be specified together')
    await ctx.namespace()
    const split = splitResourcesAndPairs(opts.args, 'annotation')
    resources = split.resources
    changes = parseAnnotationChanges(split.pairs)
  }
  validate(opts, resources, changes, noun, dryRun)
  if (!labels) validateAnnotationChanges(changes.set, changes.remove)

  const [{buildInfos, localInfos, visitInfos}, {planInfos}] = await Promise.all([import('../resources/infos.js'), import('../resources/plan.js')])
  // label's --all is kubectl's allowEmptySelector: a lone TYPE means all of its objects.
  const args = {...opts, args: resources, all: false, typeMeansAll: opts.all}
  const found = opts.local ? await localInfos(ctx, opts.filenames, opts.recursive) : await buildInfos(ctx, await planInfos(ctx, args), {allNamespaces: opts.allNamespaces, latest: true})
  if (!found.singleItemImplied && opts.resourceVersion) throw usageError('--resource-version may only be used with a single resource')

  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys, template: opts.template})
  const suffix = dryRunSuffix(dryRun)
  const error = await visitInfos(found, async (info) => {
    // kubectl clears the version it read so that the patch always carries the one asked for.
    const before: KubeObject = opts.resourceVersion ? withoutResourceVersion(info.object) : info.object
    let output: KubeObject
    let changed: KubeObject
    if (dryRun === 'client' || opts.local || opts.list) {
      changed = withResourceVersion(changeMetadata(before, opts.field, changes.set, changes.remove, opts.overwrite), opts.resourceVersion)
      output = changed
    } else {
      if (labels) {
        const present = before.metadata?.labels ?? {}
        for (const key of changes.remove) if (!(key in present)) ctx.io.out.write(`label ${JSON.stringify(key)} not found.\n`)
      }
      changed = withResourceVersion(changeMetadata(before, opts.field, changes.set, changes.remove, opts.overwrite), opts.resourceVersion)
      const {createMergePatch} = await import('../patch/json-merge.js')
      const client = await ctx.client()
      const res = await client.request<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.resource, info.namespace, info.name),
        query: {dryRun: dryRun === 'server' ? 'All' : undefined, fieldManager: opts.fieldManager || undefined},
        body: createMergePatch(before, changed),
        contentType: 'application/merge-patch+json',
        resource: {group: info.resource.group, resource: info.resource.name, name: info.name},
      })
      output = res.data
    }
    if (opts.list) {
      const indent = found.singleItemImplied ? '' : ' '
      if (!found.singleItemImplied) {
        const apiVersion = info.object.apiVersion ?? ''
        const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
        ctx.io.out.write(`Listing ${opts.field} for ${info.object.kind ?? ''}.${group}/${info.name}:\n`)
      }
      const values = (output.metadata?.[opts.field] as Record<string, string> | undefined) ?? {}
      for (const key of Object.keys(values).sort()) ctx.io.out.write(`${indent}${key}=${values[key]}\n`)
      return
    }
    // label prints the object it changed locally; annotate prints what the server answered.
    const operation = labels ? labelChangeMessage(before, changed, opts.overwrite) : 'annotated'
    print(labels ? changed : output, ctx.io.out, {typed: false, operation: `${operation}${suffix}`, showManagedFields: opts.showManagedFields})
  })
  if (error) throw checkErr(error)
}

function validate(opts: LabelOptions, resources: string[], changes: {set: Map<string, string>; remove: string[]}, noun: string, dryRun: DryRun): void {
  const file = opts.field === 'labels' ? 'pod' : 'rsrc'
  if (opts.all && opts.selector) throw usageError('cannot set --all and --selector at the same time')
  if (opts.all && opts.fieldSelector) throw usageError('cannot set --all and --field-selector at the same time')
  if (opts.local) {
    if (dryRun === 'server') throw usageError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?')
    if (resources.length > 0) throw usageError(`can only use local files by -f ${file}.yaml or --filename=${file}.json when --local=true is set`)
    if (opts.filenames.length === 0) throw usageError(`one or more files must be specified as -f ${file}.yaml or --filename=${file}.json`)
  } else if (resources.length === 0 && opts.filenames.length === 0) {
    throw usageError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  }
  if (changes.set.size === 0 && changes.remove.length === 0 && !opts.list) throw usageError(`at least one ${noun} update is required`)
}
