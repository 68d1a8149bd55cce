// rollout's pure parts (status lines, patches, history tables, rollback plans, error aggregation) and
// `rollout status` against the fake server, on a terminal (the live line) and piped.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {memoryIO} from '../../src/lib/io.js'
import {formatRFC3339 as rfc3339} from '../../src/lib/go/time.js'
import {rolloutPatch} from '../../src/lib/ops/rollout.js'
import {runRolloutStatus, StatusLine} from '../../src/lib/ops/rollout-status.js'
import {planControllerRevisionRollback, planDeploymentRollback, printTemplate, type Revision, viewHistory} from '../../src/lib/rollout/history.js'
import {daemonSetStatus, deploymentStatus, statefulSetStatus} from '../../src/lib/rollout/status-viewer.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

const deployments: APIResource = {
  name: 'deployments', singularName: 'deployment', namespaced: true, group: 'apps', version: 'v1', kind: 'Deployment', verbs: [], shortNames: ['deploy'], categories: [],
}
const daemonSets: APIResource = {...deployments, name: 'daemonsets', kind: 'DaemonSet'}
const configMaps: APIResource = {...deployments, name: 'configmaps', group: '', kind: 'ConfigMap'}

const deployment = (status: Record<string, unknown>, extra: {generation?: number; replicas?: number; annotations?: Record<string, string>} = {}) => ({
  metadata: {name: 'web', generation: extra.generation ?? 2, annotations: extra.annotations},
  spec: {replicas: extra.replicas ?? 3},
  status: {observedGeneration: 2, ...status},
})

describe('deployment status', () => {
  it('walks through kubectl lines until the rollout is done', () => {
    expect(deploymentStatus(deployment({}, {generation: 3}), 0)).toEqual({text: 'Waiting for deployment spec update to be observed...\n', done: false})
    expect(deploymentStatus(deployment({updatedReplicas: 1}), 0).text).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n')
    expect(deploymentStatus(deployment({updatedReplicas: 3, replicas: 4}), 0).text).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n')
    expect(deploymentStatus(deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 2}), 0).text).toBe(
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n',
    )
    expect(deploymentStatus(deployment({updatedReplicas: 3, replicas: 3, availableReplicas: 3}), 0)).toEqual({text: 'deployment "web" successfully rolled out\n', done: true})
  })

  it('fails on a missed progress deadline and on another revision', () => {
    const stuck = deployment({conditions: [{type: 'Progressing', reason: 'ProgressDeadlineExceeded'}]})
    expect(() => deploymentStatus(stuck, 0)).toThrow('error: deployment "web" exceeded its progress deadline')
    const rev3 = deployment({}, {annotations: {'deployment.kubernetes.io/revision': '3'}})
    expect(() => deploymentStatus(rev3, 2)).toThrow('error: desired revision (2) is different from the running revision (3)')
  })
})

