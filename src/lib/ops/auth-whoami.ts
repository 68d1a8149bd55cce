// kubectl auth whoami: the server's SelfSubjectReview of whoever is calling (authentication.k8s.io
// v1, else v1beta1, else v1alpha1 on servers that do not serve the newer), as kubectl's
// ATTRIBUTE/VALUE table or in an -o format.
import type {Ctx} from '../context.js'
import {CliError, isNotFound, StatusError} from '../errors.js'
import {compareCodePoints} from '../printers/json.js'
import type {KubeObject} from '../resources/objects.js'

export interface WhoAmIOptions {
  output: string
  template?: string
  allowMissingTemplateKeys: boolean
  showManagedFields: boolean
}

interface UserInfo {
  username?: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
}

interface SelfSubjectReview extends KubeObject {
  status?: {userInfo?: UserInfo}
}

const GROUP = 'authentication.k8s.io'
// Newest first: kubectl falls back to the next only when the server answers 404.
const VERSIONS = ['v1', 'v1beta1', 'v1alpha1']

export async function runWhoAmI(ctx: Ctx, opts: WhoAmIOptions): Promise<void> {
  // kubectl makes its printer before asking, so a bad -o fails without a request; --template alone keeps the table.
  let print: ((review: SelfSubjectReview) => void) | undefined
  if (opts.output !== '') {
    const {createPrinter} = await import('../create/output.js')
    const printer = await createPrinter(opts.output, {template: opts.template, allowMissingKeys: opts.allowMissingTemplateKeys})
    print = (review) => printer(review, ctx.io.out, {typed: true, operation: '', showManagedFields: opts.showManagedFields})
  }
  const review = await selfSubjectReview(ctx)
  if (print) print(review)
  else ctx.io.out.write(await userInfoTable(review.status?.userInfo ?? {}))
}

async function selfSubjectReview(ctx: Ctx): Promise<SelfSubjectReview> {
  const client = await ctx.client()
  for (const version of VERSIONS) {
    try {
      const {data} = await client.request<SelfSubjectReview>({
        method: 'POST',
        path: `/apis/${GROUP}/${version}/selfsubjectreviews`,
        body: {kind: 'SelfSubjectReview', apiVersion: `${GROUP}/${version}`, metadata: {creationTimestamp: null}, status: {userInfo: {}}},
        resource: {group: GROUP, resource: 'selfsubjectreviews'},
      })
      return data
    } catch (err) {
      if (isNotFound(err)) continue
      if (err instanceof StatusError && err.code === 403) {
        throw new CliError('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it')
      }
      throw err
    }
  }
  throw new CliError(
    'error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API',
  )
}

/** kubectl's table: only the attributes the server gave, groups and each extra value as Go prints a []string. */
async function userInfoTable(user: UserInfo): Promise<string> {
  const goList = (values: string[]) => `[${values.join(' ')}]`
  const rows = [['ATTRIBUTE', 'VALUE']]
  if (user.username) rows.push(['Username', user.username])
  if (user.uid) rows.push(['UID', user.uid])
  if ((user.groups ?? []).length > 0) rows.push(['Groups', goList(user.groups ?? [])])
  const extra = user.extra ?? {}
  for (const key of Object.keys(extra).sort(compareCodePoints)) rows.push([`Extra: ${key}`, goList(extra[key] ?? [])])
  const {formatColumns} = await import('../printers/columns.js')
  return formatColumns(rows)
}
