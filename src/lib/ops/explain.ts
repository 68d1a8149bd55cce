// `ktl explain TYPE[.field.path]`: kubectl's explain from the cluster's OpenAPI (v3 where the server
// serves it, v2 otherwise or with --output=plaintext-openapiv2), or from the bundled schemas when no
// cluster can be reached.
import type {Ctx} from '../context.js'
import {CliError, StatusError, usageError} from '../errors.js'
import type {APIResource} from '../discovery/types.js'
import {goQuote} from '../go/quote.js'

export interface ExplainOptions {
  args: string[]
  recursive: boolean
  /** --api-version: group/version to explain instead of the preferred one. */
  apiVersion?: string
  output: string
}

const PLAINTEXT = 'plaintext'
const PLAINTEXT_V2 = 'plaintext-openapiv2'

export async function runExplain(ctx: Ctx, opts: ExplainOptions): Promise<void> {
  if (opts.args.length === 0) {
    throw usageError('You must specify the type of resource to explain. Use "ktl api-resources" for a complete list of supported resources.')
  }
  if (opts.args.length > 1) throw usageError('We accept only this format: explain RESOURCE')
  const input = opts.args[0].endsWith('.') ? opts.args[0].slice(0, -1) : opts.args[0]

  try {
    await explainOnline(ctx, input, opts)
  } catch (err) {
    // Also when discovery came from the disk cache and only the OpenAPI request found no server.
    if (!unreachable(err)) throw err
    await explainBundled(ctx, input, opts, err as CliError)
  }
}

/** Prints nothing until the document is in hand, so a connection failure can still fall back. */
async function explainOnline(ctx: Ctx, input: string, opts: ExplainOptions): Promise<void> {
  const {resource, fieldPath} = await resolveOnline(ctx, input)
  const requested = opts.apiVersion ? parseGroupVersion(opts.apiVersion) : undefined
  if (opts.output !== PLAINTEXT_V2) {
    const paths = await fetchV3Paths(ctx)
    if ('paths' in paths) return explainV3(ctx, paths.paths, {group: resource.group, version: resource.version, resource: resource.name, ...requested}, fieldPath, opts)
    if (opts.output !== PLAINTEXT) throw new CliError(`error: failed to fetch list of groupVersions: ${paths.error}`)
  }
  const gvk = {group: resource.group, version: resource.version, kind: resource.kind, ...requested}
  const {SwaggerModels, renderOpenAPIV2} = await import('../explain/openapi-v2.js')
  const client = await ctx.client()
  // The server labels the JSON spec text/plain.
  const {data} = await client.request<string>({path: '/openapi/v2', accept: 'application/json', raw: true})
  const model = new SwaggerModels(JSON.parse(data) as import('../explain/openapi-v2.js').SwaggerDocument).lookupResource(gvk)
  if (!model) throw new CliError(`error: couldn't find resource for ${goQuote(`${gvk.group}/${gvk.version}, Kind=${gvk.kind}`)}`)
  ctx.io.out.write(renderOpenAPIV2(model, gvk, fieldPath, opts.recursive))
}

/**
 * kubectl's SplitAndParseResourceRequestWithMatchingPrefix: the first dot-separated part names the
 * resource; when `resource.group` of one of the types it could mean starts the input, the field path
 * begins after it, otherwise after the first part.
 */
async function resolveOnline(ctx: Ctx, input: string): Promise<{resource: APIResource; fieldPath: string[]}> {
  const parts = input.split('.')
  const discovery = await ctx.discovery()
  let preferred: APIResource
  try {
    preferred = await discovery.resolve(parts[0])
  } catch (err) {
    // explain prints the mapper's message bare, where other verbs add "error: ".
    if (err instanceof CliError && err.message.startsWith("error: the server doesn't have a resource type")) throw new CliError(err.message.slice(7))
    throw err
  }
  // The same resource in other groups, each at the first (preferred) version discovery lists.
  const others = new Map<string, APIResource>()
  for (const r of await discovery.allResources()) {
    if (r.name === preferred.name && r.group !== preferred.group && !others.has(r.group)) others.set(r.group, r)
  }
  for (const r of [preferred, ...others.values()]) {
    const prefix = r.group ? `${r.name}.${r.group}` : r.name
    if (input.startsWith(prefix)) {
      const rest = input.slice(prefix.length)
      return {resource: r, fieldPath: rest === '' ? [] : rest.slice(1).split('.')}
    }
  }
  return {resource: preferred, fieldPath: parts.slice(1)}
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): {group: string; version: string} {
  if (gv === '' || gv === '/') return {group: '', version: ''}
  const parts = gv.split('/')
  if (parts.length === 1) return {group: '', version: gv}
  if (parts.length === 2) return {group: parts[0], version: parts[1]}
  throw usageError(`unexpected GroupVersion string: ${gv}`)
}

