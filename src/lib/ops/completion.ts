// `ktl completion SHELL`: prints the completion script for SHELL, with kubectl's checks of the arguments.
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Ctx} from '../context.js'
import {COMPLETION_SHELLS} from '../completion/shells.js'
import {usageError} from '../errors.js'

export interface CompletionOptions {
  args: string[]
  /** Where completion/ktl.SHELL lives (the package root). */
  packageRoot: string
}

export async function runCompletion(ctx: Ctx, opts: CompletionOptions): Promise<void> {
  const hint = "\nSee 'ktl completion -h' for help and examples"
  if (opts.args.length === 0) throw usageError(`Shell not specified.${hint}`)
  if (opts.args.length > 1) throw usageError(`Too many arguments. Expected only the shell type.${hint}`)
  const shell = opts.args[0]
  if (!COMPLETION_SHELLS.includes(shell)) throw usageError(`Unsupported shell type "${shell}".${hint}`)
  ctx.io.out.write(await readFile(join(opts.packageRoot, 'completion', `ktl.${shell}`), 'utf8'))
}
