// Differential: `ktl create job|cronjob|role|clusterrole|rolebinding|clusterrolebinding|quota|
// priorityclass|poddisruptionbudget|ingress` and kubectl 1.32 print the same bytes for the same
// flags (--dry-run=client, -o yaml and -o json, with and without -n), fail with the same lines, and
// create the same objects on the real control plane. Namespaces and cluster-scoped names used here
// start with create-b-.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {APIGroupDiscoveryListDoc} from '../../src/lib/discovery/documents.js'
import {serveDiscovery} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'
import {bothCLIs, kubectl, kubectlOK, ktl, type Run} from './helpers.js'

const DRY_NS = 'create-b-dry'
const REAL_NS = 'create-b-real'

/** kubectl's run as ktl would word it: usage hints name the program. */
function asKtl(run: Run): Run {
  return {...run, stderr: run.stderr.replaceAll("See 'kubectl ", "See 'ktl ")}
}

/** Runs both CLIs; the whole of stdout, stderr and the exit code must match. */
async function expectSame(args: string[]): Promise<Run> {
  const {ours, theirs} = await bothCLIs(args, {}, 1)
  expect({args, ...ours}).toEqual({args, ...asKtl(theirs)})
  return ours
}

const dryRun = (args: string[], output: string, namespace?: string) => [
  'create',
  ...args.slice(0, dashIndex(args)),
  '--dry-run=client',
  '-o',
  output,
  ...(namespace ? ['-n', namespace] : []),
  ...args.slice(dashIndex(args)),
]

function dashIndex(args: string[]): number {
  const i = args.indexOf('--')
  return i < 0 ? args.length : i
}

