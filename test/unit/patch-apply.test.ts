import {describe, expect, it} from 'vitest'
import {
  applyPatchLocally,
  ApplyPatchError,
  computeApplyPatch,
  creatingPatchMessage,
  encodeObject,
  LAST_APPLIED_ANNOTATION,
  lastAppliedConfiguration,
  modifiedConfiguration,
} from '../../src/lib/patch/apply-patch.js'
import type {PatchMetaDocument} from '../../src/lib/patch/openapi-compact.js'

const cm = (data: Record<string, string>, extra: Record<string, unknown> = {}) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'ns', ...extra}, data})

function applied(object: Record<string, unknown>) {
  return modifiedConfiguration(object).modified
}

describe('modifiedConfiguration', () => {
  it('records the object without the annotation, with "annotations":{} when there are none', () => {
    const {annotation, modified} = modifiedConfiguration(cm({a: '1'}))
    expect(annotation).toBe('{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"ns"}}\n')
    expect(modified).toEqual({...cm({a: '1'}), metadata: {name: 'c', namespace: 'ns', annotations: {[LAST_APPLIED_ANNOTATION]: annotation}}})
  })

  it('drops an old last-applied annotation and keeps the others', () => {
    const {annotation} = modifiedConfiguration(cm({}, {annotations: {z: '1', [LAST_APPLIED_ANNOTATION]: 'old'}}))
    expect(annotation).toBe('{"apiVersion":"v1","data":{},"kind":"ConfigMap","metadata":{"annotations":{"z":"1"},"name":"c","namespace":"ns"}}\n')
  })

  it('encodes int64 values exactly and escapes HTML characters', () => {
    const {annotation} = modifiedConfiguration({apiVersion: 'x/v1', kind: 'K', metadata: {name: 'n'}, spec: {big: 123456789012345678n, s: '<&>'}})
    expect(annotation).toBe('{"apiVersion":"x/v1","kind":"K","metadata":{"annotations":{},"name":"n"},"spec":{"big":123456789012345678,"s":"\\u003c\\u0026\\u003e"}}\n')
  })

  it('leaves its argument alone', () => {
    const object = cm({a: '1'})
    modifiedConfiguration(object)
    expect(object).toEqual(cm({a: '1'}))
  })
})

describe('lastAppliedConfiguration', () => {
  it('decodes the annotation, or gives undefined', () => {
    expect(lastAppliedConfiguration(applied(cm({a: '1'})))).toEqual({apiVersion: 'v1', kind: 'ConfigMap', metadata: {annotations: {}, name: 'c', namespace: 'ns'}, data: {a: '1'}})
    expect(lastAppliedConfiguration(cm({}))).toBeUndefined()
    expect(lastAppliedConfiguration({metadata: {annotations: {[LAST_APPLIED_ANNOTATION]: ''}}})).toBeUndefined()
  })
})

