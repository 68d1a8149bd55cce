// Where each node of a decoded document sits in its source text. Decoders record character offsets
// as they build the object; offsets become 1-based line and column only when someone asks, so the
// happy path never scans for line breaks.

/** A scalar is its offset; a mapping or sequence carries its own offset and its children. */
export type PosNode = number | PosMapping | PosSequence

export interface PosMapping {
  at: number
  /**
   * Flat triples: key, offset of the key, position of the value, in the order the keys were set.
   * Appending is far cheaper than keyed stores; see findEntry for lookups.
   */
  entries: Array<string | PosNode>
  /** Key -> index of its latest triple; built on the first lookup in a large mapping. */
  index?: Map<string, number>
  /** Keys that came from a YAML merge (`<<`); a later explicit key may replace them silently. */
  merged?: Set<string>
}

// Below this many keys a scan is cheaper than keeping a Map.
const INDEX_THRESHOLD = 16

/** Records where a key and its value are; a key set again replaces the earlier record. */
export function recordEntry(mapping: PosMapping, key: string, keyAt: number, value: PosNode): void {
  mapping.index?.set(key, mapping.entries.length)
  mapping.entries.push(key, keyAt, value)
}

/** The key offset and value position recorded last for `key`, or undefined. */
export function findEntry(mapping: PosMapping, key: string): [keyAt: number, value: PosNode] | undefined {
  const entries = mapping.entries
  if (entries.length > 3 * INDEX_THRESHOLD) {
    let index = mapping.index
    if (!index) {
      index = new Map()
      for (let i = 0; i < entries.length; i += 3) index.set(entries[i] as string, i)
      mapping.index = index
    }
    const i = index.get(key)
    return i === undefined ? undefined : [entries[i + 1] as number, entries[i + 2] as PosNode]
  }
  for (let i = entries.length - 3; i >= 0; i -= 3) {
    if (entries[i] === key) return [entries[i + 1] as number, entries[i + 2] as PosNode]
  }
  return undefined
}

export interface PosSequence {
  at: number
  items: PosNode[]
}

export interface Position {
  /** 1-based. */
  line: number
  /** 1-based, counted in characters (Unicode code points); a tab counts as one. */
  column: number
}

export function offsetOfNode(node: PosNode): number {
  return typeof node === 'number' ? node : node.at
}

/**
 * The offset a JSON path points at: a key for a string step, the item itself for an index step,
 * the node's start for the empty path. Undefined when the path does not exist in the document.
 */
export function offsetOfPath(root: PosNode, path: ReadonlyArray<string | number>): number | undefined {
  let node = root
  let at = offsetOfNode(root)
  for (const step of path) {
    if (typeof node === 'number') return undefined
    if (typeof step === 'number') {
      if (!('items' in node)) return undefined
      const item = node.items[step]
      if (item === undefined) return undefined
      node = item
      at = offsetOfNode(item)
    } else {
      const entry = 'entries' in node ? findEntry(node, step) : undefined
      if (!entry) return undefined
      ;[at, node] = entry
    }
  }
  return at
}

/** The subtree a path leads to, for documents taken out of a List. */
export function nodeAtPath(root: PosNode, path: ReadonlyArray<string | number>): PosNode | undefined {
  let node: PosNode | undefined = root
  for (const step of path) {
    if (node === undefined || typeof node === 'number') return undefined
    if (typeof step === 'number') node = 'items' in node ? node.items[step] : undefined
    else node = 'entries' in node ? findEntry(node, step)?.[1] : undefined
  }
  return node
}

/**
 * Line starts (and the places of low surrogates) of one source text, found on first use; each
 * lookup is then a binary search, so even a one-line 100 MB JSON file locates quickly.
 */
export class LineIndex {
  private starts?: Uint32Array
  private lowSurrogates?: Uint32Array

  constructor(private readonly text: string) {}

  locate(offset: number): Position {
    const starts = (this.starts ??= offsetsOf(this.text, /\n/g, 1))
    const at = Math.max(0, Math.min(offset, this.text.length))
    const line = countBelow(starts, at + 1) - 1
    // the second half of a surrogate pair belongs to the character before it
    const low = (this.lowSurrogates ??= offsetsOf(this.text, /[\udc00-\udfff]/g, 0))
    const paired = low.length === 0 ? 0 : countBelow(low, at) - countBelow(low, starts[line])
    return {line: line + 1, column: at - starts[line] - paired + 1}
  }
}

/** Offsets of each match (plus `shift`), after a leading 0 when shift is 1 (line starts). */
function offsetsOf(text: string, re: RegExp, shift: number): Uint32Array {
  const found: number[] = shift === 1 ? [0] : []
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(m.index + shift)
  return Uint32Array.from(found)
}

/** How many sorted values are below `limit`. */
function countBelow(values: Uint32Array, limit: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] < limit) lo = mid + 1
    else hi = mid
  }
  return lo
}
