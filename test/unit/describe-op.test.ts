// runDescribe's own rules (arguments, paging, errors) and what ktl adds beyond kubectl, against a
// FakeServer serving the recorded v1.20 discovery documents.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {formatRFC1123Z} from '../../src/lib/describe/writer.js'
import {runDescribe} from '../../src/lib/ops/describe.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const defaults = {allNamespaces: false, showEvents: true, chunkSize: 500, now: NOW}

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-describe-op-'))
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

function json(body: unknown) {
  return {headers: {'content-type': 'application/json'}, body: JSON.stringify(body)}
}

const emptyList = (kind: string) => json({kind, apiVersion: 'v1', metadata: {}, items: []})

describe('arguments', () => {
  test('a type is required', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runDescribe(ctx, {...defaults, args: []})).rejects.toThrow(
      'error: You must specify the type of resource to describe. Use "ktl api-resources" for a complete list of supported resources.',
    )
    expect(fake.requests).toEqual([])
  })

  test('names and a selector do not mix', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runDescribe(ctx, {...defaults, args: ['pods', 'web'], selector: 'app=web'})).rejects.toThrow('error: name cannot be provided when a selector is specified')
  })

  test('no names across all namespaces', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runDescribe(ctx, {...defaults, args: ['pods', 'web'], allNamespaces: true})).rejects.toThrow(
      'error: a resource cannot be retrieved by name across all namespaces',
    )
  })

  test('a prefix needs a single type', async () => {
    fake.on('GET', '/api/v1/namespaces/default/pods/web', {status: 404, body: statusBody(404, 'NotFound', 'pods "web" not found')})
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json({kind: 'Deployment', metadata: {name: 'web'}}))
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runDescribe(ctx, {...defaults, args: ['pods,deploy', 'web']})).rejects.toThrow('error: you may only specify a single resource type')
    expect(io.stdout()).toBe('')
  })
})

describe('requests', () => {
  test('--chunk-size=0 lists without a limit, everywhere', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2026-03-01T11:00:00Z'},
      spec: {replicas: 0, selector: {matchLabels: {app: 'web'}}, strategy: {type: 'Recreate'}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: []}}},
    }
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments', json({kind: 'DeploymentList', metadata: {}, items: [dep]}))
    fake.on('GET', '/api/v1/namespaces/default/events', emptyList('EventList'))
    fake.on('GET', '/apis/apps/v1/namespaces/default/replicasets', emptyList('ReplicaSetList'))
    const {ctx, io} = testCtx(fake.url, home)
    await runDescribe(ctx, {...defaults, args: ['deployments'], chunkSize: 0})
    const queries = fake.requests.filter((r) => !r.path.startsWith('/api/v1') || r.path.endsWith('/events')).filter((r) => r.path.includes('/namespaces/'))
    expect(queries.map((r) => [r.path, Object.fromEntries(r.query)])).toEqual([
      ['/apis/apps/v1/namespaces/default/deployments', {}],
      ['/api/v1/namespaces/default/events', {fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=u1'}],
      ['/apis/apps/v1/namespaces/default/replicasets', {labelSelector: 'app=web'}],
    ])
    expect(io.stdout()).toContain('\nReplicas:           0 desired | 0 updated | 0 total | 0 available | 0 unavailable\n')
    expect(fake.unexpected).toEqual([])
  })

  test('a describer failing the same way for several objects reports it once, after what it could describe', async () => {
    const sts = (name: string) => ({
      metadata: {name, namespace: 'default', uid: name},
      spec: {replicas: 1, selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: []}}},
    })
    fake.on('GET', '/apis/apps/v1/namespaces/default/statefulsets', json({kind: 'StatefulSetList', metadata: {}, items: [sts('a'), sts('b')]}))
    fake.on('GET', '/api/v1/namespaces/default/pods', statusBody(403, 'Forbidden', 'pods is forbidden: User "ro" cannot list resource "pods"'), {times: 2})
    const {ctx, io} = testCtx(fake.url, home)
    await expect(runDescribe(ctx, {...defaults, args: ['statefulsets']})).rejects.toThrow(/^Error from server \(Forbidden\): pods is forbidden: User "ro" cannot list resource "pods"$/)
    expect(io.stdout()).toBe('')
    expect(io.stderr()).toBe('')
  })
})

