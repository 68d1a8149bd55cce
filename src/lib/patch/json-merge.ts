// JSON merge patch (RFC 7386) as kubectl computes and applies it for kinds without strategic merge
// metadata (custom resources): evanphx/json-patch v4's CreateMergePatch and MergePatch, and
// apimachinery's CreateThreeWayJSONMergePatch with its conflict check.
import {PatchConflictError, PatchError, PatchPreconditionError} from './errors.js'
import {goDeepEqual, goType, hasKey, isMap, newMap, toGoJSON, type JSONMap, type JSONValue} from './go-values.js'

/** A check on a finished patch; false rejects it (mergepatch.PreconditionFunc). */
export type Precondition = (patch: JSONMap) => boolean

/** mergepatch.RequireKeyUnchanged: the patch must not set `key`. */
export function requireKeyUnchanged(key: string): Precondition {
  return (patch) => !hasKey(patch, key)
}

/** mergepatch.RequireMetadataKeyUnchanged: the patch must not set metadata.`key`. */
export function requireMetadataKeyUnchanged(key: string): Precondition {
  return (patch) => {
    const metadata = hasKey(patch, 'metadata') ? patch.metadata : undefined
    return !isMap(metadata) || !hasKey(metadata, key)
  }
}

/** CreateMergePatch: the merge patch that turns `original` into `modified`. */
export function createMergePatch(original: unknown, modified: unknown): JSONMap {
  return getDiff(asMap(toGoJSON(original ?? {})), asMap(toGoJSON(modified ?? {})))
}

/** MergePatch: `patch` applied to `document` (null members delete, objects merge, the rest replaces). */
export function applyMergePatch(document: unknown, patch: unknown): JSONValue {
  const doc = toGoJSON(document)
  const p = toGoJSON(patch)
  if (!isMap(p)) return pruneNulls(p)
  if (!isMap(doc)) return pruneNulls(p)
  mergeDocs(doc, p)
  return doc
}

/**
 * CreateThreeWayJSONMergePatch: the deletions from `original` to `modified` plus the additions and
 * changes from `current` to `modified`. Unlike the strategic version it always checks that the two
 * halves agree, and then the preconditions.
 */
export function createThreeWayJSONMergePatch(original: unknown, modified: unknown, current: unknown, preconditions: Precondition[] = []): JSONMap {
  const originalMap = asMap(toGoJSON(original ?? {}))
  const modifiedMap = asMap(toGoJSON(modified ?? {}))
  const currentMap = asMap(toGoJSON(current ?? {}))
  const addAndChange = keepOrDeleteNull(getDiff(currentMap, modifiedMap), false)
  const deletions = keepOrDeleteNull(getDiff(originalMap, modifiedMap), true)
  if (hasConflicts(addAndChange, deletions)) throw new PatchConflictError(addAndChange, deletions)
  // The Go code round-trips both halves through JSON before merging; the copies keep them apart.
  const patch = toGoJSON(deletions) as JSONMap
  mergeDocs(patch, toGoJSON(addAndChange) as JSONMap)
  for (const precondition of preconditions) {
    if (!precondition(patch)) throw new PatchPreconditionError(patch)
  }
  return patch
}

/** mergepatch.HasConflicts: do two patches set a common key to different values? */
export function hasConflicts(left: JSONValue, right: JSONValue): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true
    for (const key of Object.keys(left)) {
      if (hasKey(right, key) && hasConflicts(left[key], right[key])) return true
    }
    return false
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true
    for (let i = 0; i < left.length; i++) if (hasConflicts(left[i], right[i])) return true
    return false
  }
  return !goDeepEqual(left, right)
}

function asMap(v: JSONValue): JSONMap {
  if (!isMap(v)) throw new PatchError('Invalid JSON Document')
  return v
}

function getDiff(a: JSONMap, b: JSONMap): JSONMap {
  const into = newMap()
  for (const key of Object.keys(b)) {
    const bv = b[key]
    if (!hasKey(a, key)) {
      into[key] = bv
      continue
    }
    const av = a[key]
    if (goType(av) !== goType(bv)) {
      into[key] = bv
      continue
    }
    if (isMap(av)) {
      const dst = getDiff(av, bv as JSONMap)
      if (Object.keys(dst).length > 0) into[key] = dst
    } else if (av !== null && !matchesValue(av, bv)) {
      into[key] = bv
    }
  }
  for (const key of Object.keys(a)) if (!hasKey(b, key)) into[key] = null
  return into
}

function matchesValue(av: JSONValue, bv: JSONValue): boolean {
  if (goType(av) !== goType(bv)) return false
  if (Array.isArray(av)) {
    const bt = bv as JSONValue[]
    if (av.length !== bt.length) return false
    for (let i = 0; i < av.length; i++) if (!matchesValue(av[i], bt[i])) return false
    return true
  }
  if (isMap(av)) {
    const bt = bv as JSONMap
    if (Object.keys(av).length !== Object.keys(bt).length) return false
    for (const key of Object.keys(bt)) {
      if (hasKey(av, key) !== hasKey(bt, key)) return false
      if (!matchesValue(av[key], bt[key])) return false
    }
    return true
  }
  return av === bv
}

// keepOrDeleteNullInObj: keeps only the nulls (the deletions) or everything but the nulls (the
// additions and changes). An explicitly empty object is a value, not an empty patch.
function keepOrDeleteNull(m: JSONMap, keepNull: boolean): JSONMap {
  const filtered = newMap()
  for (const key of Object.keys(m)) {
    const val = m[key]
    if (val === null) {
      if (keepNull) filtered[key] = null
    } else if (isMap(val)) {
      if (Object.keys(val).length === 0) {
        if (!keepNull) filtered[key] = val
        continue
      }
      const sub = keepOrDeleteNull(val, keepNull)
      if (Object.keys(sub).length !== 0) filtered[key] = sub
    } else if (!keepNull) {
      filtered[key] = val
    }
  }
  return filtered
}

function mergeDocs(doc: JSONMap, patch: JSONMap): void {
  for (const key of Object.keys(patch)) {
    const value = patch[key]
    if (value === null) {
      delete doc[key]
      continue
    }
    const cur = hasKey(doc, key) ? doc[key] : null
    doc[key] = cur === null ? pruneNulls(value) : merge(cur, value)
  }
}

function merge(cur: JSONValue, patch: JSONValue): JSONValue {
  if (!isMap(cur)) return pruneNulls(patch)
  if (!isMap(patch)) return patch
  mergeDocs(cur, patch)
  return cur
}

// Drops null members of objects at any depth; null items of arrays stay.
function pruneNulls(value: JSONValue): JSONValue {
  if (isMap(value)) {
    for (const key of Object.keys(value)) {
      if (value[key] === null) delete value[key]
      else pruneNulls(value[key])
    }
  } else if (Array.isArray(value)) {
    for (const item of value) if (item !== null) pruneNulls(item)
  }
  return value
}
