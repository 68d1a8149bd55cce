// `ktl delete`: kubectl's delete. Finds the objects (names, a selector, --all, -f), sends one DELETE
// each with the cascade, grace period and dry-run asked for, keeps going past failures and reports
// them at the end, then waits until the deleted objects are gone. Beyond kubectl: the wait shows on a
// terminal what is left, and --all/-A ask first when a person is at the terminal.
import type {KubeClient} from '../client/types.js'
import type {Ctx} from '../context.js'
import {type DryRun, dryRunSuffix, parseDryRun, writeDryRunWarning} from '../dry-run.js'
import {stderrAllowsColor, warningLine} from '../client/warnings.js'
import {klogLine} from '../go/klog.js'
import {addSourceToErr, checkErr, CliError, filterOut, isNotFound, usageError} from '../errors.js'
import {buildInfos, foundInfos, type Info, type Infos, visitInfos} from '../resources/infos.js'
import type {KubeObject} from '../resources/objects.js'
import {type BuilderArgs, type Plan, planInfos} from '../resources/plan.js'
import {kindPrefix, resourcePath} from '../resources/paths.js'
import {PROGRESS_DELAY_MS, stepLine, withProgress} from '../terminal-progress.js'
import {
  deleteOptionsBody,
  effectiveGracePeriod,
  parseCascade,
  type PropagationPolicy,
  UNLIMITED_WAIT_MS,
  validateOutput,
} from './delete-options.js'
import type {WaitTarget} from './delete-wait.js'

export interface DeleteOptions extends BuilderArgs {
  all: boolean
  allNamespaces: boolean
  /** The flag values as typed; kubectl's defaults are background, -1, 0s and none. */
  cascade: string
  /** --grace-period; negative for the object's own. */
  gracePeriod: number
  /** --timeout in milliseconds. */
  timeoutMs: number
  dryRun: string
  now: boolean
  force: boolean
  wait: boolean
  /** Undefined when the flag was not given: it then defaults to true with --all, -l and --field-selector. */
  ignoreNotFound?: boolean
  output?: string
  interactive: boolean
  /** Skip ktl's question before --all/-A deletes on a terminal. */
  yes: boolean
  /** How long a wait on a terminal lasts before its progress is drawn. */
  progressDelayMs?: number
}

export async function runDelete(ctx: Ctx, opts: DeleteOptions): Promise<void> {
  const prepared = await prepare(ctx, opts)
  const infos = await buildInfos(ctx, prepared.plan, {allNamespaces: opts.allNamespaces, requireObject: false})
  if (!(await confirmed(ctx, opts, prepared, infos))) return
  const outcome = await deleteEach(ctx, opts, prepared, infos)
  if (outcome.error) throw checkErr(outcome.error)
  if (outcome.deleted.length === 0) return void ctx.io.out.write('No resources found\n')
  if (!opts.wait || prepared.request.dryRun !== 'none' || !outcome.client) return
  // client-go's complaint about the context kubectl then makes, before giving up at once.
  if (prepared.timeoutMs < 0) ctx.io.err.write(`${klogLine('E', 'until.go:159', 'Timeout for context shall not be negative!')}\n`)
  const timeoutMs = prepared.timeoutMs === 0 ? UNLIMITED_WAIT_MS : prepared.timeoutMs
  const {waitUntilGone} = await import('./delete-wait.js')
  await waitUntilGone(ctx, outcome.client, outcome.deleted, timeoutMs, opts.progressDelayMs ?? PROGRESS_DELAY_MS)
}

interface Prepared {
  plan: Plan
  request: DeleteRequest
  timeoutMs: number
  ignoreNotFound: boolean
  /** -n was given (kubectl's enforceNamespace). */
  enforceNamespace: boolean
}

