// `create job --from=cronjob/NAME` against a FakeServer: the CronJob is read through discovery and
// the Job built from it is printed (or posted) as kubectl 1.32 does. The expected JSON is kubectl
// 1.32's output against a server answering exactly these documents.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {runCreateJob} from '../../src/lib/create/job.js'
import type {APIGroupDiscoveryListDoc} from '../../src/lib/discovery/documents.js'
import type {CreateObjectOptions} from '../../src/lib/ops/create.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-create-b-job-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

// A v1.20 server's CronJob, as sent (server field order; labels deliberately out of order).
const cronJob = (apiVersion: string) =>
  `{"kind":"CronJob","apiVersion":"${apiVersion}","metadata":{"name":"nightly","namespace":"default","uid":"4ab762e5-7f3a-4cf4-a242-0e8a61d457c5","resourceVersion":"12102","creationTimestamp":"2026-11-22T08:17:32Z"},` +
  '"spec":{"schedule":"*/5 * * * *","concurrencyPolicy":"Allow","suspend":false,"jobTemplate":{"metadata":{"creationTimestamp":null,"labels":{"b":"2","a":"1"},"annotations":{"x":"y","cronjob.kubernetes.io/instantiate":"scheduled"}},' +
  '"spec":{"backoffLimit":2,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c","image":"busybox","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always"}],' +
  '"restartPolicy":"OnFailure","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}}},"successfulJobsHistoryLimit":3,"failedJobsHistoryLimit":1},"status":{}}'

const jobFrom = (ownerVersion: string) =>
  '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"by-hand","creationTimestamp":null,"labels":{"a":"1","b":"2"},"annotations":{"cronjob.kubernetes.io/instantiate":"scheduled","x":"y"},' +
  `"ownerReferences":[{"apiVersion":"${ownerVersion}","kind":"CronJob","name":"nightly","uid":"4ab762e5-7f3a-4cf4-a242-0e8a61d457c5","controller":true}]},` +
  '"spec":{"backoffLimit":2,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c","image":"busybox","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"Always"}],' +
  '"restartPolicy":"OnFailure","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}},"status":{}}'

const options = (dryRun: CreateObjectOptions['dryRun'], output?: string): CreateObjectOptions => ({
  dryRun,
  output,
  saveConfig: false,
  fieldManager: 'kubectl-create',
  showManagedFields: false,
})
const from = (ref: string) => ({name: 'by-hand', image: '', from: ref, command: []})
const JSON_TYPE = {'content-type': 'application/json'}

function moveCronJobsToBatchV1(doc: APIGroupDiscoveryListDoc): void {
  const versions = doc.items?.find((g) => g.metadata?.name === 'batch')?.versions ?? []
  const [v1, v1beta1] = ['v1', 'v1beta1'].map((v) => versions.find((x) => x.version === v))
  const cronJobs = v1beta1?.resources?.find((r) => r.resource === 'cronjobs')
  if (!v1 || !v1beta1 || !cronJobs) throw new Error('no batch/v1beta1 cronjobs in the recorded discovery')
  v1.resources = [...(v1.resources ?? []), cronJobs]
  v1beta1.resources = v1beta1.resources?.filter((r) => r !== cronJobs)
}

