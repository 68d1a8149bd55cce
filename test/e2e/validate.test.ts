// `ktl validate` with a real cluster: custom resources are checked against the schemas of the CRDs
// the cluster serves (this file creates them in the group validate.ktl.test and deletes them after),
// and everything else still validates offline.
import {randomBytes} from 'node:crypto'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK} from './helpers.js'

const GROUP = 'validate.ktl.test'
const SUFFIX = randomBytes(3).toString('hex')
const KIND = `Gauge${SUFFIX}`
const PLURAL = `gauges${SUFFIX}`
const CRD = `${PLURAL}.${GROUP}`

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: {name: CRD},
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: {plural: PLURAL, singular: `gauge${SUFFIX}`, kind: KIND},
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['level'],
                properties: {level: {type: 'integer', minimum: 0, maximum: 100}, unit: {type: 'string', enum: ['percent', 'ratio']}},
              },
            },
          },
        },
      },
    ],
  },
}

const resources = [
  `apiVersion: ${GROUP}/v1`,
  `kind: ${KIND}`,
  'metadata:',
  '  name: fine',
  'spec:',
  '  level: 40',
  '  unit: percent',
  '---',
  `apiVersion: ${GROUP}/v1`,
  `kind: ${KIND}`,
  'metadata:',
  '  name: broken',
  'spec:',
  '  level: 140',
  '  unit: furlongs',
  '  colour: red',
  '',
].join('\n')

beforeAll(async () => {
  await kubectlOK(['apply', '-f', '-'], {stdin: JSON.stringify(crd)})
  await kubectlOK(['wait', '--for=condition=Established', `crd/${CRD}`, '--timeout=60s'])
})

afterAll(async () => {
  await kubectl(['delete', 'crd', CRD, '--ignore-not-found'])
})

describe('ktl validate against a cluster', () => {
  it("checks custom resources against the cluster's CRDs", async () => {
    const run = await ktl(['validate', '-f', '-'], {stdin: resources})
    expect(run.stderr).toBe(
      [
        'STDIN:14:10: spec.level: must be <= 100, got 140',
        'STDIN:15:9: spec.unit: must be one of "percent" or "ratio", got "furlongs"',
        'STDIN:16:3: spec.colour: unknown field',
        '2 documents, 1 valid, 1 invalid',
        '',
      ].join('\n'),
    )
    expect(run.stdout).toBe('')
    expect(run.code).toBe(1)
  })

  it('validates built-in kinds offline, without asking the cluster', async () => {
    const run = await ktl(['validate', '-f', 'test/fixtures/validate/valid', '-v=6'])
    expect(run.stderr).toBe('24 documents, 24 valid, 0 invalid\n')
    expect(run.code).toBe(0)
  })

  it('still validates when the configured cluster cannot be reached', async () => {
    const run = await ktl(['validate', '-f', '-', '-s', 'https://127.0.0.1:1'], {stdin: resources})
    expect(run.stderr).toBe(
      [
        `STDIN:2:1: kind: no schema for ${GROUP}/v1 ${KIND}: no CustomResourceDefinition in the input defines it (could not read the cluster: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?)`,
        `STDIN:10:1: kind: no schema for ${GROUP}/v1 ${KIND}: no CustomResourceDefinition in the input defines it (could not read the cluster: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?)`,
        '2 documents, 0 valid, 2 invalid',
        '',
      ].join('\n'),
    )
    expect(run.code).toBe(1)
  })
})