/** kubectl's order: flag values, then what the arguments mean, then the flag combinations (Complete, Validate). */
async function prepare(ctx: Ctx, opts: DeleteOptions): Promise<Prepared> {
  const note = (line: string) => ctx.io.err.write(`${line}\n`)
  const propagationPolicy = parseCascade(opts.cascade, note)
  // Loads the kubeconfig: its problems come before any about the arguments, as in kubectl.
  await ctx.namespace()
  const gracePeriod = effectiveGracePeriod({gracePeriod: opts.gracePeriod, now: opts.now, force: opts.force})
  const {dryRun, warning: dryRunWarning} = parseDryRun(opts.dryRun)
  writeDryRunWarning(ctx.io.err, dryRunWarning)
  const plan = await planInfos(ctx, opts)
  validateOutput(opts.output)
  if (opts.force && gracePeriod === 0) {
    warning(ctx, 'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
  } else if (opts.force && gracePeriod > 0) {
    throw usageError('--force and --grace-period greater than 0 cannot be specified together')
  }
  return {
    plan,
    request: {gracePeriod, propagationPolicy, dryRun},
    timeoutMs: opts.timeoutMs,
    ignoreNotFound: opts.ignoreNotFound ?? (opts.all || Boolean(opts.selector) || Boolean(opts.fieldSelector)),
    enforceNamespace: Boolean(ctx.overrides.namespace),
  }
}

/** kubectl's -i question, or ktl's before a bulk delete; false when the answer was no. */
async function confirmed(ctx: Ctx, opts: DeleteOptions, prepared: Prepared, infos: Infos<Info>): Promise<boolean> {
  const targets = foundInfos(infos)
  if (opts.interactive) {
    const error = withoutIgnored(await visitInfos(infos), prepared)
    if (error) throw checkErr(error)
    if (targets.length === 0) {
      ctx.io.out.write('No resources found\n')
      return false
    }
    const {confirmInteractive} = await import('./delete-confirm.js')
    if (await confirmInteractive(ctx, targets)) return true
    ctx.io.out.write('deletion is cancelled\n')
    return false
  }
  if (targets.length === 0 || !asksFirst(ctx, opts, prepared.plan.kind === 'selector', prepared.request.dryRun)) return true
  const {confirmBulk} = await import('./delete-confirm.js')
  if (await confirmBulk(ctx, targets, opts.allNamespaces)) return true
  ctx.io.err.write('deletion is cancelled\n')
  return false
}

/** --ignore-not-found: kubectl filters NotFound out of everything its visit returns, aggregates rebuilt. */
function withoutIgnored(error: CliError | undefined, prepared: Prepared): CliError | undefined {
  return filterOut(error, (e) => prepared.ignoreNotFound && isNotFound(e))
}

interface Outcome {
  /** Undefined for a client-side dry run, which sends nothing. */
  client?: KubeClient
  /** The failures, as kubectl's visit returns them. */
  error?: CliError
  /** Everything visited, kubectl's deletedInfos: what the wait waits for. */
  deleted: WaitTarget[]
}

/**
 * One DELETE per object in order, printing each, the failures gathered for the end; on a terminal, a
 * long run shows the object being deleted.
 */
async function deleteEach(ctx: Ctx, opts: DeleteOptions, prepared: Prepared, infos: Infos<Info>): Promise<Outcome> {
  const {request} = prepared
  const outcome: Outcome = {client: request.dryRun === 'client' ? undefined : await ctx.client(), deleted: []}
  const targets = foundInfos(infos)
  const step = (i: number) => (i < targets.length ? [stepLine('Deleting', i + 1, targets.length, `${kindPrefix(targets[i].resource)}/${targets[i].name}`)] : [])
  const error = await withProgress(ctx, opts.progressDelayMs ?? PROGRESS_DELAY_MS, async (live, progress) => {
    const print = (t: Info) => live.io.out.write(deletedLine(t, {output: opts.output, gracePeriod: request.gracePeriod, dryRun: request.dryRun}))
    let warnClusterScope = prepared.enforceNamespace && !opts.allNamespaces
    progress?.update(step(0))
    return visitInfos(infos, async (target) => {
      const waitTarget: WaitTarget = {resource: target.resource, namespace: target.namespace, name: target.name}
      outcome.deleted.push(waitTarget)
      if (warnClusterScope && !target.resource.namespaced) {
        warning(live, 'deleting cluster-scoped resources, not scoped to the provided namespace')
        warnClusterScope = false
      }
      try {
        if (outcome.client) waitTarget.uid = await deleteObject(outcome.client, target, request)
        print(target)
      } catch (err) {
        // kubectl goes on to the next object after any failure, a dropped connection too.
        throw addSourceToErr('deleting', target.source, err)
      } finally {
        // The next object's line, set before the line just printed lets the progress be drawn again.
        progress?.update(step(outcome.deleted.length))
      }
    })
  })
  outcome.error = withoutIgnored(error, prepared)
  return outcome
}

/**
 * ktl's question before a bulk delete (--all, or a selector across all namespaces): only for a person
 * at a terminal (stdin and stderr), not after --yes, and not for a dry run.
 */
function asksFirst(ctx: Ctx, opts: DeleteOptions, bySelector: boolean, dryRun: DryRun): boolean {
  const bulk = opts.all || (opts.allNamespaces && bySelector)
  return bulk && !opts.yes && dryRun === 'none' && ctx.io.inIsTTY && ctx.io.errIsTTY
}

interface DeleteRequest {
  gracePeriod: number
  propagationPolicy: PropagationPolicy
  dryRun: DryRun
}

/** Sends the DELETE; returns the uid the server answered with, to wait for that object only. */
async function deleteObject(client: KubeClient, target: Info, request: DeleteRequest): Promise<string | undefined> {
  const {resource, namespace, name} = target
  // Checked here, as client-go does: an empty name would make this a DELETE of the whole collection.
  if (name === '') throw new LocalError('resource name may not be empty')
  if (resource.namespaced && namespace === '') throw new LocalError('an empty namespace may not be set when a resource name is provided')
  const body = deleteOptionsBody(request, request.dryRun, false)
  const res = await client.request<KubeObject & {details?: {uid?: string}}>({
    method: 'DELETE',
    path: resourcePath(resource, namespace, name),
    body,
    resource: {group: resource.group, resource: resource.name, name},
  })
  // A Status for objects deleted at once, the object itself while finalizers or a grace period hold it.
  const data = res.data
  return (data?.kind === 'Status' ? data.details?.uid : data?.metadata?.uid) || undefined
}

/** A request refused before it was sent, worded as client-go words it. */
class LocalError extends CliError {}

function deletedLine(t: Info, opts: {output?: string; gracePeriod: number; dryRun: DryRun}): string {
  const kind = kindPrefix(t.resource)
  if (opts.output === 'name') return `${kind}/${t.name}\n`
  const operation = opts.gracePeriod === 0 ? 'force deleted' : 'deleted'
  return `${kind} "${t.name}" ${operation}${dryRunSuffix(opts.dryRun)}\n`
}

/** kubectl's WarningPrinter: "Warning:" in bold yellow when stderr is a terminal that takes colour. */
function warning(ctx: Ctx, message: string): void {
  ctx.io.err.write(warningLine(message, stderrAllowsColor(ctx.io, ctx.env)))
}