describe('create job --from', () => {
  test('a batch/v1 CronJob: exactly kubectl 1.32s Job (JSON in Go field order)', async () => {
    serveDiscovery(fake, {aggregated: 'v2', editAggregated: moveCronJobsToBatchV1})
    fake.on('GET', '/apis/batch/v1/namespaces/default/cronjobs/nightly', {headers: JSON_TYPE, body: cronJob('batch/v1')})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateJob(ctx, from('cronjob/nightly'), options('client', 'json'))
    expect(JSON.stringify(JSON.parse(io.stdout()))).toBe(jobFrom('batch/v1'))
    expect(io.stdout()).toBe(`${JSON.stringify(JSON.parse(io.stdout()), null, 4)}\n`)
    fake.verify()
  })

  test('a batch/v1beta1 CronJob (servers before 1.21): the same Job, owned through batch/v1beta1', async () => {
    serveDiscovery(fake)
    fake.on('GET', '/apis/batch/v1beta1/namespaces/default/cronjobs/nightly', {headers: JSON_TYPE, body: cronJob('batch/v1beta1')})
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateJob(ctx, from('cj/nightly'), options('client', 'json'))
    expect(JSON.stringify(JSON.parse(io.stdout()))).toBe(jobFrom('batch/v1beta1'))
    fake.verify()
  })

  test('posted: the Job goes to the namespace, its creation is printed', async () => {
    serveDiscovery(fake)
    fake.on('GET', '/apis/batch/v1beta1/namespaces/default/cronjobs/nightly', {headers: JSON_TYPE, body: cronJob('batch/v1beta1')})
    fake.on('POST', '/apis/batch/v1/namespaces/default/jobs', (req) => ({status: 201, headers: JSON_TYPE, body: req.body}))
    const {ctx, io} = testCtx(fake.url, home)
    await runCreateJob(ctx, from('cronjob/nightly'), options('none'))
    expect(io.stdout()).toBe('job.batch/by-hand created\n')
    const posted = fake.requests.find((r) => r.method === 'POST')
    expect(posted?.query.get('fieldManager')).toBe('kubectl-create')
    expect(posted?.body).toBe(jobFrom('batch/v1beta1'))
    fake.verify()
  })

  test('a Job that exists already: kubectl words it as a failed job creation', async () => {
    serveDiscovery(fake)
    fake.on('GET', '/apis/batch/v1beta1/namespaces/default/cronjobs/nightly', {headers: JSON_TYPE, body: cronJob('batch/v1beta1')})
    fake.on('POST', '/apis/batch/v1/namespaces/default/jobs', statusBody(409, 'AlreadyExists', 'jobs.batch "by-hand" already exists'))
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateJob(ctx, from('cronjob/nightly'), options('none'))).rejects.toThrow(/^error: failed to create job: jobs\.batch "by-hand" already exists$/)
    fake.verify()
  })

  test('a CronJob that does not exist', async () => {
    serveDiscovery(fake)
    fake.on('GET', '/apis/batch/v1beta1/namespaces/default/cronjobs/nope', statusBody(404, 'NotFound', 'cronjobs.batch "nope" not found'))
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateJob(ctx, from('cronjob/nope'), options('client', 'yaml'))).rejects.toThrow(/^Error from server \(NotFound\): cronjobs\.batch "nope" not found$/)
    fake.verify()
  })

  test('anything but a CronJob is named by the Go type kubectl decodes it into', async () => {
    serveDiscovery(fake)
    fake.on('GET', '/api/v1/namespaces/default/configmaps/c', {headers: JSON_TYPE, body: '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"}}'})
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateJob(ctx, from('configmap/c'), options('client', 'yaml'))).rejects.toThrow(/^error: unknown object type \*v1\.ConfigMap$/)
    fake.verify()
  })

  test('TYPE without a name, and malformed TYPE/NAME, fail before any request', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateJob(ctx, from('cronjob'), options('client'))).rejects.toThrow('error: resource(s) were provided, but no name was specified')
    await expect(runCreateJob(ctx, from('cronjob/a/b'), options('client'))).rejects.toThrow('error: arguments in resource/name form may not have more than one slash')
    await expect(runCreateJob(ctx, from('/x'), options('client'))).rejects.toThrow('error: arguments in resource/name form must have a single resource and name')
    fake.verify()
  })

  test('--image and --from together, or --from with a command, are refused first', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runCreateJob(ctx, {...from('cronjob/x'), image: 'busybox'}, options('client'))).rejects.toThrow('error: either --image or --from must be specified')
    await expect(runCreateJob(ctx, {...from('cronjob/x'), command: ['date']}, options('client'))).rejects.toThrow('error: cannot specify --from and command')
    fake.verify()
  })
})
