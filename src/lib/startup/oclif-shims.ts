// Stand-ins for the parts of @oclif/core that its flag and parser modules require but only use when
// something fails (error classes, help, the global cache, debug logging). scripts/build.mjs puts
// them in place of the real modules in the startup bundle only, so the bundle runs oclif's own
// parsing code without loading oclif's rendering stack. Every failure ends in oclif's real parser
// (see oclif-lite.ts), so these never decide what the user sees, except CLIError below.

/** Thrown by a stand-in: the startup path met something only full oclif does. */
export class StartupUnsupported extends Error {
  constructor(what: string) {
    super(`${what} needs the full oclif runtime`)
  }
}

/** A stand-in for any oclif export: calling or constructing it throws StartupUnsupported. */
export function unsupported(name: string): (...args: unknown[]) => never {
  return function () {
    throw new StartupUnsupported(name)
  }
}

/**
 * oclif's CLIError as its flag parsers use it (`Flags.integer` on "abc"): the same class name,
 * message and exit code, which is all ktl's KubeCommand.catch reads from it.
 */
export class CLIError extends Error {
  code?: string
  oclif: {exit?: number} = {}
  suggestions?: string[]

  constructor(error: Error | string, options: {code?: string; exit?: number; suggestions?: string[]} = {}) {
    super(error instanceof Error ? error.message : error)
    this.oclif.exit = options.exit ?? 2
    this.code = options.code
    this.suggestions = options.suggestions
  }
}

/** oclif's global Cache: the parser only reads custom exit codes from it, and ktl sets none. */
export const emptyCache = {
  getInstance(): Map<string, unknown> {
    return new Map()
  },
}

/** oclif's makeDebug: the parser logs only with CLI_FLAGS_DEBUG=1, which the startup path leaves to oclif. */
export function makeDebug(): () => void {
  return () => {}
}
