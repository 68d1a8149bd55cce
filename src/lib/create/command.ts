// The base of every `ktl create` command. Two pieces of kubectl's (cobra's) argument handling that
// oclif lacks: a bare --dry-run (pflag's NoOptDefVal), and `--` ending the flags so that what
// follows is a command for the generator (`create deployment x --image=busybox -- date`).
import type {Interfaces} from '@oclif/core'
import {CliError} from '../errors.js'
import {KubeCommand} from '../kube-command.js'

export interface GeneratorArgs<F> {
  flags: F
  /** The positional arguments before `--`. */
  args: string[]
  /** What follows `--` (empty without one). */
  afterDash: string[]
}

export abstract class CreateObjectCommand extends KubeCommand {
  /** Parses the arguments before `--` (declare `static strict = false`); those after it are returned as they are. */
  protected async parseGenerator<F extends Record<string, any>, B extends Record<string, any>, A extends Record<string, any>>(
    options: Interfaces.Input<F, B, A>,
  ): Promise<GeneratorArgs<F & B>> {
    const dash = this.argv.indexOf('--')
    const before = dash < 0 ? this.argv : this.argv.slice(0, dash)
    const afterDash = dash < 0 ? [] : this.argv.slice(dash + 1)
    // parse() replaces this.argv with what it was given
    const {flags, argv} = await this.parse(options, before)
    return {flags: flags as F & B, args: argv as string[], afterDash}
  }
}

/** kubectl's NameFromCommandArgs: exactly one positional argument before `--`. */
export function nameFromArgs(args: string[], commandPath: string): string {
  if (args.length !== 1) {
    throw new CliError(`error: exactly one NAME is required, got ${args.length}\nSee 'ktl ${commandPath} -h' for help and examples`)
  }
  return args[0]
}

/** cobra's message for a flag marked required. */
export function requiredFlagError(name: string): CliError {
  return new CliError(`error: required flag(s) "${name}" not set`)
}
