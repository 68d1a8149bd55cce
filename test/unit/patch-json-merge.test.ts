import {describe, expect, it} from 'vitest'
import {PatchConflictError, PatchPreconditionError} from '../../src/lib/patch/errors.js'
import {compactJSON} from '../../src/lib/printers/json.js'
import {applyMergePatch, createMergePatch, createThreeWayJSONMergePatch, hasConflicts, requireKeyUnchanged, requireMetadataKeyUnchanged} from '../../src/lib/patch/json-merge.js'

describe('createMergePatch', () => {
  const cases: Array<[string, unknown, unknown, string]> = [
    ['identical', {a: 1, b: {c: [1, 2]}}, {a: 1, b: {c: [1, 2]}}, '{}'],
    ['added and changed keys', {a: 1}, {a: 2, b: 'x'}, '{"a":2,"b":"x"}'],
    ['a removed key is null', {a: 1, b: 2}, {a: 1}, '{"b":null}'],
    ['nested maps diff recursively', {s: {x: 1, y: 2}}, {s: {x: 1, y: 3, z: {}}}, '{"s":{"y":3,"z":{}}}'],
    ['lists are replaced whole', {l: [1, 2, 3]}, {l: [1, 3]}, '{"l":[1,3]}'],
    ['lists of maps too', {l: [{a: 1}]}, {l: [{a: 1, b: 2}]}, '{"l":[{"a":1,"b":2}]}'],
    ['a changed type replaces', {a: {b: 1}}, {a: 'x'}, '{"a":"x"}'],
    ['an emptied map deletes its keys', {a: {b: 1}}, {a: {}}, '{"a":{"b":null}}'],
    ['null values compare equal', {a: null}, {a: null}, '{}'],
    ['an integer and the same float are equal', {a: 1}, {a: 1.0}, '{}'],
  ]
  for (const [name, original, modified, patch] of cases) {
    it(name, () => {
      expect(compactJSON(createMergePatch(original, modified))).toBe(patch)
    })
  }
})

describe('applyMergePatch', () => {
  const cases: Array<[string, unknown, unknown, unknown]> = [
    ['a value replaces', {a: 'b'}, {a: 'c'}, {a: 'c'}],
    ['a new key is added', {a: 'b'}, {b: 'c'}, {a: 'b', b: 'c'}],
    ['null deletes', {a: 'b', b: 'c'}, {a: null}, {b: 'c'}],
    ['lists are replaced', {a: [{b: 'c'}]}, {a: [1]}, {a: [1]}],
    ['objects merge', {a: {b: 'c', d: 'e'}}, {a: {b: null, f: 'g'}}, {a: {d: 'e', f: 'g'}}],
    ['an object over a scalar loses its nulls', {a: 'x'}, {a: {b: null, c: 1}}, {a: {c: 1}}],
    ['nulls inside new values are dropped, null list items kept', {}, {a: {b: null, c: [null, {d: null, e: 1}]}}, {a: {c: [null, {e: 1}]}}],
    ['a non-object document becomes the patch', ['x'], {a: 1, b: null}, {a: 1}],
  ]
  for (const [name, doc, patch, result] of cases) {
    it(name, () => {
      expect(applyMergePatch(doc, patch)).toEqual(result)
    })
  }
})

describe('createThreeWayJSONMergePatch', () => {
  it('deletes what the manifest dropped and keeps what others added', () => {
    const original = {spec: {size: 1, tags: ['a', 'b'], nested: {x: 1, y: 2}}}
    const modified = {spec: {size: 2, tags: ['b'], nested: {x: 1}}}
    const current = {spec: {size: 1, tags: ['a', 'b'], nested: {x: 1, y: 2}, extra: 'live'}, status: {ok: true}}
    expect(compactJSON(createThreeWayJSONMergePatch(original, modified, current))).toBe('{"spec":{"nested":{"y":null},"size":2,"tags":["b"]}}')
  })

  it('resets fields changed live to the manifest and leaves the rest', () => {
    expect(compactJSON(createThreeWayJSONMergePatch({spec: {a: 1}}, {spec: {a: 1}}, {spec: {a: 5, b: 6}}))).toBe('{"spec":{"a":1}}')
  })

  it('keeps an explicitly empty map the manifest adds', () => {
    expect(compactJSON(createThreeWayJSONMergePatch({}, {spec: {opts: {}}}, {spec: {}}))).toBe('{"spec":{"opts":{}}}')
  })

  it('is empty when nothing changes', () => {
    expect(compactJSON(createThreeWayJSONMergePatch({a: 1}, {a: 1}, {a: 1, b: 2}))).toBe('{}')
  })

  it('rejects a patch that changes a guarded key', () => {
    const preconditions = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')]
    const run = () => createThreeWayJSONMergePatch({kind: 'A'}, {kind: 'B', metadata: {name: 'x'}}, {kind: 'A', metadata: {name: 'x'}}, preconditions)
    expect(run).toThrow(PatchPreconditionError)
    expect(run).toThrow('precondition failed for: map[kind:B]')
    expect(() => createThreeWayJSONMergePatch({}, {metadata: {name: 'y'}}, {metadata: {name: 'x'}}, preconditions)).toThrow('precondition failed for: map[metadata:map[name:y]]')
  })

  it('reports conflicting halves with both as YAML', () => {
    expect(hasConflicts({a: {b: 1}}, {a: {c: null}})).toBe(false)
    expect(hasConflicts({a: 1}, {a: null})).toBe(true)
    expect(hasConflicts({a: [1, 2]}, {a: [1]})).toBe(true)
    expect(hasConflicts({a: {b: 1}}, {a: 'x'})).toBe(true)
    expect(new PatchConflictError({a: 1}, {a: null}).message).toBe('patch:\na: 1\n\nconflicts with changes made from original to current:\na: null\n\n')
  })
})
