// The API server's Warning response headers (deprecated APIs, dropped fields, policy warnings), read
// as client-go reads them and printed as kubectl's WarningWriter prints them: "Warning: TEXT" on
// stderr, each text once per run, the word in bold yellow when stderr is a colour terminal.
import type {IOStreams, OutStream} from '../io.js'

/** What the client hands the warnings of each response to. */
export type WarningHandler = (warnings: readonly WarningHeader[]) => void

export interface WarningHeader {
  code: number
  agent: string
  text: string
}

const CODE = /^[1-2]\d\d$/
// unicode.IsControl: C0, DEL and C1.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** The warnings in Warning header values (each may list several, comma-separated); a malformed one ends its value. */
export function parseWarningHeaders(values: readonly string[]): WarningHeader[] {
  const warnings: WarningHeader[] = []
  for (let value of values) {
    while (value.length > 0) {
      const parsed = parseWarningHeader(value)
      if (!parsed) break
      warnings.push(parsed.warning)
      value = parsed.remainder
    }
  }
  return warnings
}

/** apimachinery's ParseWarningHeader: `CODE AGENT "TEXT" ["DATE"]`, then what follows a comma. */
function parseWarningHeader(header: string): {warning: WarningHeader; remainder: string} | undefined {
  const trimmed = header.trim()
  const first = trimmed.indexOf(' ')
  const second = first < 0 ? -1 : trimmed.indexOf(' ', first + 1)
  if (second < 0) return undefined
  const code = trimmed.slice(0, first)
  const agent = trimmed.slice(first + 1, second)
  const rest = trimmed.slice(second + 1)
  if (!CODE.test(code) || agent === '' || CONTROL.test(agent) || rest === '') return undefined
  const quoted = parseQuotedString(rest)
  if (!quoted || CONTROL.test(quoted.text)) return undefined
  let remainder = ''
  const dateAndRemainder = quoted.remainder
  if (dateAndRemainder.startsWith('"')) {
    const end = dateAndRemainder.indexOf('"', 1)
    if (end < 0) return undefined
    remainder = dateAndRemainder.slice(end + 1).trim()
  } else {
    remainder = dateAndRemainder
  }
  if (remainder.length > 0) {
    if (!remainder.startsWith(',')) return undefined
    remainder = remainder.slice(1).trim()
  }
  return {warning: {code: Number(code), agent, text: quoted.text}, remainder}
}

/** A quoted-string with backslash escapes, and what follows it (trimmed). */
function parseQuotedString(s: string): {text: string; remainder: string} | undefined {
  if (!s.startsWith('"')) return undefined
  let text = ''
  let escaping = false
  for (let i = 1; i < s.length; i++) {
    const c = s[i]
    if (c === '"' && !escaping) return {text, remainder: s.slice(i + 1).trim()}
    if (c === '\\' && !escaping) {
      escaping = true
      continue
    }
    text += c
    escaping = false
  }
  return undefined
}

/** kubectl's term.AllowsColorOutput for stderr: a terminal, not TERM=dumb, no NO_COLOR. */
export function stderrAllowsColor(io: IOStreams, env: NodeJS.ProcessEnv): boolean {
  return io.errIsTTY && env.TERM !== 'dumb' && env.NO_COLOR === undefined
}

/** One warning line as kubectl's WarningWriter and WarningPrinter write it. */
export function warningLine(text: string, color: boolean): string {
  return color ? `\x1b[33;1mWarning:\x1b[0m ${text}\n` : `Warning: ${text}\n`
}

/** client-go's WarningWriter with Deduplicate: each text once; only code 299 with a text. */
export function warningWriter(err: OutStream, color: boolean): WarningHandler {
  const written = new Set<string>()
  return (warnings) => {
    for (const {code, text} of warnings) {
      if (code !== 299 || text === '' || written.has(text)) continue
      written.add(text)
      err.write(warningLine(text, color))
    }
  }
}