// Each case: the words after `create`; both -o yaml and -o json are compared, and -n once per kind.
const cases: Record<string, string[][]> = {
  job: [
    ['job', 'j1', '--image=busybox'],
    ['job', 'j1', '--image=busybox', '--', 'date'],
    ['job', 'j1', '--image=busybox', '--', 'sh', '-c', 'echo "hi" && sleep 1'],
    ['job', 'j1', '--image=busybox', '--'],
    ['job', '', '--image=busybox'],
    ['job', 'j1', '--image=busybox', '--save-config'],
    ['job', 'j1', '--image=busybox', '--dry-run=client', '-o', 'name'],
    ['job'],
    ['job', 'a', 'b', '--image=x'],
    ['job', '--image=x', '--', 'date'],
    ['job', 'a'],
    ['job', 'a', '--image=x', '--from=cronjob/y'],
    ['job', 'a', '--from=cronjob/y', '--', 'date'],
    ['job', 'a', '--from=cronjob'],
    ['job', 'a', '--from=cronjob/a/b'],
    ['job', 'a', '--from=/x'],
    ['job', 'a', '--from=nosuchtype/x'],
    ['job', 'a', '--from=cronjob/create-b-missing'],
    ['job', 'a', '--from=configmap/kube-root-ca.crt', '-n', 'default'],
  ],
  cronjob: [
    ['cronjob', 'c1', '--image=busybox', '--schedule=*/1 * * * *'],
    ['cronjob', 'c1', '--image=busybox', '--schedule=*/1 * * * *', '--restart=Never', '--', 'date', '-u'],
    ['cronjob', 'c1', '--image=busybox', '--schedule=@hourly', '--restart=Always'],
    ['cj', 'c1', '--image=busybox', '--schedule=0 0 * * *'],
    ['cronjob', 'c1'],
    ['cronjob', 'c1', '--image=x'],
    ['cronjob', 'c1', '--schedule=x'],
    ['cronjob', '--image=x', '--schedule=y'],
  ],
  role: [
    ['role', 'r1', '--verb=get', '--verb=list', '--verb=watch', '--resource=pods'],
    ['role', 'r1', '--verb=get', '--resource=pods', '--resource-name=readablepod', '--resource-name=anotherpod', '--resource-name=readablepod'],
    ['role', 'r1', '--verb=get,list,watch', '--resource=rs.apps'],
    ['role', 'r1', '--verb=get,list,watch', '--resource=pods,pods/status'],
    ['role', 'r1', '--verb=get,get,list', '--resource=pods,deploy,rs.apps,jobs.batch,cj'],
    ['role', 'r1', '--verb=get,*,list', '--resource=pods'],
    ['role', 'r1', '--verb=*', '--resource=*'],
    ['role', 'r1', '--verb=get', '--resource=pods,*'],
    ['role', 'r1', '--verb=get', '--resource=*.apps,nosuchthing'],
    ['role', 'r1', '--verb=get', '--resource=*/scale'],
    ['role', 'r1', '--verb=get', '--resource=deployments.apps/scale,pdb,pods/log,pods'],
    ['role', 'r1', '--verb=get', '--resource=deployments.ap,hpa.autoscal,Pods.,PODS'],
    ['role', 'r1', '--verb=get', '--resource=ing'],
    ['role', 'r1', '--verb=get', '--resource=pods/Status'],
    ['role', 'r1', '--verb=foo,bar', '--resource=pods'],
    ['role', 'r1', '--verb=get,"a,b",c', '--resource=pods'],
    ['role', 'r1', '--verb=use', '--resource=psp'],
    ['role', 'r1', '--verb=bind,escalate', '--resource=roles,clusterroles'],
    ['role', 'r1', '--verb=get', '--resource=roles.rbac.authorization.k8s.io'],
    ['role', 'r1', '--verb=get', '--resource=pods', '--save-config'],
    ['role', 'r1'],
    ['role', 'r1', '--verb=get'],
    ['role', '', '--verb=get', '--resource=pods'],
    ['role', 'r1', '--verb=get', '--resource=foos'],
    ['role', 'r1', '--verb=get', '--resource=Foos.Apps'],
    ['role', 'r1', '--verb=get', '--resource=rs.extensions'],
    ['role', 'r1', '--verb=get', '--resource=deployments.v1.apps'],
    ['role', 'r1', '--verb=get', '--resource=Deploy'],
    ['role', 'r1', '--verb=get', '--resource=foo/bar'],
    ['role', 'r1', '--verb=get', '--resource=/status'],
    ['role', 'r1', '--verb=get', '--resource=.apps'],
    ['role', 'r1', '--verb=use', '--resource=pods'],
    ['role', 'r1', '--verb=impersonate', '--resource=users'],
    ['role', 'r1', '--verb=bind', '--resource=Foos'],
    ['role', 'r1', '--verb=a"b', '--resource=pods'],
    ['role', 'r1', '--verb="a"b', '--resource=pods'],
    ['role', 'r1', '--verb=get', '--resource="pods'],
  ],
  clusterrole: [
    ['clusterrole', 'c1', '--verb=get,list,watch', '--resource=pods'],
    ['clusterrole', 'c1', '--verb=get', '--non-resource-url=/logs/*'],
    ['clusterrole', 'c1', '--verb=get,post', '--non-resource-url=/a,/b', '--non-resource-url=/a', '--non-resource-url=*'],
    ['clusterrole', 'c1', '--verb=get', '--resource=pods,nodes,deploy', '--resource-name=x', '--non-resource-url=/healthz'],
    ['clusterrole', 'c1', '--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true'],
    ['clusterrole', 'c1', '--aggregation-rule=b=1, a = 2 ', '--aggregation-rule=c=3,,b=4'],
    ['clusterrole', 'c1', '--verb=*', '--resource=*', '--save-config'],
    ['clusterrole', 'c1'],
    ['clusterrole', 'c1', '--verb=get'],
    ['clusterrole', 'c1', '--aggregation-rule='],
    ['clusterrole', 'c1', '--verb=get', '--non-resource-url=logs'],
    ['clusterrole', 'c1', '--verb=list', '--non-resource-url=/x'],
    ['clusterrole', 'c1', '--verb=get', '--non-resource-url=/x*y'],
    ['clusterrole', 'c1', '--verb=get', '--non-resource-url='],
    ['clusterrole', 'c1', '--verb=foo', '--resource=pods', '--non-resource-url=/x'],
    ['clusterrole', 'c1', '--aggregation-rule=a=b', '--verb=get'],
    ['clusterrole', 'c1', '--aggregation-rule=a=b', '--resource-name=x'],
    ['clusterrole', 'c1', '--aggregation-rule=ab'],
    ['clusterrole', '', '--verb=get', '--resource=pods'],
    ['clusterrole', 'c1', '--verb=get', '--resource=foos'],
  ],
  rolebinding: [
    ['rolebinding', 'rb1', '--clusterrole=admin', '--user=user1', '--user=user2', '--group=group1'],
    ['rolebinding', 'rb1', '--role=admin', '--serviceaccount=monitoring:sa-dev'],
    ['rolebinding', 'rb1', '--role=r', '--user=a,b', '--group=g', '--serviceaccount=ns:sa', '--serviceaccount=ns2:sa2'],
    ['rolebinding', 'rb1', '--role=r'],
    ['rolebinding', 'rb1', '--role=r', '--save-config'],
    ['rolebinding', 'rb1'],
    ['rolebinding', 'rb1', '--role=r', '--clusterrole=c'],
    ['rolebinding', '', '--role=r'],
    ['rolebinding', 'rb1', '--role=r', '--serviceaccount=x'],
    ['rolebinding', 'rb1', '--role=r', '--serviceaccount=:x'],
    ['rolebinding', 'rb1', '--role=r', '--serviceaccount=a:b:c'],
  ],
  clusterrolebinding: [
    ['clusterrolebinding', 'crb1', '--clusterrole=cluster-admin', '--user=user1', '--user=user2', '--group=group1'],
    ['clusterrolebinding', 'crb1', '--clusterrole=view', '--serviceaccount=kube-system:default'],
    ['clusterrolebinding', 'crb1', '--clusterrole=view'],
    ['clusterrolebinding', '', '--clusterrole=view'],
    ['clusterrolebinding', 'crb1'],
    ['clusterrolebinding', 'crb1', '--clusterrole=view', '--serviceaccount=nocolon'],
    ['clusterrolebinding'],
  ],
  quota: [
    ['quota', 'q1', '--hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10'],
    ['quota', 'q1', '--hard=pods=100', '--scopes=BestEffort'],
    ['quota', 'q1', '--hard=requests.cpu=1000m,limits.memory=1024Mi,requests.memory=1.5Gi,limits.cpu=0.5,count/jobs.batch=+1e3', '--scopes=NotTerminating,Terminating'],
    ['quota', 'q1'],
    ['quota', 'q1', '--hard=cpu=1,cpu=2'],
    ['resourcequota', 'q1', '--hard=pods=1', '--save-config'],
    ['quota', ''],
    ['quota', 'q1', '--hard=cpu'],
    ['quota', 'q1', '--hard=cpu=1,'],
    ['quota', 'q1', '--hard=cpu=x'],
    ['quota', 'q1', '--hard=cpu=1ki'],
    ['quota', 'q1', '--scopes=a,,b'],
  ],
  priorityclass: [
    ['priorityclass', 'pc1', '--value=1000', '--description=high priority'],
    ['priorityclass', 'pc1', '--value=1000', '--global-default=true', '--description=default priority'],
    ['priorityclass', 'pc1', '--value=1000', '--description=high priority', '--preemption-policy=Never'],
    ['pc', 'pc1', '--value=0x10', '--global-default=false', '--preemption-policy='],
    ['pc', 'pc1', '--value=-2147483648'],
    ['priorityclass', 'pc1'],
    ['priorityclass', 'pc1', '--value=abc'],
    ['priorityclass', 'pc1', '--value=2147483648'],
  ],
  poddisruptionbudget: [
    ['poddisruptionbudget', 'p1', '--selector=app=rails', '--min-available=1'],
    ['pdb', 'p1', '--selector=app=nginx', '--min-available=50%'],
    ['pdb', 'p1', '--selector=b=c,a=d,x in (y,z),!w,v', '--max-unavailable=010'],
    ['pdb', 'p1', '--selector=a==b,a notin (,)', '--max-unavailable=0%'],
    ['pdb', 'p1'],
    ['pdb', ''],
    ['pdb', 'p1', '--selector=a=b'],
    ['pdb', 'p1', '--selector=a=b', '--min-available=1', '--max-unavailable=1'],
    ['pdb', 'p1', '--selector=a=b', '--min-available=1x'],
    ['pdb', 'p1', '--selector=a=b', '--max-unavailable=-1'],
    ['pdb', 'p1', '--selector=a!=b', '--min-available=1'],
    ['pdb', 'p1', '--selector=a>1', '--min-available=1'],
    ['pdb', 'p1', '--selector=a=b=c', '--min-available=1'],
    ['pdb', 'p1', '--selector=a in (-x,-y)', '--min-available=1'],
    ['pdb', 'p1', '--selector=A_b.c/x-y=v.1', '--min-available=1'],
  ],
  ingress: [
    ['ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert'],
    ['ingress', 'catch-all', '--class=otheringress', '--rule=/path=svc:port'],
    ['ingress', 'annotated', '--class=default', '--rule=foo.com/bar=svc:port', '--annotation', 'ingress.annotation1=foo', '--annotation', 'ingress.annotation2=bla'],
    ['ingress', 'multipath', '--class=default', '--rule=foo.com/=svc:port', '--rule=foo.com/admin/=svcadmin:portadmin'],
    ['ingress', 'ingress1', '--class=default', '--rule=foo.com/path*=svc:8080', '--rule=bar.com/admin*=svc2:http'],
    ['ingress', 'ingtls', '--class=default', '--rule=foo.com/=svc:https,tls', '--rule=foo.com/path/subpath*=othersvc:8080'],
    ['ingress', 'ingsecret', '--class=default', '--rule=foo.com/*=svc:8080,tls=secret1'],
    ['ingress', 'ingdefault', '--class=default', '--default-backend=defaultsvc:http', '--rule=foo.com/*=svc:8080,tls=secret1'],
    ['ing', 'i1', '--default-backend=svc:'],
    ['ing', 'i1', '--default-backend=svc:0080'],
    [
      'ing',
      'i1',
      '--rule=a.com/x=s:1,tls=sec',
      '--rule=b.com/y=s:2,tls=sec',
      '--rule=a.com/z=s:3,tls=other',
      '--rule=/w=s:4,tls',
      '--rule=*.c.com/=s:-5,tls=',
      '--annotation=b=1',
      '--annotation=a=x=y',
      '--annotation=b=',
      '--save-config',
    ],
    ['ing', 'i1', '--rule=a.com/p=s:80!!,tls', '--rule=b.com/q=t:1:2,tls=x=y', '--rule=c.com/r=u:9,tls=a,b', '--rule=d.com/=s:1,tlsx', '--rule=e.com/a b=s:2 x'],
    ['ingress', 'i1'],
    ['ingress', 'i1', '--rule=foo'],
    ['ingress', 'i1', '--rule=foo.com/bar=svc'],
    ['ingress', 'i1', '--rule=a b/=s:1'],
    ['ingress', 'i1', '--default-backend=a'],
    ['ingress', 'i1', '--default-backend=a:b:c'],
    ['ingress', 'i1', '--rule=/=a:b', '--annotation=x'],
  ],
}

