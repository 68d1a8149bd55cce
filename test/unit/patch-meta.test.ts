import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {compactPatchMeta, serializePatchMeta, type PatchMetaDocument} from '../../src/lib/patch/openapi-compact.js'
import {bundledPatchMeta, patchMetaFor, PatchSchema} from '../../src/lib/patch/patch-meta.js'

const ROOT = join(import.meta.dirname, '../..')
const SPEC = '/work/shared/k8s-openapi/swagger.json'

describe('scripts/gen-patch-meta.mjs', () => {
  it.skipIf(!existsSync(SPEC))('regenerates schemas/patch-meta.json byte for byte from the Kubernetes 1.36 spec', () => {
    const dir = mkdtempSync(join(tmpdir(), 'patch-meta-'))
    try {
      const out = join(dir, 'patch-meta.json')
      execFileSync(process.execPath, [join(ROOT, 'scripts/gen-patch-meta.mjs'), SPEC, out], {stdio: 'pipe'})
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'schemas/patch-meta.json'), 'utf8'))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('records its source and one line per kind and definition', () => {
    const text = readFileSync(join(ROOT, 'schemas/patch-meta.json'), 'utf8')
    expect(text.split('\n')[1]).toMatch(/^"source": "Kubernetes 1\.36 OpenAPI v2 \(swagger\.json sha256 [0-9a-f]{64}\)",$/)
    expect(text).toContain('\n"apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment",\n')
  })
})

describe('compactPatchMeta', () => {
  const spec = {
    definitions: {
      'x.Thing': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{group: 'example.com', version: 'v1', kind: 'Thing'}],
        properties: {
          items: {type: 'array', items: {$ref: '#/definitions/x.Item'}, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'id'},
          labels: {type: 'object', additionalProperties: {type: 'string'}},
          byName: {type: 'object', additionalProperties: {$ref: '#/definitions/x.Item'}},
          raw: {type: 'object'},
          any: {description: 'no type'},
          inline: {type: 'object', properties: {tags: {type: 'array', items: {type: 'string'}, 'x-kubernetes-patch-strategy': 'merge'}}},
          strategy: {$ref: '#/definitions/x.Strategy', 'x-kubernetes-patch-strategy': 'retainKeys'},
          multi: {type: ['string', 'integer']},
        },
      },
      'x.Item': {type: 'object', properties: {id: {type: 'string'}, size: {$ref: '#/definitions/x.Quantity'}}},
      'x.Quantity': {type: 'string'},
      'x.Strategy': {type: 'object', properties: {type: {type: 'string'}}},
      'x.Unused': {type: 'object', properties: {a: {type: 'string'}}},
      'x.NotPatchable': {type: 'object', 'x-kubernetes-group-version-kind': [{group: '', version: 'v1', kind: 'Review'}], properties: {}},
    },
    paths: {
      '/apis/example.com/v1/things/{name}': {patch: {consumes: ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'], 'x-kubernetes-group-version-kind': {group: 'example.com', version: 'v1', kind: 'Thing'}}},
    },
  }

  it('keeps patch metadata and each schema as kube-openapi shapes it, for the kinds whose PATCH takes a strategic merge patch', () => {
    expect(compactPatchMeta(spec, 'test')).toEqual({
      source: 'test',
      kinds: {'example.com/v1/Thing': 'x.Thing'},
      definitions: {
        'x.Item': {id: 'p', size: '#x.Quantity'},
        'x.Quantity': 'p',
        'x.Strategy': {type: 'p'},
        'x.Thing': {
          any: '*',
          byName: '{#x.Item',
          inline: '#x.Thing.inline',
          items: ['[#x.Item', 'merge', 'id'],
          labels: '{p',
          multi: '*',
          raw: '{*',
          strategy: ['#x.Strategy', 'retainKeys', ''],
        },
        'x.Thing.inline': {tags: ['[p', 'merge', '']},
      },
    })
  })

  it('serializes with one entry per line and sorted keys', () => {
    expect(serializePatchMeta(compactPatchMeta(spec, 'test'))).toBe(
      [
        '{',
        '"source": "test",',
        '"kinds": {',
        '"example.com/v1/Thing": "x.Thing"',
        '},',
        '"definitions": {',
        '"x.Item": {"id":"p","size":"#x.Quantity"},',
        '"x.Quantity": "p",',
        '"x.Strategy": {"type":"p"},',
        '"x.Thing": {"any":"*","byName":"{#x.Item","inline":"#x.Thing.inline","items":["[#x.Item","merge","id"],"labels":"{p","multi":"*","raw":"{*","strategy":["#x.Strategy","retainKeys",""]},',
        '"x.Thing.inline": {"tags":["[p","merge",""]}',
        '}',
        '}',
        '',
      ].join('\n'),
    )
  })
})

