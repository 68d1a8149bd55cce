// Prints the Tables the API server sends for `as=Table` requests, decorated as kubectl decorates
// them: priority columns only with -o wide, a NAMESPACE column for -A, `kind.group/` before names
// when several kinds print, -L label columns and --show-labels.
import type {KubeObject, Table, TableColumnDefinition} from '../resources/objects.js'
import type {TabWriter} from './columns.js'

export interface TablePrintOptions {
  wide?: boolean
  noHeaders?: boolean
  withNamespace?: boolean
  /** `deployment.apps`: put before every name (kubectl's WithKind). */
  kind?: string
  columnLabels?: string[]
  showLabels?: boolean
  /** Colours a cell by its column's name (terminal output only). */
  colorize?: (column: string, value: string) => string
}

/** One printer per resource type, as kubectl makes one per REST mapping. */
export class TablePrinter {
  private lastColumns?: TableColumnDefinition[]
  private printedHeaders = false

  constructor(
    private out: TabWriter,
    private opts: TablePrintOptions,
  ) {}

  print(table: Table): void {
    let noHeaders = this.opts.noHeaders ?? false
    const columns = table.columnDefinitions ?? []
    if (this.printedHeaders && (columns.length === 0 || sameColumns(columns, this.lastColumns))) noHeaders = true
    if (columns.length === 0) table.columnDefinitions = this.lastColumns ?? []
    else if (!sameColumns(columns, this.lastColumns)) {
      this.lastColumns = columns
      this.printedHeaders = false
    }
    const rows = table.rows ?? []
    if (rows.length > 0) this.printedHeaders = true
    const visible = table.columnDefinitions.map((c) => this.opts.wide || c.priority === 0)
    const nameColumn = this.opts.kind ? table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string') : -1
    const labelHeaders = (this.opts.columnLabels ?? []).map((l) => l.split('/').pop()?.toUpperCase() ?? '')
    let text = ''
    if (!noHeaders && rows.length > 0) {
      const header = table.columnDefinitions.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase())
      if (this.opts.withNamespace) header.unshift('NAMESPACE')
      header.push(...labelHeaders)
      if (this.opts.showLabels) header.push('LABELS')
      text += `${header.join('\t')}\n`
    }
    for (const row of rows) {
      const cells: string[] = []
      if (this.opts.withNamespace) cells.push(formatCell(row.object?.metadata?.namespace ?? ''))
      row.cells.forEach((cell, i) => {
        if (i >= visible.length || !visible[i]) return
        let value = formatCell(cell)
        if (i === nameColumn) value = `${this.opts.kind}/${value}`
        if (this.opts.colorize) value = this.opts.colorize(table.columnDefinitions[i].name, value)
        cells.push(value)
      })
      const labels = row.object?.metadata?.labels ?? {}
      // kubectl adds label columns as cells, so label values are cut at a line break and escaped too.
      for (const key of this.opts.columnLabels ?? []) cells.push(formatCell(labels[key] ?? ''))
      if (this.opts.showLabels) cells.push(formatCell(formatLabels(labels)))
      text += `${cells.join('\t')}\n`
    }
    this.out.write(text)
  }
}

function sameColumns(a: TableColumnDefinition[], b: TableColumnDefinition[] | undefined): boolean {
  if (!b || a.length !== b.length) return false
  return a.every((c, i) => c.name === b[i].name && c.type === b[i].type && c.format === b[i].format && c.priority === b[i].priority && c.description === b[i].description)
}

/** A cell as kubectl prints it: text up to the first line break (then "..."), terminal escapes defused. */
export function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  let text = typeof cell === 'string' ? cell : goSprintCell(cell)
  const lineBreak = text.search(/[\f\n\r]/)
  if (lineBreak >= 0) text = `${escapeTerminal(text.slice(0, lineBreak))}...`
  else text = escapeTerminal(text)
  return text
}

/** kubectl's WriteEscaped: ESC becomes the visible "^[" so server data cannot drive the terminal. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\u001B', '^[')
}

function goSprintCell(cell: unknown): string {
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell)
  return JSON.stringify(cell)
}

/** labels.FormatLabels: sorted key=value pairs, or <none>. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels[k]}`).join(',')
}

/** Objects whose metadata the table printer reads (PartialObjectMetadata or full objects). */
export type TableObject = KubeObject
