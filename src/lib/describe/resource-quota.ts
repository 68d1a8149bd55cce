// `describe resourcequota`, laid out as kubectl's ResourceQuotaDescriber lays it out. (A namespace's
// description lists its quotas in a shorter form, in namespace.ts.)
import {quantityValue, parseQuantity} from './quantity.js'
import {byteOrder, type ResourceQuota, SCOPE_HELP} from './namespace.js'
import type {Describer} from './registry.js'
import {LEVEL_0, tabbedString} from './writer.js'

const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const DECIMAL_SUFFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E']

const isBinarySI = (q: string) => /[KMGTPE]i$/.test(q)

/** resource.NewQuantity(value, format).String() for a whole number: the largest suffix that divides it exactly. */
function wholeQuantity(value: bigint, binary: boolean): string {
  const base = binary ? 1024n : 1000n
  const suffixes = binary ? BINARY_SUFFIXES : DECIMAL_SUFFIXES
  // Binary amounts under 1024 print as decimal numbers, as Quantity's canonical form does.
  if (value === 0n || (binary && value > -1024n && value < 1024n)) return value.toString()
  let k = 0
  let amount = value
  while (k < suffixes.length - 1 && amount % base === 0n) {
    amount /= base
    k++
  }
  return `${amount}${suffixes[k]}`
}

/** The used amount as kubectl shows it: in the hard limit's format (binary or decimal) when the two differ. */
function usedInHardFormat(used: string, hard: string): string {
  if (isBinarySI(used) === isBinarySI(hard)) return used
  const parsed = parseQuantity(used)
  return parsed === undefined ? used : wholeQuantity(quantityValue(parsed), isBinarySI(hard))
}

export const describeResourceQuota: Describer = async (_dctx, obj) => {
  const quota = obj as ResourceQuota
  const meta = quota.metadata ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    const scopes = [...(quota.spec?.scopes ?? [])].sort(byteOrder)
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`)
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`)
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_0, '--------\t----\t----\n')
    const hard = quota.status?.hard ?? {}
    for (const resource of Object.keys(hard).sort(byteOrder)) {
      w.write(LEVEL_0, `${resource}\t${usedInHardFormat(quota.status?.used?.[resource] ?? '0', hard[resource])}\t${hard[resource]}\n`)
    }
  })
}
