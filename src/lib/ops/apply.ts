// `ktl apply -f`: kubectl's apply (client-side by default, --server-side on request), with two things
// kubectl lacks: nothing is sent unless every document reads, validates and maps onto a served type,
// and Namespaces and CRDs go first, custom resources of those CRDs once the server serves them.
// Objects are applied several at a time; lines are printed in the order of the manifests.
import {applyClientSide} from '../apply/client-side.js'
import {waitEstablished} from '../apply/crd-established.js'
import {isCustomResourceDefinition, splitPhases} from '../apply/order.js'
import {appliedKey, checkPruneFlags, prune, prunedLine} from '../apply/prune.js'
import {applyServerSide} from '../apply/server-side.js'
import {type LiveLookup, listLiveObjects} from '../apply/live-objects.js'
import type {DeletionOptions} from '../apply/recreate.js'
import type {AppliedObject, ApplyTarget, DryRun} from '../apply/types.js'
import type {Ctx} from '../context.js'
import {OBJECT_OUTPUT_FORMATS} from '../create/output.js'
import {AggregateCliError, checkErr, CliError, throwCollected, usageError} from '../errors.js'
import {type ManifestDocument, readManifests} from '../manifests/reader.js'
import {forEachOrdered} from '../ordered-pool.js'
import {compareCodePoints, formatJSON} from '../printers/json.js'
import {formatYAML} from '../printers/yaml.js'
import {resolveManifestInfos} from '../resources/manifest-infos.js'
import {withoutManagedFields} from '../resources/managed-fields.js'
import type {KubeObject} from '../resources/objects.js'
import {kindPrefix} from '../resources/paths.js'
import {parseCascade, UNLIMITED_WAIT_MS} from './delete-options.js'
import type {WaitTarget} from './delete-wait.js'
import {type OutputFormat, parseOutputFormat, type PrintDocument} from './get-output.js'
import {FIELD_VALIDATION, type ValidationMode} from '../validate/mode.js'
import {PROGRESS_DELAY_MS, stepLine, type TerminalProgress, withProgress} from '../terminal-progress.js'
import {dryRunSuffix} from '../dry-run.js'

export interface ApplyOptions {
  filenames: string[]
  recursive: boolean
  dryRun: DryRun
  serverSide: boolean
  forceConflicts: boolean
  /** --force: delete and re-create an object whose patch is refused as Invalid or in Conflict. */
  force: boolean
  /** Defaults: kubectl-client-side-apply, or kubectl for --server-side (kubectl's). */
  fieldManager?: string
  overwrite: boolean
  prune: boolean
  all: boolean
  selector?: string
  pruneAllowlist: string[]
  /** --cascade, --grace-period and --timeout as given: for pruned objects, as for `delete`. */
  cascade: string
  gracePeriod: number
  timeoutMs: number
  /** Wait until pruned objects are gone (kubectl 1.32 takes --wait but never waits). */
  wait: boolean
  output?: string
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean
  validate: ValidationMode
  showManagedFields: boolean
  /** Objects in flight at once. */
  concurrency?: number
  /** How long applying (or the wait for pruned objects) lasts on a terminal before its progress is drawn. */
  progressDelayMs?: number
}

