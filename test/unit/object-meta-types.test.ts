// kubectl's metadataValidatingDecoder: metadata must decode into metav1.ObjectMeta before an object
// from -f is mapped or sent; the message is encoding/json's UnmarshalTypeError.
import {describe, expect, it} from 'vitest'
import {objectMetaTypeError} from '../../src/lib/resources/object-meta-types.js'

describe('objectMetaTypeError', () => {
  it('accepts well-typed metadata, nulls and fields ObjectMeta does not check here', () => {
    expect(objectMetaTypeError({name: 'a', namespace: 'ns', labels: {a: 'b'}, annotations: {x: null}, finalizers: ['f'], generation: 3, uid: null, ownerReferences: 5})).toBeUndefined()
    expect(objectMetaTypeError(undefined)).toBeUndefined()
  })

  it('names the first ill-typed field, its JSON kind and the Go type', () => {
    const error = (v: unknown, field: string, type: string) => `json: cannot unmarshal ${v} into Go struct field ObjectMeta.metadata.${field} of type ${type}`
    expect(objectMetaTypeError({name: true})).toBe(error('bool', 'name', 'string'))
    expect(objectMetaTypeError({name: 'a', namespace: 5})).toBe(error('number', 'namespace', 'string'))
    expect(objectMetaTypeError({generateName: ['x'], name: 5})).toBe(error('array', 'generateName', 'string'))
    expect(objectMetaTypeError({labels: ['a']})).toBe(error('array', 'labels', 'map[string]string'))
    expect(objectMetaTypeError({labels: {a: 1}})).toBe(error('number', 'labels', 'string'))
    expect(objectMetaTypeError({annotations: {a: {b: 'c'}}})).toBe(error('object', 'annotations', 'string'))
    expect(objectMetaTypeError({finalizers: 'f'})).toBe(error('string', 'finalizers', '[]string'))
    expect(objectMetaTypeError({generation: 'one'})).toBe(error('string', 'generation', 'int64'))
    expect(objectMetaTypeError({generation: 1.5})).toBe('json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64')
  })
})
