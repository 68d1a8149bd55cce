// Custom resource schemas from the connected cluster's CRDs, read only when a document needs them,
// and the validation create and apply run before sending anything (validateForSend).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {collectManifests} from '../../src/lib/manifests/reader.js'
import {runValidate} from '../../src/lib/ops/validate.js'
import {validateForSend} from '../../src/lib/validate/send.js'
import {FakeServer} from '../support/fake-server.js'

const FIXTURES = 'test/fixtures/validate'
const CRD_LIST = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-validate-cluster-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

function ctxFor(server: string) {
  const kubeconfig = join(home, 'config')
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${server}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: t\n`,
  )
  const io = memoryIO()
  return {io, ctx: createCtx({io, env: {}, homeDir: home, overrides: {kubeconfig}})}
}

async function documents(filenames: string[]) {
  return (await collectManifests({filenames, recursive: false, stdin: new PassThrough()})).documents
}

async function crdList() {
  const crds = await documents([`${FIXTURES}/crd/schemas/widgets.example.com.yaml`])
  // As the API server lists them: items without apiVersion and kind.
  const items = crds.map(({object: {apiVersion, kind, ...rest}}) => rest)
  return {body: {kind: 'CustomResourceDefinitionList', apiVersion: 'apiextensions.k8s.io/v1', items}}
}

async function run(ctx: ReturnType<typeof ctxFor>['ctx'], filenames: string[]): Promise<string | undefined> {
  try {
    await runValidate(ctx, {filenames, recursive: false, schemaLocations: [], ignoreMissingSchemas: false})
    return undefined
  } catch (err) {
    return (err as Error).message
  }
}

describe('validate with a cluster', () => {
  it("takes a custom resource's schema from the cluster's CRDs", async () => {
    fake.on('GET', CRD_LIST, await crdList())
    const {io, ctx} = ctxFor(fake.url)
    expect(await run(ctx, [`${FIXTURES}/crd/resources`])).toBe('1 document, 0 valid, 1 invalid')
    expect(io.stderr()).toBe('test/fixtures/validate/crd/resources/widget.yaml:6:9: spec.size: must be <= 10, got 11\n')
    fake.verify()
  })

  it('asks the cluster nothing when no document needs it', async () => {
    const {io, ctx} = ctxFor(fake.url)
    expect(await run(ctx, [`${FIXTURES}/valid/storage.yaml`, `${FIXTURES}/defects/deploy.yaml`, `${FIXTURES}/crd/together/crd.yaml`])).toBe('4 documents, 3 valid, 1 invalid')
    expect(io.stderr().split('\n').length).toBe(6)
    fake.verify()
  })

  it('says the cluster could not be read when it is unreachable, and still validates the rest', async () => {
    const {io, ctx} = ctxFor('http://127.0.0.1:1')
    expect(await run(ctx, [`${FIXTURES}/crd/resources`, `${FIXTURES}/valid/storage.yaml`])).toBe('3 documents, 2 valid, 1 invalid')
    expect(io.stderr()).toBe(
      'test/fixtures/validate/crd/resources/widget.yaml:2:1: kind: no schema for example.com/v1 Widget: no CustomResourceDefinition in the input defines it ' +
        '(could not read the cluster: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?)\n',
    )
  })
})

describe('validateForSend', () => {
  it('refuses to go on in strict mode, listing every problem', async () => {
    const {io, ctx} = ctxFor(fake.url)
    const docs = await documents([`${FIXTURES}/defects/deploy.yaml`, `${FIXTURES}/valid/storage.yaml`])
    await expect(validateForSend(ctx, docs, 'strict')).rejects.toThrow(
      [
        'test/fixtures/validate/defects/deploy.yaml:6:13: spec.replicas: must be integer, got string "three"',
        'test/fixtures/validate/defects/deploy.yaml:18:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)',
        'test/fixtures/validate/defects/deploy.yaml:19:26: spec.template.spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent" or "Never", got "Sometimes"',
        'test/fixtures/validate/defects/deploy.yaml:22:21: spec.template.spec.containers[0].ports[0].protocol: must be one of "TCP", "UDP" or "SCTP", got "TCPP"',
        'test/fixtures/validate/defects/deploy.yaml:25:18: spec.template.spec.containers[0].resources.limits.cpu: must be a quantity such as "500m", "2Gi" or 3, got string "lots"',
        'error: 1 document failed validation; if you choose to ignore these errors, turn validation off with --validate=false',
      ].join('\n'),
    )
    expect(io.stderr()).toBe('')
    fake.verify()
  })

  it('prints warnings and goes on in warn mode', async () => {
    const {io, ctx} = ctxFor(fake.url)
    await validateForSend(ctx, await documents([`${FIXTURES}/defects/required.yaml`]), 'warn')
    expect(io.stderr().split('\n').slice(0, 2)).toEqual([
      'Warning: test/fixtures/validate/defects/required.yaml:5:1: spec: missing required field "selector"',
      'Warning: test/fixtures/validate/defects/required.yaml:9:9: spec.template.spec.containers[0]: missing required field "name"',
    ])
  })

  it("leaves kinds without a schema to the server, and checks custom resources against the cluster's CRDs", async () => {
    fake.on('GET', CRD_LIST, await crdList())
    const {ctx} = ctxFor(fake.url)
    await validateForSend(ctx, await documents([`${FIXTURES}/defects/removed.yaml`]), 'strict')
    await expect(validateForSend(ctx, await documents([`${FIXTURES}/crd/resources/widget.yaml`]), 'strict')).rejects.toThrow(
      'test/fixtures/validate/crd/resources/widget.yaml:6:9: spec.size: must be <= 10, got 11\n' +
        'error: 1 document failed validation; if you choose to ignore these errors, turn validation off with --validate=false',
    )
    fake.verify()
  })
})
