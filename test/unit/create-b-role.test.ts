// `create role` and `create clusterrole` check resources against discovery, as kubectl's RESTMapper
// does: against a FakeServer serving the recorded v1.20 API as aggregated discovery (expected outputs
// are kubectl 1.32's against the real v1.20 server).
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {runCreateClusterRole} from '../../src/lib/create/cluster-role.js'
import {runCreateRole} from '../../src/lib/create/role.js'
import type {CreateObjectOptions} from '../../src/lib/ops/create.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-create-b-role-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const clientDryRun = (output: string): CreateObjectOptions => ({dryRun: 'client', output, saveConfig: false, fieldManager: 'kubectl-create', showManagedFields: false})
const role = {name: 'r1', verbs: ['get'], resources: ['pods'], resourceNames: []}
const clusterRole = {...role, nonResourceURLs: [], aggregationLabels: new Map<string, string>()}

describe('create role', () => {
  test('short names, groups and subresources become one rule per API group, groups sorted', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    const opts = {...role, verbs: ['get', 'list'], resources: ['pods', 'deploy', 'pods/log', 'rs.apps', 'cj', '*.apps'], resourceNames: ['x', 'y', 'x']}
    await runCreateRole(ctx, opts, clientDryRun('json'))
    expect(JSON.stringify(JSON.parse(io.stdout()))).toBe(
      '{"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r1","creationTimestamp":null},"rules":[' +
        '{"verbs":["get","list"],"apiGroups":[""],"resources":["pods","pods/log"],"resourceNames":["x","y"]},' +
        '{"verbs":["get","list"],"apiGroups":["apps"],"resources":["deployments","replicasets","*"],"resourceNames":["x","y"]},' +
        '{"verbs":["get","list"],"apiGroups":["batch"],"resources":["cronjobs"],"resourceNames":["x","y"]}]}',
    )
    expect(io.stderr()).toBe('')
    fake.verify()
  })

  test('an ambiguous short name warns when checked and again when the rule is built', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateRole(ctx, {...role, resources: ['ing']}, clientDryRun('jsonpath={.rules[0].apiGroups}'))
    expect(io.stdout()).toBe('["networking.k8s.io"]')
    expect(io.stderr()).toBe('Warning: short name "ing" could also match lower priority resource ingresses.extensions\n'.repeat(2))
  })

  test('an unknown resource fails without "error: ", after the warnings of those before it', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runCreateRole(ctx, {...role, resources: ['ing', 'nosuchthings']}, clientDryRun('yaml'))).rejects.toThrow(
      /^the server doesn't have a resource type "nosuchthings"$/,
    )
    expect(io.stderr()).toBe('Warning: short name "ing" could also match lower priority resource ingresses.extensions\n')
    expect(io.stdout()).toBe('')
  })

  test('a group is named in the error; a version in the group is not read as one', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateRole(ctx, {...role, resources: ['deployments.v1.apps']}, clientDryRun('yaml'))).rejects.toThrow(
      /^the server doesn't have a resource type "deployments" in group "v1.apps"$/,
    )
  })

  test('kind names are not resource names; a group may be a prefix', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateRole(ctx, {...role, resources: ['deployments.ap', 'hpa.autoscal', 'Pods.']}, clientDryRun('jsonpath={.rules[*].resources}'))
    expect(io.stdout()).toBe('["pods"] ["deployments"] ["horizontalpodautoscalers"]')
    await expect(runCreateRole(ctx, {...role, resources: ['Deploy']}, clientDryRun('yaml'))).rejects.toThrow(/^the server doesn't have a resource type "Deploy"$/)
  })

  test('special verbs need their resources; naming one forgives a resource discovery does not list', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runCreateRole(ctx, {...role, verbs: ['get', 'use']}, clientDryRun('yaml'))).rejects.toThrow("error: can not perform 'use' on 'pods' in group ''")
    await runCreateRole(ctx, {...role, verbs: ['impersonate'], resources: ['users', 'userextras.authentication.k8s.io']}, clientDryRun('yaml'))
    expect(io.stdout()).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r1\nrules:\n' +
        '- apiGroups:\n  - ""\n  resources:\n  - users\n  verbs:\n  - impersonate\n' +
        '- apiGroups:\n  - authentication.k8s.io\n  resources:\n  - userextras\n  verbs:\n  - impersonate\n',
    )
  })

  test('resources after a * are not checked, and are kept as typed', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateRole(ctx, {...role, resources: ['*.apps', 'NoSuchThing']}, clientDryRun('jsonpath={.rules}'))
    expect(io.stdout()).toBe('[{"apiGroups":[""],"resources":["NoSuchThing"],"verbs":["get"]},{"apiGroups":["apps"],"resources":["*"],"verbs":["get"]}]')
  })

  test('flag mistakes are reported before discovery is asked anything', async () => {
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runCreateRole(ctx, {...role, name: ''}, clientDryRun('yaml'))).rejects.toThrow('error: name must be specified')
    await expect(runCreateRole(ctx, {...role, verbs: []}, clientDryRun('yaml'))).rejects.toThrow('error: at least one verb must be specified')
    await expect(runCreateRole(ctx, {...role, verbs: ['foo'], resources: []}, clientDryRun('yaml'))).rejects.toThrow('error: at least one resource must be specified')
    await expect(runCreateRole(ctx, {...role, resources: ['/status']}, clientDryRun('yaml'))).rejects.toThrow('error: resource must be specified if apiGroup/subresource specified')
    expect(io.stderr()).toBe("Warning: 'foo' is not a standard resource verb\n")
    fake.verify()
  })
})

