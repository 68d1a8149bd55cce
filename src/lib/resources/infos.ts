// kubectl's resource builder for the verbs that work on existing objects (delete, label, annotate,
// scale, patch, edit, rollout, wait): the objects a plan names, listed or read as each verb needs them,
// going on past failures and keeping each where kubectl reports it; and kubectl's ContinueOnError
// visit over them, which hands back the failures as CheckErr receives them.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {CliError, GoError, newAggregate, StatusError, usageError, visitorError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import {selectorListError} from './list-error.js'
import {explainNotFound} from './missing-namespace.js'
import {type KubeObject, listItems, type ObjectList} from './objects.js'
import {resourcePath} from './paths.js'
import {MISSING_RESOURCE, type Plan} from './plan.js'

/** One object to work on. */
export interface Info {
  resource: APIResource
  /** Undefined for cluster-scoped types; '' for a namespaced -f object under -A that names none. */
  namespace?: string
  name: string
  /** As the server has it, or as its -f file holds it; undefined for names delete does not read. */
  object?: KubeObject
  /** The -f source the object came from: kubectl names it in some errors. */
  source?: string
}

/** An object that was read (from the server, a list, or its file). */
export interface ObjectInfo extends Info {
  object: KubeObject
}

/** An object, or a failure met reaching one, in the order kubectl meets them. */
export type InfoEntry<I extends Info = ObjectInfo> = {info: I; error?: undefined} | {error: CliError; info?: undefined}

export interface Infos<I extends Info = ObjectInfo> {
  /** The objects and the failures met on the way to each (a name not read, a namespace mismatch). */
  entries: Array<InfoEntry<I>>
  /**
   * What kubectl's EagerVisitorList gathers while listing and reading files and reports after
   * everything else, as one aggregate: lists the server refused, -f documents that do not decode or
   * map, -f objects that could not be read again.
   */
  deferred: CliError[]
  /** One object was named (TYPE NAME, TYPE/NAME, or one -f file): kubectl's singleItemImplied. */
  singleItemImplied: boolean
}

export interface BuildOptions {
  allNamespaces: boolean
  /** Read named objects from the server (kubectl's RequireObject; only delete goes without). */
  requireObject?: boolean
  /** Read -f objects again from the server (kubectl's Latest); without it they stay as their files hold them. */
  latest?: boolean
  /** Read NAME/status or NAME/scale instead of the object. */
  subresource?: string
}

export async function buildInfos(ctx: Ctx, plan: Plan, opts: BuildOptions & {requireObject: false}): Promise<Infos<Info>>
export async function buildInfos(ctx: Ctx, plan: Plan, opts: BuildOptions): Promise<Infos<ObjectInfo>>
export async function buildInfos(ctx: Ctx, plan: Plan, opts: BuildOptions): Promise<Infos<Info>> {
  const client = await ctx.client()
  const infos: Infos<Info> = {entries: [], deferred: [], singleItemImplied: false}
  // -n given: kubectl's RequireNamespace holds every namespaced object to it ('' under -A).
  const required = ctx.overrides.namespace ? (opts.allNamespaces ? '' : await ctx.namespace()) : undefined
  const add = (info: Info): void => {
    const own = info.resource.namespaced ? info.namespace : undefined
    if (required === undefined || !own || own === required) return void infos.entries.push({info})
    const error = new GoError(
      `the namespace from the provided object ${goQuote(own)} does not match the namespace ${goQuote(required)}. You must pass '--namespace=${own}' to perform this operation.`,
    )
    infos.entries.push({error})
  }
  const read = async (resource: APIResource, namespace: string | undefined, name: string): Promise<KubeObject> => {
    const path = resourcePath(resource, namespace, name) + (opts.subresource ? `/${opts.subresource}` : '')
    try {
      return (await client.request<KubeObject>({path, resource: {group: resource.group, resource: resource.name, name}})).data
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) throw await explainNotFound(client, resource.namespaced ? namespace : undefined, err)
      throw err
    }
  }

  switch (plan.kind) {
    case 'names':
      for (const {resource, namespace, name} of plan.visits) {
        if (opts.requireObject === false) {
          add({resource, namespace, name})
          continue
        }
        try {
          add({resource, namespace, name, object: await read(resource, namespace, name)})
        } catch (err) {
          if (!(err instanceof CliError)) throw err
          infos.entries.push({error: err})
        }
      }
      infos.singleItemImplied = plan.visits.length === 1
      return infos
    case 'selector':
      for (const visit of plan.visits) {
        const {resource} = visit
        let list: ObjectList
        try {
          const query = {labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector}
          list = (await client.request<ObjectList>({path: resourcePath(resource, visit.namespace), query, resource: {group: resource.group, resource: resource.name}})).data
        } catch (err) {
          if (!(err instanceof CliError)) throw err
          const refused = err instanceof StatusError && (err.code === 400 || err.code === 404)
          infos.deferred.push(refused ? selectorListError(err, resource, plan.labelSelector, plan.fieldSelector) : err)
          continue
        }
        for (const object of listItems(list, resource.kind)) {
          add({resource, namespace: resource.namespaced ? (object.metadata?.namespace ?? visit.namespace) : undefined, name: object.metadata?.name ?? '', object})
        }
      }
      return infos
    case 'files':
      return fileInfos(ctx, plan, opts, infos, add, read)
  }
}