describe('computeApplyPatch', () => {
  it('applies a patch computed here, as the server would (dry run)', () => {
    const live = applied({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template: {spec: {containers: [{name: 'a'}, {name: 'b'}]}}}})
    const next = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template: {spec: {containers: [{name: 'b', image: 'x'}]}}}}
    const modified = applied(next)
    const computed = computeApplyPatch({original: lastAppliedConfiguration(live), modified, current: live, apiVersion: 'apps/v1', kind: 'Deployment', overwrite: true})
    expect(applyPatchLocally(live, computed, 'apps/v1', 'Deployment')).toEqual(modified)
  })

  it('uses a strategic merge patch for built-in kinds', () => {
    const live = applied(cm({a: '1', b: '2'}))
    const modified = applied(cm({a: '1'}))
    const result = computeApplyPatch({original: lastAppliedConfiguration(live), modified, current: live, apiVersion: 'v1', kind: 'ConfigMap', overwrite: true})
    expect(result.patchType).toBe('application/strategic-merge-patch+json')
    expect(result.unchanged).toBe(false)
    expect(result.body).toBe(
      `{"data":{"b":null},"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${JSON.stringify((modified.metadata as {annotations: Record<string, string>}).annotations[LAST_APPLIED_ANNOTATION]).replace(/</g, '\\u003c')}}}}`,
    )
    expect(result.warnings).toEqual([])
  })

  it('reports "{}" as unchanged', () => {
    const live = applied(cm({a: '1'}))
    const result = computeApplyPatch({original: lastAppliedConfiguration(live), modified: applied(cm({a: '1'})), current: {...live, status: {}}, apiVersion: 'v1', kind: 'ConfigMap', overwrite: true})
    expect([result.body, result.unchanged]).toEqual(['{}', true])
  })

  it('uses a JSON merge patch for custom resources', () => {
    const object = (spec: unknown) => ({apiVersion: 'smp.ktl.test/v1', kind: 'Widget', metadata: {name: 'w'}, spec})
    const live = applied(object({tags: ['a'], n: {x: 1}}))
    const result = computeApplyPatch({original: lastAppliedConfiguration(live), modified: applied(object({tags: ['b'], n: {}})), current: live, apiVersion: 'smp.ktl.test/v1', kind: 'Widget', overwrite: true})
    expect(result.patchType).toBe('application/merge-patch+json')
    expect(result.body.startsWith('{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":')).toBe(true)
    expect(result.body.endsWith('"spec":{"n":{"x":null},"tags":["b"]}}')).toBe(true)
  })

  it('turns a JSON merge precondition failure into an ApplyPatchError', () => {
    const run = () => computeApplyPatch({original: {}, modified: {kind: 'Other', metadata: {name: 'w'}}, current: {kind: 'Widget', metadata: {name: 'w'}}, apiVersion: 'x/v1', kind: 'Widget', overwrite: true})
    expect(run).toThrow(ApplyPatchError)
    expect(run).toThrow('precondition failed for: map[kind:Other]')
  })

  describe('when the OpenAPI walk fails', () => {
    const doc = (group: string): PatchMetaDocument => ({
      source: 'test',
      kinds: {[`${group}/v1/Thing`]: 'x.Thing'},
      definitions: {'x.Thing': {byName: '{#x.Item', spec: '#x.Item'}, 'x.Item': {tags: ['[p', 'merge', '']}},
    })
    const input = (group: string, modified: unknown) => ({
      original: {byName: {a: {tags: ['x']}}},
      modified,
      current: {byName: {a: {tags: ['x']}}},
      apiVersion: `${group}/v1`,
      kind: 'Thing',
      overwrite: true,
      patchMeta: doc(group),
    })

    it('warns and recomputes with the Go types for a kind compiled into kubectl', () => {
      const result = computeApplyPatch(input('example.com', {byName: {a: {tags: ['x', 'y']}}}))
      expect(result.warnings).toEqual(['warning: error calculating patch from openapi spec: expected kind, but got map'])
      expect(result.patchType).toBe('application/strategic-merge-patch+json')
      expect(result.body).toBe('{"byName":{"a":{"$setElementOrder/tags":["x","y"],"tags":["y"]}}}')
    })

    it('warns and falls back to a JSON merge patch for the kinds kubectl does not link (CRDs, APIServices)', () => {
      const result = computeApplyPatch(input('apiextensions.k8s.io', {byName: {a: {tags: ['x', 'y']}}}))
      expect(result.warnings).toEqual(['warning: error calculating patch from openapi spec: expected kind, but got map'])
      expect(result.patchType).toBe('application/merge-patch+json')
      expect(result.body).toBe('{"byName":{"a":{"tags":["x","y"]}}}')
    })

    it('fails with both messages when the Go types fail too', () => {
      let failure: unknown
      try {
        computeApplyPatch({...input('example.com', {bogus: {b: 2}}), original: {bogus: {b: 1}}, current: {bogus: {b: 1}}})
      } catch (e) {
        failure = e
      }
      expect(failure).toBeInstanceOf(ApplyPatchError)
      expect((failure as ApplyPatchError).warnings).toEqual(['warning: error calculating patch from openapi spec: unable to find api field "bogus" in x.Thing'])
      expect((failure as ApplyPatchError).message).toBe('unable to find api field in struct Thing for the json field "bogus"')
    })
  })
})

describe('creatingPatchMessage', () => {
  it('lists the three documents as kubectl encodes them, then the cause', () => {
    expect(creatingPatchMessage(new Error('boom'), '{"a":1}\n', {b: 2, a: [1]}, {c: '<'})).toBe('creating patch with:\noriginal:\n{"a":1}\n\nmodified:\n{"a":[1],"b":2}\n\ncurrent:\n{"c":"\\u003c"}\n\nfor:: boom')
    expect(encodeObject({})).toBe('{}\n')
  })
})

describe('applyPatchLocally', () => {
  it('applies a strategic merge patch with the kind metadata', () => {
    const live = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template: {spec: {containers: [{name: 'a'}, {name: 'b'}]}}}}
    const patch = JSON.parse('{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"}],"containers":[{"$patch":"delete","name":"a"}]}}}}')
    const out = applyPatchLocally(live, {patch, patchType: 'application/strategic-merge-patch+json'})
    expect(out).toEqual({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template: {spec: {containers: [{name: 'b'}]}}}})
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
  })

  it('applies a JSON merge patch', () => {
    expect(applyPatchLocally({kind: 'Widget', spec: {a: 1, b: 2}}, {patch: {spec: {a: null, c: [3]}}, patchType: 'application/merge-patch+json'})).toEqual({kind: 'Widget', spec: {b: 2, c: [3]}})
  })
})
