// `ktl create`: POST objects, either the one a generator built (`create deployment ...`) or every
// object in -f manifests, and print each the way -o asks, as kubectl's create commands do.
import {withLastApplied} from '../create/last-applied.js'
import {type CreatePrinter, createPrinter} from '../create/output.js'
import {typedResource} from '../create/typed-resources.js'
import type {Ctx} from '../context.js'
import {dryRunSuffix, writeDryRunWarning} from '../dry-run.js'
import type {APIResource} from '../discovery/types.js'
import {checkErr, CliError, ConnectionError, newAggregate, ResponseBodyError, StatusError, usageError, visitorError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import type {KubeObject, ObjectMeta} from '../resources/objects.js'
import {kindPrefix, resourcePath} from '../resources/paths.js'
import {PROGRESS_DELAY_MS, stepLine, withProgress} from '../terminal-progress.js'
import {FIELD_VALIDATION, type ValidationMode} from '../validate/mode.js'

export interface CreateObjectOptions {
  dryRun: 'none' | 'client' | 'server'
  /** -o: json, yaml, name, jsonpath...; unset prints `kind.group/name created`. */
  output?: string
  /** --save-config: record the object in the last-applied-configuration annotation. */
  saveConfig: boolean
  /** Sent as fieldManager unless empty. */
  fieldManager: string
  showManagedFields: boolean
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
  /** Warnings to print first (a deprecated --dry-run spelling), as kubectl's klog does. */
  warnings?: string[]
  /**
   * What kubectl's generator puts before the server's message when the POST fails, e.g.
   * 'failed to create deployment: ' gives `error: failed to create deployment: deployments.apps "x"
   * already exists`. Unset: the server's error as is (`Error from server (AlreadyExists): ...`).
   */
  errorPrefix?: string
}

export interface CreateOptions extends CreateObjectOptions {
  filenames: string[]
  recursive: boolean
  /** -l: only the manifests' objects whose labels match. */
  selector?: string
  /** --validate: strict refuses the whole set when a document breaks its schema; unset or ignore skips the check. */
  validate?: ValidationMode
  /** How long creating lasts on a terminal before its progress is drawn. */
  progressDelayMs?: number
}

/**
 * What every generator command calls with the object it built: POST it (unless --dry-run=client) to
 * the namespace kubectl would use and print the outcome. The object carries metadata.namespace only
 * when -n was given, as kubectl's generators do.
 */
export async function runCreateObject(ctx: Ctx, object: KubeObject, opts: CreateObjectOptions): Promise<void> {
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys, template: opts.template})
  for (const warning of opts.warnings ?? []) writeDryRunWarning(ctx.io.err, warning)
  const namespace = await namespaceFor(ctx, opts.dryRun)
  const resource = await resourceFor(ctx, object)
  let sent = object
  if (resource.namespaced && ctx.overrides.namespace) sent = withNamespace(sent, namespace)
  sent = withLastApplied(sent, {save: opts.saveConfig, typed: true})
  let result = sent
  if (opts.dryRun !== 'client') {
    try {
      result = await post(ctx, resource, resource.namespaced ? namespace : undefined, sent, opts)
    } catch (err) {
      if (err instanceof StatusError && opts.errorPrefix !== undefined) throw usageError(`${opts.errorPrefix}${err.status.message ?? ''}`)
      throw err
    }
  }
  printCreated(ctx, print, result, opts, true)
}

/**
 * `create -f`: every object of the manifests in order; failures are reported after the rest went through.
 * On a terminal, a long run shows the object being created.
 */
