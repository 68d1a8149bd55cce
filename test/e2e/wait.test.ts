// Differential: `ktl wait` and kubectl 1.32 on twin namespaces holding the same objects (kubectl
// waits in e2e-wait-k, ktl in e2e-wait-t), compared byte for byte once the namespace is masked;
// including waits that end because something changes while they watch (created, deleted, ready).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run} from './helpers.js'

const NS_K = 'e2e-wait-k'
const NS_T = 'e2e-wait-t'
const NAMESPACES = [NS_K, NS_T]

const objects = (ns: string) => `
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: ${ns}, labels: {run: p1, e2e-wait: x}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c1, namespace: ${ns}, labels: {e2e-wait: x}}
data: {x: "y"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c2, namespace: ${ns}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`

beforeAll(async () => {
  for (const ns of NAMESPACES) {
    await kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])
    await kubectlOK(['create', 'namespace', ns])
    await kubectlOK(['apply', '-f', '-'], {stdin: objects(ns)})
  }
  for (const ns of NAMESPACES) {
    await kubectlOK(['wait', '--for=condition=Ready', 'pod/p1', '-n', ns, '--timeout=120s'])
    await kubectlOK(['rollout', 'status', 'deploy/web', '-n', ns, '--timeout=120s'])
  }
}, 400_000)

afterAll(async () => {
  for (const ns of NAMESPACES) await kubectl(['delete', 'namespace', ns, '--wait=false'])
}, 60_000)

function normal(run: Run, ns: string, cli: 'ktl' | 'kubectl'): Run {
  const fix = (s: string) => {
    let out = s.replaceAll(ns, '<ns>').replace(/"(resourceVersion|uid|creationTimestamp|lastTransitionTime|startedAt|startTime|podIP|ip|containerID)": "[^"]*"/g, '"$1": "<x>"')
    out = out.replace(/default-token-[a-z0-9]+/g, 'default-token-<x>')
    out = out.replace(/(resourceVersion|uid|creationTimestamp|lastTransitionTime|startedAt|startTime|podIP|ip|containerID): .*/g, '$1: <x>')
    if (cli === 'kubectl') out = out.replaceAll("See 'kubectl wait", "See 'ktl wait")
    return out
  }
  return {stdout: fix(run.stdout), stderr: fix(run.stderr), code: run.code}
}

/** The same wait with kubectl on its namespace and ktl on its own, at the same time; `meanwhile` runs once both started. */
async function both(args: string[], meanwhile?: (ns: string) => Promise<unknown>): Promise<{ours: Run; theirs: Run}> {
  const runs = Promise.all([ktl([...args, '-n', NS_T]), kubectl([...args, '-n', NS_K])])
  if (meanwhile) {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await Promise.all(NAMESPACES.map(meanwhile))
  }
  const [ours, theirs] = await runs
  return {ours: normal(ours, NS_T, 'ktl'), theirs: normal(theirs, NS_K, 'kubectl')}
}

async function expectSame(args: string[], meanwhile?: (ns: string) => Promise<unknown>): Promise<Run> {
  const {ours, theirs} = await both(args, meanwhile)
  expect(ours).toEqual(theirs)
  return ours
}

