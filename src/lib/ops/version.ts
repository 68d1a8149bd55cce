// `ktl version`: ktl's own version, and the server's from /version.
import {ktlVersion} from '../client/user-agent.js'
import type {Ctx} from '../context.js'
import {usageError} from '../errors.js'
import {formatYAML} from '../printers/yaml.js'

export interface VersionOptions {
  client: boolean
  output?: string
}

export interface ServerVersion {
  major?: string
  minor?: string
  gitVersion?: string
  [key: string]: unknown
}

export function clientVersion(): Record<string, string> {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch
  return {gitVersion: `v${ktlVersion()}`, nodeVersion: process.version, platform: `${process.platform}/${arch}`}
}

export async function runVersion(ctx: Ctx, opts: VersionOptions): Promise<void> {
  if (opts.output !== undefined && opts.output !== 'json' && opts.output !== 'yaml') {
    throw usageError('--output must be \'yaml\' or \'json\'')
  }
  const client = clientVersion()
  let server: ServerVersion | undefined
  let failure: unknown
  if (!opts.client) {
    try {
      server = (await (await ctx.client()).request<ServerVersion>({path: '/version'})).data
    } catch (err) {
      failure = err
    }
  }
  if (opts.output) {
    const doc: Record<string, unknown> = {clientVersion: client}
    if (server) doc.serverVersion = server
    // kubectl prints its version structs in field order, JSON with two spaces, YAML followed by a blank line.
    if (opts.output === 'json') ctx.io.out.write(`${JSON.stringify(doc, null, 2)}\n`)
    else ctx.io.out.write(`${formatYAML(doc)}\n`)
  } else {
    ctx.io.out.write(`Client Version: ${client.gitVersion}\n`)
    if (server) ctx.io.out.write(`Server Version: ${server.gitVersion}\n`)
  }
  if (failure) throw failure
}
