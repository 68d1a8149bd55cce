// The objects a modifying verb (label, annotate, scale, patch, edit) works on, read from the server
// as they are now: kubectl's resource builder with Latest(), which keeps going past a missing object
// and reports it in order with the others.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {AggregateCliError, CliError, inAggregate, StatusError, usageError} from '../errors.js'
import {collectTargets, type DeletePlan, MISSING_RESOURCE, planTargets, type TargetArgs} from '../ops/delete-targets.js'
import {explainNotFound} from './missing-namespace.js'
import {type KubeObject, listItems, type ObjectList} from './objects.js'
import {resourcePath} from './paths.js'

export interface ObjectInfo {
  resource: APIResource
  /** Undefined for cluster-scoped types. */
  namespace?: string
  name: string
  object: KubeObject
  /** The -f source the object came from. */
  source?: string
}

export type InfoEntry = {info: ObjectInfo; error?: undefined} | {error: CliError; info?: undefined}

export interface LatestInfos {
  entries: InfoEntry[]
  /** One object was named (TYPE NAME, TYPE/NAME, or one -f file): kubectl's singleItemImplied. */
  singleItemImplied: boolean
}

/** What the arguments name, checked as kubectl's builder checks them, before any object is read. */
export async function planInfos(ctx: Ctx, args: TargetArgs): Promise<DeletePlan> {
  return planTargets(ctx, args)
}

/**
 * The objects the plan names, read from the server; with fileObjects, -f objects stay as the files
 * hold them (kubectl's builder without Latest(), as scale and patch use it); subresource reads
 * NAME/status or NAME/scale instead of the object.
 */
export async function latestInfos(ctx: Ctx, plan: DeletePlan, opts: {allNamespaces: boolean; fileObjects?: boolean; subresource?: string}): Promise<LatestInfos> {
  const client = await ctx.client()
  const get = async (resource: APIResource, namespace: string | undefined, name: string, source?: string): Promise<InfoEntry> => {
    try {
      const path = resourcePath(resource, namespace, name) + (opts.subresource ? `/${opts.subresource}` : '')
      const res = await client.request<KubeObject>({path, resource: {group: resource.group, resource: resource.name, name}})
      return {info: {resource, namespace: resource.namespaced ? namespace : undefined, name, object: res.data, source}}
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) return {error: await explainNotFound(client, resource.namespaced ? namespace : undefined, err)}
      throw err
    }
  }
  if (plan.kind === 'selector') {
    const entries: InfoEntry[] = []
    for (const visit of plan.visits) {
      const {resource} = visit
      const res = await client.request<ObjectList>({
        path: resourcePath(resource, visit.namespace),
        query: {labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector},
        resource: {group: resource.group, resource: resource.name},
      })
      for (const object of listItems(res.data, resource.kind)) {
        const namespace = resource.namespaced ? (object.metadata?.namespace ?? visit.namespace) : undefined
        entries.push({info: {resource, namespace, name: object.metadata?.name ?? '', object}})
      }
    }
    return {entries, singleItemImplied: false}
  }
  if (plan.kind === 'names') {
    const entries: InfoEntry[] = []
    for (const v of plan.visits) entries.push(await get(v.resource, v.namespace, v.name))
    return {entries, singleItemImplied: plan.visits.length === 1}
  }
  const targets = await collectTargets(ctx, plan, {allNamespaces: opts.allNamespaces, enforceNamespace: Boolean(ctx.overrides.namespace)})
  const entries: InfoEntry[] = []
  for (const entry of targets.entries) {
    if (entry.error) entries.push({error: entry.error})
    else if (opts.fileObjects && entry.target.object) entries.push({info: {...entry.target, object: entry.target.object}})
    else entries.push(await get(entry.target.resource, entry.target.namespace, entry.target.name, entry.target.source))
  }
  entries.push(...targets.unmapped.map((error) => ({error})))
  const {expandFilenames} = await import('../manifests/sources.js')
  const {sources} = await expandFilenames(plan.filenames, plan.recursive)
  return {entries, singleItemImplied: sources.length === 1 && sources[0].kind !== 'stdin'}
}

/** -f objects as the files hold them, for --local: nothing is read from the server. */
export async function localInfos(ctx: Ctx, filenames: string[], recursive: boolean): Promise<LatestInfos> {
  if (filenames.length === 0) throw usageError(MISSING_RESOURCE)
  const {collectManifests, manifestFailure} = await import('../manifests/reader.js')
  const {documents, errors, sources} = await collectManifests({filenames, recursive, stdin: ctx.io.in, env: ctx.env})
  if (errors.length > 0) throw manifestFailure(errors)
  const entries: InfoEntry[] = documents.map((d) => {
    const [group, version] = d.object.apiVersion.includes('/') ? d.object.apiVersion.split('/', 2) : ['', d.object.apiVersion]
    const resource: APIResource = {name: '', singularName: '', namespaced: true, group, version, kind: d.object.kind, verbs: [], shortNames: [], categories: []}
    return {info: {resource, namespace: d.object.metadata?.namespace, name: d.object.metadata?.name ?? '', object: d.object, source: d.source}}
  })
  return {entries, singleItemImplied: sources.length === 1 && sources[0].kind !== 'stdin'}
}

/** How kubectl reports the failures of a verb that went on past them: one as is, several a line each. */
export function visitFailure(errors: CliError[]): CliError {
  if (errors.length === 1) {
    const err = errors[0]
    return err instanceof StatusError || err.message.startsWith('error: ') ? err : new CliError(`error: ${err.message}`)
  }
  return new AggregateCliError(errors.map(inAggregate))
}
