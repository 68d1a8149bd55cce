// kubectl's `-o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE` printer.
//
// Each column is a JSONPath evaluated with missing keys allowed; a column with no value prints
// `<none>`, several values are joined with commas, and every value is printed with Go's %v — so maps
// come out as `map[k:v]` here, unlike the JSON that `-o jsonpath` prints. Rows are laid out by
// kubectl's tabwriter, one layout per printed object or list.
import {readFileSync} from 'node:fs'
import {CliError} from '../errors.js'
import type {OutStream} from '../io.js'
import {goPathError} from '../kubeconfig/go-text.js'
import {TabWriter} from './columns.js'
import {goSprint, type JSONPath, parseJSONPath, relaxedJSONPathExpression} from './jsonpath.js'

export interface Column {
  header: string
  /** A full JSONPath template such as `{.metadata.name}`. */
  fieldSpec: string
}

export const CUSTOM_COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file'] as const
export type CustomColumnsFormat = (typeof CUSTOM_COLUMNS_FORMATS)[number]

const TEMPLATE_FORMAT_HINT = 'Expected format is one line of space separated headers, one line of space separated column specs.'

/** Columns from `NAME:.metadata.name,RV:.metadata.resourceVersion`. */
export function columnsFromSpec(spec: string): Column[] {
  if (spec === '') throw new CliError('error: custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) throw new CliError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return {header: part.slice(0, colon), fieldSpec: relaxedJSONPathExpression(part.slice(colon + 1))}
  })
}

/** Columns from a template: a line of headers, then a line of field specs, both whitespace separated. */
export function columnsFromTemplate(text: string): Column[] {
  const lines = scanLines(text)
  if (lines.length < 1) throw new CliError(`error: invalid template, missing header line. ${TEMPLATE_FORMAT_HINT}`)
  if (lines.length < 2) throw new CliError(`error: invalid template, missing spec line. ${TEMPLATE_FORMAT_HINT}`)
  const headers = splitOnWhitespace(lines[0])
  const specs = splitOnWhitespace(lines[1])
  if (headers.length !== specs.length) {
    throw new CliError(`error: number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  }
  return headers.map((header, i) => ({header, fieldSpec: relaxedJSONPathExpression(specs[i])}))
}

/** Lines as Go's bufio.Scanner reads them: split at \n, a trailing \r dropped, no empty last line. */
function scanLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
}

// bufio.ScanWords separators: unicode.IsSpace
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

function splitOnWhitespace(line: string): string[] {
  return line.split(GO_SPACE).filter((w) => w !== '')
}

// printers.EscapeTerminal: what a hostile value could use to drive the terminal
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')
}

function isList(obj: unknown): obj is {items: unknown[]} {
  return typeof obj === 'object' && obj !== null && Array.isArray((obj as {items?: unknown}).items)
}

export class CustomColumnsPrinter {
  /** Whether the last object printed was a list, so the header repeats only when that changes, as in kubectl. */
  private lastType: 'list' | 'object' | undefined

  constructor(
    readonly columns: Column[],
    readonly noHeaders: boolean,
  ) {}

  /**
   * Writes the header (once per kind of object: list or single) and a row per object, laid out on
   * their own unless `out` is a TabWriter the caller shares between objects (kubectl's watch output).
   * Like kubectl, what was written before a column fails to parse or evaluate is still flushed.
   */
  printObj(obj: unknown, out: OutStream): void {
    const shared = out instanceof TabWriter
    const w = shared ? out : new TabWriter(out)
    try {
      const type = isList(obj) ? 'list' : 'object'
      if (!this.noHeaders && type !== this.lastType) {
        w.write(`${this.columns.map((c) => c.header).join('\t')}\n`)
        this.lastType = type
      }
      const parsers = this.columns.map((c) => parseJSONPath(c.fieldSpec, {allowMissingKeys: true}))
      for (const item of isList(obj) ? obj.items : [obj]) w.write(`${row(item, parsers).join('\t')}\n`)
    } finally {
      if (!shared) w.flush()
    }
  }
}

/** The cells of one object's row. */
function row(obj: unknown, parsers: JSONPath[]): string[] {
  return parsers.map((parser) => {
    const values = parser.findResults(obj)
    const texts: string[] = []
    if (values.length === 0 || values[0].length === 0) texts.push('<none>')
    for (const group of values) for (const v of group) texts.push(escapeTerminal(goSprint(v)))
    return texts.join(',')
  })
}

/**
 * The printer for `-o custom-columns=SPEC` or `-o custom-columns-file=PATH`. As in kubectl, a
 * columns file always prints its header line, whatever --no-headers says.
 */
export function customColumnsPrinterFor(format: CustomColumnsFormat, value: string, opts: {noHeaders?: boolean} = {}): CustomColumnsPrinter {
  if (value === '') throw new CliError('error: custom-columns format specified but no custom columns given')
  if (format === 'custom-columns') return new CustomColumnsPrinter(columnsFromSpec(value), opts.noHeaders ?? false)
  let text: string
  try {
    text = readFileSync(value, 'utf8')
  } catch (err) {
    // Go opens a directory fine and then fails to read a first line from it
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') text = ''
    else throw new CliError(`error: error reading template ${value}, ${goPathError('open', value, err)}\n`)
  }
  return new CustomColumnsPrinter(columnsFromTemplate(text), false)
}
