// `create secret` and `create service` only group their subcommands: alone they print their help on
// stderr and fail, with an argument they name an unknown subcommand, as kubectl's parent commands do.
import {CliError} from '../errors.js'
import {KubeCommand} from '../kube-command.js'

export abstract class CreateGroupCommand extends KubeCommand {
  static strict = false
  /** [name, summary] of each subcommand, for the help text. */
  static subcommands: Array<[string, string]> = []

  async run(): Promise<void> {
    const ctor = this.constructor as typeof CreateGroupCommand
    const {argv} = await this.parse(ctor)
    const path = (ctor.id ?? this.id ?? '').replaceAll(':', ' ')
    if (argv.length > 0) throw new CliError(`error: unknown command ${JSON.stringify(argv[0])}\nSee 'ktl ${path} -h' for help and examples`)
    const width = Math.max(...ctor.subcommands.map(([name]) => name.length)) + 3
    throw new CliError(
      `${ctor.description ?? `${ctor.summary}.`}\n\n` +
        'Available Commands:\n' +
        ctor.subcommands.map(([name, summary]) => `  ${name.padEnd(width)}${summary}\n`).join('') +
        `\nUsage:\n  ktl ${ctor.usage}\n\n` +
        `Use "ktl ${path} <command> --help" for more information about a given command.\n`,
    )
  }
}
