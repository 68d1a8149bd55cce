// Strategic merge patch, as k8s.io/apimachinery/pkg/util/strategicpatch computes and applies it:
// the two-way diff (CreateTwoWayMergePatch), kubectl apply's three-way patch
// (CreateThreeWayMergePatch) and the server's merge (StrategicMergePatch).
//
// Lists whose field has the "merge" strategy are merged by their merge key: removed elements become
// {"$patch":"delete", KEY: VALUE}, lists of primitives get a parallel "$deleteFromPrimitiveList/F"
// list, and "$setElementOrder/F" carries the order of the new list. Fields with "retainKeys" get a
// "$retainKeys" list of the keys to keep. Everything else is JSON merge patch: maps merge, a deleted
// key is null, lists and scalars are replaced.
//
// The algorithms follow Go's step by step, including what they do to their inputs (a primitive
// list's original is sorted in place, which later comparisons see) and Go's sorts, so patches come
// out as kubectl's do. Inputs are copied first; results are null-prototype maps.
import {badArgType, ERR_BAD_PRIMITIVE_LIST, ERR_BAD_RETAIN_KEYS, ERR_BAD_SET_ELEMENT_ORDER, ERR_NO_LIST_OF_LISTS, goSprintS, noMergeKey, PatchConflictError, PatchError} from './errors.js'
import {compareCodePoints} from '../printers/json.js'
import {
  goDeepEqual,
  goInterfaceEqual,
  goSortStable,
  goSortUnstable,
  goSprintV,
  goType,
  hasKey,
  isMap,
  newMap,
  stringsAreSorted,
  toGoJSON,
  type JSONMap,
  type JSONValue,
} from './go-values.js'
import {PatchMetaLookupError, type FieldPatchMeta, type PatchSchema} from './patch-meta.js'

const DIRECTIVE = '$patch'
const DELETE = 'delete'
const REPLACE = 'replace'
const MERGE = 'merge'
const RETAIN_KEYS_STRATEGY = 'retainKeys'
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList'
const RETAIN_KEYS = '$retainKeys'
const SET_ELEMENT_ORDER = '$setElementOrder'

export interface DiffOptions {
  /** Generate $setElementOrder lists. */
  setElementOrder?: boolean
  /** Leave additions and changes out (the deletions half of a three-way patch). */
  ignoreChangesAndAdditions?: boolean
  /** Leave deletions out (the additions-and-changes half of a three-way patch). */
  ignoreDeletions?: boolean
  buildRetainKeysDirective?: boolean
}

interface MergeOptions {
  /** Apply $deleteFromPrimitiveList and $setElementOrder (server side) rather than carry them (merging two patches). */
  mergeParallelList: boolean
  /** Drop nulls that match nothing (server side) rather than keep them (merging two patches). */
  ignoreUnmatchedNulls: boolean
}

/** CreateTwoWayMergePatch: the patch that turns `original` into `modified`. */
export function createTwoWayMergePatch(original: unknown, modified: unknown, schema: PatchSchema): JSONMap {
  return diffMaps(asMap(toGoJSON(original ?? {})), asMap(toGoJSON(modified ?? {})), schema, {setElementOrder: true})
}

/**
 * CreateThreeWayMergePatch, as kubectl apply calls it: the deletions from `original` (the
 * last-applied configuration) to `modified`, plus the additions and changes from `current` (the
 * live object) to `modified`. With `overwrite` false, a patch that touches a field the live object
 * changed since `original` throws PatchConflictError.
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, schema: PatchSchema, overwrite: boolean): JSONMap {
  const originalMap = asMap(toGoJSON(original ?? {}))
  const modifiedMap = asMap(toGoJSON(modified ?? {}))
  const currentMap = asMap(toGoJSON(current ?? {}))
  const deltaMap = diffMaps(currentMap, modifiedMap, schema, {ignoreDeletions: true, setElementOrder: true})
  const deletionsMap = diffMaps(originalMap, modifiedMap, schema, {setElementOrder: true, ignoreChangesAndAdditions: true})
  const patchMap = mergeMap(deletionsMap, deltaMap, schema, {mergeParallelList: false, ignoreUnmatchedNulls: false})
  if (!overwrite) {
    const changedMap = diffMaps(originalMap, currentMap, schema, {})
    if (mergingMapsHaveConflicts(patchMap, changedMap, schema)) throw new PatchConflictError(patchMap, changedMap)
  }
  return patchMap
}

/** StrategicMergePatch: `patch` applied to `original` as the API server applies it. */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: PatchSchema): JSONMap {
  return mergeMap(asMap(toGoJSON(original ?? {})), asMap(toGoJSON(patch ?? {})), schema, {mergeParallelList: true, ignoreUnmatchedNulls: true})
}

