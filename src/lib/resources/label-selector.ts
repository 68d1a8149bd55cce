// Label selectors evaluated on the client, for objects that never came from a list request: kubectl
// filters -f manifests by -l before it looks them up. Grammar and meaning are apimachinery's labels
// package: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, `a>1`, `a<1`.
import {usageError} from '../errors.js'

type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<'

interface Requirement {
  key: string
  operator: Operator
  values: string[]
}

export type LabelSelector = (labels: Record<string, string> | undefined) => boolean

export function parseLabelSelector(text: string): LabelSelector {
  const requirements = splitRequirements(text).map((part) => parseRequirement(part.trim(), text))
  return (labels) => requirements.every((r) => matches(r, labels ?? {}))
}

// Commas separate requirements except inside the parentheses of `in` and `notin`.
function splitRequirements(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')') depth--
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return text.trim() === '' ? [] : parts
}

function parseRequirement(part: string, whole: string): Requirement {
  const invalid = () => usageError(`unable to parse requirement: found '${part}', in selector "${whole}"`)
  const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(part)
  if (set) return {key: set[1], operator: set[2] as Operator, values: set[3].split(',').map((v) => v.trim())}
  const binary = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*([^=!<>\s,]*)$/.exec(part)
  if (binary) {
    const operator = binary[2] === '==' ? '=' : (binary[2] as Operator)
    if ((operator === '>' || operator === '<') && !/^-?\d+$/.test(binary[3])) throw invalid()
    return {key: binary[1], operator, values: [binary[3]]}
  }
  const absent = /^!\s*([^=!<>\s()]+)$/.exec(part)
  if (absent) return {key: absent[1], operator: '!', values: []}
  if (/^[^=!<>\s()]+$/.test(part)) return {key: part, operator: 'exists', values: []}
  throw invalid()
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key)
  const value = labels[r.key]
  switch (r.operator) {
    case '=':
    case 'in':
      return has && r.values.includes(value)
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value)
    case 'exists':
      return has
    case '!':
      return !has
    case '>':
    case '<': {
      if (!has || !/^-?\d+$/.test(value)) return false
      return r.operator === '>' ? Number(value) > Number(r.values[0]) : Number(value) < Number(r.values[0])
    }
  }
}
