// The two questions `ktl delete` may ask before deleting: kubectl's -i/--interactive (on stdout, asked
// whatever stdin is), and ktl's own before bulk deletes on a terminal (on stderr; delete.ts decides
// when), so a script never meets a question kubectl would not ask.
import type {Readable} from 'node:stream'
import type {Ctx} from '../context.js'
import {kindPrefix} from '../resources/paths.js'
import {objectLabel} from './delete-progress.js'
import type {Info} from '../resources/infos.js'

// Only so many objects are listed in ktl's question; the count says how many there are.
const MAX_LISTED = 20

/** kubectl's -i: lists the objects and reads one word; only "y" (any case) goes ahead. */
export async function confirmInteractive(ctx: Ctx, targets: Info[]): Promise<boolean> {
  const out = ctx.io.out
  out.write(`You are about to delete the following ${targets.length} resource(s):\n`)
  for (const t of targets) out.write(`${kindPrefix(t.resource)}/${t.name}\n`)
  out.write('Do you want to continue? (y/n): ')
  const answer = await readWord(ctx.io.in)
  return answer !== undefined && answer.toLowerCase() === 'y'
}

export async function confirmBulk(ctx: Ctx, targets: Info[], allNamespaces: boolean): Promise<boolean> {
  const err = ctx.io.err
  const namespaces = [...new Set(targets.flatMap((t) => (t.namespace ? [t.namespace] : [])))]
  const withNamespace = allNamespaces || namespaces.length > 1
  const where = allNamespaces ? ' across all namespaces' : namespaces.length === 1 ? ` in namespace "${namespaces[0]}"` : ''
  err.write(`This deletes ${targets.length} ${targets.length === 1 ? 'object' : 'objects'}${where}:\n`)
  const listed = targets.length > MAX_LISTED ? targets.slice(0, MAX_LISTED - 1) : targets
  for (const t of listed) err.write(`  ${objectLabel(t, withNamespace)}\n`)
  if (listed.length < targets.length) err.write(`  ... and ${targets.length - listed.length} more\n`)
  err.write('Delete them? (y/N, --yes skips this question): ')
  const answer = (await readWord(ctx.io.in))?.toLowerCase()
  return answer === 'y' || answer === 'yes'
}

/** The first whitespace-separated word on `input` (Go's fmt.Fscan), or undefined at end of input. */
export function readWord(input: Readable): Promise<string | undefined> {
  if (input.readableEnded || input.destroyed) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    let word = ''
    const finish = (value: string | undefined) => {
      input.off('data', onData)
      input.off('end', onEnd)
      input.off('error', onEnd)
      input.pause()
      resolve(value)
    }
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (/\s/.test(ch)) {
          if (word !== '') return finish(word)
        } else word += ch
      }
    }
    const onEnd = () => finish(word === '' ? undefined : word)
    input.on('data', onData)
    input.on('end', onEnd)
    input.on('error', onEnd)
    input.resume()
  })
}