/** MergingMapsHaveConflicts: do two patches set a common key differently? */
export function mergingMapsHaveConflicts(left: JSONMap, right: JSONMap, schema: PatchSchema): boolean {
  return fieldsHaveConflicts(left, right, schema, '', '')
}

function asMap(v: JSONValue): JSONMap {
  if (!isMap(v)) throw new PatchError('invalid JSON document')
  return v
}

// ---------------------------------------------------------------------------------------------
// Diff

function diffMaps(original: JSONMap, modified: JSONMap, schema: PatchSchema, options: DiffOptions): JSONMap {
  const patch = newMap()
  const retainKeysList: JSONValue[] = []
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key]
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key)
    if (!hasKey(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    const originalValue = original[key]
    if (handleDirectiveMarker(key, originalValue, modifiedValue, patch)) continue
    if (goType(originalValue) !== goType(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    if (isMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JSONMap, patch, schema, options)
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as JSONValue[], patch, schema, options)
    else replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options)
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) patch[key] = null
  }
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS] = sortScalars(retainKeysList)
  }
  return patch
}

function handleDirectiveMarker(key: string, originalValue: JSONValue, modifiedValue: JSONValue, patch: JSONMap): boolean {
  if (key !== DIRECTIVE) return false
  if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') throw new PatchError(`invalid value for special key: ${DIRECTIVE}`)
  if (modifiedValue !== originalValue) patch[DIRECTIVE] = modifiedValue
  return true
}

// A failed lookup only matters when the values differ: identical values need no patch.
function lookupOrSkip(lookup: () => FieldPatchMeta, originalValue: JSONValue, modifiedValue: JSONValue): FieldPatchMeta | undefined {
  try {
    return lookup()
  } catch (e) {
    if (e instanceof PatchMetaLookupError && goDeepEqual(originalValue, modifiedValue)) return undefined
    throw e
  }
}

function handleMapDiff(key: string, originalValue: JSONMap, modifiedValue: JSONMap, patch: JSONMap, schema: PatchSchema, options: DiffOptions): void {
  const meta = lookupOrSkip(() => schema.lookupStruct(key), originalValue, modifiedValue)
  if (!meta) return
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies)
  if (strategy === REPLACE) {
    if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
    return
  }
  const patchValue = diffMaps(originalValue, modifiedValue, meta.schema, {...options, buildRetainKeysDirective: retainKeys})
  if (Object.keys(patchValue).length > 0) patch[key] = patchValue
}

function handleSliceDiff(key: string, originalValue: JSONValue[], modifiedValue: JSONValue[], patch: JSONMap, schema: PatchSchema, options: DiffOptions): void {
  const meta = lookupOrSkip(() => schema.lookupSlice(key), originalValue, modifiedValue)
  if (!meta) return
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies)
  if (strategy !== MERGE) {
    replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options)
    return
  }
  const [addList, deletionList, setOrderList] = diffLists(originalValue, modifiedValue, meta.schema, meta.mergeKey, {...options, buildRetainKeysDirective: retainKeys})
  if (addList.length > 0) patch[key] = addList
  if (deletionList.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = deletionList
  if (setOrderList.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = setOrderList
}

function replacePatchFieldIfNotEqual(key: string, original: JSONValue, modified: JSONValue, patch: JSONMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions) return
  if (goDeepEqual(original, modified)) return
  patch[key] = modified
}

function hasAdditionalNewField(original: JSONMap, modified: JSONMap): boolean {
  for (const key of Object.keys(original)) {
    if (original[key] !== null && !hasKey(modified, key)) return true
  }
  return false
}

