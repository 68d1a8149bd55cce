// Custom resources against the schemas of their CustomResourceDefinitions: from the same input, from
// other sources (--schema-location, the cluster), and what happens when no schema is anywhere.
import {readFileSync} from 'node:fs'
import {PassThrough, Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {collectManifests} from '../../src/lib/manifests/reader.js'
import {staticCRDSource} from '../../src/lib/validate/crd-sources.js'
import {formatProblem, validateDocuments, type ValidateOptions} from '../../src/lib/validate/validate.js'

const DIR = 'test/fixtures/validate/crd'

async function read(filenames: string[]) {
  const {documents, errors} = await collectManifests({filenames, recursive: false, stdin: new PassThrough()})
  expect(errors).toEqual([])
  return documents
}

async function problems(filenames: string[], opts: ValidateOptions = {}): Promise<string[]> {
  return (await validateDocuments(await read(filenames), opts)).map(formatProblem)
}

const BAD_WIDGETS = [
  'test/fixtures/validate/crd/together/widgets.yaml:29:9: spec.size: must be >= 1, got 0',
  'test/fixtures/validate/crd/together/widgets.yaml:30:10: spec.color: must be one of "red", "green" or "blue", got "purple"',
  'test/fixtures/validate/crd/together/widgets.yaml:31:9: spec.port: must be integer or string, got number 1.5',
  'test/fixtures/validate/crd/together/widgets.yaml:32:9: spec.tags: must not contain duplicates (items 0 and 1 are equal)',
  'test/fixtures/validate/crd/together/widgets.yaml:32:16: spec.tags[2]: must be at most 8 characters long, got 10',
  'test/fixtures/validate/crd/together/widgets.yaml:34:11: spec.settings.mode: must be string, got number 3',
  'test/fixtures/validate/crd/together/widgets.yaml:35:3: spec.template: missing required field "apiVersion"',
  'test/fixtures/validate/crd/together/widgets.yaml:37:10: spec.owner: must be a string matching "^[a-z]+$", got string "Alice"',
  'test/fixtures/validate/crd/together/widgets.yaml:38:3: spec.shape: unknown field',
  'test/fixtures/validate/crd/together/widgets.yaml:44:1: spec: missing required field "size"',
  'test/fixtures/validate/crd/together/widgets.yaml:48:1: kind: no schema for example.com/v1alpha1 Widget: CustomResourceDefinition "widgets.example.com" serves it as example.com/v1',
]

describe('custom resources', () => {
  it('validate against a CRD in the same input, offline, naming its constraints', async () => {
    expect(await problems([`${DIR}/together/crd.yaml`, `${DIR}/together/widgets.yaml`])).toEqual(BAD_WIDGETS)
  })

  it('find the CRD whatever the order of the documents', async () => {
    expect(await problems([`${DIR}/together/widgets.yaml`, `${DIR}/together/crd.yaml`])).toEqual(BAD_WIDGETS)
  })

  it('take schemas from other sources, read only when needed', async () => {
    const crds = (await read([`${DIR}/schemas/widgets.example.com.yaml`])).map((d) => d.object)
    let loads = 0
    const counted = {name: '--schema-location', load: async () => (loads++, crds)}
    expect(await problems([`${DIR}/resources/widget.yaml`], {crdSources: [counted]})).toEqual([
      'test/fixtures/validate/crd/resources/widget.yaml:6:9: spec.size: must be <= 10, got 11',
    ])
    expect(loads).toBe(1)
    expect(await problems([`${DIR}/together/crd.yaml`], {crdSources: [counted]})).toEqual([])
    expect(loads).toBe(1)
  })

  it('prefer the input CRD to other sources', async () => {
    const text = readFileSync(`${DIR}/schemas/widgets.example.com.yaml`, 'utf8').replace('maximum: 10\n', 'maximum: 100\n')
    const looser = (await collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([text])})).documents.map((d) => d.object)
    expect(text).toContain('                maximum: 100\n')
    expect(await problems([`${DIR}/together/crd.yaml`, `${DIR}/resources/widget.yaml`], {crdSources: [staticCRDSource('--schema-location', looser)]})).toEqual([
      'test/fixtures/validate/crd/resources/widget.yaml:6:9: spec.size: must be <= 10, got 11',
    ])
  })

  it('are an error without a schema, or a skipped warning with --ignore-missing-schemas', async () => {
    expect(await problems([`${DIR}/resources/widget.yaml`])).toEqual([
      'test/fixtures/validate/crd/resources/widget.yaml:2:1: kind: no schema for example.com/v1 Widget: no CustomResourceDefinition in the input defines it',
    ])
    expect(await problems([`${DIR}/resources/widget.yaml`], {missingSchemas: 'warn', crdSources: [staticCRDSource('--schema-location', [])]})).toEqual([
      'Warning: test/fixtures/validate/crd/resources/widget.yaml:2:1: kind: no schema for example.com/v1 Widget: no CustomResourceDefinition in the input or --schema-location defines it; skipped',
    ])
  })

  it('say which source could not be read', async () => {
    const failing = {name: 'the cluster', load: async () => Promise.reject(new Error('error: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?'))}
    expect(await problems([`${DIR}/resources/widget.yaml`], {crdSources: [failing]})).toEqual([
      'test/fixtures/validate/crd/resources/widget.yaml:2:1: kind: no schema for example.com/v1 Widget: no CustomResourceDefinition in the input defines it (could not read the cluster: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?)',
    ])
  })

  it('check the string formats the API server checks, and leave the others', async () => {
    const yaml = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: hosts.example.com}',
      'spec:',
      '  group: example.com',
      '  scope: Cluster',
      '  names: {plural: hosts, kind: Host}',
      '  versions:',
      '  - name: v1',
      '    served: true',
      '    storage: true',
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        properties:',
      '          seen: {type: string, format: datetime}',
      '          id: {type: string, format: uuid}',
      '          address: {type: string, format: ipv4}',
      '          network: {type: string, format: cidr}',
      '          contact: {type: string, format: email}',
      '          count: {type: integer, format: int32}',
      '---',
      'apiVersion: example.com/v1',
      'kind: Host',
      'metadata: {name: h}',
      'seen: 2024-02-30',
      'id: 123e4567-e89b-12d3-a456-426614174000',
      'address: 10.0.0.256',
      'network: 10.0.0.0/33',
      'contact: not an address',
      'count: 3000000000',
      '',
    ].join('\n')
    const {documents} = await collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([yaml])})
    expect((await validateDocuments(documents)).map(formatProblem)).toEqual([
      'STDIN:26:7: seen: must be a valid date-time, got string "2024-02-30"',
      'STDIN:28:10: address: must be a valid ipv4, got string "10.0.0.256"',
      'STDIN:29:10: network: must be a valid cidr, got string "10.0.0.0/33"',
      'STDIN:31:8: count: must be <= 2147483647, got 3000000000',
    ])
  })

  it('accept anything where a CRD gives no schema, and report one that does not compile', async () => {
    const yaml = [
      'apiVersion: apiextensions.k8s.io/v1beta1',
      'kind: CustomResourceDefinition',
      'metadata: {name: gadgets.example.com}',
      'spec:',
      '  group: example.com',
      '  version: v1',
      '  scope: Cluster',
      '  names: {plural: gadgets, kind: Gadget}',
      '---',
      'apiVersion: example.com/v1',
      'kind: Gadget',
      'metadata: {name: g}',
      'anything: [1, 2]',
      '---',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: gizmos.example.com}',
      'spec:',
      '  group: example.com',
      '  scope: Namespaced',
      '  names: {plural: gizmos, kind: Gizmo}',
      '  versions:',
      '  - name: v1',
      '    served: true',
      '    storage: true',
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        properties:',
      '          code: {type: string, pattern: "([a-z"}',
      '---',
      'apiVersion: example.com/v1',
      'kind: Gizmo',
      'metadata: {name: g}',
      '',
    ].join('\n')
    const {documents} = await collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([yaml])})
    expect((await validateDocuments(documents)).map(formatProblem)).toEqual([
      'STDIN:1:1: apiVersion: apiextensions.k8s.io/v1beta1 CustomResourceDefinition was removed in Kubernetes 1.22; use apiextensions.k8s.io/v1',
      'STDIN:33:1: kind: the schema of CustomResourceDefinition "gizmos.example.com" for example.com/v1 does not compile: Invalid regular expression: /([a-z/u: Unterminated character class',
    ])
  })
})