describe('beyond kubectl: an object being deleted says what holds it', () => {
  test('a Deployment, which kubectl prints no status for', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: 'u1',
        creationTimestamp: '2026-03-01T10:00:00Z',
        deletionTimestamp: '2026-03-01T11:55:00Z',
        finalizers: ['foregroundDeletion', 'example.com/keep'],
      },
      spec: {
        replicas: 1,
        selector: {matchLabels: {app: 'web'}},
        strategy: {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: 1}},
        template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx'}]}},
      },
      status: {replicas: 1, updatedReplicas: 1, availableReplicas: 1},
    }
    fake.on('GET', '/apis/apps/v1/namespaces/default/deployments/web', json(dep))
    fake.on('GET', '/apis/apps/v1/namespaces/default/replicasets', emptyList('ReplicaSetList'))
    const {ctx, io} = testCtx(fake.url, home)
    await runDescribe(ctx, {...defaults, args: ['deploy', 'web'], showEvents: false})
    expect(io.stdout()).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'Status:                 Terminating (lasts 5m)',
        'Waiting on finalizers:  foregroundDeletion, example.com/keep',
        `CreationTimestamp:      ${formatRFC1123Z('2026-03-01T10:00:00Z')}`,
        'Labels:                 <none>',
        'Annotations:            <none>',
        'Selector:               app=web',
        'Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 1 max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   c:',
        '    Image:         nginx',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        '',
      ].join('\n'),
    )
  })

  test('a custom resource, described generically', async () => {
    const tab = {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTab',
      metadata: {
        name: 'nightly',
        namespace: 'default',
        uid: 'u2',
        deletionTimestamp: '2026-03-01T11:59:00Z',
        finalizers: ['stable.example.com/cleanup'],
        labels: {app: 'cron'},
        managedFields: [{manager: 'kubectl'}],
      },
      spec: {cronSpec: '* * * * */5', replicas: 3, ratio: 0.25, big: 1e6 + 0.5, enabled: true, note: null, tags: ['a', 'b'], steps: [{name: 'one'}, {name: 'two', retryURL: 'x'}]},
    }
    fake.on('GET', '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly', json(tab))
    fake.on(
      'GET',
      '/api/v1/namespaces/default/events',
      json({
        kind: 'EventList',
        metadata: {},
        items: [{type: 'Normal', reason: 'Scheduled', message: 'ran', source: {component: 'cron-controller'}, count: 2, firstTimestamp: '2026-03-01T11:00:00Z', lastTimestamp: '2026-03-01T11:58:00Z'}],
      }),
    )
    const {ctx, io} = testCtx(fake.url, home)
    await runDescribe(ctx, {...defaults, args: ['ct', 'nightly']})
    expect(io.stdout()).toBe(
      [
        'Name:                   nightly',
        'Namespace:              default',
        'Status:                 Terminating (lasts 60s)',
        'Waiting on finalizers:  stable.example.com/cleanup',
        'Labels:                 app=cron',
        'Annotations:            <none>',
        'API Version:            stable.example.com/v1',
        'Kind:                   CronTab',
        'Metadata:',
        '  Deletion Timestamp:  2026-03-01T11:59:00Z',
        '  Finalizers:',
        '    stable.example.com/cleanup',
        '  UID:  u2',
        'Spec:',
        '  Big:        1.0000005e+06',
        '  Cron Spec:  * * * * */5',
        '  Enabled:    true',
        '  Note:       <nil>',
        '  Ratio:      0.25',
        '  Replicas:   3',
        '  Steps:',
        '    Name:       one',
        '    Name:       two',
        '    Retry URL:  x',
        '  Tags:',
        '    a',
        '    b',
        'Events:',
        '  Type    Reason     Age               From             Message',
        '  ----    ------     ----              ----             -------',
        '  Normal  Scheduled  2m (x2 over 60m)  cron-controller  ran',
        '',
      ].join('\n'),
    )
    const events = fake.requests.find((r) => r.path === '/api/v1/namespaces/default/events')
    expect(events?.query.get('fieldSelector')).toBe('involvedObject.kind=CronTab,involvedObject.name=nightly,involvedObject.namespace=default,involvedObject.uid=u2')
  })
})