describe('daemon set and stateful set status', () => {
  it("prints kubectl's daemon set lines", () => {
    const ds = (status: object, type = 'RollingUpdate') => ({metadata: {name: 'ds', generation: 1}, spec: {updateStrategy: {type}}, status: {observedGeneration: 1, ...status}})
    expect(daemonSetStatus(ds({desiredNumberScheduled: 2, updatedNumberScheduled: 1})).text).toBe('Waiting for daemon set "ds" rollout to finish: 1 out of 2 new pods have been updated...\n')
    expect(daemonSetStatus(ds({desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1})).text).toBe(
      'Waiting for daemon set "ds" rollout to finish: 1 of 2 updated pods are available...\n',
    )
    expect(daemonSetStatus(ds({desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2}))).toEqual({text: 'daemon set "ds" successfully rolled out\n', done: true})
    expect(() => daemonSetStatus(ds({}, 'OnDelete'))).toThrow('error: rollout status is only available for RollingUpdate strategy type')
  })

  it("prints kubectl's stateful set lines", () => {
    const sts = (status: object, rollingUpdate?: object) => ({
      metadata: {name: 'db', generation: 1},
      spec: {replicas: 3, updateStrategy: {type: 'RollingUpdate', rollingUpdate}},
      status: {observedGeneration: 1, ...status},
    })
    expect(statefulSetStatus({...sts({}), status: {}}).text).toBe('Waiting for statefulset spec update to be observed...\n')
    expect(statefulSetStatus(sts({readyReplicas: 1})).text).toBe('Waiting for 2 pods to be ready...\n')
    expect(statefulSetStatus(sts({readyReplicas: 3, updatedReplicas: 1}, {partition: 1})).text).toBe(
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
    )
    expect(statefulSetStatus(sts({readyReplicas: 3, updatedReplicas: 3}, {partition: 0}))).toEqual({text: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true})
    expect(statefulSetStatus(sts({readyReplicas: 3, updatedReplicas: 1, updateRevision: 'b', currentRevision: 'a'})).text).toBe(
      'waiting for statefulset rolling update to complete 1 pods at revision b...\n',
    )
    expect(statefulSetStatus(sts({readyReplicas: 3, currentReplicas: 3, updateRevision: 'a', currentRevision: 'a'}))).toEqual({
      text: 'statefulset rolling update complete 3 pods at revision a...\n',
      done: true,
    })
  })
})