async function fileInfos(
  ctx: Ctx,
  plan: Extract<Plan, {kind: 'files'}>,
  opts: BuildOptions,
  infos: Infos<Info>,
  add: (info: Info) => void,
  read: (resource: APIResource, namespace: string | undefined, name: string) => Promise<KubeObject>,
): Promise<Infos<Info>> {
  const {collectManifests, manifestFailure} = await import('../manifests/reader.js')
  const {collectManifestInfos} = await import('./manifest-infos.js')
  const {documents, errors, sources} = await collectManifests({filenames: plan.filenames, recursive: plan.recursive, stdin: ctx.io.in, env: ctx.env})
  if (errors.length > 0) throw manifestFailure(errors)
  const mapped = await collectManifestInfos(ctx, documents)
  const matches = plan.labelSelector ? (await import('./label-selector.js')).parseLabelSelector(plan.labelSelector) : undefined
  const fallback = opts.allNamespaces ? '' : await ctx.namespace()
  const unmapped = (before: number) => infos.deferred.push(...mapped.errors.filter((e) => e.before === before).map((e) => e.error))
  for (const [i, m] of mapped.infos.entries()) {
    unmapped(i)
    if (matches && !matches(m.object.metadata?.labels)) continue
    const namespace = m.resource.namespaced ? m.object.metadata?.namespace || fallback : undefined
    let object: KubeObject = m.object
    if (opts.latest) {
      try {
        object = await read(m.resource, namespace, m.name)
      } catch (err) {
        if (!(err instanceof CliError)) throw err
        infos.deferred.push(err)
        continue
      }
    }
    add({resource: m.resource, namespace, name: m.name, object, source: m.document.source})
  }
  unmapped(mapped.infos.length)
  // kubectl: one file (a directory holding one file counts) implies one object; stdin never does.
  infos.singleItemImplied = sources.length === 1 && sources[0].kind !== 'stdin'
  return infos
}

/** -f objects as the files hold them, for --local: nothing is read from the server. */
export async function localInfos(ctx: Ctx, filenames: string[], recursive: boolean): Promise<Infos> {
  if (filenames.length === 0) throw usageError(MISSING_RESOURCE)
  const {collectManifests, manifestFailure} = await import('../manifests/reader.js')
  const {documents, errors, sources} = await collectManifests({filenames, recursive, stdin: ctx.io.in, env: ctx.env})
  if (errors.length > 0) throw manifestFailure(errors)
  const entries = documents.map((d): InfoEntry => {
    const [group, version] = d.object.apiVersion.includes('/') ? d.object.apiVersion.split('/', 2) : ['', d.object.apiVersion]
    const resource: APIResource = {name: '', singularName: '', namespaced: true, group, version, kind: d.object.kind, verbs: [], shortNames: [], categories: []}
    return {info: {resource, namespace: d.object.metadata?.namespace, name: d.object.metadata?.name ?? '', object: d.object, source: d.source}}
  })
  return {entries, deferred: [], singleItemImplied: sources.length === 1 && sources[0].kind !== 'stdin'}
}

/** The objects found, in order, without the failures. */
export function foundInfos<I extends Info>(infos: Infos<I>): I[] {
  return infos.entries.flatMap((e) => (e.info ? [e.info] : []))
}

/**
 * kubectl's ContinueOnError visit: `fn` on each object in order, going on past failures. Returns the
 * failures as that visit returns them, for CheckErr: those met reaching objects and those `fn` threw,
 * in order, then the deferred ones as one aggregate. Without `fn`, what kubectl's Infos() returns.
 */
export async function visitInfos<I extends Info>(infos: Infos<I>, fn?: (info: I) => Promise<void>): Promise<CliError | undefined> {
  const errors: CliError[] = []
  for (const entry of infos.entries) {
    if (entry.error) {
      errors.push(entry.error)
      continue
    }
    try {
      await fn?.(entry.info)
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      errors.push(err)
    }
  }
  const deferred = newAggregate(infos.deferred)
  if (deferred) errors.push(deferred)
  return visitorError(errors)
}
