// `describe namespace`, laid out as kubectl's NamespaceDescriber lays it out: the namespace, then its
// resource quotas and limit ranges (left out on a server that serves neither).
import {isNotFound} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {listAll} from './fetch.js'
import {goSortSlice} from '../go/sort.js'
import type {Describer, DescribeContext} from './registry.js'
import {formatRFC1123Z, LEVEL_0, LEVEL_1, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface Namespace extends KubeObject {
  status?: {
    phase?: string
    conditions?: Array<{type?: string; status?: string; lastTransitionTime?: string | null; reason?: string; message?: string}> | null
  }
}

export interface ResourceQuota extends KubeObject {
  spec?: {scopes?: string[] | null}
  status?: {hard?: Record<string, string>; used?: Record<string, string>}
}

type ResourceList = Record<string, string>

export interface LimitRange extends KubeObject {
  spec?: {
    limits?: Array<{
      type?: string
      max?: ResourceList
      min?: ResourceList
      default?: ResourceList
      defaultRequest?: ResourceList
      maxLimitRequestRatio?: ResourceList
    }> | null
  }
}

export const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
}

/** A list kubectl reads in chunks; undefined when the server does not serve the resource. */
async function listUnlessNotFound<T>(dctx: DescribeContext, path: string): Promise<T[] | undefined> {
  try {
    return await listAll<T>(dctx, path)
  } catch (err) {
    if (isNotFound(err)) return undefined
    throw err
  }
}

export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Quotas\n')
  for (const q of goSortSlice([...quotas], (a, b) => (a.metadata?.name ?? '') < (b.metadata?.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`)
    const scopes = [...(q.spec?.scopes ?? [])].sort(byteOrder)
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`)
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_1, `* ${SCOPE_HELP[scope]}\n`)
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_1, '--------\t---\t---\n')
    const hard = q.status?.hard ?? {}
    for (const resource of Object.keys(hard).sort(byteOrder)) w.write(LEVEL_1, `${resource}\t${q.status?.used?.[resource] ?? '0'}\t${hard[resource]}\n`)
  }
}

function describeLimitRanges(limitRanges: LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const lr of limitRanges) for (const row of limitRangeRows(lr)) w.write(LEVEL_0, ` ${row}\n`)
}

/** A limit range's rows: type, resource, min, max, default request, default limit, ratio; `-` where unset. */
export function limitRangeRows(lr: LimitRange): string[] {
  const rows: string[] = []
  for (const item of lr.spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio]
    const names = new Set(lists.flatMap((l) => Object.keys(l ?? {})))
    // kubectl walks these in Go's random map order; byte order is one of the orders it prints.
    for (const name of [...names].sort(byteOrder)) rows.push(`${item.type ?? ''}\t${name}\t${lists.map((l) => l?.[name] ?? '-').join('\t')}`)
  }
  return rows
}

export const describeNamespace: Describer = async (dctx, obj) => {
  const ns = obj as Namespace
  const meta = ns.metadata ?? {}
  const base = `/api/v1/namespaces/${encodeURIComponent(meta.name ?? '')}`
  const quotas = await listUnlessNotFound<ResourceQuota>(dctx, `${base}/resourcequotas`)
  const limitRanges = await listUnlessNotFound<LimitRange>(dctx, `${base}/limitranges`)
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    // Its Status already says Terminating, and its conditions name the content finalizers it waits on.
    printTerminating(w, meta, dctx.now, {status: false})
    const conditions = ns.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type ?? ''}\t${c.status ?? ''}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
      }
    }
    if (quotas) {
      w.write(LEVEL_0, '\n')
      describeResourceQuotas(quotas, w)
    }
    if (limitRanges) {
      w.write(LEVEL_0, '\n')
      describeLimitRanges(limitRanges, w)
    }
  })
}
