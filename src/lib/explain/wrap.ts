// The two ways kubectl wraps schema descriptions: the OpenAPI v2 printer's own line filler
// (kubectl/pkg/explain/formatter.go) and github.com/mitchellh/go-wordwrap, which the v3 templates use.

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8')

/** go-wordwrap's WrapString: breaks at whitespace so lines stay within `limit` runes; longer words stay whole. */
export function goWordWrap(s: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const char of s) {
    if (char === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space
      } else {
        out += space + word
        word = ''
        wordLen = 0
      }
      space = ''
      spaceLen = 0
      out += char
      current = 0
    } else if (isGoSpace(char) && char !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        out += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += char
      spaceLen++
    } else {
      word += char
      wordLen++
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space
  } else {
    out += space + word
  }
  return out
}

/** unicode.IsSpace. */
function isGoSpace(char: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(char)
}

/** strings.Fields. */
function goFields(s: string): string[] {
  return s.split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((w) => w !== '')
}

const BULLET = /^(\d+\.?|-|\*)\s/

function startsNewLine(lastWord: string, line: string): boolean {
  if (lastWord.endsWith(':')) return true
  if (line.startsWith('    ')) return true
  const trimmed = line.trim()
  return trimmed.length === 0 || BULLET.test(trimmed)
}

/** The v2 printer's wrapString: refills paragraphs to `width` bytes, keeping code blocks, blank lines and list items. */
export function fillLines(text: string, width: number): string[] {
  const wrapped: string[] = []
  let words: string[] = []
  let lastWord = ''
  const flush = () => {
    if (words.length > 0) {
      lastWord = ''
      wrapped.push(words.join(' '))
      words = []
    }
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush()
      wrapped.push(line)
      continue
    }
    if (wrapped.length > 0 && line.trim().length === 0) {
      flush()
      wrapped.push('')
      continue
    }
    if (startsNewLine(lastWord, line)) flush()
    for (const word of goFields(line)) {
      lastWord = word
      if (words.length > 0 && utf8Length([...words, word].join(' ')) > width) flush()
      words.push(word)
    }
  }
  flush()
  return wrapped
}
