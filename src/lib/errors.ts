// Typed failures. Lib code throws these; the base command prints `message` as one line on stderr
// and exits with `exitCode` (1, as kubectl does for every failure).
import {goQuote} from './go/quote.js'

/** A failure the user can act on; `message` is the exact line to print (kubectl's wording). */
export class CliError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 1) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/**
 * A flag pflag could not parse: `flagMessage` is pflag's own words, which kubectl prints as
 * "error: MESSAGE" and a pointer to `--help` (`text`, unless the command words flag errors its own
 * way). oclif rewrites the message of whatever a flag's parser throws ("Parsing --flag ..."), so the
 * words travel here apart from it.
 */
export class FlagValueError extends CliError {
  readonly text: string
  constructor(
    readonly flagMessage: string,
    commandPath: string,
  ) {
    const text = `error: ${flagMessage}\nSee 'ktl ${commandPath} --help' for usage.`
    super(text)
    this.name = 'FlagValueError'
    this.text = text
  }
}

/** pflag's refusal of a flag's value; `flag` as pflag names it: `--timeout`, `-r, --replicas`. */
export function invalidFlagArgument(value: string, flag: string, reason: string, commandPath: string): FlagValueError {
  return new FlagValueError(`invalid argument ${goQuote(value)} for "${flag}" flag: ${reason}`, commandPath)
}

/** kubectl's `error: ...` form. */
export function usageError(message: string): CliError {
  return new CliError(`error: ${message}`)
}

/** kubectl's cmdutil.UsageErrorf: the mistake, then a pointer to the command's examples. */
export function commandUsageError(commandPath: string, message: string, exitCode = 1): CliError {
  return new CliError(`error: ${message}\nSee 'ktl ${commandPath} -h' for help and examples`, exitCode)
}

/**
 * The server answered but its body could not be read or decoded. Unlike a connection failure it says
 * nothing about the next request, so commands working through many objects go on to the next one.
 */
export class ResponseBodyError extends CliError {
  constructor(message: string) {
    super(message)
    this.name = 'ResponseBodyError'
  }
}

/** The request a connection failure happened on: its method and URL as sent (query included). */
export interface FailedRequest {
  method: string
  url: string
}

/**
 * No HTTP answer came back (refused, dropped, TLS, timeout before the headers). `message` is what
 * kubectl prints when the failure reaches it alone ("Unable to connect to the server: EOF"); `detail`
 * is Go's text of the cause, and `request` what was being sent, for the places where kubectl wraps
 * the failure in its own words and so prints Go's url.Error (`Get "https://...": EOF`).
 */
export class ConnectionError extends CliError {
  constructor(
    message: string,
    readonly detail: string,
    readonly request?: FailedRequest,
  ) {
    super(message)
    this.name = 'ConnectionError'
  }

  /** Go's url.Error text: the method as net/http names the operation, the quoted URL, the cause. */
  get urlError(): string {
    if (!this.request) return this.message
    const {method, url} = this.request
    return `${method.slice(0, 1)}${method.slice(1).toLowerCase()} ${goQuote(url)}: ${this.detail}`
  }
}

/**
 * kubectl's `the server doesn't have a resource type "X"` (`line`, X as typed), then ktl's addition: a
 * second line naming `suggestion`, the closest type the server has, when one is close.
 */
export class NoResourceTypeError extends CliError {
  constructor(
    readonly resource: string,
    line: string,
    readonly suggestion?: string,
  ) {
    super(suggestion ? `${line}\nDid you mean ${goQuote(suggestion)}?` : line)
    this.name = 'NoResourceTypeError'
  }
}

/** A metav1.Status the API server answered with (or one built from a bare HTTP status). */
export interface Status {
  kind?: string
  apiVersion?: string
  status?: string
  message?: string
  reason?: string
  code?: number
  details?: {name?: string; group?: string; kind?: string; causes?: Array<{reason?: string; message?: string; field?: string}>; retryAfterSeconds?: number}
}

/** An error status from the API server, printed like kubectl's StandardErrorMessage. */
export class StatusError extends CliError {
  readonly status: Status
  /**
   * `message` replaces kubectl's usual line for the status, for the few paths that print it differently;
   * `request` is the request the server refused (its URL names the object's namespace, which a Status does not).
   */
  constructor(
    status: Status,
    message = formatStatus(status),
    readonly request?: FailedRequest,
  ) {
    super(message)
    this.name = 'StatusError'
    this.status = status
  }

  /** The same failure with the Status (and so the printed line) changed; the request stays. */
  withStatus(status: Status, message?: string): StatusError {
    return new StatusError(status, message ?? formatStatus(status), this.request)
  }

  get reason(): string {
    return this.status.reason ?? ''
  }

  get code(): number {
    return this.status.code ?? 0
  }
}

/**
 * How kubectl's CheckErr prints an error inside an aggregate (its messageForError): an API status or a
 * failed connection by its standard message (Invalid as "Error from server (Invalid)"), anything else,
 * a nested aggregate included, as Go's text of it, without "error: ".
 */
export function inAggregate(err: CliError): CliError {
  if (err instanceof StatusError) {
    return err.reason === 'Invalid' ? err.withStatus(err.status, `Error from server (Invalid): ${err.status.message ?? ''}`) : err
  }
  if (err instanceof ConnectionError) return err
  if (err instanceof AggregateCliError) return new AggregateCliError(err.errors, goErrorText(err))
  const text = goErrorText(err)
  return text === err.message ? err : new CliError(text, err.exitCode)
}

