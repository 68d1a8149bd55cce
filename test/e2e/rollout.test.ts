// Differential: `ktl rollout ...` and kubectl 1.32 on twin namespaces holding the same workloads
// (kubectl works on e2e-rollout-k, ktl on e2e-rollout-t), so each change is made once by each CLI and
// the outputs compare byte for byte once the namespace name and restart times are masked. The
// stand-in kubelet makes pods Running, so rollouts finish. The cases run in order: later ones see the
// revisions earlier ones made.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run} from './helpers.js'

const NS_K = 'e2e-rollout-k'
const NS_T = 'e2e-rollout-t'

const workloads = (ns: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: stuck, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: stuck}}
  template:
    metadata: {labels: {app: stuck}}
    spec: {nodeSelector: {nowhere: at-all}, containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ds}}
  template:
    metadata: {labels: {app: ds}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts, namespace: ${ns}}
spec:
  serviceName: sts
  replicas: 2
  selector: {matchLabels: {app: sts}}
  template:
    metadata: {labels: {app: sts}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c1, namespace: ${ns}}
`

beforeAll(async () => {
  for (const ns of [NS_K, NS_T]) {
    await kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])
    await kubectlOK(['create', 'namespace', ns])
    await kubectlOK(['apply', '-f', '-'], {stdin: workloads(ns)})
  }
  for (const ns of [NS_K, NS_T]) {
    for (const w of ['deploy/web', 'ds/ds', 'sts/sts']) await kubectlOK(['rollout', 'status', w, '-n', ns, '--timeout=120s'])
  }
}, 400_000)

afterAll(async () => {
  for (const ns of [NS_K, NS_T]) await kubectl(['delete', 'namespace', ns, '--wait=false'])
}, 60_000)

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/g
// A restart's time is in the pod template, so the template's hash differs between the twins too.
const HASH = /(pod-template-hash[=:]"?)[a-z0-9]+/g
const KLOG = /^W\d{4} [\d:.]+ +\d+ [^\]]+\] /gm

/** kubectl's output as ktl would print it: ktl's namespace and name, times and klog headers masked. */
function normal(run: Run, ns: string, cli: 'ktl' | 'kubectl'): Run {
  const fix = (s: string) => {
    let out = s.replaceAll(ns, '<ns>').replace(TIME, '<time>').replace(KLOG, '<klog> ').replace(HASH, '$1<hash>')
    if (cli === 'kubectl') out = out.replaceAll("See 'kubectl rollout", "See 'ktl rollout")
    return out
  }
  return {stdout: fix(run.stdout), stderr: fix(run.stderr), code: run.code}
}

/** Runs the same rollout command with kubectl on its namespace and ktl on its own, at the same time. */
async function both(args: string[]): Promise<{ours: Run; theirs: Run}> {
  const [ours, theirs] = await Promise.all([ktl([...args, '-n', NS_T]), kubectl([...args, '-n', NS_K])])
  return {ours: normal(ours, NS_T, 'ktl'), theirs: normal(theirs, NS_K, 'kubectl')}
}

async function expectSame(args: string[]): Promise<Run> {
  const {ours, theirs} = await both(args)
  expect(ours).toEqual(theirs)
  return ours
}

/** Waits with each CLI for a rollout it started; the lines before the last depend on timing. */
async function expectSameFinish(args: string[]): Promise<void> {
  const {ours, theirs} = await both([...args, '--timeout=120s'])
  const last = (s: string) => s.trimEnd().split('\n').at(-1)
  expect(last(ours.stdout)).toBe(last(theirs.stdout))
  expect(ours.stderr).toBe(theirs.stderr)
  expect(ours.code).toBe(0)
  expect(theirs.code).toBe(0)
}

describe('rollout status', () => {
  it.each([
    ['status', 'deploy/web'],
    ['status', 'deployment', 'web'],
    ['status', 'ds/ds'],
    ['status', 'sts/sts'],
    ['status', 'deploy', '-l', 'app=web'],
    ['status', 'deploy', '-l', 'app=nothing'],
    ['status', 'deploy/web', '--revision=1'],
    ['status', 'deploy/web', '--revision=2'],
    ['status', 'deploy/web', '--revision=-1'],
    ['status', 'deploy/web', '--revision=x'],
    ['status', 'deploy/web', '--timeout=1x'],
    ['status', 'deploy/stuck', '-w=false'],
    ['status', 'deploy/stuck', '--watch=false'],
    ['status', 'deploy/stuck', 'deploy/web', '--timeout=2s'],
    ['status', 'cm/c1'],
    ['status', 'deploy/nope'],
    ['status', 'cm/c1', 'deploy/nope', 'deploy/web'],
    ['status'],
  ])('rollout %s', async (...args: string[]) => {
    await expectSame(['rollout', ...args])
  }, 30_000)

  it('times out like kubectl', async () => {
    const ours = await expectSame(['rollout', 'status', 'deploy/stuck', '--timeout=2s'])
    expect(ours.stderr).toBe('error: timed out waiting for the condition\n')
    expect(ours.code).toBe(1)
  }, 30_000)
})

describe('rollout pause, resume, restart', () => {
  it.each([
    [['pause', 'deploy/web'], 'deployment.apps/web paused\n'],
    [['pause', 'deploy/web'], ''],
    [['restart', 'deploy/web'], ''],
    [['resume', 'deploy/web', '-o', 'name'], 'deployment.apps/web\n'],
    [['resume', 'deploy/web'], ''],
    [['pause', 'deploy/stuck', 'deploy/nope'], 'deployment.apps/stuck paused\n'],
    [['resume', 'deploy', '-l', 'app=nothing'], ''],
    [['resume', 'deploy/stuck', '-o', 'jsonpath={.metadata.name}'], 'stuck'],
    [['pause', 'ds/ds'], ''],
    [['resume', 'sts/sts'], ''],
    [['restart', 'cm/c1'], ''],
    [['restart', 'deploy/nope1', 'deploy/nope2', 'cm/c1'], ''],
    [['pause'], ''],
  ])('rollout %j', async (args, stdout) => {
    const ours = await expectSame(['rollout', ...args])
    expect(ours.stdout).toBe(stdout)
  }, 30_000)

  it('refuses an -o it cannot print before changing anything (kubectl pauses, then fails to print)', async () => {
    const ours = await ktl(['rollout', 'pause', 'deploy/web', '-o', 'wide', '-n', NS_T])
    expect(ours.stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: ' +
        'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    )
    expect(ours.code).toBe(1)
    expect(await kubectlOK(['get', 'deploy/web', '-n', NS_T, '-o', 'jsonpath={.spec.paused}'])).toBe('')
  })

  it('restart, then status until done, then history', async () => {
    const ours = await expectSame(['rollout', 'restart', 'deploy/web'])
    expect(ours.stdout).toBe('deployment.apps/web restarted\n')
    await expectSameFinish(['rollout', 'status', 'deploy/web'])
    const history = await expectSame(['rollout', 'history', 'deploy/web'])
    expect(history.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    const annotations = JSON.parse((await kubectlOK(['get', 'deploy/web', '-n', NS_T, '-o', 'jsonpath={.spec.template.metadata.annotations}'])) || '{}')
    expect(Object.keys(annotations)).toEqual(['kubectl.kubernetes.io/restartedAt'])
  }, 200_000)

  it('restarts a daemon set and a stateful set', async () => {
    const ours = await expectSame(['rollout', 'restart', 'ds/ds', 'sts/sts'])
    expect(ours.stdout).toBe('daemonset.apps/ds restarted\nstatefulset.apps/sts restarted\n')
    await expectSameFinish(['rollout', 'status', 'ds/ds'])
    await expectSameFinish(['rollout', 'status', 'sts/sts'])
  }, 300_000)
})

describe('rollout history', () => {
  it.each([
    ['deploy/web'],
    ['deploy/web', '--revision=1'],
    ['deploy/web', '--revision=2'],
    ['deploy/web', '--revision=7'],
    ['deploy/web', '--revision=-1'],
    ['deploy/web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}{"\\n"}'],
    ['deploy/web', '--revision=1', '-o', 'jsonpath={.spec.template.metadata.labels}'],
    ['deploy/stuck'],
    ['ds/ds'],
    ['ds/ds', '--revision=2'],
    ['sts/sts', '--revision=1'],
    ['sts', '-o', 'jsonpath={.spec.template.metadata}{"\\n"}'],
    ['cm/c1', 'deploy/web'],
    ['deploy/nope1', 'deploy/nope2'],
    ['rs', '-l', 'app=web'],
    ['svc'],
    [],
  ])('rollout history %j', async (...args: string[]) => {
    await expectSame(['rollout', 'history', ...args])
  }, 30_000)
})

describe('rollout undo', () => {
  it.each([
    ['deploy/web', '--dry-run=client'],
    ['deploy/web', '--dry-run'],
    ['deploy/web', '--dry-run=server'],
    ['deploy/web', '--to-revision=9'],
    ['deploy/web', '--to-revision=2'],
    ['deploy/web', '--to-revision=-1'],
    ['deploy/web', '--dry-run=maybe'],
    ['ds/ds', '--dry-run=client'],
    ['sts/sts', '--to-revision=9'],
    ['sts/sts', '--to-revision=2', '--dry-run=server'],
    ['cm/c1'],
    ['rs', '-l', 'app=web'],
    ['deploy/nope'],
    [],
  ])('rollout undo %j', async (...args: string[]) => {
    await expectSame(['rollout', 'undo', ...args])
  }, 30_000)

  it('rolls a deployment back, then its history shows the new revision', async () => {
    const ours = await expectSame(['rollout', 'undo', 'deploy/web'])
    expect(ours.stdout).toBe('deployment.apps/web rolled back\n')
    await expectSameFinish(['rollout', 'status', 'deploy/web'])
    const history = await expectSame(['rollout', 'history', 'deploy/web'])
    expect(history.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  }, 200_000)

  it('rolls a daemon set and a stateful set back', async () => {
    const ours = await expectSame(['rollout', 'undo', 'ds/ds', 'sts/sts', '-o', 'name'])
    expect(ours.stdout).toBe('daemonset.apps/ds\nstatefulset.apps/sts\n')
    await expectSameFinish(['rollout', 'status', 'ds/ds'])
    await expectSameFinish(['rollout', 'status', 'sts/sts'])
    await expectSame(['rollout', 'history', 'ds/ds', 'sts/sts'])
  }, 300_000)

  it('a paused deployment cannot be rolled back', async () => {
    await expectSame(['rollout', 'pause', 'deploy/web'])
    const ours = await expectSame(['rollout', 'undo', 'deploy/web'])
    expect(ours.stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n")
    await expectSame(['rollout', 'resume', 'deploy/web'])
  }, 60_000)
})