describe('wait matches kubectl', () => {
  it.each([
    ['pod/p1', '--for=condition=Ready'],
    ['pod/p1', '--for=condition=ready=TRUE'],
    ['pod', 'p1', '--for', 'condition=Ready=false', '--timeout=1s'],
    ['pod/p1', 'pod/nope', '--for=condition=Ready', '--timeout=1s'],
    ['pods', '-l', 'run=p1', '--for=condition=Ready', '-o', 'name'],
    ['pods', '-l', 'run=nothing', '--for=condition=Ready'],
    ['pods', '--field-selector=metadata.name=p1', '--for=condition=Ready'],
    ['pods', '--for=condition=Ready'],
    ['pod/p1', '--for=condition=Ready', '-o', 'json'],
    ['pod/p1', '--for=condition=Ready', '-o', 'wide'],
    ['pod/p1', '--for=condition=Ready', '--timeout=0'],
    ['pod/p1', '--for=condition=Ready=false', '--timeout=0'],
    ['pod/p1', '--for=condition=Ready', '--timeout=x'],
    ['pod/p1', '-A', '--for=condition=Ready'],
    ['deploy/web', '--for=condition=Available'],
    ['pod/p1', '--for=jsonpath={.status.phase}=Running'],
    ['pod/p1', "--for=jsonpath={.status.phase}='Running'"],
    ['pod/p1', '--for=jsonpath=.status.phase'],
    ['pod/p1', '--for=jsonpath={.status.phase}=Pending', '--timeout=1s'],
    ['pod/p1', '--for=jsonpath={.spec.containers}=x', '--timeout=1s'],
    ['pod/p1', '--for=jsonpath={.spec.terminationGracePeriodSeconds}=30'],
    ['pod/p1', '--for=jsonpath={.status.phase'],
    ['pod/p1', '--for=jsonpath='],
    ['pod/p1', '--for=jsonpath={.a}='],
    ['pod/p1', '--for=jsonpath=a=b=c'],
    ['cm/c1', 'cm/c2', '--for=jsonpath={.data.x}=y', '--timeout=1s'],
    ['pod/p1'],
    ['pod/p1', '--for=bogus'],
    ['--for=condition=Ready'],
    ['cm/c1', '--for=create'],
    ['cm/nope', '--for=create', '--timeout=1s'],
    ['cm/nope', '--for=delete'],
    ['--for=delete', 'cm/nope'],
    ['--for', 'condition=Ready', 'pod/p1', '--for=create'],
    ['cm/c1', 'cm/c2', '--for=delete', '--timeout=1s'],
    ['cm', '-l', 'e2e-wait=x', '--for=delete', '--timeout=0'],
    ['-f', '/nonexistent', '--for=delete'],
    ['cm,pods', '--field-selector=metadata.name=p1,status.phase!=Unknown', '--for=jsonpath={.metadata.name}=p1', '--timeout=5s'],
    ['pods,cm', '--all', '--field-selector=bad=x', '--for=delete', '--timeout=1s'],
    ['pod', 'p1', '--all', '--for=condition=Ready'],
  ])('wait %s', async (...args: string[]) => {
    await expectSame(['wait', ...args])
  }, 30_000)

  it('-A with a selector and no -n waits in every namespace', async () => {
    const [ours, theirs] = await Promise.all([
      ktl(['wait', 'pods', '-A', '-l', 'e2e-wait=x', '--for=condition=Ready']),
      kubectl(['wait', 'pods', '-A', '-l', 'e2e-wait=x', '--for=condition=Ready']),
    ])
    expect(ours).toEqual(theirs)
    expect(ours.stdout).toBe('pod/p1 condition met\npod/p1 condition met\n')
  }, 30_000)

  it('-A with a selector and -n fails for each object as kubectl does', async () => {
    const args = ['wait', 'pods', '-n', NS_T, '-A', '-l', 'e2e-wait=x', '--for=condition=Ready']
    const [ours, theirs] = await Promise.all([ktl(args), kubectl(args)])
    expect(ours).toEqual(theirs)
    expect(ours.stderr).toMatch(/^the namespace from the provided object "e2e-wait-k" does not match the namespace ""\. You must pass '--namespace=e2e-wait-k' to perform this operation\.\n/)
  }, 30_000)

  it('times out with kubectl\'s text and exit code', async () => {
    const ours = await expectSame(['wait', 'pod/p1', '--for=condition=Ready=false', '--timeout=1s'])
    expect(ours.stderr).toBe('error: timed out waiting for the condition on pods/p1\n')
    expect(ours.code).toBe(1)
  }, 30_000)
})

describe('waits that end on a change', () => {
  it('--for=create sees the object appear', async () => {
    const ours = await expectSame(['wait', 'cm/late', '--for=create', '--timeout=20s'], (ns) => kubectlOK(['create', 'cm', 'late', '-n', ns]))
    expect(ours.stdout).toBe('configmap/late condition met\n')
  }, 60_000)

  it('--for=delete sees the object go', async () => {
    const ours = await expectSame(['wait', 'cm/c2', '--for=delete', '--timeout=20s'], (ns) => kubectlOK(['delete', 'cm', 'c2', '-n', ns]))
    expect(ours.stdout).toBe('configmap/c2 condition met\n')
  }, 60_000)

  it('--for=condition sees a new pod become Ready', async () => {
    const pod = (ns: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p2, namespace: ${ns}}\nspec: {containers: [{name: c, image: nginx}]}\n`
    for (const ns of NAMESPACES) await kubectlOK(['apply', '-f', '-'], {stdin: pod(ns)})
    const ours = await expectSame(['wait', 'pod/p2', '--for=condition=Ready', '--timeout=60s'])
    expect(ours.stdout).toBe('pod/p2 condition met\n')
  }, 90_000)
})
