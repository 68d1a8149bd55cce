// `ktl create job`: a Job running one container, or the Job a CronJob would start (--from).
import type {Ctx} from '../context.js'
import {parseResourceArgs} from '../discovery/resource-args.js'
import {usageError} from '../errors.js'
import {type CreateObjectOptions, runCreateObject} from '../ops/create.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {sortedByKey} from './last-applied.js'
import {generatedMeta} from './object-meta.js'

export interface CreateJobOptions {
  name: string
  image: string
  /** TYPE/NAME of the CronJob to start the Job of. */
  from: string
  /** What followed `--`. */
  command: string[]
}

const INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate'

/** kubectl's checks of --image, --from and the command. */
export function validateJobOptions(opts: CreateJobOptions): void {
  if ((opts.image === '') === (opts.from === '')) throw usageError('either --image or --from must be specified')
  if (opts.command.length > 0 && opts.from !== '') throw usageError('cannot specify --from and command')
}

/** The Job of `create job NAME --image=IMAGE [-- COMMAND...]`. */
export function buildJob(name: string, image: string, command: string[]): KubeObject {
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: generatedMeta(name),
    spec: {
      template: {
        metadata: generatedMeta(''),
        spec: {
          containers: [{name, image, ...(command.length > 0 ? {command} : {}), resources: {}}],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  }
}

interface JobTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}
  spec?: unknown
}

/**
 * The Job of `create job NAME --from=cronjob/CRON`: the CronJob's job template, marked as started by
 * hand and owned by the CronJob. kubectl only knows batch/v1 CronJobs; ktl also takes a server's
 * batch/v1beta1 ones (the same job template) and names that version in the owner reference.
 */
export function buildJobFromCronJob(name: string, cronJob: KubeObject): KubeObject {
  const template = (cronJob.spec as {jobTemplate?: JobTemplate} | undefined)?.jobTemplate
  const labels = template?.metadata?.labels
  const metadata = generatedMeta(name)
  if (labels && Object.keys(labels).length > 0) metadata.labels = sortedByKey(labels)
  metadata.annotations = sortedByKey({[INSTANTIATE_ANNOTATION]: 'manual', ...template?.metadata?.annotations})
  // not metav1.NewControllerRef: blockOwnerDeletion would need the cronjobs/finalizers permission
  metadata.ownerReferences = [
    {apiVersion: cronJob.apiVersion ?? 'batch/v1', kind: 'CronJob', name: cronJob.metadata?.name ?? '', uid: cronJob.metadata?.uid ?? '', controller: true},
  ]
  return {kind: 'Job', apiVersion: 'batch/v1', metadata, spec: template?.spec ?? {}, status: {}}
}

export async function runCreateJob(ctx: Ctx, opts: CreateJobOptions, options: CreateObjectOptions): Promise<void> {
  validateJobOptions(opts)
  const job = opts.image !== '' ? buildJob(opts.name, opts.image, opts.command) : buildJobFromCronJob(opts.name, await fetchCronJob(ctx, opts.from))
  await runCreateObject(ctx, job, {...options, errorPrefix: 'failed to create job: '})
}

/** kubectl's builder with ResourceTypeOrNameArgs(false, from): one TYPE/NAME, read from the server. */
export async function fetchCronJob(ctx: Ctx, from: string): Promise<KubeObject> {
  const parsed = parseResourceArgs([from])
  if (parsed.form !== 'tuples') throw usageError('resource(s) were provided, but no name was specified')
  const [{type, name}] = parsed.tuples
  const discovery = await ctx.discovery()
  const resource = await discovery.resolve(type, {warn: (message) => ctx.io.err.write(`Warning: ${message}\n`)})
  const namespace = resource.namespaced ? await ctx.namespace() : undefined
  const client = await ctx.client()
  const {data} = await client.request<KubeObject>({path: resourcePath(resource, namespace, name), resource: {group: resource.group, resource: resource.name, name}})
  const apiVersion = data.apiVersion ?? (resource.group ? `${resource.group}/${resource.version}` : resource.version)
  const kind = data.kind ?? resource.kind
  // kubectl names the Go type it decoded anything else into
  if (kind !== 'CronJob' || (apiVersion !== 'batch/v1' && apiVersion !== 'batch/v1beta1')) throw usageError(`unknown object type *${resource.version}.${kind}`)
  return {...data, apiVersion, kind}
}
