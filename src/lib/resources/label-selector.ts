// Label selectors evaluated on the client, for objects that never came from a list request: kubectl
// filters -f manifests by -l before it looks them up. Grammar and meaning are apimachinery's labels
// package: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, `a>1`, `a<1`.
import {LabelSelectorError, parseRequirements, type Requirement} from '../create/create-b-label-selector.js'
import {usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'

export type LabelSelector = (labels: Record<string, string> | undefined) => boolean

/** A selector's test for labels; a selector labels.Parse refuses fails with kubectl's builder error. */
export function parseLabelSelector(text: string): LabelSelector {
  let requirements: Requirement[]
  try {
    requirements = parseRequirements(text)
  } catch (err) {
    if (err instanceof LabelSelectorError) throw usageError(`the provided selector ${goQuote(text)} is not valid: ${err.message}`)
    throw err
  }
  return (labels) => requirements.every((r) => matches(r, labels ?? {}))
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key)
  const value = labels[r.key]
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value)
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value)
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value)) return false
      return r.operator === 'gt' ? BigInt(value) > BigInt(r.values[0]) : BigInt(value) < BigInt(r.values[0])
    }
  }
}