describe('create clusterrole', () => {
  test('non-resource URLs alone ask discovery nothing', async () => {
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateClusterRole(ctx, {...clusterRole, verbs: ['get', 'post'], resources: [], nonResourceURLs: ['/a', '/b*', '/a']}, clientDryRun('json'))
    expect(JSON.stringify(JSON.parse(io.stdout()))).toBe(
      '{"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r1","creationTimestamp":null},"rules":[{"verbs":["get","post"],"nonResourceURLs":["/a","/b*"]}]}',
    )
    fake.verify()
  })

  test('resources and URLs: the URL rule comes last', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateClusterRole(ctx, {...clusterRole, resources: ['nodes', 'deploy'], nonResourceURLs: ['/healthz']}, clientDryRun('jsonpath={.rules}'))
    expect(io.stdout()).toBe(
      '[{"apiGroups":[""],"resources":["nodes"],"verbs":["get"]},{"apiGroups":["apps"],"resources":["deployments"],"verbs":["get"]},{"nonResourceURLs":["/healthz"],"verbs":["get"]}]',
    )
  })

  test('checks in kubectl order', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    const labels = new Map([['a', 'b']])
    await expect(runCreateClusterRole(ctx, {...clusterRole, name: ''}, clientDryRun('yaml'))).rejects.toThrow('error: name must be specified')
    await expect(runCreateClusterRole(ctx, {...clusterRole, aggregationLabels: labels}, clientDryRun('yaml'))).rejects.toThrow(
      'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
    )
    await expect(runCreateClusterRole(ctx, {...clusterRole, verbs: []}, clientDryRun('yaml'))).rejects.toThrow('error: at least one verb must be specified')
    await expect(runCreateClusterRole(ctx, {...clusterRole, resources: []}, clientDryRun('yaml'))).rejects.toThrow('error: one of resource or nonResourceURL must be specified')
    // resources are checked (with their warnings) before URLs
    await expect(runCreateClusterRole(ctx, {...clusterRole, verbs: ['watchx'], nonResourceURLs: ['/x']}, clientDryRun('yaml'))).rejects.toThrow(
      "error: invalid verb: 'watchx' for nonResourceURL",
    )
    expect(io.stderr()).toBe("Warning: 'watchx' is not a standard resource verb\n")
  })
})