describe.concurrent('create generators print and fail exactly as kubectl 1.32 does (--dry-run=client)', () => {
  for (const list of Object.values(cases)) {
    list.forEach((args, i) => {
      it(`create ${args.join(' ')}`, async () => {
        if (args.includes('-o') || args.includes('-n')) {
          await expectSame(['create', ...args])
          return
        }
        // a failure fails the same way whatever -o says
        if ((await expectSame(dryRun(args, 'yaml'))).code !== 0) return
        await expectSame(dryRun(args, 'json'))
        if (i > 0) return
        await expectSame(dryRun(args, 'yaml', DRY_NS))
        await expectSame(dryRun(args, 'json', DRY_NS))
      })
    })
  }
})

describe.concurrent('quantities in --hard, as resource.Quantity writes them', () => {
  // valid ones in one quota (every case differs from kubectl in a whole-output diff), errors one by one
  const valid = ['1', '0', '00', '-0', '+', 'm', '5.', '.5', '0.5', '1.5', '1000m', '1500m', '1G', '+1G', '1.5G', '1000E', '1E', '1e3', '1e21', '1e-12', '1.5n', '0.1n', '-1.5n']
  const more = ['1Ki', '8Ki', '1024Ki', '1.5Ki', '1536', '1k', '100Mi', '0.5Ki', '-1Ki', '123456789012345678901', '9223372036854775807', '9223372036854775808Ki', '10Ei']
  const rest = ['1e+3', '1E3', '12e-3', '0.001', '0.0000000001', '1000000n', '2048Mi', '1.000G', '01G', '010', '1e0', '1.0', '3e1', '-1024', '-1023Ki', '0.0000000001Ki']
  it('valid quantities', async () => {
    const hard = [...valid, ...more, ...rest].map((q, i) => `r${String(i).padStart(2, '0')}=${q}`).join(',')
    await expectSame(['create', 'quota', 'q', `--hard=${hard}`, '--dry-run=client', '-o', 'json'])
    await expectSame(['create', 'quota', 'q', `--hard=${hard}`, '--dry-run=client', '-o', 'yaml'])
  })
  for (const q of ['', '1ki', '1K', '1e', '1ee3', 'x', '1x', '1.2.3', '1 ', '1Mb', 'e3', '.e-12']) {
    it(`--hard=cpu=${q}`, async () => {
      await expectSame(['create', 'quota', 'q', `--hard=cpu=${q}`, '--dry-run=client', '-o', 'yaml'])
    })
  }
})

