// Maps the objects the manifest reader yields onto the resource types the server serves, with the
// namespace each will be sent to: kubectl's resource builder for -f, shared by every verb.
import type {Ctx} from '../context.js'
import type {APIResource} from '../discovery/types.js'
import {AggregateCliError, CliError, ConnectionError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import type {ManifestDocument, ManifestObject} from '../manifests/reader.js'
import {objectMetaTypeError} from './object-meta-types.js'

export interface ResourceInfo {
  document: ManifestDocument
  object: ManifestObject
  resource: APIResource
  /** Undefined for cluster-scoped types. */
  namespace?: string
  name: string
}

/** A document whose metadata does not decode into ObjectMeta: kubectl reports it before mapping, on its own. */
export class DecodeError extends CliError {
  constructor(message: string) {
    super(message)
    this.name = 'DecodeError'
  }
}

export interface ResolveManifestOptions {
  /**
   * -n was given: an object that names another namespace is an error (create, apply, delete). get and
   * describe leave it out and use the object's own namespace.
   */
  enforceNamespace?: boolean
}

/** Infos in document order, and the documents that could not be mapped, each with its position. */
export interface ManifestInfos {
  infos: ResourceInfo[]
  /** `before` is the index in `infos` the failed document would have taken: kubectl reports in document order. */
  errors: Array<{before: number; error: CliError}>
}

/** Every document mapped, or all the mapping failures at once (for verbs that send nothing unless all map). */
export async function resolveManifestInfos(ctx: Ctx, documents: readonly ManifestDocument[], opts: ResolveManifestOptions = {}): Promise<ResourceInfo[]> {
  const {infos, errors} = await collectManifestInfos(ctx, documents, opts)
  if (errors.length === 1) throw errors[0].error
  if (errors.length > 1) throw new AggregateCliError(errors.map((e) => e.error))
  return infos
}

/** The documents that map and those that don't, for verbs that go on past a failed document (get, create -f). */
export async function collectManifestInfos(ctx: Ctx, documents: readonly ManifestDocument[], opts: ResolveManifestOptions = {}): Promise<ManifestInfos> {
  const result: ManifestInfos = {infos: [], errors: []}
  if (documents.length === 0) return result
  const discovery = await ctx.discovery()
  const namespace = await ctx.namespace()
  // Without the server's types, kubectl's mapper fails each document on its own, naming the request that failed.
  let unreachable: ConnectionError | undefined
  const served = () =>
    discovery.allResources().catch((err: unknown) => {
      if (!(err instanceof ConnectionError)) throw err
      unreachable = err
      return []
    })
  let resources = await served()
  let refreshed = false
  for (const document of documents) {
    const {object} = document
    const metaError = objectMetaTypeError(object.metadata)
    if (metaError) {
      result.errors.push({before: result.infos.length, error: new DecodeError(`unable to decode ${goQuote(document.source)}: ${metaError}`)})
      continue
    }
    const {group, version} = splitAPIVersion(object.apiVersion)
    const find = () => resources.find((r) => r.kind === object.kind && r.group === group && r.version === version)
    let resource = find()
    // A CRD created moments ago is not in a cached discovery document yet: ask the server once.
    if (!resource && !refreshed && !unreachable) {
      refreshed = true
      await discovery.invalidate()
      resources = await served()
      resource = find()
    }
    if (unreachable) {
      result.errors.push({before: result.infos.length, error: new CliError(`unable to recognize ${goQuote(document.source)}: ${unreachable.urlError}`)})
      continue
    }
    const objectNamespace = object.metadata?.namespace ?? ''
    const name = object.metadata?.name ?? ''
    if (!resource) {
      result.errors.push({before: result.infos.length, error: new CliError(noMatchMessage(document, name, objectNamespace))})
      continue
    }
    if (opts.enforceNamespace && resource.namespaced && objectNamespace !== '' && objectNamespace !== namespace) {
      result.errors.push({
        before: result.infos.length,
        error: new CliError(
          `the namespace from the provided object "${objectNamespace}" does not match the namespace "${namespace}". ` +
            `You must pass '--namespace=${objectNamespace}' to perform this operation.`,
        ),
      })
      continue
    }
    result.infos.push({
      document,
      object,
      resource,
      namespace: resource.namespaced ? objectNamespace || namespace : undefined,
      name,
    })
  }
  return result
}

function splitAPIVersion(apiVersion: string): {group: string; version: string} {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? {group: '', version: apiVersion} : {group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1)}
}

function noMatchMessage(document: ManifestDocument, name: string, namespace: string): string {
  const {object} = document
  return (
    `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${document.source}": ` +
    `no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`
  )
}