describe('rollout patches', () => {
  const now = new Date('2026-12-07T16:45:59Z')
  it('pause, resume and restart a deployment', () => {
    expect(rolloutPatch('pause', {resource: deployments, object: {spec: {}}}, now)).toBe('{"spec":{"paused":true}}')
    expect(rolloutPatch('resume', {resource: deployments, object: {spec: {paused: true}}}, now)).toBe('{"spec":{"paused":null}}')
    expect(rolloutPatch('restart', {resource: daemonSets, object: {spec: {}}}, now)).toBe(
      `{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"${rfc3339(now)}"}}}}}`,
    )
  })

  it("refuses with kubectl's reasons", () => {
    expect(() => rolloutPatch('pause', {resource: deployments, object: {spec: {paused: true}}}, now)).toThrow(/^is already paused$/)
    expect(() => rolloutPatch('resume', {resource: deployments, object: {spec: {}}}, now)).toThrow(/^is not paused$/)
    expect(() => rolloutPatch('pause', {resource: daemonSets, object: {}}, now)).toThrow(/^pausing is not supported$/)
    expect(() => rolloutPatch('restart', {resource: configMaps, object: {}}, now)).toThrow(/^restarting is not supported$/)
    expect(() => rolloutPatch('restart', {resource: deployments, object: {spec: {paused: true}}}, now)).toThrow(/^can't restart paused deployment \(run rollout resume first\)$/)
  })

  it('has nothing to send for a restart stamped in the same second', () => {
    const object = {spec: {template: {metadata: {annotations: {'kubectl.kubernetes.io/restartedAt': rfc3339(now)}}}}}
    expect(rolloutPatch('restart', {resource: deployments, object}, now)).toBe('{}')
  })

  it("formats the time as Go's RFC3339", () => {
    expect(rfc3339(now)).toMatch(/^2026-12-07T\d\d:\d\d:59(Z|[+-]\d\d:\d\d)$/)
  })
})

describe('history', () => {
  const template = (image: string, extra: object = {}) => ({metadata: {labels: {app: 'web'}, ...extra}, spec: {containers: [{name: 'c', image}]}})
  const history = new Map<number, Revision>([
    [10, {template: template('b', {annotations: {'kubernetes.io/change-cause': 'kubectl set image'}}), object: {}}],
    [2, {template: template('a'), object: {}}],
  ])

  it("prints kubectl's REVISION/CHANGE-CAUSE table sorted by revision", () => {
    expect(viewHistory(history, 0)).toBe('REVISION  CHANGE-CAUSE\n2         <none>\n10        kubectl set image\n')
    expect(viewHistory(new Map(), 0)).toBe('No rollout history found.')
  })

  it("prints one revision's pod template with raw tabs", () => {
    expect(viewHistory(history, 2)).toBe(printTemplate(template('a')))
    expect(printTemplate(template('a'))).toMatch(/^Pod Template:\n {2}Labels:\tapp=web\n {2}Containers:\n {3}c:\n {4}Image:\ta\n/)
    expect(() => viewHistory(history, 3)).toThrow('error: unable to find the specified revision')
  })
})

describe('rollback plans', () => {
  const rs = (revision: string, image: string, annotations: Record<string, string> = {}) => ({
    metadata: {annotations: {'deployment.kubernetes.io/revision': revision, ...annotations}},
    spec: {template: {metadata: {labels: {app: 'web', 'pod-template-hash': `h${revision}`}}, spec: {containers: [{name: 'c', image}]}}},
  })
  const d = {
    metadata: {name: 'web', annotations: {'deployment.kubernetes.io/revision': '3', keep: 'x'}},
    spec: {template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'c'}]}}},
  }
  const replicaSets = [rs('1', 'a', {note: 'one'}), rs('2', 'b'), rs('3', 'c')]

  it('rolls a deployment back to the previous revision with a JSON patch', () => {
    const plan = planDeploymentRollback(d, replicaSets, 0, 'none')
    expect(plan.result).toBe('rolled back')
    expect(plan.patch?.contentType).toBe('application/json-patch+json')
    expect(JSON.parse(plan.patch?.body ?? '')).toEqual([
      {op: 'replace', path: '/spec/template', value: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'b'}]}}},
      {op: 'replace', path: '/metadata/annotations', value: {'deployment.kubernetes.io/revision': '3'}},
    ])
    expect(JSON.parse(planDeploymentRollback(d, replicaSets, 1, 'none').patch?.body ?? '')[1].value).toEqual({'deployment.kubernetes.io/revision': '3', note: 'one'})
  })

  it('skips, refuses and dry-runs as kubectl does', () => {
    expect(planDeploymentRollback(d, replicaSets, 3, 'none')).toEqual({result: 'skipped rollback (current template already matches revision 3)'})
    expect(() => planDeploymentRollback(d, replicaSets, 7, 'none')).toThrow('error: unable to find specified revision 7 in history')
    expect(() => planDeploymentRollback(d, [rs('3', 'c')], 0, 'none')).toThrow('error: no rollout history found for deployment "web"')
    expect(() => planDeploymentRollback({...d, spec: {...d.spec, paused: true}}, replicaSets, 0, 'none')).toThrow(/you cannot rollback a paused deployment/)
    const dry = planDeploymentRollback(d, replicaSets, 0, 'client')
    expect(dry.patch).toBeUndefined()
    expect(dry.result).toBe(printTemplate(replicaSets[1].spec.template))
  })

  it('rolls a daemon set back by sending the revision data', () => {
    const cr = (revision: number, image: string) => ({
      revision,
      data: {spec: {template: {$patch: 'replace', metadata: {labels: {app: 'ds'}}, spec: {containers: [{name: 'c', image}]}}}},
    })
    const ds = {spec: {template: {metadata: {labels: {app: 'ds'}}, spec: {containers: [{name: 'c', image: 'b'}]}}}}
    const plan = planControllerRevisionRollback(ds, [cr(2, 'b'), cr(1, 'a')], 0, 'none')
    expect(plan).toEqual({result: 'rolled back', patch: {body: JSON.stringify(cr(1, 'a').data), contentType: 'application/strategic-merge-patch+json'}})
    expect(planControllerRevisionRollback(ds, [cr(2, 'b'), cr(1, 'a')], 2, 'none').result).toBe('skipped rollback (current template already matches revision 2)')
    expect(planControllerRevisionRollback(ds, [cr(2, 'b'), cr(1, 'a')], 1, 'client').result).toMatch(/^will roll back to Pod Template:\n/)
    expect(() => planControllerRevisionRollback(ds, [cr(2, 'b')], 0, 'none')).toThrow('error: no last revision to roll back to')
  })
})