export async function runApply(ctx: Ctx, opts: ApplyOptions): Promise<void> {
  checkFlags(opts)
  const deletion = {
    propagationPolicy: parseCascade(opts.cascade, (line) => ctx.io.err.write(`${line}\n`)),
    gracePeriod: opts.gracePeriod,
    timeoutMs: opts.timeoutMs,
  }
  const format = opts.output || opts.template ? await parseOutputFormat(opts.output ?? '', {template: opts.template, allowMissingKeys: opts.allowMissingTemplateKeys}) : undefined
  if (format && format.kind !== 'name' && format.kind !== 'generic') throw usageError(`unable to match a printer suitable for the output format "${opts.output}", allowed formats are: ${OBJECT_OUTPUT_FORMATS}`)
  const matches = opts.selector === undefined ? undefined : (await import('../resources/label-selector.js')).parseLabelSelector(opts.selector)
  const documents = await readManifests({filenames: opts.filenames, recursive: opts.recursive, stdin: ctx.io.in, env: ctx.env})
  if (documents.length === 0) throw usageError('no objects passed to apply')
  await validate(ctx, documents, opts)

  const phases = splitPhases(documents)
  const enforceNamespace = ctx.overrides.namespace !== undefined
  // Every document that does not wait on a CRD of this set must map now, selected by -l or not (as in
  // kubectl, whose builder maps before it filters): a typo in one kind sends nothing.
  const first = await resolveManifestInfos(ctx, [...phases.foundations, ...phases.rest], {enforceNamespace}).catch((err: unknown) => {
    throw err instanceof CliError ? checkErr(err) : err
  })
  const selected = (t: {object: KubeObject}) => !matches || matches(t.object.metadata?.labels)
  const foundations = first.slice(0, phases.foundations.length).filter(selected)
  const rest = first.slice(phases.foundations.length).filter(selected)
  const customDocuments = phases.custom.filter(selected)
  if (foundations.length + rest.length + customDocuments.length === 0) throw usageError('no objects passed to apply')

  const {results, errors} = await withProgress(ctx, opts.progressDelayMs ?? PROGRESS_DELAY_MS, (live, progress) =>
    applyInOrder(live, {...opts, recreate: opts.force ? deletion : undefined}, {foundations, rest, customDocuments, enforceNamespace}, format, progress),
  )

  if (opts.prune && errors.length === 0) {
    const applied = new Set(results.map((r) => appliedKey(r.target.resource.group, r.target.resource.kind, r.target.namespace, r.target.name)))
    const namespaces = new Set(results.flatMap((r) => (r.target.namespace ? [r.target.namespace] : [])))
    const pruned: WaitTarget[] = []
    const pruneOptions = {selector: opts.selector, all: opts.all, allowlist: opts.pruneAllowlist, dryRun: opts.dryRun, namespaces, applied, ...deletion}
    await prune(ctx, pruneOptions, (p) => {
      pruned.push({resource: p.resource, namespace: p.object.metadata?.namespace, name: p.object.metadata?.name ?? '', uid: p.object.metadata?.uid})
      if (!format) ctx.io.out.write(prunedLine(p, opts.dryRun))
      else if (format.kind === 'name') ctx.io.out.write(`${kindPrefix(p.resource)}/${p.object.metadata?.name ?? ''}\n`)
      else if (printsEachAsApplied(format, opts)) printEach(ctx, format, p.object, errors)
    })
    if (opts.wait && opts.dryRun === 'none' && pruned.length > 0) {
      const {waitUntilGone} = await import('./delete-wait.js')
      await waitUntilGone(ctx, await ctx.client(), pruned, deletion.timeoutMs === 0 ? UNLIMITED_WAIT_MS : deletion.timeoutMs, opts.progressDelayMs ?? PROGRESS_DELAY_MS)
    }
  }
  if (format?.kind === 'generic' && !printsEachAsApplied(format, opts)) printObjects(ctx, results.map((r) => r.applied.object), format.print, opts)
  throwCollected(errors)
}

interface Applied {
  results: Array<{target: ApplyTarget; applied: AppliedObject}>
  errors: CliError[]
}

/**
 * Applies foundations, then the rest with the custom resources of new CRDs, printing each line in
 * order; `progress` names the object whose answer the next line waits for.
 */
async function applyInOrder(
  ctx: Ctx,
  opts: ApplyOptions & {recreate?: DeletionOptions},
  sets: {foundations: ApplyTarget[]; rest: ApplyTarget[]; customDocuments: ManifestDocument[]; enforceNamespace: boolean},
  format: OutputFormat | undefined,
  progress: TerminalProgress | undefined,
): Promise<Applied> {
  const {foundations, rest, customDocuments, enforceNamespace} = sets
  const client = await ctx.client()
  const errors: CliError[] = []
  const results: Applied['results'] = []
  const total = foundations.length + rest.length + customDocuments.length
  let done = 0
  const awaiting = (what: string) => progress?.update([stepLine('Applying', done + 1, total, what)])
  const applyOne = (info: ApplyTarget, live: LiveLookup | undefined, warn: (line: string) => void): Promise<AppliedObject> => {
    const target = withDefaultNamespace(info)
    return opts.serverSide
      ? applyServerSide(client, target, {dryRun: opts.dryRun, fieldManager: opts.fieldManager ?? 'kubectl', forceConflicts: opts.forceConflicts, fieldValidation: FIELD_VALIDATION[opts.validate]})
      : applyClientSide(client, target, {
          dryRun: opts.dryRun,
          fieldManager: opts.fieldManager ?? 'kubectl-client-side-apply',
          overwrite: opts.overwrite,
          fieldValidation: FIELD_VALIDATION[opts.validate],
          live,
          force: opts.recreate,
          warn,
        })
  }
  // Warnings travel with each object's outcome, so they print in manifest order with its line.
  type Outcome = ({target: ApplyTarget; applied: AppliedObject} | {target: ApplyTarget; error: CliError}) & {warnings: string[]}
  const applyAll = async (targets: ApplyTarget[]) => {
    if (targets.length > 0) awaiting(objectName(targets[0]))
    // Server-side apply sends one PATCH an object and reads nothing first.
    const live = opts.serverSide ? undefined : await listLiveObjects(client, targets)
    await forEachOrdered(
      targets,
      opts.concurrency ?? 8,
      async (target): Promise<Outcome> => {
        const warnings: string[] = []
        try {
          return {target, applied: await applyOne(target, live, (line) => warnings.push(line)), warnings}
        } catch (err) {
          if (err instanceof CliError) return {target, error: err, warnings}
          throw err
        }
      },
      (r, _, i) => {
        for (const line of r.warnings) ctx.io.err.write(`${line}\n`)
        done++
        if (i + 1 < targets.length) awaiting(objectName(targets[i + 1]))
        else progress?.update([])
        if ('error' in r) return void errors.push(r.error)
        results.push(r)
        if (!format) ctx.io.out.write(`${objectName(r.target)} ${r.applied.operation}${dryRunSuffix(opts.dryRun)}\n`)
        else if (format.kind === 'name') ctx.io.out.write(`${objectName(r.target)}\n`)
        else if (printsEachAsApplied(format, opts)) printEach(ctx, format, r.applied.object, errors)
      },
    )
  }

  await applyAll(foundations)
  let custom: ApplyTarget[] = []
  if (customDocuments.length > 0) {
    if (opts.dryRun === 'none') awaiting('waiting for the CustomResourceDefinitions to be established')
    custom = await mapCustomResources(ctx, customDocuments, foundations, errors, {enforceNamespace, dryRun: opts.dryRun})
  }
  await applyAll([...rest, ...custom])
  return {results, errors}
}

