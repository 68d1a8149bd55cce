// `get --watch-table` (a ktl addition): the watched table kept on screen and redrawn in place: a
// changed row is updated where it is, a new one added at the end, a deleted one removed. Used only
// when stdout is a terminal; each redraw moves the cursor back over the previous drawing and
// clears to the end of the screen, in one write so that the terminal never shows half a table.
import type {OutStream} from '../io.js'
import type {Table, TableColumnDefinition, TableRow} from '../resources/objects.js'
import {KUBECTL_TAB_WRITER, TabWriter} from './columns.js'
import {TablePrinter, type TablePrintOptions} from './table.js'

export interface TerminalSize {
  rows?: number
  columns?: number
}

const CSI = '\x1b['
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

export class LiveTable {
  private rows = new Map<string, TableRow>()
  private columns: TableColumnDefinition[] = []
  /** Terminal lines the last drawing took, which the next one goes back over. */
  private drawnLines = 0
  private started = false

  constructor(
    private out: OutStream,
    private opts: TablePrintOptions,
    private size: () => TerminalSize = () => ({}),
  ) {}

  /** Adds the row under `key`, or updates it where it is. */
  set(key: string, row: TableRow, columns: TableColumnDefinition[]): void {
    if (columns.length > 0) this.columns = columns
    this.rows.set(key, row)
    this.redraw()
  }

  delete(key: string): void {
    if (this.rows.delete(key)) this.redraw()
  }

  /** Draws the table for the first time (after the initial list, which is not drawn row by row). */
  start(): void {
    this.started = true
    this.redraw()
  }

  private redraw(): void {
    if (!this.started) return
    const {rows: height, columns: width} = this.size()
    let lines = this.render()
    // A drawing taller than the terminal would scroll out of reach of the cursor: the rows that do not fit are counted instead.
    if (height && height > 2 && lines.length > height - 1) {
      const hidden = lines.length - (height - 2)
      lines = [...lines.slice(0, height - 2), `... ${hidden} more row${hidden === 1 ? '' : 's'} (the terminal is too short to show them)`]
    }
    const back = this.drawnLines > 0 ? `${CSI}${this.drawnLines}A\r${CSI}J` : ''
    this.out.write(back + lines.map((l) => `${l}\n`).join(''))
    this.drawnLines = lines.reduce((n, line) => n + terminalLines(line, width), 0)
  }

  private render(): string[] {
    const chunks: string[] = []
    const tabs = new TabWriter({write: (chunk: string) => chunks.push(chunk)}, KUBECTL_TAB_WRITER)
    const table: Table = {kind: 'Table', columnDefinitions: this.columns, rows: [...this.rows.values()]}
    new TablePrinter(tabs, this.opts).print(table)
    tabs.flush()
    const text = chunks.join('')
    return text === '' ? [] : text.replace(/\n$/, '').split('\n')
  }
}

/** How many terminal lines `line` takes once wrapped at `width` columns. */
function terminalLines(line: string, width: number | undefined): number {
  const visible = [...line.replace(ANSI, '')].length
  return width && width > 0 ? Math.max(1, Math.ceil(visible / width)) : 1
}
