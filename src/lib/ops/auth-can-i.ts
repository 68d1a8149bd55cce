// `ktl auth can-i VERB TYPE[/NAME] | VERB /URL | --list`: kubectl's can-i, a SelfSubjectAccessReview
// (yes/no and the exit code) or a SelfSubjectRulesReview printed as kubectl's compacted rule table.
import type {Ctx} from '../context.js'
import {CliError, usageError} from '../errors.js'
import type {APIResource} from '../discovery/types.js'
import {combineResourceGroup, compactRules, goList, type RulesStatus} from '../resources/policy-rules.js'

export interface CanIOptions {
  args: string[]
  allNamespaces: boolean
  list: boolean
  noHeaders: boolean
  quiet: boolean
  subresource: string
}

const AUTHORIZATION = '/apis/authorization.k8s.io/v1'
const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'])
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'])
// Resources the server authorizes but no discovery lists (impersonation targets).
const NON_STANDARD_RESOURCES = new Set(['users', 'groups'])

interface Target {
  group: string
  resource: string
  /** Set when discovery knows the type. */
  known?: APIResource
}

export async function runCanI(ctx: Ctx, opts: CanIOptions): Promise<void> {
  const warn = (message: string) => ctx.io.err.write(`Warning: ${message}\n`)
  let verb = ''
  let nonResourceURL = ''
  let target: Target | undefined
  let name = ''
  if (opts.list) {
    if (opts.args.length !== 0) throw usageError('list option must be specified with no arguments')
  } else {
    if (opts.args.length !== 2) {
      throw usageError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'ktl auth can-i -h' for help and examples.")
    }
    verb = opts.args[0]
    if (opts.args[1].startsWith('/')) {
      nonResourceURL = opts.args[1]
    } else {
      const slash = opts.args[1].indexOf('/')
      const typeArg = slash < 0 ? opts.args[1] : opts.args[1].slice(0, slash)
      if (slash >= 0) name = opts.args[1].slice(slash + 1)
      target = await resourceFor(ctx, typeArg, warn)
    }
  }
  const namespace = opts.allNamespaces ? '' : await ctx.namespace()

  // kubectl's Validate.
  if (opts.list) {
    if (opts.quiet || opts.allNamespaces || opts.subresource !== '') {
      throw usageError("list option can't be specified with neither quiet, all-namespaces nor subresource options")
    }
  } else if (nonResourceURL !== '') {
    if (opts.subresource !== '') throw usageError('--subresource can not be used with NonResourceURL')
    if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`)
  } else if (target && target.resource !== '' && !opts.allNamespaces) {
    if (target.known && !target.known.namespaced) {
      warn(target.group === '' ? `resource '${target.resource}' is not namespace scoped\n` : `resource '${target.resource}' is not namespace scoped in group '${target.group}'\n`)
    }
    if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`)
  }
  if (opts.noHeaders && !opts.list) throw usageError('--no-headers cannot be set without --list specified')

  const client = await ctx.client()
  if (opts.list) {
    const {data} = await client.request<{status?: RulesStatus}>({
      method: 'POST',
      path: `${AUTHORIZATION}/selfsubjectrulesreviews`,
      body: {kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: {creationTimestamp: null}, spec: {namespace}, status: {resourceRules: null, nonResourceRules: null, incomplete: false}},
      resource: {group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews'},
    })
    const status = data.status ?? {}
    if (status.incomplete) warn(`the list may be incomplete: ${status.evaluationError ?? ''}`)
    const {formatColumns} = await import('../printers/columns.js')
    const rows = compactRules(status).map((r) => [combineResourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)])
    if (!opts.noHeaders) rows.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'])
    if (rows.length > 0) ctx.io.out.write(formatColumns(rows))
    return
  }
  const spec = nonResourceURL
    ? {nonResourceAttributes: {path: nonResourceURL, verb}}
    : {
        resourceAttributes: {
          namespace: namespace || undefined,
          verb,
          group: target?.group || undefined,
          resource: target?.resource || undefined,
          subresource: opts.subresource || undefined,
          name: name || undefined,
        },
      }
  const {data} = await client.request<{status?: {allowed?: boolean; reason?: string; evaluationError?: string}}>({
    method: 'POST',
    path: `${AUTHORIZATION}/selfsubjectaccessreviews`,
    body: {kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {creationTimestamp: null}, spec, status: {allowed: false}},
    resource: {group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews'},
  })
  const status = data.status ?? {}
  const say = (text: string) => {
    if (!opts.quiet) ctx.io.out.write(text)
  }
  if (status.allowed) {
    say('yes\n')
    return
  }
  say(`no${status.reason ? ` - ${status.reason}` : ''}${status.evaluationError ? ` - ${status.evaluationError}` : ''}\n`)
  throw new CliError('')
}

/** kubectl's resourceFor: discovery's answer, or the typed text with a warning when discovery has no such type. */
async function resourceFor(ctx: Ctx, arg: string, warn: (message: string) => void): Promise<Target> {
  if (arg === '*') return {group: '', resource: '*'}
  const lower = arg.toLowerCase()
  const discovery = await ctx.discovery()
  try {
    const known = await discovery.resolve(lower)
    return {group: known.group, resource: known.name, known}
  } catch (err) {
    if (!(err instanceof CliError) || !/^(error: )?the server doesn't have a resource type/.test(err.message)) throw err
  }
  // schema.ParseGroupResource: the resource up to the first dot, the group after it.
  const dot = lower.indexOf('.')
  const [resource, group] = dot < 0 ? [lower, ''] : [lower.slice(0, dot), lower.slice(dot + 1)]
  if (!NON_STANDARD_RESOURCES.has(group ? `${resource}.${group}` : resource)) {
    warn(group ? `the server doesn't have a resource type '${resource}' in group '${group}'\n` : `the server doesn't have a resource type '${resource}'\n`)
  }
  return {group: '', resource: arg}
}