// Returns the additions and changes, the deletions of a primitive list, and the new order.
function diffLists(original: JSONValue[], modified: JSONValue[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [JSONValue[], JSONValue[], JSONValue[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []]
    return [modified, [], []]
  }
  const kind = sliceElementType(original, modified)
  let patchList: JSONValue[]
  let deleteList: JSONValue[]
  let setOrderList: JSONValue[] = []
  if (kind === 'map') {
    ;[patchList, deleteList] = diffListsOfMaps(original, modified, schema, mergeKey, options)
    patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind)
    const orderSame = isOrderSame(original, modified, mergeKey)
    patchList = patchList.concat(deleteList)
    deleteList = []
    if (options.setElementOrder && ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))) {
      setOrderList = modified.map((v) => {
        const entry = newMap()
        const m = v as JSONMap
        entry[mergeKey] = hasKey(m, mergeKey) ? m[mergeKey] : null
        return entry
      })
    }
  } else if (kind === 'slice') {
    throw new PatchError(ERR_NO_LIST_OF_LISTS)
  } else {
    ;[patchList, deleteList] = diffListsOfScalars(original, modified, options)
    patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind)
    // `original` is sorted by now (diffListsOfScalars sorts it in place), as in Go.
    if (options.setElementOrder && ((!options.ignoreDeletions && deleteList.length > 0) || (!options.ignoreChangesAndAdditions && !goDeepEqual(original, modified)))) {
      setOrderList = modified
    }
  }
  return [patchList, deleteList, setOrderList]
}

function isOrderSame(original: JSONValue[], modified: JSONValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false
  for (let i = 0; i < modified.length; i++) {
    if (!mergeKeyValueEqual(original[i], modified[i], mergeKey)) return false
  }
  return true
}

function diffListsOfScalars(original: JSONValue[], modified: JSONValue[], options: DiffOptions): [JSONValue[], JSONValue[]] {
  const originalScalars = sortScalars(original)
  const modifiedScalars = sortScalars([...modified])
  let originalIndex = 0
  let modifiedIndex = 0
  const addList: JSONValue[] = []
  const deletionList: JSONValue[] = []
  for (;;) {
    const originalInBounds = originalIndex < originalScalars.length
    const modifiedInBounds = modifiedIndex < modifiedScalars.length
    if (!originalInBounds && !modifiedInBounds) break
    const originalString = originalInBounds ? goSprintV(originalScalars[originalIndex]) : ''
    const modifiedString = modifiedInBounds ? goSprintV(modifiedScalars[modifiedIndex]) : ''
    const both = originalInBounds && modifiedInBounds
    if (both && originalString === modifiedString) {
      originalIndex++
      modifiedIndex++
    } else if (!originalInBounds || (both && compareCodePoints(originalString, modifiedString) > 0)) {
      if (!options.ignoreChangesAndAdditions) addList.push(modifiedScalars[modifiedIndex])
      modifiedIndex++
    } else {
      if (!options.ignoreDeletions) deletionList.push(originalScalars[originalIndex])
      originalIndex++
    }
  }
  return [addList, deduplicateScalars(deletionList)]
}