describe('patchMetaFor', () => {
  it('finds built-in kinds and marks the ones kubectl has compiled in', () => {
    expect(patchMetaFor('apps/v1', 'Deployment')).toMatchObject({key: 'apps/v1/Deployment', definition: 'io.k8s.api.apps.v1.Deployment', builtin: true})
    expect(patchMetaFor('v1', 'Pod')).toMatchObject({definition: 'io.k8s.api.core.v1.Pod', builtin: true})
    expect(patchMetaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toMatchObject({builtin: false})
    expect(patchMetaFor('apiregistration.k8s.io/v1', 'APIService')).toMatchObject({builtin: false})
  })

  it('has nothing for custom resources, unknown versions and kinds without a PATCH', () => {
    expect(patchMetaFor('smp.ktl.test/v1', 'Widget')).toBeUndefined()
    expect(patchMetaFor('extensions/v1beta1', 'Deployment')).toBeUndefined()
    expect(patchMetaFor('v1', 'PodList')).toBeUndefined()
    expect(patchMetaFor('authorization.k8s.io/v1', 'SubjectAccessReview')).toBeUndefined()
  })

  it('indexes every patchable kind of the spec', () => {
    expect(Object.keys(bundledPatchMeta().kinds).length).toBe(88)
  })
})

describe('PatchSchema lookups (kube-openapi semantics)', () => {
  const deployment = () => (patchMetaFor('apps/v1', 'Deployment') as NonNullable<ReturnType<typeof patchMetaFor>>).schema()
  const podSpec = () => deployment().lookupStruct('spec').schema.lookupStruct('template').schema.lookupStruct('spec').schema

  it('reads strategy and merge key from the field', () => {
    const containers = podSpec().lookupSlice('containers')
    expect([containers.strategies, containers.mergeKey, containers.schema.code]).toEqual([['merge'], 'name', '#io.k8s.api.core.v1.Container'])
    const volumes = podSpec().lookupSlice('volumes')
    expect([volumes.strategies, volumes.mergeKey]).toEqual([['merge', 'retainKeys'], 'name'])
    const strategy = deployment().lookupStruct('spec').schema.lookupStruct('strategy')
    expect([strategy.strategies, strategy.mergeKey]).toEqual([['retainKeys'], ''])
    const ports = containers.schema.lookupSlice('ports')
    expect([ports.strategies, ports.mergeKey]).toEqual([['merge'], 'containerPort'])
  })

  it('fails as apimachinery does on unknown fields, maps and primitives', () => {
    expect(() => podSpec().lookupStruct('nope')).toThrow('unable to find api field "nope" in io.k8s.api.core.v1.PodSpec')
    expect(() => podSpec().lookupStruct('nodeSelector').schema.lookupStruct('disk')).toThrow('expected kind, but got map')
    expect(() => podSpec().lookupSlice('nodeSelector')).toThrow('expected slice, but got map')
    expect(() => podSpec().lookupStruct('hostname').schema.lookupStruct('x')).toThrow('expected kind, but got primitive')
    expect(() => podSpec().lookupSlice('hostname')).toThrow('expected slice, but got primitive')
    expect(() => podSpec().lookupStruct('containers').schema.lookupStruct('x')).toThrow('expected kind, but got slice')
  })

  it('knows nothing below an arbitrary value, without failing', () => {
    const raw = patchMetaFor('apps/v1', 'ControllerRevision')?.schema().lookupStruct('data')
    expect(raw?.schema.code).toBe('#io.k8s.apimachinery.pkg.runtime.RawExtension')
    expect(() => raw?.schema.lookupStruct('x')).toThrow('expected kind, but got map')
    const crd = patchMetaFor('apiextensions.k8s.io/v1', 'CustomResourceDefinition')?.schema()
    const props = crd?.lookupStruct('spec').schema.lookupSlice('versions').schema.lookupStruct('schema').schema.lookupStruct('openAPIV3Schema').schema
    const json = props?.lookupStruct('default')
    expect(json?.schema.code).toBe('#io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON')
    const below = json?.schema.lookupStruct('anything')
    expect([below?.schema.code, below?.strategies, below?.mergeKey]).toEqual([undefined, [], ''])
    expect(below?.schema.lookupSlice('more').schema.lookupStruct('deeper').strategies).toEqual([])
    expect(PatchSchema.none().lookupSlice('a').schema.lookupStruct('b').mergeKey).toBe('')
  })

  it('in struct mode resolves a map to its values, as Go struct tags do', () => {
    const doc: PatchMetaDocument = {
      source: 't',
      kinds: {'example.com/v1/Thing': 'x.Thing'},
      definitions: {'x.Thing': {byName: '{#x.Item', lists: '{[p'}, 'x.Item': {tags: ['[p', 'merge', '']}},
    }
    const thing = patchMetaFor('example.com/v1', 'Thing', doc)
    expect(() => thing?.schema('openapi').lookupStruct('byName').schema.lookupStruct('a')).toThrow('expected kind, but got map')
    const item = thing?.schema('struct').lookupStruct('byName').schema.lookupStruct('a')
    expect(item?.schema.lookupSlice('tags').strategies).toEqual(['merge'])
    expect(thing?.schema('struct').lookupStruct('lists').schema.lookupSlice('a').schema.code).toBe('p')
    expect(() => thing?.schema('struct').lookupStruct('nope')).toThrow('unable to find api field in struct Thing for the json field "nope"')
  })
})