export async function runCreate(ctx: Ctx, opts: CreateOptions): Promise<void> {
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys, template: opts.template})
  for (const warning of opts.warnings ?? []) writeDryRunWarning(ctx.io.err, warning)
  if (opts.filenames.length === 0) throw usageError('must specify one of -f and -k')
  const [{readManifests}, {collectManifestInfos, DecodeError}] = await Promise.all([import('../manifests/reader.js'), import('../resources/manifest-infos.js')])
  const matches = opts.selector === undefined ? undefined : (await import('../resources/label-selector.js')).parseLabelSelector(opts.selector)
  const documents = await readManifests({filenames: opts.filenames, recursive: opts.recursive, stdin: ctx.io.in, env: ctx.env})
  if (opts.validate !== undefined && opts.validate !== 'ignore') await (await import('../validate/send.js')).validateForSend(ctx, documents, opts.validate)
  // kubectl maps every document first and reports those it cannot map after everything else, as one
  // aggregate; -l then drops objects, and a namespace that contradicts -n is reported in order.
  const mapped = await collectManifestInfos(ctx, documents)
  const selected = mapped.infos.map((i) => i.document).filter((d) => !matches || matches(d.object.metadata?.labels))
  const {infos, errors: mismatched} = await collectManifestInfos(ctx, selected, {enforceNamespace: Boolean(ctx.overrides.namespace)})
  const failures: CliError[] = []
  const failedBefore = (i: number) => failures.push(...mismatched.filter((m) => m.before === i).map((m) => m.error))
  const created = await withProgress(ctx, opts.progressDelayMs ?? PROGRESS_DELAY_MS, async (live, progress) => {
    let count = 0
    for (const [i, info] of infos.entries()) {
      progress?.update([stepLine('Creating', i + 1, infos.length, `${kindPrefix(info.resource)}/${info.name}`)])
      failedBefore(i)
      let object: KubeObject = info.object
      if (info.namespace !== undefined && !object.metadata?.namespace) object = {...object, metadata: {...object.metadata, namespace: info.namespace}}
      object = withLastApplied(object, {save: opts.saveConfig, typed: false})
      if (opts.dryRun !== 'client') {
        try {
          object = await post(live, info.resource, info.namespace, object, opts, opts.validate && FIELD_VALIDATION[opts.validate])
        } catch (err) {
          const where = `error when creating ${goQuote(info.document.source)}: `
          if (err instanceof StatusError) failures.push(err.withStatus({...err.status, message: `${where}${err.status.message ?? ''}`}))
          else if (err instanceof ResponseBodyError) failures.push(new CliError(`${where}${err.message.replace(/^error: /, '')}`))
          // kubectl goes on to the next object after a dropped connection too, naming the request.
          else if (err instanceof ConnectionError) failures.push(new CliError(`${where}${err.urlError}`))
          else throw err
          continue
        }
      }
      count++
      printCreated(live, print, object, opts, false)
    }
    progress?.update([])
    return count
  })
  failedBefore(infos.length)
  // A document that does not decode is its own failure in kubectl's list; unmappable kinds come as one aggregate.
  failures.push(...mapped.errors.map((e) => e.error).filter((e) => e instanceof DecodeError))
  const mapping = newAggregate(mapped.errors.map((e) => e.error).filter((e) => !(e instanceof DecodeError)))
  if (mapping) failures.push(mapping)
  const failure = visitorError(failures)
  if (failure) throw checkErr(failure)
  if (created === 0) throw usageError('no objects passed to create')
}

/** The namespace to create in; with nothing configured, kubectl still generates objects offline (in "default"). */
async function namespaceFor(ctx: Ctx, dryRun: CreateObjectOptions['dryRun']): Promise<string> {
  try {
    return await ctx.namespace()
  } catch (err) {
    if (dryRun === 'client' && err instanceof CliError && err.message.startsWith('error: no kubeconfig found')) return ctx.overrides.namespace || 'default'
    throw err
  }
}

async function resourceFor(ctx: Ctx, object: KubeObject): Promise<APIResource> {
  const apiVersion = object.apiVersion ?? ''
  const kind = object.kind ?? ''
  const known = typedResource(apiVersion, kind)
  if (known) return known
  const slash = apiVersion.indexOf('/')
  const group = slash < 0 ? '' : apiVersion.slice(0, slash)
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1)
  const found = (await (await ctx.discovery()).allResources()).find((r) => r.kind === kind && r.group === group && r.version === version)
  if (!found) throw usageError(`no matches for kind "${kind}" in version "${apiVersion}"`)
  return found
}

/** `fieldValidation`: what create -f sends for --validate, as kubectl does. */
async function post(ctx: Ctx, resource: APIResource, namespace: string | undefined, object: KubeObject, opts: CreateObjectOptions, fieldValidation?: string): Promise<KubeObject> {
  const client = await ctx.client()
  const res = await client.request<KubeObject>({
    method: 'POST',
    path: resourcePath(resource, namespace),
    query: {dryRun: opts.dryRun === 'server' ? 'All' : undefined, fieldManager: opts.fieldManager || undefined, fieldValidation},
    body: object,
    resource: {group: resource.group, resource: resource.name},
  })
  return res.data
}

function printCreated(ctx: Ctx, print: CreatePrinter, object: KubeObject, opts: CreateObjectOptions, typed: boolean): void {
  const operation = `created${dryRunSuffix(opts.dryRun)}`
  print(object, ctx.io.out, {typed, operation, showManagedFields: opts.showManagedFields})
}

/** metadata.namespace where a Go ObjectMeta has it: after name and generateName. */
function withNamespace(object: KubeObject, namespace: string): KubeObject {
  const metadata: ObjectMeta = {}
  let placed = false
  for (const [key, value] of Object.entries(object.metadata ?? {})) {
    if (key === 'namespace') continue
    if (!placed && key !== 'name' && key !== 'generateName') {
      metadata.namespace = namespace
      placed = true
    }
    metadata[key] = value
  }
  if (!placed) metadata.namespace = namespace
  return {...object, metadata}
}
