// The base of every ktl command: kubectl's global flags, argv normalisation, and the one place where
// failures become a line on stderr and an exit code.
import {Command, Flags, type Interfaces} from '@oclif/core'
import {createCtx, type Ctx} from './context.js'
import {CliError, FlagValueError, invalidFlagArgument} from './errors.js'
import {goQuote} from './go/quote.js'
import {parseGoBool} from './go/strconv.js'
import {parseDurationFlag} from './duration-flag.js'
import {parseIntFlag} from './int-flag.js'
import {systemIO} from './io.js'
import type {ConfigOverrides} from './kubeconfig/types.js'
import {DRY_RUN_UNCHANGED} from './dry-run.js'

interface IntFlagOptions {
  /** Go's int size: 64 for pflag's Int and Int64, 32 for Int32 and klog's Level. */
  bits: 32 | 64
  /** 10 for klog's -v (strconv.ParseInt(s, 10, 32)); pflag's own ints take base prefixes. */
  base?: 0 | 10
  char?: Interfaces.AlphabetLowercase | Interfaces.AlphabetUppercase
  default: number
  description: string
  helpGroup?: string
}

/**
 * An integer flag read as pflag reads it, refused with pflag's one line. oclif prefixes what a flag
 * parser throws with "Parsing --flag", so the text travels in FlagValueError and the base command prints that.
 */
export function intFlag(opts: IntFlagOptions) {
  return Flags.custom<number>({...intFlagParts(opts), default: opts.default})()
}

/** intFlag without a default: undefined when not given, for commands whose default depends on other flags. */
export function optionalIntFlag(opts: Omit<IntFlagOptions, 'default'>) {
  return Flags.custom<number>(intFlagParts(opts))()
}

function intFlagParts(opts: Omit<IntFlagOptions, 'default'>) {
  return {
    char: opts.char,
    description: opts.description,
    helpGroup: opts.helpGroup,
    parse: async (input: string, ctx: Command, flag: Interfaces.OptionFlag<number>) =>
      parseIntFlag(input, opts.bits, flag.name, (ctx.id ?? '').replaceAll(':', ' '), flag.char, opts.base ?? 0),
  }
}

/**
 * A duration flag read as pflag reads it (Go's time.ParseDuration), in milliseconds, refused with
 * pflag's one line; `default` as kubectl writes it (`30s`), which help shows.
 */
export function durationFlag(opts: {default: string; description: string}) {
  return Flags.custom<number>({...durationFlagParts(opts.description), default: parseDurationFlag('', opts.default, ''), defaultHelp: async () => opts.default})()
}

/** durationFlag without a default: undefined when not given. */
export function optionalDurationFlag(opts: {description: string}) {
  return Flags.custom<number>(durationFlagParts(opts.description))()
}

function durationFlagParts(description: string) {
  return {
    description,
    parse: async (input: string, ctx: Command, flag: Interfaces.OptionFlag<number>) => parseDurationFlag(flag.name, input, (ctx.id ?? '').replaceAll(':', ' ')),
  }
}

