// Go's base64.StdEncoding.DecodeString: padding required, CR and LF skipped, and the byte offset
// its CorruptInputError names when the text is not base64.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]))
const PAD = 0x3d

/** Go's CorruptInputError; `message` is its Error() text. */
export class CorruptInputError extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`)
  }
}

const isNewline = (c: number) => c === 0x0a || c === 0x0d

/** The bytes `text` (taken as UTF-8) decodes to, or CorruptInputError where Go's decoder stops. */
export function goBase64Decode(text: string): Buffer {
  const src = Buffer.from(text, 'utf8')
  const out: number[] = []
  let si = 0
  while (si < src.length) {
    const quantum = [0, 0, 0, 0]
    let dlen = 4
    let trailing: CorruptInputError | undefined
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out)
        throw new CorruptInputError(si - j)
      }
      const c = src[si++]
      const v = DECODE.get(c)
      if (v !== undefined) {
        quantum[j] = v
        continue
      }
      if (isNewline(c)) {
        j--
        continue
      }
      if (c !== PAD || j < 2) throw new CorruptInputError(si - 1)
      if (j === 2) {
        // "==" is expected: the first "=" is read, skip newlines to the second
        while (si < src.length && isNewline(src[si])) si++
        if (si === src.length) throw new CorruptInputError(src.length)
        if (src[si] !== PAD) throw new CorruptInputError(si - 1)
        si++
      }
      while (si < src.length && isNewline(src[si])) si++
      if (si < src.length) trailing = new CorruptInputError(si)
      dlen = j
      break
    }
    const val = (quantum[0] << 18) | (quantum[1] << 12) | (quantum[2] << 6) | quantum[3]
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff]
    out.push(...bytes.slice(0, dlen - 1))
    if (trailing) throw trailing
  }
  return Buffer.from(out)
}