function diffListsOfMaps(original: JSONValue[], modified: JSONValue[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [JSONValue[], JSONValue[]] {
  const patch: JSONValue[] = []
  const deletionList: JSONValue[] = []
  const originalSorted = sortMergeListsByNameArray(original, mergeKey)
  const modifiedSorted = sortMergeListsByNameArray(modified, mergeKey)
  let originalIndex = 0
  let modifiedIndex = 0
  for (;;) {
    const originalInBounds = originalIndex < originalSorted.length
    const modifiedInBounds = modifiedIndex < modifiedSorted.length
    const both = originalInBounds && modifiedInBounds
    if (!originalInBounds && !modifiedInBounds) break
    let originalElement = newMap()
    let originalKeyValue: JSONValue = null
    let originalString = ''
    let modifiedElement = newMap()
    let modifiedKeyValue: JSONValue = null
    let modifiedString = ''
    if (originalInBounds) {
      ;[originalElement, originalKeyValue] = mapAndMergeKeyValue(originalSorted[originalIndex], mergeKey)
      originalString = goSprintV(originalKeyValue)
    }
    if (modifiedInBounds) {
      ;[modifiedElement, modifiedKeyValue] = mapAndMergeKeyValue(modifiedSorted[modifiedIndex], mergeKey)
      modifiedString = goSprintV(modifiedKeyValue)
    }
    if (both && originalString === modifiedString) {
      const patchValue = diffMaps(originalElement, modifiedElement, schema, options)
      if (Object.keys(patchValue).length > 0) {
        patchValue[mergeKey] = modifiedKeyValue
        patch.push(patchValue)
      }
      originalIndex++
      modifiedIndex++
    } else if (!originalInBounds || (both && compareCodePoints(originalString, modifiedString) > 0)) {
      if (!options.ignoreChangesAndAdditions) patch.push(modifiedElement)
      modifiedIndex++
    } else {
      if (!options.ignoreDeletions) deletionList.push(deleteDirective(mergeKey, originalKeyValue))
      originalIndex++
    }
  }
  return [patch, deletionList]
}

function mapAndMergeKeyValue(item: JSONValue, mergeKey: string): [JSONMap, JSONValue] {
  if (!isMap(item)) throw badArgType('map', item)
  if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
  return [item, item[mergeKey]]
}

function deleteDirective(mergeKey: string, value: JSONValue): JSONMap {
  const m = newMap()
  m[mergeKey] = value
  m[DIRECTIVE] = DELETE
  return m
}

// ---------------------------------------------------------------------------------------------
// Merge

function mergeMap(original: JSONMap | null, patch: JSONMap, schema: PatchSchema, options: MergeOptions): JSONMap {
  if (hasKey(patch, DIRECTIVE)) return handleDirectiveInMergeMap(patch[DIRECTIVE], patch)
  const target = original ?? newMap()
  applyRetainKeysDirective(target, patch, options)
  mergePatchIntoOriginal(target, patch, schema, options)
  for (const patchKey of Object.keys(patch)) {
    if (!hasKey(patch, patchKey)) continue
    const patchV = patch[patchKey]
    let key = patchKey
    let isDeleteList = false
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        target[patchKey] = patchV
        continue
      }
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST)
      isDeleteList = true
    }
    if (patchV === null) {
      delete target[key]
      if (options.ignoreUnmatchedNulls) continue
    }
    if (!hasKey(target, key)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV)
        target[key] = patchV
      }
      continue
    }
    const originalType = goType(target[key])
    if (originalType !== goType(patchV)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV)
        target[key] = patchV
      }
      continue
    }
    if (originalType === 'map') {
      const meta = schema.lookupStruct(key)
      const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies)
      target[key] = mergeMapHandler(target[key], patchV, meta.schema, strategy, options)
    } else if (originalType === 'slice') {
      const meta = schema.lookupSlice(key)
      const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies)
      target[key] = mergeSliceHandler(target[key], patchV, meta.schema, strategy, meta.mergeKey, isDeleteList, options)
    } else {
      target[key] = patchV
    }
  }
  return target
}

function handleDirectiveInMergeMap(directive: JSONValue, patch: JSONMap): JSONMap {
  if (directive === REPLACE) {
    delete patch[DIRECTIVE]
    return patch
  }
  if (directive === DELETE) return newMap()
  throw new PatchError(`unknown patch type: ${goSprintS(directive)} in map: ${goSprintV(patch)}`)
}

function applyRetainKeysDirective(original: JSONMap, patch: JSONMap, options: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS)) return
  const retainKeysInPatch = patch[RETAIN_KEYS]
  delete patch[RETAIN_KEYS]
  if (!options.mergeParallelList) {
    // Merging two patches: both must carry the same list, which the result keeps.
    if (hasKey(original, RETAIN_KEYS)) {
      if (!goDeepEqual(original[RETAIN_KEYS], retainKeysInPatch)) {
        throw new PatchError(`${goSprintV(original[RETAIN_KEYS])} and ${goSprintV(retainKeysInPatch)} are not deep equal: this may happen when calculating the 3-way diff patch`)
      }
    } else {
      original[RETAIN_KEYS] = retainKeysInPatch
    }
    return
  }
  if (!Array.isArray(retainKeysInPatch)) throw new PatchError(ERR_BAD_RETAIN_KEYS)
  const retained = (key: string) => retainKeysInPatch.some((v) => v === key)
  for (const key of Object.keys(patch)) {
    const value = patch[key]
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue
    if (!retained(key)) throw new PatchError(ERR_BAD_RETAIN_KEYS)
  }
  for (const key of Object.keys(original)) if (!retained(key)) delete original[key]
}

