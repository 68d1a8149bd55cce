// Go's encoding/json for typed structs (kubeconfig, ExecCredential): Maps are structs and keep their
// field order; plain objects are Go maps and come out sorted; strings and numbers exactly as json.go
// writes them (shared with the -o json printer).
import {compareCodePoints, formatJSON, goJSONNumber} from './json.js'

/** json.MarshalIndent(v, "", "    ") plus the newline kubectl's JSON printer adds. */
export function formatStructJSON(value: unknown): string {
  return write(value, '', '    ') + '\n'
}

/** json.Marshal(v): no whitespace at all. */
export function compactStructJSON(value: unknown): string {
  return write(value, '', undefined)
}

function quote(s: string): string {
  return formatJSON(s).slice(0, -1)
}

function write(value: unknown, indent: string, step: string | undefined): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'bigint') return goJSONNumber(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  let entries: Array<[string | undefined, unknown]>
  let open: string
  let close: string
  if (Array.isArray(value)) {
    entries = value.map((v) => [undefined, v])
    ;[open, close] = ['[', ']']
  } else if (value instanceof Map) {
    entries = [...value].filter(([, v]) => v !== undefined)
    ;[open, close] = ['{', '}']
  } else {
    const record = value as Record<string, unknown>
    entries = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort(compareCodePoints)
      .map((k) => [k, record[k]])
    ;[open, close] = ['{', '}']
  }
  if (entries.length === 0) return open + close
  const inner = step === undefined ? '' : indent + step
  const items = entries.map(([k, v]) => {
    const key = k === undefined ? '' : quote(k) + (step === undefined ? ':' : ': ')
    return (step === undefined ? '' : inner) + key + write(v, inner, step)
  })
  if (step === undefined) return open + items.join(',') + close
  return `${open}\n${items.join(',\n')}\n${indent}${close}`
}