/** --template without -o: kubectl prints each object as it is applied (with -o, all of them at the end). */
function printsEachAsApplied(format: OutputFormat | undefined, opts: ApplyOptions): boolean {
  return format?.kind === 'generic' && !opts.output
}

/** Prints one applied or pruned object; failing to print it is one more error, as in kubectl. */
function printEach(ctx: Ctx, format: OutputFormat, object: KubeObject, errors: CliError[]): void {
  try {
    if (format.kind === 'generic') format.print(object, ctx.io.out)
  } catch (err) {
    if (!(err instanceof CliError)) throw err
    errors.push(err)
  }
}

function objectName(target: ApplyTarget): string {
  return `${kindPrefix(target.resource)}/${target.name}`
}

// kubectl's ApplyOptions.Validate, in its order.
function checkFlags(opts: ApplyOptions): void {
  if (opts.filenames.length === 0) throw usageError('must specify one of -f and -k')
  if (opts.forceConflicts && !opts.serverSide) throw usageError('--force-conflicts only works with --server-side')
  if (opts.serverSide && opts.dryRun === 'client') throw usageError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
  if (opts.serverSide && opts.force) throw usageError('--force cannot be used with --server-side')
  if (opts.dryRun === 'server' && opts.force) throw usageError('--dry-run=server cannot be used with --force')
  if (opts.all && opts.selector) throw usageError('cannot set --all and --selector at the same time')
  if (opts.prune && opts.force) throw usageError('--force cannot be used with --prune')
  if (opts.prune) checkPruneFlags(opts)
  else if (opts.all) throw usageError('--all must be used with --prune')
}

async function validate(ctx: Ctx, documents: ManifestDocument[], opts: ApplyOptions): Promise<void> {
  if (opts.validate === 'ignore') return
  const {validateForSend} = await import('../validate/send.js')
  await validateForSend(ctx, documents, opts.validate)
}

/**
 * Custom resources of CRDs applied in this run: once their CRDs are Established, map them with
 * fresh discovery. A client dry run created nothing, so its objects are named from their manifests.
 */
async function mapCustomResources(
  ctx: Ctx,
  documents: ManifestDocument[],
  foundations: ApplyTarget[],
  errors: CliError[],
  opts: {enforceNamespace: boolean; dryRun: DryRun},
): Promise<ApplyTarget[]> {
  const crds = foundations.filter((t) => isCustomResourceDefinition(t.document)).map((t) => t.name)
  if (opts.dryRun === 'none') {
    try {
      await waitEstablished(await ctx.client(), crds)
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      errors.push(err)
      return []
    }
    await (await ctx.discovery()).invalidate()
  }
  try {
    return await resolveManifestInfos(ctx, documents, {enforceNamespace: opts.enforceNamespace})
  } catch (err) {
    if (!(err instanceof CliError)) throw err
    errors.push(...(err instanceof AggregateCliError ? err.errors : [err]))
    return []
  }
}

/**
 * kubectl's builder (DefaultNamespace) writes the namespace an object goes to into the object itself,
 * so the last-applied annotation and printed objects carry it even when only -n or the context named it.
 */
function withDefaultNamespace(target: ApplyTarget): ApplyTarget {
  if (target.namespace === undefined || target.object.metadata?.namespace) return target
  return {...target, object: {...target.object, metadata: {...target.object.metadata, namespace: target.namespace}}}
}

/** -o json|yaml|jsonpath|go-template: one object as itself, several as kubectl's List (a Go struct: its own key order in JSON). */
function printObjects(ctx: Ctx, objects: KubeObject[], print: PrintDocument, opts: ApplyOptions): void {
  const visible = objects.map((o) => (opts.showManagedFields ? o : withoutManagedFields(o)))
  if (visible.length === 1) return print(visible[0], ctx.io.out)
  if (opts.output === 'yaml') {
    ctx.io.out.write(formatYAML({apiVersion: 'v1', items: visible, kind: 'List', metadata: {}}))
    return
  }
  const list = {kind: 'List', apiVersion: 'v1', metadata: {}, items: visible.map(sortedDeep)}
  if (opts.output === 'json') ctx.io.out.write(formatJSON(list, {sortKeys: false}))
  else print(list, ctx.io.out, {typed: true})
}

/** A Go map's key order at every level, for printing inside a struct that keeps its own order. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  return Object.fromEntries(Object.keys(record).sort(compareCodePoints).map((k) => [k, sortedDeep(record[k])]))
}