// Handles each $setElementOrder list with the list it orders: merges the list, then orders it by
// the directive (patch items), keeping the live order for the items only the server has.
function mergePatchIntoOriginal(original: JSONMap, patch: JSONMap, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!hasKey(patch, key) || !key.startsWith(SET_ELEMENT_ORDER)) continue
    const setElementOrderInPatch = patch[key]
    if (!options.mergeParallelList) {
      if (hasKey(original, key)) {
        if (!goDeepEqual(original[key], setElementOrderInPatch)) throw new PatchError(ERR_BAD_SET_ELEMENT_ORDER)
      } else {
        original[key] = setElementOrderInPatch
      }
    }
    delete patch[key]
    if (!Array.isArray(setElementOrderInPatch)) throw badArgType('slice', setElementOrderInPatch)
    const originalKey = extractKey(key, SET_ELEMENT_ORDER)
    const foundOriginal = hasKey(original, originalKey)
    const foundPatch = hasKey(patch, originalKey)
    let originalFieldValue: JSONValue[] = []
    let patchFieldValue: JSONValue[] = []
    if (foundOriginal) {
      const v = original[originalKey]
      if (!Array.isArray(v)) throw badArgType('slice', v)
      originalFieldValue = v
    }
    if (foundPatch) {
      const v = patch[originalKey]
      if (!Array.isArray(v)) throw badArgType('slice', v)
      patchFieldValue = v
    }
    const meta = schema.lookupSlice(originalKey)
    const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies)
    validatePatchWithSetOrderList(patchFieldValue, setElementOrderInPatch, meta.mergeKey)
    let merged: JSONValue[]
    if (foundOriginal && !foundPatch) merged = originalFieldValue
    else if (!foundOriginal && foundPatch) merged = patchFieldValue
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalFieldValue, patchFieldValue, meta.schema, strategy, meta.mergeKey, false, options)
    else continue
    const [patchItems, serverOnlyItems] =
      meta.mergeKey === '' ? partitionPrimitivesByPresentInList(merged, setElementOrderInPatch) : partitionMapsByPresentInList(merged, setElementOrderInPatch, meta.mergeKey)
    const kind = sliceElementType(originalFieldValue, patchFieldValue)
    original[originalKey] = normalizeElementOrder(patchItems, serverOnlyItems, setElementOrderInPatch, originalFieldValue, meta.mergeKey, kind)
    delete patch[originalKey]
  }
}

function validatePatchWithSetOrderList(patchList: JSONValue[], setOrderList: JSONValue[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return
  const nonDeleteList = mergeKey.length > 0 ? extractToDeleteItems(patchList)[0] : patchList
  let patchIndex = 0
  let setOrderIndex = 0
  while (patchIndex < nonDeleteList.length && setOrderIndex < setOrderList.length) {
    const item = nonDeleteList[patchIndex]
    if (isMap(item) && hasKey(item, DIRECTIVE)) {
      patchIndex++
      continue
    }
    if (mergeKeyValueEqual(item, setOrderList[setOrderIndex], mergeKey)) patchIndex++
    setOrderIndex++
  }
  if (patchIndex < nonDeleteList.length && setOrderIndex >= setOrderList.length) {
    throw new PatchError(`The order in patch list:\n${goSprintV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goSprintV(setOrderList)}\n`)
  }
}

function partitionPrimitivesByPresentInList(original: JSONValue[], partitionBy: JSONValue[]): [JSONValue[], JSONValue[]] {
  const patch: JSONValue[] = []
  const serverOnly: JSONValue[] = []
  for (const v of original) {
    if (partitionBy.some((p) => goInterfaceEqual(p, v))) patch.push(v)
    else serverOnly.push(v)
  }
  return [patch, serverOnly]
}

function partitionMapsByPresentInList(original: JSONValue[], partitionBy: JSONValue[], mergeKey: string): [JSONValue[], JSONValue[]] {
  const patch: JSONValue[] = []
  const serverOnly: JSONValue[] = []
  for (const v of original) {
    if (!isMap(v)) throw badArgType('map', v)
    if (!hasKey(v, mergeKey)) throw noMergeKey(v, mergeKey)
    if (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]).found) patch.push(v)
    else serverOnly.push(v)
  }
  return [patch, serverOnly]
}

function discardNullValuesFromPatch(v: JSONValue): void {
  if (Array.isArray(v)) {
    for (const item of v) discardNullValuesFromPatch(item)
  } else if (isMap(v)) {
    for (const key of Object.keys(v)) {
      if (v[key] === null) delete v[key]
      else discardNullValuesFromPatch(v[key])
    }
  }
}

function mergeMapHandler(original: JSONValue, patch: JSONValue, schema: PatchSchema, strategy: string, options: MergeOptions): JSONMap {
  if (!isMap(original)) throw badArgType('map', original)
  if (!isMap(patch)) throw badArgType('map', patch)
  return strategy !== REPLACE ? mergeMap(original, patch, schema, options) : patch
}

