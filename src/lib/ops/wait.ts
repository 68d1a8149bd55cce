// `ktl wait`: waits for objects to meet a condition, a jsonpath value, deletion or creation, one
// object after another within one --timeout, and prints kubectl's "condition met" line for each.
import type {Ctx} from '../context.js'
import {createPrinter} from '../create/output.js'
import {checkErr, CliError, filterOut, GoError, isNotFound, StatusError, usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {groupResource, resourcePath} from '../resources/paths.js'
import {buildInfos, type Infos, type ObjectInfo, visitInfos} from '../resources/infos.js'
import {type BuilderArgs, MISSING_RESOURCE, planInfos} from '../resources/plan.js'
import {untilWithSync} from '../resources/until.js'
import {parseWaitFor, waitMet} from '../wait/conditions.js'
import {waitForDeletion} from './delete-wait.js'
import {UNLIMITED_WAIT_MS} from './delete-options.js'
import {sleep} from '../sleep.js'

export interface WaitOptions extends BuilderArgs {
  for: string
  /** --timeout in milliseconds: 0 checks once, negative waits a week. */
  timeoutMs: number
  all: boolean
  output?: string
  allowMissingTemplateKeys?: boolean
  /** --template: the template of -o go-template or jsonpath. */
  template?: string
  showManagedFields?: boolean
}

const CREATE_POLL_MS = 500
const TIMED_OUT = 'timed out waiting for the condition'

export async function runWait(ctx: Ctx, opts: WaitOptions): Promise<void> {
  const forWhat = parseWaitFor(opts.for)
  let timeoutMs = opts.timeoutMs
  // kubectl waits a week when told to wait for ever (a negative --timeout).
  if (timeoutMs < 0) timeoutMs = UNLIMITED_WAIT_MS
  const print = await createPrinter(opts.output ?? '', {allowMissingKeys: opts.allowMissingTemplateKeys ?? true, template: opts.template})
  if (opts.args.length === 0 && opts.filenames.length === 0) throw new CliError(`error: ${MISSING_RESOURCE}`)
  if (opts.args.length === 1 && !opts.args[0].includes('/') && !opts.all && !opts.selector && !opts.fieldSelector) {
    throw usageError('resource(s) were provided, but no name was specified')
  }
  const deadline = Date.now() + timeoutMs
  const printMet = (object: KubeObject) => print(object, ctx.io.out, {typed: false, operation: 'condition met', showManagedFields: opts.showManagedFields ?? false})

  if (forWhat.kind === 'create') await untilCreated(ctx, opts, deadline)
  const found = await waitInfos(ctx, opts)
  const client = await ctx.client()
  let visited = 0
  const error = await visitInfos(found, async (target) => {
    visited++
    const remaining = deadline - Date.now()
    const objectName = `${target.resource.name}/${target.name}`
    switch (forWhat.kind) {
      case 'create':
        printMet(target.object)
        return
      case 'delete':
        // kubectl's first look at the object is a request made with the spent deadline.
        if (timeoutMs > 0 && remaining <= 0) throw new GoError('client rate limiter Wait returned an error: context deadline exceeded')
        if (timeoutMs === 0) {
          const gone = await client.request({path: resourcePath(target.resource, target.namespace, target.name)}).then(
            () => false,
            (err: unknown) => (isNotFound(err) ? true : Promise.reject(err)),
          )
          if (!gone) throw new GoError(`condition not met for ${objectName}`)
        } else await waitForDeletion(client, [{resource: target.resource, namespace: target.namespace, name: target.name}], {timeoutMs: remaining})
        printMet(target.object)
        return
    }
    if (timeoutMs === 0) {
      const object = (await client.request<KubeObject>({path: resourcePath(target.resource, target.namespace, target.name)})).data
      if (!waitMet(forWhat, object)) throw new GoError(`condition not met for ${objectName}`)
      printMet(object)
      return
    }
    if (remaining <= 0) throw new GoError(`${TIMED_OUT} on ${objectName}`)
    const object = await untilWithSync(client, target, (o) => waitMet(forWhat, o), {
      timeoutMs: remaining,
      timedOut: () => new GoError(`${TIMED_OUT} on ${objectName}`),
      // A deleted object may come back under the same name: keep waiting, as kubectl does.
      deleted: () => undefined,
      missing: () => {
        throw notFound(target)
      },
    })
    printMet(object)
  })
  // Waiting for deletion, an object already gone has nothing to wait for.
  const failure = forWhat.kind === 'delete' ? filterOut(error, isNotFound) : error
  if (failure) throw checkErr(failure)
  if (visited === 0 && forWhat.kind !== 'delete') throw new GoError('no matching resources found')
}

/** The objects named, each read fresh (kubectl's builder with Latest); with --all a lone TYPE means all of its objects. */
async function waitInfos(ctx: Ctx, opts: WaitOptions): Promise<Infos> {
  const plan = await planInfos(ctx, {args: opts.args, filenames: opts.filenames, recursive: opts.recursive, selector: opts.selector, fieldSelector: opts.fieldSelector, allNamespaces: opts.allNamespaces, typeMeansAll: opts.all})
  return buildInfos(ctx, plan, {allNamespaces: opts.allNamespaces ?? false, latest: true})
}

function notFound(target: ObjectInfo): StatusError {
  return new StatusError({kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: `${groupResource(target.resource)} ${JSON.stringify(target.name)} not found`})
}

/** --for=create: looks every half second until every object named exists. */
async function untilCreated(ctx: Ctx, opts: WaitOptions, deadline: number): Promise<void> {
  for (;;) {
    const found = await waitInfos(ctx, opts)
    const errors = [...found.entries.flatMap((e) => (e.error ? [e.error] : [])), ...found.deferred]
    const other = errors.find((e) => !isNotFound(e))
    if (other) throw checkErr(other)
    if (errors.length === 0) return
    if (Date.now() + CREATE_POLL_MS > deadline) throw new GoError(TIMED_OUT)
    await sleep(CREATE_POLL_MS)
  }
}