function formatStatus(status: Status): string {
  const message = status.message ?? ''
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`
  if (status.reason === 'Invalid') return formatInvalid(status)
  if (status.reason) return `Error from server (${status.reason}): ${message}`
  return `Error from server: ${message}`
}

// kubectl prints a 422 by its causes, one per field, rather than as "Error from server (Invalid)".
function formatInvalid(status: Status): string {
  const details = status.details
  let head = 'The request is invalid'
  if (!details) return status.message ? `${head}: ${status.message}` : head
  if (details.kind || details.name) head = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`
  else if (status.message && !details.causes?.length) head += `: ${status.message}`
  const seen = new Set<string>()
  const causes = (details?.causes ?? []).filter((c) => {
    const key = `${c.field ?? ''}\u0000${c.message ?? ''}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
  if (causes.length === 0) return head
  if (causes.length === 1) return `${head}: ${causes[0].field ?? ''}: ${causes[0].message ?? ''}`
  return `${head}: \n${causes.map((c) => `* ${c.field ?? ''}: ${c.message ?? ''}`).join('\n')}`
}

export function isNotFound(err: unknown): boolean {
  return err instanceof StatusError && err.code === 404
}

/**
 * Several failures from one command (e.g. `get pod a b` with b missing): Go's utilerrors.Aggregate.
 * `message` is what kubectl prints for it, each failure on its own line, unless given.
 */
export class AggregateCliError extends CliError {
  readonly errors: CliError[]
  constructor(errors: CliError[], message = errors.map((e) => e.message).join('\n')) {
    super(message)
    this.name = 'AggregateCliError'
    this.errors = errors
  }
}

/**
 * A failure kubectl makes with fmt.Errorf: `raw` is Go's text. Printed alone it gets "error: " in
 * front (unless it starts with it); inside an aggregate it is printed as it is.
 */
export class GoError extends CliError {
  readonly raw: string
  constructor(raw: string) {
    super(raw.startsWith('error: ') ? raw : `error: ${raw}`)
    this.name = 'GoError'
    this.raw = raw
  }
}

/**
 * kubectl's AddSourceToErr: `error when VERB "SOURCE": MESSAGE`, kept inside the server's Status when
 * there is one (so it still prints as "Error from server"), else Go's text of the failure. Anything
 * that is not a CliError is a bug and goes on as it is.
 */
export function addSourceToErr(verb: string, source: string | undefined, err: unknown): Error {
  if (!(err instanceof CliError)) return err instanceof Error ? err : new Error(String(err))
  if (!source) return err
  const prefix = `error when ${verb} ${goQuote(source)}: `
  if (err instanceof StatusError) return err.withStatus({...err.status, message: prefix + (err.status.message ?? '')})
  return new GoError(prefix + goErrorText(err))
}

/** Go's err.Error() for a failure: what it reads like inside another message or a nested aggregate. */
export function goErrorText(err: CliError): string {
  if (err instanceof AggregateCliError) return goAggregateText(err.errors)
  if (err instanceof StatusError) return err.status.message ?? ''
  if (err instanceof ConnectionError) return err.urlError
  if (err instanceof GoError) return err.raw
  return err.message.startsWith('error: ') ? err.message.slice('error: '.length) : err.message
}

// utilerrors.Aggregate's Error(): each distinct message once, nested aggregates flattened, bracketed when several.
function goAggregateText(errors: readonly CliError[]): string {
  const messages = new Set<string>()
  const visit = (e: CliError): void => void (e instanceof AggregateCliError ? e.errors.forEach(visit) : messages.add(goErrorText(e)))
  errors.forEach(visit)
  return messages.size === 1 ? [...messages][0] : messages.size === 0 ? '' : `[${[...messages].join(', ')}]`
}

/** Go's utilerrors.NewAggregate: nothing for no failures, else an aggregate (even of one). */
export function newAggregate(errors: readonly CliError[]): AggregateCliError | undefined {
  return errors.length === 0 ? undefined : new AggregateCliError([...errors])
}

/** What kubectl's ContinueOnError visitor returns for the failures it met: one as it is, several as an aggregate. */
export function visitorError(errors: readonly CliError[]): CliError | undefined {
  return errors.length === 1 ? errors[0] : newAggregate(errors)
}

/** Go's utilerrors.FilterOut: `err` without the failures `matches` picks, looking into aggregates (rebuilt as Go rebuilds them). */
export function filterOut(err: CliError | undefined, matches: (err: CliError) => boolean): CliError | undefined {
  if (err instanceof AggregateCliError) return newAggregate(err.errors.flatMap((e) => filterOut(e, matches) ?? []))
  return err && !matches(err) ? err : undefined
}

/**
 * kubectl's cmdutil.CheckErr: the failure as kubectl prints it. An aggregate of one is unwrapped (once);
 * an aggregate prints each failure on its own line (inAggregate); a lone API status or failed connection
 * prints its standard message; anything else alone gets "error: " in front.
 */
export function checkErr(err: CliError): CliError {
  const one = err instanceof AggregateCliError && err.errors.length === 1 ? err.errors[0] : err
  if (one instanceof AggregateCliError) return new AggregateCliError(one.errors.map(inAggregate))
  if (one instanceof StatusError || one instanceof ConnectionError || one.message.startsWith('error: ')) return one
  return new CliError(`error: ${one.message}`, one.exitCode)
}

/** Throws what kubectl prints for the failures a command gathered and returned as one aggregate, if there were any. */
export function throwCollected(errors: readonly CliError[]): void {
  const err = newAggregate(errors)
  if (err) throw checkErr(err)
}