function mergeSliceHandler(original: JSONValue, patch: JSONValue, schema: PatchSchema, strategy: string, mergeKey: string, isDeleteList: boolean, options: MergeOptions): JSONValue[] {
  if (!Array.isArray(original)) throw badArgType('slice', original)
  if (!Array.isArray(patch)) throw badArgType('slice', patch)
  return strategy === MERGE ? mergeSlice(original, patch, schema, mergeKey, options, isDeleteList) : patch
}

function mergeSlice(original: JSONValue[], patch: JSONValue[], schema: PatchSchema, mergeKey: string, options: MergeOptions, isDeleteList: boolean): JSONValue[] {
  if (original.length === 0 && patch.length === 0) return original
  const kind = sliceElementType(original, patch)
  let merged: JSONValue[]
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch)
    merged = deduplicateScalars(original.concat(patch))
  } else {
    if (mergeKey === '') throw new PatchError(`cannot merge lists without merge key for ${schema.name()}`)
    ;[original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey)
    merged = mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema, options)
  }
  const [patchItems, serverOnlyItems] = mergeKey.length === 0 ? partitionPrimitivesByPresentInList(merged, patch) : partitionMapsByPresentInList(merged, patch, mergeKey)
  return normalizeElementOrder(patchItems, serverOnlyItems, patch, original, mergeKey, kind)
}

function mergeSliceWithSpecialElements(original: JSONValue[], patch: JSONValue[], mergeKey: string): [JSONValue[], JSONValue[]] {
  const withoutSpecial: JSONValue[] = []
  let replace = false
  let kept = original
  for (const v of patch) {
    const typed = v as JSONMap
    if (!hasKey(typed, DIRECTIVE)) {
      withoutSpecial.push(v)
      continue
    }
    const directive = typed[DIRECTIVE]
    if (directive === DELETE) {
      if (!hasKey(typed, mergeKey)) throw noMergeKey(typed, mergeKey)
      kept = deleteMatchingEntries(kept, mergeKey, typed[mergeKey])
    } else if (directive === REPLACE) {
      replace = true
    } else if (directive === MERGE) {
      throw new PatchError('merging lists cannot yet be specified in the patch')
    } else {
      throw new PatchError(`unknown patch type: ${goSprintS(directive)} in map: ${goSprintV(typed)}`)
    }
  }
  if (replace) return [withoutSpecial, []]
  return [kept, withoutSpecial]
}

function deleteMatchingEntries(original: JSONValue[], mergeKey: string, mergeValue: JSONValue): JSONValue[] {
  const out = [...original]
  for (;;) {
    const {found, index} = findMapInSliceBasedOnKeyValue(out, mergeKey, mergeValue)
    if (!found) return out
    out.splice(index, 1)
  }
}

// Appends go to a copy: in Go they never reach the caller's view of `original`, which later serves
// as the live order.
function mergeSliceWithoutSpecialElements(original: JSONValue[], patch: JSONValue[], mergeKey: string, schema: PatchSchema, options: MergeOptions): JSONValue[] {
  const merged = [...original]
  for (const v of patch) {
    const typed = v as JSONMap
    if (!hasKey(typed, mergeKey)) throw noMergeKey(typed, mergeKey)
    const {found, index, map} = findMapInSliceBasedOnKeyValue(merged, mergeKey, typed[mergeKey])
    if (found) {
      const mergedMap = mergeMap(map as JSONMap, typed, schema, options)
      merged[index] = mergedMap
      if (index < original.length) original[index] = mergedMap
    } else {
      merged.push(v)
    }
  }
  return merged
}

function deleteFromSlice(current: JSONValue[], toDelete: JSONValue[]): JSONValue[] {
  return current.filter((v) => !toDelete.some((d) => goInterfaceEqual(d, v)))
}

function findMapInSliceBasedOnKeyValue(list: JSONValue[], key: string, value: JSONValue): {found: boolean; index: number; map?: JSONMap} {
  for (let k = 0; k < list.length; k++) {
    const v = list[k]
    if (!isMap(v)) throw new PatchError(`value for key ${k} is not a map`)
    if (hasKey(v, key) && goInterfaceEqual(v[key], value)) return {found: true, index: k, map: v}
  }
  return {found: false, index: 0}
}

// ---------------------------------------------------------------------------------------------
// Ordering

function normalizeElementOrder(patch: JSONValue[], serverOnly: JSONValue[], patchOrder: JSONValue[], serverOrder: JSONValue[], mergeKey: string, kind: string): JSONValue[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
  const sortedServerOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
  return mergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, kind)
}

