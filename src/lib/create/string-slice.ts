// pflag's StringSlice flags (--image, --from-file, --tcp ...) read each value as one CSV record, so
// `--image=a,b` names two images. StringArray flags (--from-literal) take values whole.
import {invalidFlagArgument} from '../errors.js'

/** Every value split as Go's encoding/csv reads one record; `flag` names the flag in errors. */
export function splitStringSlice(values: readonly string[] | undefined, flag: string, commandPath: string): string[] {
  const result: string[] = []
  for (const value of values ?? []) {
    try {
      result.push(...readCSVRecord(value))
    } catch (err) {
      if (!(err instanceof CSVError)) throw err
      throw invalidFlagArgument(value, `--${flag}`, err.message, commandPath)
    }
  }
  return result
}

class CSVError extends Error {}

function readCSVRecord(value: string): string[] {
  if (value === '') return []
  // encoding/csv reads one line: the record ends at the first line break outside quotes
  const fields: string[] = []
  let i = 0
  const line = 1
  for (;;) {
    if (value[i] === '"') {
      i++
      let field = ''
      for (;;) {
        if (i >= value.length) throw new CSVError(`parse error on line ${line}, column ${value.length + 1}: extraneous or missing " in quoted-field`)
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += value[i++]
      }
      if (i < value.length && value[i] !== ',' && value[i] !== '\n' && value[i] !== '\r') {
        throw new CSVError(`parse error on line ${line}, column ${i}: extraneous or missing " in quoted-field`)
      }
      fields.push(field)
    } else {
      let end = i
      while (end < value.length && value[end] !== ',' && value[end] !== '\n' && value[end] !== '\r') end++
      const field = value.slice(i, end)
      const quote = field.indexOf('"')
      if (quote >= 0) throw new CSVError(`parse error on line ${line}, column ${i + quote + 1}: bare " in non-quoted-field`)
      fields.push(field)
      i = end
    }
    if (i < value.length && value[i] === ',') {
      i++
      continue
    }
    return fields
  }
}
