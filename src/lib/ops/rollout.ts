// `ktl rollout pause|resume|restart|history|undo`: kubectl's rollout subcommands, each going through
// every object named and reporting the failures together at the end.
import type {Ctx} from '../context.js'
import {checkErr, CliError, GoError, goErrorText, throwCollected} from '../errors.js'
import {createPrinter} from '../create/output.js'
import {dryRunSuffix, parseDryRun, writeDryRunWarning} from '../dry-run.js'
import {formatRFC3339} from '../go/time.js'
import {groupResource, resourcePath} from '../resources/paths.js'
import {foundInfos, type ObjectInfo, visitInfos} from '../resources/infos.js'
import type {BuilderArgs} from '../resources/plan.js'
import {requireResources, rolloutInfos} from '../rollout/targets.js'

type Obj = Record<string, any>

export type PatchVerb = 'pause' | 'resume' | 'restart'

/** -o and the flags that shape it. */
export interface RolloutPrintOptions {
  output?: string
  showManagedFields?: boolean
  allowMissingTemplateKeys?: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
}

export interface RolloutPatchOptions extends BuilderArgs, RolloutPrintOptions {
  verb: PatchVerb
  fieldManager: string
  /** The moment `restart` stamps on the pod template (tests fix it). */
  now?: Date
}

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'

/**
 * The strategic merge patch kubectl's pauser, resumer or restarter computes for an object, '{}' when
 * nothing would change; throws the reason the object cannot be patched (its words).
 */
export function rolloutPatch(verb: PatchVerb, target: Pick<ObjectInfo, 'resource' | 'object'>, now: Date): string {
  const {resource} = target
  const object = target.object as Obj
  const isDeployment = (resource.group === 'apps' || resource.group === 'extensions') && resource.kind === 'Deployment'
  switch (verb) {
    case 'pause':
      if (!isDeployment) throw new Error('pausing is not supported')
      if (object.spec?.paused) throw new Error('is already paused')
      return JSON.stringify({spec: {paused: true}})
    case 'resume':
      if (!isDeployment) throw new Error('resuming is not supported')
      if (!object.spec?.paused) throw new Error('is not paused')
      return JSON.stringify({spec: {paused: null}})
    case 'restart': {
      const restartable = isDeployment || (resource.group === 'apps' && (resource.kind === 'DaemonSet' || resource.kind === 'StatefulSet')) || (resource.group === 'extensions' && resource.kind === 'DaemonSet')
      if (!restartable) throw new Error('restarting is not supported')
      if (isDeployment && object.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)")
      const stamp = formatRFC3339(now)
      if (object.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) return '{}'
      return JSON.stringify({spec: {template: {metadata: {annotations: {[RESTARTED_AT]: stamp}}}}})
    }
  }
}

const DONE: Record<PatchVerb, string> = {pause: 'paused', resume: 'resumed', restart: 'restarted'}

export async function runRolloutPatch(ctx: Ctx, opts: RolloutPatchOptions): Promise<void> {
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys ?? true, template: opts.template})
  requireResources(opts)
  const found = await rolloutInfos(ctx, opts)
  const targets = foundInfos(found)
  // kubectl reads every object first (Infos()): what failed there comes first among the failures.
  const infosError = await visitInfos(found)
  if (targets.length === 0 && !infosError) {
    ctx.io.err.write(`No resources found in ${await ctx.namespace()} namespace.\n`)
    return
  }
  const errors: CliError[] = infosError ? [infosError] : []
  const client = await ctx.client()
  const printOpts = (operation: string) => ({typed: true, operation, showManagedFields: opts.showManagedFields ?? false})
  for (const target of targets) {
    let patch: string
    try {
      patch = rolloutPatch(opts.verb, target, opts.now ?? new Date())
    } catch (err) {
      errors.push(new GoError(`error: ${groupResource(target.resource)} ${JSON.stringify(target.name)} ${(err as Error).message}`))
      continue
    }
    if (patch === '{}') {
      errors.push(
        new GoError(
          `failed to create patch for ${target.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        ),
      )
      continue
    }
    try {
      const res = await client.request<Obj>({
        method: 'PATCH',
        path: resourcePath(target.resource, target.namespace, target.name),
        body: patch,
        contentType: 'application/strategic-merge-patch+json',
        query: {fieldManager: opts.fieldManager},
      })
      print(res.data, ctx.io.out, printOpts(DONE[opts.verb]))
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      errors.push(new GoError(`failed to patch: ${goErrorText(err)}`))
    }
  }
  throwCollected(errors)
}

export interface RolloutHistoryOptions extends BuilderArgs, RolloutPrintOptions {
  revision: number
}

export async function runRolloutHistory(ctx: Ctx, opts: RolloutHistoryOptions): Promise<void> {
  if (opts.revision < 0) throw new GoError(`revision must be a positive integer: ${opts.revision}`)
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys ?? true, template: opts.template})
  requireResources(opts)
  const found = await rolloutInfos(ctx, opts)
  const {fetchHistory, viewHistory} = await import('../rollout/history.js')
  const client = await ctx.client()
  const error = await visitInfos(found, async (target) => {
    const history = await fetchHistory(client, target, 'history')
    if (opts.output) {
      const revisions = opts.revision > 0 ? [opts.revision] : [...history.keys()].sort((a, b) => a - b)
      for (const r of revisions) {
        const entry = history.get(r)
        if (!entry) throw new GoError('unable to find the specified revision')
        print(entry.object, ctx.io.out, {typed: true, operation: '', showManagedFields: opts.showManagedFields ?? false})
      }
      return
    }
    const text = viewHistory(history, opts.revision)
    const withRevision = opts.revision > 0 ? `with revision #${opts.revision}` : ''
    print(target.object, ctx.io.out, {typed: true, operation: `${withRevision}\n${text}`, showManagedFields: false})
  })
  if (error) throw checkErr(error)
}

export interface RolloutUndoOptions extends BuilderArgs, RolloutPrintOptions {
  toRevision: number
  dryRun: string
}


export async function runRolloutUndo(ctx: Ctx, opts: RolloutUndoOptions): Promise<void> {
  const {dryRun, warning} = parseDryRun(opts.dryRun)
  writeDryRunWarning(ctx.io.err, warning)
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys ?? true, template: opts.template})
  requireResources(opts)
  const found = await rolloutInfos(ctx, opts)
  const {planRollback} = await import('../rollout/history.js')
  const client = await ctx.client()
  const error = await visitInfos(found, async (target) => {
    const plan = await planRollback(client, target, opts.toRevision, dryRun)
    if (plan.patch) {
      try {
        await client.request({
          method: 'PATCH',
          path: resourcePath(target.resource, target.namespace, target.name),
          body: plan.patch.body,
          contentType: plan.patch.contentType,
          query: dryRun === 'server' ? {dryRun: 'All'} : {},
        })
      } catch (err) {
        if (!(err instanceof CliError)) throw err
        throw new GoError(`failed restoring revision ${opts.toRevision}: ${goErrorText(err)}`)
      }
    }
    print(target.object, ctx.io.out, {typed: true, operation: `${plan.result}${dryRunSuffix(dryRun)}`, showManagedFields: opts.showManagedFields ?? false})
  })
  if (error) throw checkErr(error)
}
