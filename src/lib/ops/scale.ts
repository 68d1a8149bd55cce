// `ktl scale`: kubectl's scale. Sets spec.replicas through each object's /scale subresource (so
// any custom resource with a scale subresource works), as a merge patch, or, with --current-replicas
// or --resource-version, as a read-check-replace that retries on conflicts like kubectl's scaler.
import type {KubeClient} from '../client/types.js'
import type {Ctx} from '../context.js'
import {dryRunSuffix, parseDryRun, writeDryRunWarning} from '../dry-run.js'
import {checkErr, CliError, GoError, goErrorText, StatusError, usageError} from '../errors.js'
import type {ObjectInfo} from '../resources/infos.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import type {BuilderArgs} from '../resources/plan.js'
import {sleep} from '../sleep.js'

export interface ScaleOptions extends BuilderArgs {
  all: boolean
  replicas: number
  currentReplicas: number
  resourceVersion?: string
  /** --timeout in milliseconds: how long to wait for the new size; 0 does not wait. */
  timeoutMs: number
  dryRun: string
  output?: string
  allowMissingTemplateKeys: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
  /** Interval between conflict retries and between checks while waiting (kubectl: one second). */
  pollMs?: number
}

interface Scale extends KubeObject {
  spec?: {replicas?: number}
  status?: {replicas?: number}
}

export interface ScalePrecondition {
  size: number
  resourceVersion: string
}

/** kubectl's ScalePrecondition.validate: the error to report, if the scale does not match. */
export function preconditionFailure(precondition: ScalePrecondition, scale: Scale): string | undefined {
  const replicas = scale.spec?.replicas ?? 0
  if (precondition.size !== -1 && replicas !== precondition.size) return `Expected replicas to be ${precondition.size}, was ${replicas}`
  const actual = scale.metadata?.resourceVersion ?? ''
  if (precondition.resourceVersion && actual !== precondition.resourceVersion) return `Expected resource version to be ${precondition.resourceVersion}, was ${actual}`
  return undefined
}

const RETRY_TIMEOUT_MS = 5 * 60_000

export async function runScale(ctx: Ctx, opts: ScaleOptions): Promise<void> {
  const {dryRun, warning} = parseDryRun(opts.dryRun)
  // kubectl's klog warning for the deprecated spellings (--dry-run alone, --dry-run=true)
  writeDryRunWarning(ctx.io.err, warning)
  const {createPrinter} = await import('../create/output.js')
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys, template: opts.template})
  await ctx.namespace()
  if (opts.replicas < 0) throw usageError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  if (opts.currentReplicas < -1) throw usageError('The --current-replicas must specify an integer of -1 or greater')

  const [{buildInfos, foundInfos, visitInfos}, {planInfos}] = await Promise.all([import('../resources/infos.js'), import('../resources/plan.js')])
  // scale's --all is kubectl's allowEmptySelector: a lone TYPE means all of its objects.
  const found = await buildInfos(ctx, await planInfos(ctx, {...opts, all: false, typeMeansAll: opts.all}), {allNamespaces: opts.allNamespaces ?? false})
  const infos = foundInfos(found)
  // kubectl scales what it found and reports the rest at the end.
  const infoError = await visitInfos(found)
  if (opts.resourceVersion && infos.length > 1) throw usageError('cannot use --resource-version with multiple resources')
  if (infos.length === 0) throw new GoError(infoError ? `no objects passed to scale ${goErrorText(infoError)}` : 'no objects passed to scale')
  const precondition = opts.currentReplicas !== -1 || opts.resourceVersion ? {size: opts.currentReplicas, resourceVersion: opts.resourceVersion ?? ''} : undefined
  const pollMs = opts.pollMs ?? 1000
  const suffix = dryRunSuffix(dryRun)
  for (const info of infos) {
    if (dryRun !== 'client') {
      const client = await ctx.client()
      await scaleWithRetries(client, info, opts.replicas, precondition, dryRun === 'server', pollMs)
      if (opts.timeoutMs > 0 && dryRun === 'none') await waitForReplicas(client, info, opts.replicas, opts.timeoutMs, pollMs)
    }
    print(info.object, ctx.io.out, {typed: false, operation: `scaled${suffix}`, showManagedFields: false})
  }
  if (infoError) throw checkErr(infoError)
}

function scalePath(info: ObjectInfo): string {
  return `${resourcePath(info.resource, info.namespace, info.name)}/scale`
}

/** kubectl's ScaleSimple inside ScaleCondition: retried while the server answers Conflict. */
async function scaleWithRetries(client: KubeClient, info: ObjectInfo, replicas: number, precondition: ScalePrecondition | undefined, dryRun: boolean, pollMs: number): Promise<void> {
  const deadline = Date.now() + RETRY_TIMEOUT_MS
  const resource = {group: info.resource.group, resource: info.resource.name, name: info.name}
  const query = {dryRun: dryRun ? 'All' : undefined}
  for (;;) {
    try {
      if (!precondition) {
        await client.request({method: 'PATCH', path: scalePath(info), query, body: {spec: {replicas}}, contentType: 'application/merge-patch+json', resource})
        return
      }
      const scale = (await client.request<Scale>({path: scalePath(info), resource})).data
      const failure = preconditionFailure(precondition, scale)
      if (failure) throw usageError(failure)
      await client.request({method: 'PUT', path: scalePath(info), query, body: {...scale, spec: {...scale.spec, replicas}}, resource})
      return
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 409) || Date.now() + pollMs > deadline) throw err
    }
    await sleep(pollMs)
  }
}

/** kubectl's WaitForScaleHasDesiredReplicas: until the scale's status reaches the new size (or someone else resized it). */
async function waitForReplicas(client: KubeClient, info: ObjectInfo, replicas: number, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const resource = {group: info.resource.group, resource: info.resource.name, name: info.name}
  for (;;) {
    const scale = (await client.request<Scale>({path: scalePath(info), resource})).data
    const spec = scale.spec?.replicas ?? 0
    if (spec !== replicas || (scale.status?.replicas ?? 0) === replicas) return
    if (Date.now() + pollMs > deadline) throw new CliError(`error: timed out waiting for ${JSON.stringify(info.name)} to be synced`)
    await sleep(pollMs)
  }
}
