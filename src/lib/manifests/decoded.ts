// What the YAML and JSON decoders hand to the reader: documents with positions, and problems, both
// numbered by document within their source.
import type {PosNode} from './positions.js'

/** Deepest nesting of mappings and sequences a manifest may have (both formats). */
export const MAX_DEPTH = 1000

export interface RawDocument {
  /** 0-based document number within the source. */
  index: number
  /** Offset of the document's root node. */
  at: number
  /** The decoded value; null for an empty document. */
  value: unknown
  pos: PosNode
}

export interface RawProblem {
  index: number
  at: number
  message: string
}

export interface DecodedStream {
  documents: RawDocument[]
  problems: RawProblem[]
}

/** Sets a key on a plain object; "__proto__" becomes an own property rather than the prototype. */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, {value, enumerable: true, configurable: true, writable: true})
  else target[key] = value
}
