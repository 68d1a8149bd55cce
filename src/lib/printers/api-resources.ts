// `api-resources` output: kubectl's table (NAME SHORTNAMES APIVERSION NAMESPACED KIND, plus VERBS and
// CATEGORIES with -o wide) or one `resource[.group]` per line with -o name.
import {groupVersionString} from '../discovery/documents.js'
import type {APIResource} from '../discovery/types.js'
import type {OutStream} from '../io.js'
import {TabWriter} from './columns.js'

export type APIResourcesFormat = '' | 'wide' | 'name'

export interface APIResourcesPrintOptions {
  format: APIResourcesFormat
  noHeaders: boolean
}

/** The header alone, which kubectl prints even when discovery then fails. */
export function apiResourcesHeader(opts: APIResourcesPrintOptions): string | undefined {
  if (opts.noHeaders || opts.format === 'name') return undefined
  const columns = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']
  if (opts.format === 'wide') columns.push('VERBS', 'CATEGORIES')
  return columns.join('\t')
}

export function printAPIResources(out: OutStream, resources: APIResource[], opts: APIResourcesPrintOptions): void {
  const w = new TabWriter(out)
  const header = apiResourcesHeader(opts)
  if (header !== undefined) w.write(`${header}\n`)
  for (const r of resources) w.write(`${row(r, opts.format)}\n`)
  w.flush()
}

function row(r: APIResource, format: APIResourcesFormat): string {
  if (format === 'name') return r.group === '' ? r.name : `${r.name}.${r.group}`
  const cells = [r.name, r.shortNames.join(','), groupVersionString(r.group, r.version), String(r.namespaced), r.kind]
  if (format === 'wide') cells.push(r.verbs.join(','), r.categories.join(','))
  return cells.join('\t')
}