type V3Paths = Record<string, {serverRelativeURL?: string}>

/** GET /openapi/v3, or why it failed in client-go's words. */
async function fetchV3Paths(ctx: Ctx): Promise<{paths: V3Paths} | {error: string}> {
  const client = await ctx.client()
  const res = await client.request<{paths?: V3Paths} | string>({path: '/openapi/v3', accept: 'application/json', allowErrorStatus: true})
  if (res.status === 200 && typeof res.data === 'object') return {paths: res.data.paths ?? {}}
  const message = typeof res.data === 'object' ? (res.data as {message?: string}).message : undefined
  return {error: message || (res.status === 404 ? 'the server could not find the requested resource' : `the server responded with status ${res.status}`)}
}

async function explainV3(
  ctx: Ctx,
  paths: V3Paths,
  gvr: import('../explain/openapi-v3.js').GroupVersionResource,
  fieldPath: string[],
  opts: ExplainOptions,
): Promise<void> {
  const {gvrString, renderOpenAPIV3} = await import('../explain/openapi-v3.js')
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`
  const entry = paths[key]
  if (!entry) throw new CliError(`error: couldn't find resource for "${gvrString(gvr)}"`)
  const url = new URL(entry.serverRelativeURL ?? `/openapi/v3/${key}`, 'http://server')
  const client = await ctx.client()
  const {data} = await client.request<import('../explain/openapi-v3.js').V3Document>({
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    accept: 'application/json',
  })
  if (opts.output !== PLAINTEXT) throw new CliError(`error: unrecognized format: ${opts.output}`)
  const result = renderOpenAPIV3(data, gvr, fieldPath, opts.recursive)
  ctx.io.out.write(result.text)
  if (result.error) throw result.error
}

/** No cluster to ask: the kubeconfig names none, or the connection failed before any HTTP answer. */
function unreachable(err: unknown): boolean {
  if (!(err instanceof CliError) || err instanceof StatusError) return false
  return /^(The connection to the server .* was refused|Unable to connect to the server: dial tcp|error: no kubeconfig found)/.test(err.message)
}

async function explainBundled(ctx: Ctx, input: string, opts: ExplainOptions, why: CliError): Promise<void> {
  if (opts.output !== PLAINTEXT && opts.output !== PLAINTEXT_V2) throw why
  const {bundledDocument, bundledSwagger, resolveBundled} = await import('../explain/bundled.js')
  const {KUBERNETES_RELEASE, splitAPIVersion} = await import('../validate/schema-set.js')
  ctx.io.err.write(`Warning: ${why.message.replace(/^error: /, '')}; explaining from ktl's bundled Kubernetes ${KUBERNETES_RELEASE} schemas\n`)
  if (opts.apiVersion) parseGroupVersion(opts.apiVersion)
  const {kind, gvr, fieldPath} = resolveBundled(input, opts.apiVersion)
  if (opts.output === PLAINTEXT_V2) {
    const {SwaggerModels, renderOpenAPIV2} = await import('../explain/openapi-v2.js')
    const gvk = {...splitAPIVersion(kind.apiVersion), kind: kind.kind}
    ctx.io.out.write(renderOpenAPIV2(new SwaggerModels(bundledSwagger()).lookupResource(gvk)!, gvk, fieldPath, opts.recursive))
    return
  }
  const {renderOpenAPIV3} = await import('../explain/openapi-v3.js')
  const result = renderOpenAPIV3(bundledDocument(kind), gvr, fieldPath, opts.recursive)
  ctx.io.out.write(result.text)
  if (result.error) throw result.error
}
