// --output-errors=json (a ktl addition): each failure as one JSON object per line on stderr, for
// scripts, in a Status's own terms (reason, code, message) plus the object it was about when known.
import {AggregateCliError, CliError, ConnectionError, FlagValueError, type Status, StatusError, ResponseBodyError} from './errors.js'
import {ManifestError} from './manifests/reader.js'
import {DecodeError} from './resources/manifest-infos.js'

export interface FailureObject {
  /** As the server's Status names it: a resource (`pods`) for most reasons, a Kind for Invalid. */
  kind?: string
  name?: string
  namespace?: string
}

export interface FailureRecord {
  reason: string
  /** The HTTP code the server answered with; for a failure found on the client, its reason's code; 0 when no answer came. */
  code: number
  message: string
  object?: FailureObject
}

export type ErrorsFormat = 'text' | 'json'

/**
 * The --output-errors value in argv (the last one wins, as with pflag). Read from argv rather than the
 * parsed flags so that a failure to parse the flags is reported in the asked-for form too.
 */
export function errorsFormat(argv: readonly string[]): ErrorsFormat {
  let format: ErrorsFormat = 'text'
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') break
    const value = arg === '--output-errors' ? argv[++i] : arg.startsWith('--output-errors=') ? arg.slice('--output-errors='.length) : undefined
    if (value === 'json' || value === 'text') format = value
  }
  return format
}

/** Why a failure that never reached the server happened, in a Status reason's words, with its code. */
const CLIENT_REASONS = {
  BadRequest: 400,
  Invalid: 422,
  InternalError: 500,
} as const

/**
 * One record per failure in `err` (an aggregate gives one each). `text` is what kubectl's text form
 * prints for `err` when it is not a CliError (flag parse errors, bugs); `bug` says it is a bug.
 */
export function failureRecords(err: Error, text: string, bug = false): FailureRecord[] {
  if (err instanceof AggregateCliError) return err.errors.flatMap((e) => failureRecords(e, e.message))
  if (err instanceof StatusError) return [statusRecord(err)]
  if (err instanceof ConnectionError) return [{reason: 'ConnectionError', code: 0, message: err.message}]
  // The server answered, but with a body that could not be read: client-go's cause type for it.
  if (err instanceof ResponseBodyError) return [{reason: 'UnexpectedServerResponse', code: 0, message: plain(err.message)}]
  // A manifest ktl could not read or decode: what the server would call Invalid.
  if (err instanceof ManifestError || err instanceof DecodeError) return [{reason: 'Invalid', code: CLIENT_REASONS.Invalid, message: plain(err.message)}]
  if (err instanceof FlagValueError) return [{reason: 'BadRequest', code: CLIENT_REASONS.BadRequest, message: err.flagMessage}]
  const reason = bug ? 'InternalError' : 'BadRequest'
  return [{reason, code: CLIENT_REASONS[reason], message: plain(err instanceof CliError ? err.message : text)}]
}

/** The lines --output-errors=json prints for `err`, each ending in a newline. */
export function failureLines(err: Error, text: string, bug = false): string {
  return failureRecords(err, text, bug)
    .map((r) => `${JSON.stringify(r)}\n`)
    .join('')
}

function statusRecord(err: StatusError): FailureRecord {
  const status: Status = err.status
  const record: FailureRecord = {reason: status.reason || 'Unknown', code: status.code ?? 0, message: status.message ?? plain(err.message)}
  const object: FailureObject = {}
  if (status.details?.kind) object.kind = status.details.kind
  if (status.details?.name) object.name = status.details.name
  const namespace = err.request ? namespaceOf(err.request.url) : undefined
  if (namespace) object.namespace = namespace
  if (Object.keys(object).length > 0) record.object = object
  return record
}

// A namespaced request's path: /api/v1/namespaces/NS/RESOURCE... or /apis/GROUP/VERSION/namespaces/NS/RESOURCE...
function namespaceOf(url: string): string | undefined {
  const path = new URL(url).pathname
  const m = /^\/(?:api\/[^/]+|apis\/[^/]+\/[^/]+)\/namespaces\/([^/]+)\/[^/]+/.exec(path)
  return m ? decodeURIComponent(m[1]) : undefined
}

// kubectl's text without its "error: " and the usage hint that follows a mistake.
function plain(text: string): string {
  return text
    .replace(/^error: /, '')
    .replace(/\nSee '[^']*' for (usage\.|help and examples)$/, '')
    .trimEnd()
}
