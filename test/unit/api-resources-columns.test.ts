// The column layout api-resources (and later get) prints. Expected outputs come from Go's
// text/tabwriter with kubectl's settings (minwidth 6, tabwidth 4, padding 3, spaces); the last test
// covers the RememberWidths behaviour of the tabwriter fork kubectl uses.
import {describe, expect, it} from 'vitest'
import {formatColumns, KUBECTL_TAB_WRITER, TabWriter} from '../../src/lib/printers/columns.js'

const GO_TABWRITER = {...KUBECTL_TAB_WRITER, rememberWidths: false}

function written(chunks: string[], opts = GO_TABWRITER): string {
  const out: string[] = []
  const w = new TabWriter({write: (s: string) => out.push(s)}, opts)
  for (const c of chunks) w.write(c)
  w.flush()
  return out.join('')
}

describe('TabWriter', () => {
  it.each([
    [['NAME\tAGE\na\t1\nlonger-name\t22\n'], 'NAME          AGE\na             1\nlonger-name   22\n'],
    [['a\tb\tc\naa\tbb\n\nx\ty\tz\n'], 'a     b     c\naa    bb\n\nx     y     z\n'],
    [['a\tb\n', 'ccc\td\n', 'no tabs here\n', 'e\tffff\n'], 'a     b\nccc   d\nno tabs here\ne     ffff\n'],
    [['héllo\twörld\tx\nab\tc\td\n'], 'héllo   wörld   x\nab      c       d\n'],
    [['trailing\t\n\t\nx\t\n'], 'trailing   \n           \nx          \n'],
    [['a\tb\tc', '\n'], 'a     b     c\n'],
    [['partial\tline'], 'partial   line'],
    [['aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n'], 'aaaa   bbb   d\naa     b     dd\na      \naa     cccc   eee\n'],
    [['x\u000by\tz\n1\u000b22\t333\n'], 'x     y     z\n1     22    333\n'],
    [['f\ff\tg\nh\ti\n'], 'f\nf     g\nh     i\n'],
  ])('lays out %j like Go', (chunks, want) => {
    expect(written(chunks)).toBe(want)
  })

  it('writes a line without tabs at once, since nothing after it can change it', () => {
    const out: string[] = []
    const w = new TabWriter({write: (s: string) => out.push(s)}, GO_TABWRITER)
    w.write('a\tb\nplain\nc\t')
    expect(out.join('')).toBe('a     b\nplain\n')
    w.flush()
    expect(out.join('')).toBe('a     b\nplain\nc')
  })

  it('keeps columns as wide as before after a flush (RememberWidths)', () => {
    const chunks = ['longer-name\tx\n', 'break\n', 'a\tb\n']
    expect(written(chunks)).toBe('longer-name   x\nbreak\na     b\n')
    expect(written(chunks, KUBECTL_TAB_WRITER)).toBe('longer-name   x\nbreak\na             b\n')
  })
})

describe('formatColumns', () => {
  it('pads every cell but the last of each row', () => {
    expect(formatColumns([['NAME', 'KIND'], ['pods', 'Pod'], ['', 'Binding']])).toBe('NAME   KIND\npods   Pod\n       Binding\n')
  })
})