export const globalFlags = {
  kubeconfig: Flags.string({description: 'Path to the kubeconfig file to use for CLI requests.', helpGroup: 'GLOBAL'}),
  context: Flags.string({description: 'The name of the kubeconfig context to use', helpGroup: 'GLOBAL'}),
  cluster: Flags.string({description: 'The name of the kubeconfig cluster to use', helpGroup: 'GLOBAL'}),
  user: Flags.string({description: 'The name of the kubeconfig user to use', helpGroup: 'GLOBAL'}),
  as: Flags.string({description: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.', helpGroup: 'GLOBAL'}),
  'as-group': Flags.string({
    description: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
    multiple: true,
    multipleNonGreedy: true,
    helpGroup: 'GLOBAL',
  }),
  'as-uid': Flags.string({description: 'UID to impersonate for the operation.', helpGroup: 'GLOBAL'}),
  namespace: Flags.string({char: 'n', description: 'If present, the namespace scope for this CLI request', helpGroup: 'GLOBAL'}),
  server: Flags.string({char: 's', description: 'The address and port of the Kubernetes API server', helpGroup: 'GLOBAL'}),
  token: Flags.string({description: 'Bearer token for authentication to the API server', helpGroup: 'GLOBAL'}),
  'certificate-authority': Flags.string({description: 'Path to a cert file for the certificate authority', helpGroup: 'GLOBAL'}),
  'client-certificate': Flags.string({description: 'Path to a client certificate file for TLS', helpGroup: 'GLOBAL'}),
  'client-key': Flags.string({description: 'Path to a client key file for TLS', helpGroup: 'GLOBAL'}),
  'insecure-skip-tls-verify': Flags.boolean({
    description: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    helpGroup: 'GLOBAL',
  }),
  'tls-server-name': Flags.string({description: 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used', helpGroup: 'GLOBAL'}),
  'request-timeout': Flags.string({
    description: 'The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don\'t timeout requests.',
    default: '0',
    helpGroup: 'GLOBAL',
  }),
  v: intFlag({bits: 32, base: 10, char: 'v', description: 'number for the log level verbosity', default: 0, helpGroup: 'GLOBAL'}),
  'output-errors': Flags.string({
    description:
      'ktl addition: how failures are printed on stderr. "text" is kubectl\'s text; "json" prints each failure as one JSON object per line: {"reason","code","message","object":{"kind","name","namespace"}}, with the server\'s Status reason and HTTP code, or for failures found by ktl itself BadRequest (400), Invalid (422), ConnectionError or UnexpectedServerResponse (code 0). The exit code is the same either way.',
    options: ['text', 'json'],
    default: 'text',
    helpGroup: 'GLOBAL',
  }),
}

export type GlobalFlags = Interfaces.InferredFlags<typeof globalFlags>

export function overridesFromFlags(flags: Partial<GlobalFlags>): ConfigOverrides {
  return {
    kubeconfig: flags.kubeconfig,
    context: flags.context,
    cluster: flags.cluster,
    user: flags.user,
    namespace: flags.namespace,
    server: flags.server,
    token: flags.token,
    certificateAuthority: flags['certificate-authority'],
    clientCertificate: flags['client-certificate'],
    clientKey: flags['client-key'],
    insecureSkipTlsVerify: flags['insecure-skip-tls-verify'] || undefined,
    tlsServerName: flags['tls-server-name'],
    requestTimeout: flags['request-timeout'],
    impersonate: flags.as,
    impersonateUid: flags['as-uid'],
    impersonateGroups: flags['as-group'],
  }
}

/**
 * Rewrites kubectl-style boolean values, which oclif does not take: `--flag=true` becomes `--flag`,
 * `--flag=false` disappears (every ktl boolean defaults to false unless it has a --no- form). A value
 * strconv.ParseBool refuses fails with pflag's error; `commandId` and `shorthands` complete its text.
 */
export function normalizeBooleanFlags(argv: string[], booleans: Map<string, boolean>, commandId = '', shorthands = new Map<string, string>()): string[] {
  const result: string[] = []
  for (const [i, given] of argv.entries()) {
    if (given === '--') return [...result, ...argv.slice(i)]
    // pflag takes `-w=false` for a boolean shorthand too.
    const short = /^-([^-=])=(.*)$/s.exec(given)
    const longName = short ? [...shorthands].find(([name, char]) => char === short[1] && booleans.has(name))?.[0] : undefined
    const arg = short && longName ? `--${longName}=${short[2]}` : given
    const m = /^--([^=]+)=(.*)$/s.exec(arg)
    if (m && booleans.has(m[1])) {
      const [, name, value] = m
      const bool = parseGoBool(value)
      if (bool === true) result.push(`--${name}`)
      else if (bool === undefined) {
        const flag = shorthands.has(name) ? `-${shorthands.get(name)}, --${name}` : `--${name}`
        throw invalidFlagArgument(value, flag, `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`, commandPath(commandId))
      } else if (booleans.get(name)) result.push(`--no-${name}`)
      continue
    }
    result.push(arg)
  }
  return result
}

export interface FlagShape {
  char?: string
  type: 'boolean' | 'option'
  multiple?: boolean
}

/**
 * pflag's rule for a flag given more than once: the last value wins (`kubectl get po -n a -n b` lists
 * b's pods), where oclif refuses the second. Earlier occurrences of every flag that does not
 * collect values are dropped; words after `--` are left alone.
 */
export function lastValueWins(argv: string[], flags: Record<string, FlagShape>): string[] {
  const byChar = new Map(Object.entries(flags).flatMap(([name, f]) => (f.char ? [[f.char, name] as const] : [])))
  const seen = new Map<string, Array<[number, number]>>()
  let i = 0
  for (; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]
    let name: string | undefined
    let inline = true
    if (arg.startsWith('--')) {
      const bare = arg.slice(2).split('=')[0]
      name = flags[bare] ? bare : bare.startsWith('no-') && flags[bare.slice(3)]?.type === 'boolean' ? bare.slice(3) : undefined
      inline = arg.includes('=')
    } else if (arg.startsWith('-') && arg.length >= 2) {
      name = byChar.get(arg[1])
      inline = arg.length > 2
      if (name && flags[name].type === 'boolean' && inline) name = undefined
    }
    if (!name) continue
    const span = flags[name].type === 'option' && !inline && i + 1 < argv.length ? 2 : 1
    seen.set(name, [...(seen.get(name) ?? []), [i, span]])
    i += span - 1
  }
  const dropped = new Set<number>()
  for (const [name, spans] of seen) {
    if (flags[name].multiple || spans.length < 2) continue
    for (const [start, span] of spans.slice(0, -1)) for (let k = 0; k < span; k++) dropped.add(start + k)
  }
  return dropped.size === 0 ? argv : argv.filter((_, k) => !dropped.has(k))
}

function commandPath(commandId: string): string {
  return commandId.replaceAll(':', ' ')
}

/** pflag's words for a flag it does not know: the name without its value, a shorthand by its letter. */
function unknownFlag(arg: string | undefined): string {
  if (arg === undefined || arg.startsWith('--')) return `unknown flag: ${arg?.split('=')[0]}`
  return `unknown shorthand flag: '${arg[1]}' in ${arg}`
}

/** pflag's words for a flag given last without its value: by the name it was typed with. */
function missingValue(name: string, argv: readonly string[], shorthand: string | undefined): string {
  const typedShort = shorthand !== undefined && argv.lastIndexOf(`-${shorthand}`) > argv.lastIndexOf(`--${name}`)
  return typedShort ? `flag needs an argument: '${shorthand}' in -${shorthand}` : `flag needs an argument: --${name}`
}

/**
 * The flag mistakes oclif's parser reports, as pflag words them (the base command adds kubectl's
 * framing); undefined for other parse errors.
 */
function flagParseError(err: Error & {flags?: string[]}, commandId: string, argv: readonly string[], shorthands: ReadonlyMap<string, string>): FlagValueError | undefined {
  if (err.constructor.name === 'NonExistentFlagsError') return new FlagValueError(unknownFlag(err.flags?.[0]), commandPath(commandId))
  const expects = /^Flag --(\S+) expects a value$/.exec(err.message)
  if (expects) return new FlagValueError(missingValue(expects[1], argv, shorthands.get(expects[1])), commandPath(commandId))
  return undefined
}

/** kubectl's texts for argument mistakes and oclif's other parse errors (which carry oclif's wording). */
function parseErrorMessage(err: Error & {flags?: string[]; args?: unknown[]}, commandId: string): string | undefined {
  const usage = `See 'ktl ${commandPath(commandId)} --help' for usage.`
  switch (err.constructor.name) {
    case 'UnexpectedArgsError':
      return `error: unexpected arguments: [${(err.args ?? []).join(' ')}]\nSee 'ktl ${commandPath(commandId)} -h' for help and examples`
    case 'CLIParseError':
    case 'FlagInvalidOptionError':
    case 'RequiredArgsError':
    case 'FailedFlagValidationError':
    case 'ViolatedFlagConstraintError':
    case 'ArgInvalidOptionError':
      return `error: ${firstLine(err.message)}\n${usage}`
    default:
      return undefined
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim()
}

/**
 * kubectl's flags whose value is optional (pflag's NoOptDefVal): alone, they never take the next
 * word. A bare --dry-run stands for the deprecated spelling parseDryRun warns about; --cascade for
 * background.
 */
const OPTIONAL_VALUES: Record<string, string> = {'dry-run': DRY_RUN_UNCHANGED, cascade: 'background'}

export function bareOptionalValues(argv: string[], flags: Record<string, unknown>): string[] {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length
  return argv.map((arg, i) => {
    const name = arg.slice(2)
    return i < end && arg.startsWith('--') && name in OPTIONAL_VALUES && name in flags ? `${arg}=${OPTIONAL_VALUES[name]}` : arg
  })
}

export abstract class KubeCommand extends Command {
  static baseFlags = globalFlags

  protected async init(): Promise<void> {
    const ctor = this.constructor as typeof Command
    this.argv = bareOptionalValues(this.argv, ctor.flags ?? {})
    const booleans = new Map<string, boolean>()
    for (const [name, flag] of Object.entries({...ctor.baseFlags, ...ctor.flags})) {
      if (flag.type === 'boolean') booleans.set(name, Boolean(flag.allowNo))
    }
    this.argv = normalizeBooleanFlags(this.argv, booleans, this.id ?? '', this.shorthands())
    this.argv = lastValueWins(this.argv, {...ctor.baseFlags, ...ctor.flags} as Record<string, FlagShape>)
    await super.init()
  }

  /** Each flag's one-letter form, by the flag's name. */
  private shorthands(): Map<string, string> {
    const ctor = this.constructor as typeof Command
    const shorthands = new Map<string, string>()
    for (const [name, flag] of Object.entries({...ctor.baseFlags, ...ctor.flags})) if (flag.char) shorthands.set(name, flag.char)
    return shorthands
  }

  /** kubectl's report of a flag it could not parse; a command whose kubectl twin words these its own way overrides it. */
  protected flagErrorText(flagMessage: string): string {
    return `error: ${flagMessage}\nSee 'ktl ${commandPath(this.id ?? '')} --help' for usage.`
  }

  /** This command's --help on stdout, where kubectl answers a mistake with cobra's cmd.Help(). */
  protected async printHelp(): Promise<void> {
    const [{renderHelp, writeHelp}, {fileURLToPath}] = await Promise.all([import('./startup/help.js'), import('node:url')])
    // Help renders from the startup bundle's snapshot; without one, the usage line stands in.
    const output = await renderHelp((this.id ?? '').split(':'), fileURLToPath(new URL('../..', import.meta.url))).catch(() => undefined)
    if (output) writeHelp(output)
    else this.log(`Usage: ${this.config.bin} ${(this.constructor as typeof Command).usage ?? ''}`)
  }

  /** The context for lib operations, built from the global flags. */
  protected ctx(flags: Partial<GlobalFlags>): Ctx {
    return createCtx({io: systemIO(), overrides: overridesFromFlags(flags), verbosity: flags.v ?? 0, errorsFormat: flags['output-errors'] === 'json' ? 'json' : 'text'})
  }

  async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    if (err.constructor.name === 'ExitError' || err.oclif?.exit === 0) throw err
    const argv = this.argv
    let message: string | undefined
    let exitCode = 1
    const flagError = err instanceof FlagValueError ? err : flagParseError(err, this.id ?? '', argv, this.shorthands())
    if (flagError) {
      message = this.flagErrorText(flagError.flagMessage)
    } else if (err instanceof CliError) {
      message = err.message
      exitCode = err.exitCode
    } else {
      message = parseErrorMessage(err, this.id ?? '')
    }
    const bug = message === undefined
    if (message === undefined) {
      // An unexpected failure is a bug: one line by default, the stack only when asked for.
      message = `error: ${err.message}`
      if (process.env.KTL_DEBUG) message += `\n${err.stack}`
    }
    // errors-json.js (and the manifest reader it knows errors of) loads only when JSON may be asked for.
    if (message !== '' && argv.some((a) => a.startsWith('--output-errors'))) {
      const {errorsFormat, failureLines} = await import('./errors-json.js')
      if (errorsFormat(argv) === 'json') message = failureLines(err, message, bug)
    }
    // An empty message is an answer already given on stdout (`auth can-i`'s "no"): only the exit code is left.
    if (message !== '') process.stderr.write(message.endsWith('\n') ? message : `${message}\n`)
    process.exitCode = exitCode
  }
}
