// How commands that go on past failures (rollout, wait) report them: kubectl builds most of them with
// fmt.Errorf and prints them through CheckErr, alone with "error: " in front, together one per line.
import {AggregateCliError, CliError, inAggregate} from '../errors.js'

/**
 * A failure kubectl makes with fmt.Errorf: printed alone it gets "error: " in front (unless it starts
 * with it); among several, each line is printed as it is.
 */
export class GoError extends CliError {
  readonly raw: string
  constructor(raw: string) {
    super(raw.startsWith('error: ') ? raw : `error: ${raw}`)
    this.name = 'GoError'
    this.raw = raw
  }
}

/** Throws what kubectl's CheckErr prints for these errors: nothing, one error, or one line each. */
export function throwAll(errors: CliError[]): void {
  if (errors.length === 0) return
  if (errors.length === 1) throw errors[0]
  throw new AggregateCliError(errors.map((e) => (e instanceof GoError ? new CliError(e.raw) : inAggregate(e))))
}

