// What ktl's command files take from @oclif/core (Command, Flags, Args), without oclif's config,
// plugin and help machinery, which cost more than Node's own start. The startup bundle
// (scripts/startup-bundle.mjs) resolves '@oclif/core' in src/ to this module; dist/ keeps the real
// one for --version, suggestions and plugins. Flags, Args and parsing are oclif's own code; Command
// follows oclif's Command.run for the commands the startup index admits (scripts/startup-index.mjs).
import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import type {Interfaces} from '@oclif/core'
import {parse as parseArgv} from '@oclif/core/parser'

export {Args, Flags}
export type {Interfaces}

/** The few Config fields a command on the startup path can read. */
export interface LiteConfig {
  bin: string
  name: string
  version: string
}

// As oclif's Command module does: output piped into `head` must not crash the command.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err?.code === 'EPIPE') return
  throw err
})

type AnyFlags = Interfaces.FlagInput<any>
type ParseOptions = {
  flags?: AnyFlags
  baseFlags?: AnyFlags
  enableJsonFlag?: boolean
  args?: Interfaces.ArgInput<any>
  strict?: boolean
  '--'?: boolean
}

export abstract class Command {
  static id: string
  static aliases: string[] = []
  static hiddenAliases: string[] = []
  static args: Interfaces.ArgInput<any> = {}
  static baseFlags: AnyFlags
  static flags: AnyFlags
  static strict = true
  static enableJsonFlag = false
  static hasDynamicHelp = false
  static summary?: string
  static description?: string
  static examples?: unknown[]
  static usage?: string | string[]
  static hidden?: boolean
  static state?: string

  argv: string[]
  config: LiteConfig
  id: string | undefined
  parsed = false

  constructor(argv: string[], config: LiteConfig) {
    this.argv = argv
    this.config = config
    this.id = this.ctor.id
  }

  /** oclif's Command.run, which is also how oclif recognises a command class in a module. */
  static async run<T extends Command>(this: new (argv: string[], config: LiteConfig) => T, argv: string[], config: LiteConfig): Promise<unknown> {
    const cmd = new this(argv, config)
    if (!cmd.id) {
      const id = cmd.constructor.name.toLowerCase()
      cmd.id = id
      cmd.ctor.id = id
    }
    return cmd._run()
  }

  protected get ctor(): typeof Command {
    return this.constructor as typeof Command
  }

  abstract run(): Promise<unknown>

  /** oclif's Command#_run: init, run, catch, finally. */
  async _run(): Promise<unknown> {
    let err: Error | undefined
    let result: unknown
    try {
      delete process.env[`${this.config.bin.replaceAll('@', '').replaceAll(/[-/]/g, '_').toUpperCase()}_REDIRECTED`]
      await this.init()
      result = await this.run()
    } catch (error) {
      err = error as Error
      await this.catch(err as Error & {exitCode?: number; oclif?: {exit?: number}})
    } finally {
      await this.finally(err)
    }
    if (!this.parsed && ['development', 'test'].includes(process.env.NODE_ENV ?? '')) {
      process.emitWarning(`Command ${this.id} did not parse its arguments. Did you forget to call 'this.parse'?`, {code: 'UnparsedCommand'})
    }
    return result
  }

  protected async init(): Promise<void> {}

  protected async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    process.exitCode = process.exitCode ?? err.oclif?.exit ?? err.exitCode ?? 1
    throw err
  }

  protected async finally(_err: Error | undefined): Promise<void> {}

  protected async parse(options: ParseOptions = this.ctor, argv: string[] = this.argv): Promise<any> {
    const opts = {context: this, ...options, flags: {...options.baseFlags, ...options.flags}}
    this.argv = [...argv]
    let results
    try {
      results = await parseArgv(argv, opts as never)
    } catch {
      // Whatever failed, oclif's own parser says how, with its own error classes and messages.
      const oclif = await import('@oclif/core')
      results = await oclif.Parser.parse(argv, opts as never)
    }
    this.parsed = true
    return results
  }
}
