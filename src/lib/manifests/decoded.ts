// What the YAML and JSON decoders hand to the reader: documents with positions, and problems, both
// numbered by document within their source.
import type {PosNode} from './positions.js'

/** Deepest nesting of mappings and sequences a manifest may have (both formats). */
export const MAX_DEPTH = 1000

/**
 * yaml.v2's defence against alias bombs ("billion laughs"), given the nodes decoded so far and how
 * many of them came from expanding aliases: the share alias expansion may take shrinks from 99% to
 * 10% as documents grow.
 */
export function excessiveAliasing(decodeCount: number, aliasCount: number): boolean {
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)
}

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99
  if (decodeCount >= 4_000_000) return 0.1
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000)
}

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