// Inserts each of `left` (server-only items) into `right` (patch items) before the first right item
// it precedes in the live order, keeping both lists' own order.
function mergeSortedSlice(left: JSONValue[], right: JSONValue[], serverOrder: JSONValue[], mergeKey: string, kind: string): JSONValue[] {
  const less = (l: JSONValue, r: JSONValue): [boolean, boolean] => {
    const li = index(serverOrder, l, mergeKey, kind)
    const ri = index(serverOrder, r, mergeKey, kind)
    return li >= 0 && ri >= 0 ? [li < ri, true] : [false, false]
  }
  const size = left.length + right.length
  const s: JSONValue[] = []
  let i = 0
  let j = 0
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) {
      s.push(right[j++])
    } else if (j >= right.length && i < left.length) {
      s.push(left[i++])
    } else {
      const [isLess, foundBoth] = less(left[i], right[j])
      if (foundBoth && isLess) s.push(left[i++])
      else s.push(right[j++])
    }
  }
  return s
}

function index(list: JSONValue[], value: JSONValue, mergeKey: string, kind: string): number {
  const get = kind === 'map' ? (item: JSONValue) => (isMap(item) && hasKey(item, mergeKey) ? item[mergeKey] : null) : (item: JSONValue) => item
  const wanted = get(value)
  for (let i = 0; i < list.length; i++) if (goInterfaceEqual(wanted, get(list[i]))) return i
  return -1
}

function extractToDeleteItems(list: JSONValue[]): [JSONValue[], JSONValue[]] {
  const nonDelete: JSONValue[] = []
  const toDelete: JSONValue[] = []
  for (const v of list) {
    if (!isMap(v)) throw badArgType('map', v)
    if (hasKey(v, DIRECTIVE) && v[DIRECTIVE] === DELETE) toDelete.push(v)
    else nonDelete.push(v)
  }
  return [nonDelete, toDelete]
}

function normalizeSliceOrder(toSort: JSONValue[], order: JSONValue[], mergeKey: string, kind: string): JSONValue[] {
  let items = toSort
  let toDelete: JSONValue[] = []
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order)
    ;[items, toDelete] = extractToDeleteItems(toSort)
  } else {
    items = [...toSort]
  }
  goSortStable(items, (a, b) => {
    const ia = index(order, a, mergeKey, kind)
    if (ia >= 0) {
      const ib = index(order, b, mergeKey, kind)
      if (ib >= 0) return ia < ib
    }
    return true
  })
  return items.concat(toDelete)
}

function validateMergeKeyInLists(mergeKey: string, ...lists: JSONValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw badArgType('map', item)
      if (!hasKey(item, mergeKey)) throw noMergeKey(item, mergeKey)
    }
  }
}

function mergeKeyValueEqual(left: JSONValue, right: JSONValue, mergeKey: string): boolean {
  if (mergeKey.length === 0) return goInterfaceEqual(left, right)
  if (!isMap(left)) throw badArgType('map', left)
  if (!isMap(right)) throw badArgType('map', right)
  if (!hasKey(left, mergeKey)) throw noMergeKey(left, mergeKey)
  if (!hasKey(right, mergeKey)) throw noMergeKey(right, mergeKey)
  return goInterfaceEqual(left[mergeKey], right[mergeKey])
}

/** sortMergeListsByNameArray without recursion: maps sorted by the %v of their merge key, scalars deduplicated and sorted. */
function sortMergeListsByNameArray(list: JSONValue[], mergeKey: string): JSONValue[] {
  if (list.length === 0) return list
  if (sliceElementType(list) !== 'map') return sortScalars(deduplicateScalars(list))
  const keyOf = (m: JSONValue) => goSprintV(hasKey(m as JSONMap, mergeKey) ? (m as JSONMap)[mergeKey] : null)
  return goSortUnstable([...list], (a, b) => stringsAreSorted(keyOf(a), keyOf(b)))
}

/** Sorts in place by %v, as Go's sortScalars does to the slice it is given. */
function sortScalars(list: JSONValue[]): JSONValue[] {
  return goSortUnstable(list, (a, b) => stringsAreSorted(goSprintV(a), goSprintV(b)))
}

function deduplicateScalars(list: JSONValue[]): JSONValue[] {
  const s = list
  let length = s.length - 1
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goInterfaceEqual(s[i], s[j])) {
        s[j] = s[length]
        s.length = length
        length--
        j--
      }
    }
  }
  return s
}

