// Differential: `ktl patch` against kubectl 1.32 on twin namespaces: strategic, merge and JSON
// patches sent to objects and subresources, or applied locally (--local, --dry-run=client).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {kubectlOK} from './helpers.js'
import {twin} from './twin.js'

const t = twin('patch-e2e')

const SEED = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: a, image: nginx, env: [{name: A, value: "1"}]}
      - {name: b, image: busybox}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a, labels: {app: web}}
data: {x: "1", list: "[]"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b}
`

const DEPLOYMENT_FILE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: a, image: nginx}
`

beforeAll(async () => {
  await t.setUp(SEED)
}, 300_000)

afterAll(async () => {
  await t.tearDown()
}, 60_000)

const file = t.file

async function sameObjects(): Promise<void> {
  const {ours, theirs} = await t.objects('deployments,configmaps')
  expect(ours).toEqual(theirs)
}

describe('patch', () => {
  it.each([
    ['a strategic merge patch by merge key', ['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"busybox:1"}]}}}}']],
    ['the same patch again: no change', ['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"busybox:1"}]}}}}']],
    ['a strategic patch as YAML', ['patch', 'deployment/web', '-p', 'spec:\n  replicas: 2']],
    ['a merge patch', ['patch', 'cm', 'a', '--type', 'merge', '-p', '{"data":{"y":"2","x":null}}']],
    ['a JSON patch', ['patch', 'cm', 'a', '--type=json', '-p', '[{"op":"add","path":"/data/z","value":"3"},{"op":"remove","path":"/data/y"}]']],
    ['a JSON patch the server refuses', ['patch', 'cm', 'a', '--type=json', '-p', '[{"op":"remove","path":"/data/nope"}]']],
    ['a JSON patch that is not a list', ['patch', 'cm', 'a', '--type=json', '-p', '{"op":"add"}']],
    ['invalid JSON', ['patch', 'cm', 'a', '-p', '{"data":']],
    ['several names, one missing', ['patch', 'cm', 'a', 'nope', 'b', '--type=merge', '-p', '{"metadata":{"labels":{"p":"1"}}}']],
    ['-o yaml', ['patch', 'cm', 'b', '--type=merge', '-p', '{"data":{"k":"v"}}', '-o', 'yaml']],
    ['--subresource=scale', ['patch', 'deploy', 'web', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":3}}']],
    ['--subresource=status', ['patch', 'deploy', 'web', '--subresource=status', '--type=merge', '-p', '{"status":{"observedGeneration":99}}', '-o', 'jsonpath={.status.observedGeneration}']],
    ['--dry-run=server', ['patch', 'cm', 'a', '--type=merge', '-p', '{"data":{"dry":"1"}}', '--dry-run=server', '-o', 'json']],
    ['--dry-run=client, strategic, applied here', ['patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"B","value":"2"}]}]}}}}', '--dry-run=client', '-o', 'yaml']],
    ['--dry-run=client with no change', ['patch', 'cm', 'a', '--type=merge', '-p', '{"data":{"z":"3"}}', '--dry-run=client']],
    ['--dry-run=client, JSON patch', ['patch', 'cm', 'a', '--type=json', '-p', '[{"op":"replace","path":"/data/z","value":"4"},{"op":"test","path":"/data/z","value":"4"}]', '--dry-run=client', '-o', 'json']],
    ['--dry-run=client, a failing JSON patch test', ['patch', 'cm', 'a', '--type=json', '-p', '[{"op":"test","path":"/data/z","value":"9"}]', '--dry-run=client']],
  ])('%s', async (_name, args) => {
    await t.same(args)
    await sameObjects()
  })

  it.each([
    ['no patch', ['patch', 'cm', 'a']],
    ['both --patch and --patch-file', ['patch', 'cm', 'a', '-p', '{}', '--patch-file', 'x']],
    ['an unknown --type', ['patch', 'cm', 'a', '--type=apply', '-p', '{}']],
    ['a missing patch file', ['patch', 'cm', 'a', '--patch-file', '/nonexistent/patch.json']],
    ['--local with names', ['patch', 'cm', 'a', '--local', '-p', '{}']],
    ['--local without files', ['patch', '--local', '-p', '{}']],
    ['a type without a name', ['patch', 'cm', '-p', '{}']],
  ])('refuses %s as kubectl does', async (_name, args) => {
    const {ours} = await t.same(args)
    expect(ours.code).toBe(1)
  })

  it('--patch-file, YAML', async () => {
    await t.same(['patch', 'deploy', 'web', '--patch-file', file('p.yaml', 'spec:\n  template:\n    metadata:\n      labels: {from: file}\n')])
    await sameObjects()
  })

  it('-f names the object; --local -f patches the file', async () => {
    const manifest = file('web.yaml', DEPLOYMENT_FILE)
    await t.same(['patch', '-f', manifest, '--type=merge', '-p', '{"metadata":{"annotations":{"via":"file"}}}'])
    await t.same(['patch', '-f', manifest, '--local', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"nginx:2"}]}}}}', '-o', 'yaml'])
    await t.same(['patch', '-f', manifest, '--local', '--type=json', '-p', '[{"op":"add","path":"/spec/replicas","value":5}]', '-o', 'json'])
    await t.same(['patch', '-f', manifest, '--local', '--type=merge', '-p', '{"spec":{"replicas":null}}'])
    await sameObjects()
  })

  it('--local strategic patch of a custom resource is refused as kubectl refuses it', async () => {
    const manifest = file('cr.yaml', 'apiVersion: example.ktl.dev/v1\nkind: Thing\nmetadata: {name: x}\nspec: {a: 1}\n')
    const {ours} = await t.same(['patch', '-f', manifest, '--local', '-p', '{"spec":{"a":2}}'])
    expect(ours.stderr).toBe('error: strategic merge patch is not supported for example.ktl.dev/v1, Kind=Thing locally, try --type merge\n')
    await t.same(['patch', '-f', manifest, '--local', '--type=merge', '-p', '{"spec":{"a":2}}', '-o', 'json'])
  })

  it('the live objects carry the field manager kubectl-patch', async () => {
    const managers = await kubectlOK(['get', 'cm', 'a', '-n', t.ours, '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[*].manager}'])
    expect(managers.split(' ')).toContain('kubectl-patch')
  })
})