describe('on the real control plane', () => {
  const cronJob = `apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: create-b-cron, namespace: ${REAL_NS}}
spec:
  schedule: "*/30 * * * *"
  suspend: true
  jobTemplate:
    metadata:
      labels: {team: b, app: nightly}
      annotations: {owner: "create-b", cronjob.kubernetes.io/instantiate: scheduled}
    spec:
      backoffLimit: 2
      template:
        metadata: {labels: {app: nightly}}
        spec:
          restartPolicy: OnFailure
          containers: [{name: main, image: busybox, command: [date]}]
`
  const clusterNames = {
    clusterrole: ['create-b-cr-ktl', 'create-b-cr-kubectl'],
    clusterrolebinding: ['create-b-crb-ktl', 'create-b-crb-kubectl'],
    priorityclass: ['create-b-pc-ktl', 'create-b-pc-kubectl'],
  }

  beforeAll(async () => {
    await kubectl(['delete', 'namespace', REAL_NS, '--ignore-not-found', '--wait=true'])
    await kubectlOK(['create', 'namespace', REAL_NS])
    await kubectlOK(['apply', '-f', '-'], {stdin: cronJob})
  })

  afterAll(async () => {
    await kubectl(['delete', 'namespace', REAL_NS, '--ignore-not-found', '--wait=false'])
    for (const [kind, names] of Object.entries(clusterNames)) await kubectl(['delete', kind, ...names, '--ignore-not-found'])
  })

  it('create job --from=cronjob/NAME starts the job the CronJob would, owned by it', async () => {
    const cron = JSON.parse(await kubectlOK(['get', 'cronjob', 'create-b-cron', '-n', REAL_NS, '-o', 'json']))
    const run = await ktl(['create', 'job', 'create-b-manual', '--from=cronjob/create-b-cron', '-n', REAL_NS])
    expect(run).toEqual({stdout: 'job.batch/create-b-manual created\n', stderr: '', code: 0})
    const job = JSON.parse(await kubectlOK(['get', 'job', 'create-b-manual', '-n', REAL_NS, '-o', 'json']))
    expect(job.metadata.annotations).toEqual({'cronjob.kubernetes.io/instantiate': 'scheduled', owner: 'create-b'})
    expect(job.metadata.labels).toEqual({app: 'nightly', team: 'b'})
    expect(job.metadata.ownerReferences).toEqual([{apiVersion: 'batch/v1beta1', kind: 'CronJob', name: 'create-b-cron', uid: cron.metadata.uid, controller: true}])
    expect(job.spec.backoffLimit).toBe(2)
    expect(job.spec.template.spec.containers[0]).toMatchObject({name: 'main', image: 'busybox', command: ['date']})
    // kubectl 1.32 knows only batch/v1 CronJobs, which this 1.20 server does not serve
    const kubectlRun = await kubectl(['create', 'job', 'create-b-manual-2', '--from=cronjob/create-b-cron', '-n', REAL_NS])
    expect(kubectlRun.stderr).toBe('error: unknown object type *v1beta1.CronJob\n')
  })

  it('create job --from=cronjob/NAME builds what kubectl builds from a batch/v1 CronJob', async () => {
    // This server has no batch/v1 CronJobs: a fake one serves its own CronJob's bytes as batch/v1.
    const raw = await kubectlOK(['get', '--raw', `/apis/batch/v1beta1/namespaces/${REAL_NS}/cronjobs/create-b-cron`])
    const fake = await FakeServer.start()
    const dir = mkdtempSync(join(tmpdir(), 'create-b-fake-'))
    try {
      serveDiscovery(fake, {aggregated: 'v2', times: Number.POSITIVE_INFINITY, editAggregated: moveCronJobsToBatchV1})
      const path = `/apis/batch/v1/namespaces/${REAL_NS}/cronjobs/create-b-cron`
      fake.always('GET', path, {headers: {'content-type': 'application/json'}, body: raw.replace('"apiVersion":"batch/v1beta1"', '"apiVersion":"batch/v1"')})
      const config = join(dir, 'config')
      writeFileSync(config, `apiVersion: v1\nkind: Config\nclusters: [{name: f, cluster: {server: '${fake.url}'}}]\ncontexts: [{name: f, context: {cluster: f, user: f}}]\ncurrent-context: f\nusers: [{name: f, user: {}}]\n`)
      for (const output of ['yaml', 'json']) {
        for (const ns of [['-n', REAL_NS], ['--namespace', REAL_NS, '--save-config']]) {
          const args = ['create', 'job', 'by-hand', '--from=cronjob/create-b-cron', '--kubeconfig', config, ...ns, '--dry-run=client', '-o', output]
          const [ours, theirs] = await Promise.all([ktl(args, {noKubeconfig: true, env: {HOME: dir}}), kubectl(args, {noKubeconfig: true, env: {HOME: join(dir, 'k')}})])
          expect({args, ...ours}).toEqual({args, ...theirs})
          expect(ours.code).toBe(0)
        }
      }
    } finally {
      await fake.close()
      rmSync(dir, {recursive: true, force: true})
    }
  })

  // ktl creates the first name, kubectl the second, with the same flags: same output line, same object.
  const real: Array<[string, string, string[], boolean]> = [
    ['job', 'job.batch', ['--image=busybox', '--', 'date'], true],
    ['role', 'role.rbac.authorization.k8s.io', ['--verb=get,list', '--resource=pods,deploy,pods/log', '--resource-name=a'], true],
    ['rolebinding', 'rolebinding.rbac.authorization.k8s.io', ['--role=r', '--user=u', '--group=g', '--serviceaccount=ns:sa'], true],
    ['quota', 'resourcequota', ['--hard=cpu=1500m,memory=1024Mi,pods=10', '--scopes=NotBestEffort'], true],
    ['ingress', 'ingress.networking.k8s.io', ['--class=nginx', '--rule=foo.com/bar*=svc:8080,tls=sec', '--annotation=a=b'], true],
    ['clusterrole', 'clusterrole.rbac.authorization.k8s.io', ['--verb=get', '--resource=nodes', '--non-resource-url=/healthz'], false],
    ['clusterrolebinding', 'clusterrolebinding.rbac.authorization.k8s.io', ['--clusterrole=view', '--user=u'], false],
    ['priorityclass', 'priorityclass.scheduling.k8s.io', ['--value=7', '--description=d', '--preemption-policy=Never'], false],
  ]
  for (const [kind, prefix, flags, namespaced] of real) {
    it(`create ${kind} for real, then again (AlreadyExists)`, async () => {
      const names = kind in clusterNames ? clusterNames[kind as keyof typeof clusterNames] : [`create-b-${kind}-ktl`, `create-b-${kind}-kubectl`]
      const ns = namespaced ? ['-n', REAL_NS] : []
      const create = (name: string) => ['create', kind, name, ...ns, ...flags]
      const first = await ktl(create(names[0]))
      const second = await kubectl(create(names[1]))
      expect(first).toEqual({stdout: `${prefix}/${names[0]} created\n`, stderr: '', code: 0})
      expect(second).toEqual({stdout: `${prefix}/${names[1]} created\n`, stderr: '', code: 0})
      const [a, b] = await Promise.all(names.map(async (name) => JSON.parse(await kubectlOK(['get', kind, name, ...ns, '-o', 'json'])) as {metadata: {uid: string}}))
      expect(comparable(a, names[0])).toEqual(comparable(b, names[1]))
      // Each CLI again on the name the other created
      const againOurs = await ktl(create(names[1]))
      const againTheirs = await kubectl(create(names[0]))
      expect(againOurs).toEqual(asKtl({...againTheirs, stderr: againTheirs.stderr.replaceAll(names[0], names[1])}))
    })
  }

  // batch/v1 CronJobs and policy/v1 budgets are not served by 1.20: both CLIs post and fail alike.
  for (const args of [
    ['cronjob', 'create-b-cj', '--image=busybox', '--schedule=* * * * *'],
    ['pdb', 'create-b-pdb', '--selector=a=b', '--min-available=1'],
  ]) {
    it(`create ${args[0]} for real fails as kubectl's does on this server`, async () => {
      const run = await expectSame(['create', ...args, '-n', REAL_NS])
      expect(run.code).toBe(1)
    })
  }
})

function moveCronJobsToBatchV1(doc: APIGroupDiscoveryListDoc): void {
  const batch = doc.items?.find((g) => g.metadata?.name === 'batch')
  const v1 = batch?.versions?.find((v) => v.version === 'v1')
  const v1beta1 = batch?.versions?.find((v) => v.version === 'v1beta1')
  const cronJobs = v1beta1?.resources?.find((r) => r.resource === 'cronjobs')
  if (!v1 || !v1beta1 || !cronJobs) throw new Error('the recorded discovery has no batch/v1beta1 cronjobs')
  v1.resources = [...(v1.resources ?? []), cronJobs]
  v1beta1.resources = v1beta1.resources?.filter((r) => r !== cronJobs)
}

/** The object without what the server makes up per object (uid, times, versions, status) and with its name taken out. */
function comparable(object: {metadata: {uid: string}}, name: string): unknown {
  const copy = JSON.parse(JSON.stringify(object).replaceAll(name, '<name>').replaceAll(object.metadata.uid, '<uid>'))
  for (const key of ['creationTimestamp', 'resourceVersion', 'selfLink', 'managedFields']) delete copy.metadata[key]
  delete copy.status
  return copy
}