function sliceElementType(...lists: JSONValue[][]): string {
  let previous: string | undefined
  for (const list of lists) {
    for (const v of list) {
      const current = goType(v)
      if (previous === undefined) {
        if (current === 'nil') throw new PatchError('runtime error: invalid memory address or nil pointer dereference')
        previous = current
        if (previous === 'slice') throw new PatchError(ERR_NO_LIST_OF_LISTS)
      } else if (previous !== current) {
        throw new PatchError(`list element types are not identical: ${goSprintV(lists as JSONValue)}`)
      }
    }
  }
  if (previous === undefined) throw new PatchError('no elements in any of the given slices')
  return previous
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/')
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw new PatchError(ERR_BAD_PRIMITIVE_LIST)
    if (prefix === SET_ELEMENT_ORDER) throw new PatchError(ERR_BAD_SET_ELEMENT_ORDER)
    throw new PatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`)
  }
  return s.slice(slash + 1)
}

/** extractRetainKeysPatchStrategy: whether retainKeys is among the strategies, and the other one. */
function extractRetainKeysPatchStrategy(strategies: string[]): [boolean, string] {
  switch (strategies.length) {
    case 0:
      return [false, '']
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY ? [true, ''] : [false, strategies[0]]
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return [true, strategies[1]]
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return [true, strategies[0]]
      break
  }
  throw new PatchError(`unexpected patch strategy: [${strategies.join(' ')}]`)
}

// ---------------------------------------------------------------------------------------------
// Conflicts

function fieldsHaveConflicts(left: JSONValue, right: JSONValue, schema: PatchSchema, strategy: string, mergeKey: string): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true
    const leftMarker = hasKey(left, DIRECTIVE)
    const rightMarker = hasKey(right, DIRECTIVE)
    if (leftMarker || rightMarker) {
      if (leftMarker !== rightMarker) return true
      if (!goInterfaceEqual(left[DIRECTIVE], right[DIRECTIVE])) return true
    }
    if (strategy === REPLACE) return false
    return mapsHaveConflicts(left, right, schema)
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true
    return slicesHaveConflicts(left, right, schema, strategy, mergeKey)
  }
  return !goDeepEqual(left, right)
}

function mapsHaveConflicts(left: JSONMap, right: JSONMap, schema: PatchSchema): boolean {
  for (const key of Object.keys(left)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || !hasKey(right, key)) continue
    const leftValue = left[key]
    let meta: FieldPatchMeta | undefined
    if (Array.isArray(leftValue)) meta = schema.lookupSlice(key)
    else if (isMap(leftValue)) meta = schema.lookupStruct(key)
    const strategy = meta ? extractRetainKeysPatchStrategy(meta.strategies)[1] : ''
    if (fieldsHaveConflicts(leftValue, right[key], meta?.schema ?? schema, strategy, meta?.mergeKey ?? '')) return true
  }
  return false
}

function slicesHaveConflicts(left: JSONValue[], right: JSONValue[], schema: PatchSchema, strategy: string, mergeKey: string): boolean {
  const kind = sliceElementType(left, right)
  if (strategy === MERGE) {
    if (kind !== 'map') return false
    const leftMap = sliceOfMapsToMapOfMaps(left, mergeKey)
    const rightMap = sliceOfMapsToMapOfMaps(right, mergeKey)
    for (const key of Object.keys(leftMap)) {
      if (hasKey(rightMap, key) && fieldsHaveConflicts(leftMap[key], rightMap[key], schema, '', '')) return true
    }
    return false
  }
  if (left.length !== right.length) return true
  let l = left
  let r = right
  if (kind !== 'map') {
    l = sortScalars(deduplicateScalars(left))
    r = sortScalars(deduplicateScalars(right))
  }
  for (let i = 0; i < l.length; i++) if (fieldsHaveConflicts(l[i], r[i], schema, '', '')) return true
  return false
}

function sliceOfMapsToMapOfMaps(list: JSONValue[], mergeKey: string): JSONMap {
  const result = newMap()
  for (const value of list) {
    if (!isMap(value)) throw new PatchError(`invalid element type in merging list:${goSprintV(list)}`)
    if (!hasKey(value, mergeKey)) throw new PatchError(`cannot find merge key \`${mergeKey}\` in merging list element:${goSprintV(value)}`)
    result[goSprintS(value[mergeKey])] = value
  }
  return result
}
