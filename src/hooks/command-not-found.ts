// oclif calls this when argv names no command: kubectl's "unknown command" error instead of
// @oclif/plugin-not-found's warning, prompt and exit 127.
import type {Hook} from '@oclif/core'

const hook: Hook<'command_not_found'> = async function (opts) {
  const {unknownCommandText} = await import('../lib/unknown-command.js')
  // cobra offers neither hidden commands nor its own help command.
  const ids = opts.config.commands.filter((c) => !c.hidden && c.id !== 'help').map((c) => c.id)
  let text = unknownCommandText(opts.id, ids, opts.config.bin)
  const {errorsFormat, failureLines} = await import('../lib/errors-json.js')
  if (errorsFormat(opts.argv ?? []) === 'json') {
    const {CliError} = await import('../lib/errors.js')
    text = failureLines(new CliError(text.trimEnd()), text)
  }
  process.stderr.write(text)
  process.exitCode = 1
}

export default hook