describe('StatusLine', () => {
  const waiting = {text: 'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\n', done: false}
  const done = {text: 'deployment "web" successfully rolled out\n', done: true}

  it('rewrites the waiting line in place on a terminal', () => {
    const io = memoryIO({tty: true})
    const line = new StatusLine(io.out, true)
    line.show(waiting)
    line.show(waiting)
    line.show(done)
    line.end()
    expect(io.stdout()).toBe(`${waiting.text.trimEnd()}\r\x1b[K${waiting.text.trimEnd()}\r\x1b[K${done.text}`)
  })

  it('leaves the last waiting line when the wait ends early', () => {
    const io = memoryIO({tty: true})
    const line = new StatusLine(io.out, true)
    line.show(waiting)
    line.end()
    expect(io.stdout()).toBe(waiting.text)
  })

  it('prints every line whole when piped', () => {
    const io = memoryIO()
    const line = new StatusLine(io.out, false)
    line.show(waiting)
    line.show(done)
    expect(io.stdout()).toBe(waiting.text + done.text)
  })
})

describe('runRolloutStatus against the fake server', () => {
  let fake: FakeServer
  let home: string
  beforeEach(async () => {
    fake = await FakeServer.start()
    home = mkdtempSync(join(tmpdir(), 'ktl-rollout-'))
    serveDiscovery(fake, {crd: false, groups: ['apps'], times: Number.POSITIVE_INFINITY})
  })
  afterEach(async () => {
    await fake.close()
    rmSync(home, {recursive: true, force: true})
  })

  const PATH = '/apis/apps/v1/namespaces/default/deployments'
  const web = (available: number, rv: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'default', generation: 1, resourceVersion: rv},
    spec: {replicas: 1},
    status: {observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: available},
  })
  const event = (type: string, object: object) => `${JSON.stringify({type, object})}\n`

  function serveRollout(): void {
    fake.on('GET', `${PATH}/web`, {body: web(0, '5')})
    fake.on('GET', PATH, (req) => {
      expect(req.query.get('fieldSelector')).toBe('metadata.name=web')
      return {body: {kind: 'DeploymentList', apiVersion: 'apps/v1', metadata: {resourceVersion: '5'}, items: [web(0, '5')]}}
    })
    fake.on('GET', PATH, (req) => {
      expect(req.query.get('watch')).toBe('1')
      expect(req.query.get('resourceVersion')).toBe('5')
      return {chunks: [event('MODIFIED', web(0, '6')), event('MODIFIED', web(1, '7'))], chunkDelayMs: 20, after: 'stall'}
    })
  }

  const WAITING = 'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...'
  const DONE = 'deployment "web" successfully rolled out\n'

  it('draws a live line on a terminal', async () => {
    serveRollout()
    const io = memoryIO({tty: true})
    const {ctx} = testCtx(fake.url, home)
    await runRolloutStatus({...ctx, io}, {args: ['deploy/web'], filenames: [], recursive: false, revision: 0, watch: true, timeoutMs: 5000})
    expect(io.stdout()).toBe(`${WAITING}\r\x1b[K${WAITING}\r\x1b[K${DONE}`)
    fake.verify()
  })

  it("prints kubectl's lines when piped", async () => {
    serveRollout()
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await runRolloutStatus({...ctx, io}, {args: ['deploy/web'], filenames: [], recursive: false, revision: 0, watch: true, timeoutMs: 5000})
    expect(io.stdout()).toBe(`${WAITING}\n${WAITING}\n${DONE}`)
    fake.verify()
  })

  it("times out with kubectl's error", async () => {
    fake.on('GET', `${PATH}/web`, {body: web(0, '5')})
    fake.on('GET', PATH, {body: {kind: 'DeploymentList', metadata: {resourceVersion: '5'}, items: [web(0, '5')]}})
    fake.on('GET', PATH, {stall: true})
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    const run = runRolloutStatus({...ctx, io}, {args: ['deploy/web'], filenames: [], recursive: false, revision: 0, watch: true, timeoutMs: 300})
    await expect(run).rejects.toThrow(/^error: timed out waiting for the condition$/)
    expect(io.stdout()).toBe(`${WAITING}\n`)
  })
})
