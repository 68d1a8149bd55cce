// Aligned columns the way kubectl prints them: Go's text/tabwriter algorithm (elastic tabstops) with
// kubectl's settings from printers.GetNewTabWriter — minwidth 6, padding 3, padded with spaces, and
// RememberWidths, so a column never gets narrower after a flush (tables printed one after another,
// watch output).
//
// Input is text whose cells end with a tab. Only tab-terminated cells form columns: the text after a
// line's last tab is printed as is. A column's width is decided per block of consecutive lines that
// have a cell in it. A line without any tab ends every block and flushes, as in Go.
import type {OutStream} from '../io.js'

export interface TabWriterOptions {
  /** Minimal cell width, padding included. */
  minWidth: number
  /** Added to the widest cell of a column. */
  padding: number
  padChar: string
  /** Keep the widest width seen per column across flushes. */
  rememberWidths: boolean
}

export const KUBECTL_TAB_WRITER: TabWriterOptions = {minWidth: 6, padding: 3, padChar: ' ', rememberWidths: true}

interface Cell {
  text: string
  /** Width in code points, as Go counts runes. */
  width: number
}

export class TabWriter {
  private lines: Cell[][] = [[]]
  private cell = ''
  private widths: number[] = []
  private maxWidths: number[] = []
  private pending: string[] = []

  constructor(
    private out: OutStream,
    private opts: TabWriterOptions = KUBECTL_TAB_WRITER,
  ) {}

  write(text: string): void {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      this.cell += text.slice(start, i)
      start = i + 1
      const cells = this.terminateCell()
      if (ch === '\n' || ch === '\f') {
        this.lines.push([])
        // A line of one cell cannot affect the layout of later lines, so what came before is final.
        if (ch === '\f' || cells === 1) this.flush()
      }
    }
    this.cell += text.slice(start)
  }

  /** Writes everything buffered; call once after the last write. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell()
    this.format(0, this.lines.length)
    if (this.pending.length > 0) this.out.write(this.pending.join(''))
    this.pending = []
    this.lines = [[]]
    this.cell = ''
    this.widths = []
  }

  /** Forget remembered column widths (kubectl does so when it starts a new resource type). */
  resetWidths(): void {
    this.maxWidths = []
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1]
    line.push({text: this.cell, width: codePoints(this.cell)})
    this.cell = ''
    return line.length
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue
      // A cell in this column starts a block: print what came before it, then size the block.
      this.writeLines(line0, current)
      line0 = current
      let width = this.opts.minWidth
      for (; current < line1; current++) {
        const line = this.lines[current]
        if (column >= line.length - 1) break
        width = Math.max(width, line[column].width + this.opts.padding)
      }
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < this.widths.length) this.maxWidths.push(...this.widths.slice(this.maxWidths.length))
        if (this.maxWidths.length === this.widths.length) this.maxWidths.push(width)
        else if (this.maxWidths[column] > width) width = this.maxWidths[column]
        else this.maxWidths[column] = width
      }
      this.widths.push(width)
      this.format(line0, current)
      this.widths.pop()
      line0 = current
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]
      line.forEach((c, j) => {
        this.pending.push(c.text)
        if (j < this.widths.length) this.pending.push(this.opts.padChar.repeat(this.widths[j] - c.width))
      })
      // The last line is the one still being written: it has no newline yet.
      if (i + 1 < this.lines.length) this.pending.push('\n')
    }
  }
}

// Colour escapes (only ever written on a terminal) take no room on screen.
const SGR = /\u001B\[[0-9;]*m/g

function codePoints(s: string): number {
  let n = 0
  for (const _ of s.includes('\u001B[') ? s.replace(SGR, '') : s) n++
  return n
}

/** Rows of cells as kubectl's tabwriter lays them out; the last cell of a row is not padded. */
export function formatColumns(rows: string[][], opts: TabWriterOptions = KUBECTL_TAB_WRITER): string {
  const chunks: string[] = []
  const writer = new TabWriter({write: (s: string) => chunks.push(s)}, opts)
  for (const row of rows) writer.write(`${row.join('\t')}\n`)
  writer.flush()
  return chunks.join('')
}
