// The few shapes of API objects that generic code reads.

export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  creationTimestamp?: string
  deletionTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  finalizers?: string[]
  managedFields?: unknown[]
  ownerReferences?: Array<{apiVersion: string; kind: string; name: string; uid: string; controller?: boolean}>
  [key: string]: unknown
}

export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [key: string]: unknown
}

export interface ObjectList<T = KubeObject> {
  apiVersion?: string
  kind?: string
  metadata?: {resourceVersion?: string; continue?: string; remainingItemCount?: number}
  items: T[]
}

/** metav1.Table as the server sends it for `as=Table` requests. */
export interface Table {
  kind: 'Table'
  apiVersion?: string
  metadata?: {resourceVersion?: string; continue?: string}
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}

export interface TableColumnDefinition {
  name: string
  type: string
  format: string
  description?: string
  priority: number
}

export interface TableRow {
  cells: unknown[]
  object?: KubeObject
  conditions?: unknown[]
}

/** The Accept header for server-side Tables (v1, then v1beta1), with plain JSON as the fallback. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'

/** A list's items with apiVersion and kind filled in: the server omits them, kubectl's decoder adds them. */
export function listItems(list: ObjectList, fallbackKind = ''): KubeObject[] {
  const kind = (list.kind ?? `${fallbackKind}List`).replace(/List$/, '')
  return list.items.map((item) => ({apiVersion: list.apiVersion, kind, ...item}))
}
