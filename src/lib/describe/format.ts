// Value formatting kubectl's describers get from Go: label selectors as strings, and fmt's `%v` for
// the untyped values of unstructured objects.
import {goSortSlice} from '../go/sort.js'

export interface LabelSelectorRequirement {
  key: string
  operator: string
  values?: string[] | null
}

export interface LabelSelector {
  matchLabels?: Record<string, string> | null
  matchExpressions?: LabelSelectorRequirement[] | null
}

const OPERATORS: Record<string, string> = {In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!'}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, `a=b`, `k in (x,y)`,
 * `k notin (x)`, `k`, `!k`. A nil selector (matches nothing) and an empty one (matches everything)
 * both print as ''. Throws kubectl's message for an unknown operator.
 */
export function labelSelectorString(selector: LabelSelector | null | undefined): string {
  if (!selector) return ''
  const requirements: Array<{key: string; text: string}> = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) requirements.push({key, text: `${key}=${value}`})
  for (const expr of selector.matchExpressions ?? []) {
    const op = OPERATORS[expr.operator]
    if (op === undefined) throw new Error(`${JSON.stringify(expr.operator)} is not a valid label selector operator`)
    const values = [...(expr.values ?? [])].sort().join(',')
    if (op === 'exists') requirements.push({key: expr.key, text: expr.key})
    else if (op === '!') requirements.push({key: expr.key, text: `!${expr.key}`})
    else requirements.push({key: expr.key, text: `${expr.key} ${op} (${values})`})
  }
  return goSortSlice(requirements, (a, b) => a.key < b.key)
    .map((r) => r.text)
    .join(',')
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  let text: string
  try {
    text = labelSelectorString(selector)
  } catch {
    return '<error>'
  }
  return text === '' ? '<none>' : text
}

/** fmt's `%v` for a float64: %g with the shortest digits, in exponent form below 1e-4 and from 1e6 up. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const [mantissa, exponent] = n.toExponential().split('e')
  const exp = Number(exponent)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(n)
}

/** fmt's `%v` for a value decoded from JSON into interface{} (unstructured content). */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>'
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? value.toFixed(0) : goFloat(value)
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `map[${entries.map(([k, v]) => `${k}:${goValue(v)}`).join(' ')}]`
  }
  return String(value)
}
