// `ktl api-versions`: every group/version the server serves, sorted, always asked afresh.
import type {Ctx} from '../context.js'
import {goDuration} from '../client/client.js'
import {discoveryTimeoutMs} from '../discovery/discovery.js'
import {CliError, StatusError, usageError} from '../errors.js'

export interface APIVersionsOptions {
  /** Positional arguments; api-versions takes none. */
  args: string[]
}

export async function runAPIVersions(ctx: Ctx, opts: APIVersionsOptions): Promise<void> {
  if (opts.args.length > 0) {
    throw new CliError(`error: unexpected arguments: [${opts.args.join(' ')}]\nSee 'ktl api-versions -h' for help and examples`)
  }
  const discovery = await ctx.discovery()
  await discovery.invalidate()
  let groups: Awaited<ReturnType<typeof discovery.groups>>
  try {
    groups = await discovery.groups()
  } catch (err) {
    if (!(err instanceof CliError)) throw err
    const [client, {timeoutMs}] = await Promise.all([ctx.client(), ctx.restConfig()])
    const url = `${client.server}/api?timeout=${goDuration(discoveryTimeoutMs(timeoutMs))}`
    throw usageError(`couldn't get available api versions from server: ${goErrorText(err, url)}`)
  }
  const versions = groups.flatMap((g) => g.versions.map((v) => (g.name === '' ? v : `${g.name}/${v}`))).sort()
  ctx.io.out.write(versions.map((v) => `${v}\n`).join(''))
}

/**
 * What Go's error says when kubectl folds it into a sentence: a Status error is its message, a
 * transport failure is net/http's `Get "URL": cause`.
 */
function goErrorText(err: CliError, url: string): string {
  if (err instanceof StatusError) return err.status.message ?? ''
  const refused = /^The connection to the server (.+) was refused - did you specify the right host or port\?$/.exec(err.message)
  if (refused) return `Get "${url}": dial tcp ${refused[1]}: connect: connection refused`
  const unable = /^Unable to connect to the server: (.*)$/s.exec(err.message)
  if (unable) return `Get "${url}": ${unable[1]}`
  return err.message
}
