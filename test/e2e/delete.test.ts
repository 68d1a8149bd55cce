// Differential: `ktl delete` and kubectl 1.32 make the same changes and print the same bytes. Each
// case sets its objects up, lets kubectl delete them, sets them up again and lets ktl delete them.
// Everything lives in namespaces named del-e2e*; selectors across namespaces carry a label only these
// objects have, so no -A here can reach anything else.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run, type RunOptions} from './helpers.js'

const NS = 'del-e2e'
const NS_B = 'del-e2e-b'

beforeAll(async () => {
  for (const ns of [NS, NS_B]) {
    // A namespace an earlier run left terminating has to be gone first.
    await kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])
    await kubectlOK(['create', 'namespace', ns])
  }
}, 300_000)

afterAll(async () => {
  rmSync(files, {recursive: true, force: true})
  // Objects a failed test may have left holding a finalizer would keep their namespace alive.
  for (const ns of [NS, NS_B]) {
    const held = await kubectl(['get', 'cm', '-n', ns, '-o', 'name'])
    for (const name of held.stdout.split('\n').filter(Boolean)) {
      await kubectl(['patch', name, '-n', ns, '--type=merge', '-p', '{"metadata":{"finalizers":null}}'])
    }
    await kubectl(['delete', 'namespace', ns, '--wait=false'])
  }
  await kubectl(['delete', 'namespace', 'del-e2e-x', '--ignore-not-found', '--wait=false'])
}, 60_000)

const objects = `
apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: ${NS}, labels: {tier: x, del-e2e: ab}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: ${NS}, labels: {tier: x}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: ${NS}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: ${NS_B}, labels: {del-e2e: ab}}
---
apiVersion: v1
kind: Secret
metadata: {name: s1, namespace: ${NS}, labels: {tier: x}}
---
apiVersion: v1
kind: Service
metadata: {name: svc-a, namespace: ${NS}}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: svc-b, namespace: ${NS}}
spec: {ports: [{port: 81}]}
`

const pod = `
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: ${NS}}
spec: {containers: [{name: c, image: nginx}]}
`

// Manifests for -f: a directory with a subdirectory, and a file with every kind of failure.
const files = mkdtempSync(join(tmpdir(), 'ktl-delete-f-'))
const manifests: Record<string, string> = {
  'dir/cms.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ${NS}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n`,
  'dir/sub/svc.json': JSON.stringify({apiVersion: 'v1', kind: 'Service', metadata: {name: 'svc-a', namespace: NS}}),
  'mixed.yaml': [
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
    'apiVersion: nope.example.com/v1\nkind: Nope\nmetadata: {name: x}\n',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: ${NS_B}}\n`,
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: del-e2e-none}\n',
  ].join('---\n'),
}
for (const [name, text] of Object.entries(manifests)) {
  mkdirSync(join(files, name, '..'), {recursive: true})
  writeFileSync(join(files, name), text)
}
const f = (name: string) => join(files, name)

function expectSame(ours: Run, theirs: Run): void {
  expect(ours.stdout).toBe(theirs.stdout)
  expect(ours.stderr).toBe(theirs.stderr)
  expect(ours.code).toBe(theirs.code)
}

/** Sets `setup` up, runs kubectl; sets it up again, runs ktl. */
async function deleteBoth(setup: string, args: string[], opts: RunOptions = {}): Promise<{ours: Run; theirs: Run}> {
  if (setup) await kubectlOK(['apply', '-f', '-'], {stdin: setup})
  const theirs = await kubectl(args, opts)
  if (setup) await kubectlOK(['apply', '-f', '-'], {stdin: setup})
  const ours = await ktl(args, opts)
  // kubectl's own name in its usage hints.
  theirs.stderr = theirs.stderr.replaceAll("'kubectl delete --help'", "'ktl delete --help'").replaceAll("'kubectl.1.32 get ", "'ktl get ")
  return {ours, theirs}
}

const cases: Array<{args: string[]; setup?: string; stdin?: string}> = [
  {args: ['delete', 'cm', 'a', 'b', '-n', NS]},
  {args: ['delete', 'cm', 'a', 'nope', 'b', '-n', NS]},
  {args: ['delete', 'cm/a', 'secret/s1', 'cm/nope', '-n', NS]},
  {args: ['delete', 'cm,secret', 'a', 's1', '-n', NS]},
  {args: ['delete', 'cm,secret', '-l', 'tier=x', '-n', NS]},
  {args: ['delete', 'cm,secret', '-l', 'tier=x', '-n', NS, '-o', 'name']},
  {args: ['delete', 'cm', '-l', 'tier=nothing', '-n', NS]},
  {args: ['delete', 'svc', '--all', '-n', NS]},
  {args: ['delete', 'cm', '--field-selector', 'metadata.name=c', '-n', NS]},
  {args: ['delete', 'pods', '--field-selector', 'foo=bar', '-n', NS]},
  {args: ['delete', 'cm,secret', '--field-selector', 'type=Opaque', '-n', NS]},
  {args: ['delete', 'pods,cm', '--field-selector', 'bad=x', '-n', NS, '--ignore-not-found=false']},
  {args: ['delete', 'pods', '-l', 'a b', '-n', NS]},
  {args: ['delete', 'cm', '-A', '-l', 'del-e2e=ab']},
  {args: ['delete', 'cm', 'a', 'b', '-n', NS, '--dry-run=server']},
  {args: ['delete', 'cm', 'a', 'nope', '-n', NS, '--dry-run=client']},
  {args: ['delete', 'cm', 'a', '-n', NS, '--grace-period=0']},
  {args: ['delete', 'cm', 'a', '-n', NS, '--force', '--cascade=orphan']},
  {args: ['delete', 'cm', 'a', '-n', NS, '--cascade=false']},
  {args: ['delete', 'cm', 'a', '-n', NS, '--wait=false', '--cascade']},
  {args: ['delete', 'cm', 'nope', '-n', NS, '--ignore-not-found']},
  {args: ['delete', 'cm', 'a', 'b', '-n', NS, '-i'], stdin: 'y\n'},
  {args: ['delete', 'cm', 'a', 'b', '-n', NS, '-i'], stdin: 'no\n'},
  {args: ['delete', '-f', f('dir'), '-n', NS]},
  {args: ['delete', '-f', f('dir'), '-R', '-n', NS, '-o', 'name']},
  {args: ['delete', '-f', f('mixed.yaml'), '-n', NS]},
  {args: ['delete', '-f', f('mixed.yaml'), '-n', NS, '-l', 'tier=x']},
  {args: ['delete', '-f', '-', '-n', NS], stdin: manifests['dir/cms.yaml']},
  {args: ['delete', '-f', '-', '-n', NS], stdin: ''},
  {args: ['delete', 'ns', 'del-e2e-none', '-n', NS]},
  {args: ['delete', 'ns/del-e2e-none', '-A']},
  {args: ['delete', 'rs', 'nope', '-n', NS]},
  {args: ['delete']},
  {args: ['delete', 'pods', '-n', NS]},
  {args: ['delete', 'pods', '-A']},
  {args: ['delete', 'pod', 'x', '-A']},
  {args: ['delete', 'cm', 'x', '--all', '-n', NS]},
  {args: ['delete', 'cm/x', '-l', 'a=b', '-n', NS]},
  {args: ['delete', 'cm', '--all', '-l', 'a=b', '-n', NS]},
  {args: ['delete', 'cm/x', 'svc', '-n', NS]},
  {args: ['delete', '-f', f('dir'), 'pods']},
  {args: ['delete', 'cm', 'x', '-n', NS, '-o', 'yaml']},
  {args: ['delete', 'cm', 'x', '-n', NS, '--cascade=Orphan']},
  {args: ['delete', 'cm', 'x', '-n', NS, '--now', '--grace-period=3']},
  {args: ['delete', 'cm', 'x', '-n', NS, '--force', '--grace-period=3']},
  {args: ['delete', 'cm', 'x', '-n', NS, '--timeout=10']},
  {args: ['delete', 'flurbs', 'x']},
  {args: ['delete', 'all', 'a', '-n', NS]},
]

describe('ktl delete matches kubectl', () => {
  it.each(cases.map((c) => ({...c, label: c.args.join(' ')})))('$label', async ({args, setup, stdin}) => {
    const {ours, theirs} = await deleteBoth(setup ?? objects, args, {stdin})
    expectSame(ours, theirs)
  })

  it('a user who may neither list one type nor delete: the failed deletes first, the refused list last', async () => {
    const {ours, theirs} = await deleteBoth(objects, ['delete', 'secrets,cm', '--all', '-n', NS], {user: 'readonly'})
    expectSame(ours, theirs)
    expect(ours.stderr).toMatch(/\nsecrets is forbidden: User "ktl-readonly" cannot list resource "secrets" in API group "" in the namespace "del-e2e"\n$/)
  })

  it('a user who may not delete', async () => {
    const {ours, theirs} = await deleteBoth(objects, ['delete', 'cm', 'a', '-n', NS], {user: 'readonly'})
    expectSame(ours, theirs)
    expect(ours.stderr).toMatch(/^Error from server \(Forbidden\): /)
  })

  it('pods: --now, --grace-period, --force (the stand-in kubelet finishes graceful deletes)', async () => {
    for (const flags of [['--now'], ['--grace-period=5'], ['--force'], []]) {
      const {ours, theirs} = await deleteBoth(pod, ['delete', 'pod', 'p1', '-n', NS, ...flags])
      expectSame(ours, theirs)
      expect(ours.code).toBe(0)
      // --wait: gone when the command returns.
      expect((await kubectl(['get', 'pod', 'p1', '-n', NS, '--ignore-not-found', '-o', 'name'])).stdout).toBe('')
    }
  })

  it('a cluster-scoped object with -n: the warning, then the object gone', async () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: del-e2e-x}\n'
    const {ours, theirs} = await deleteBoth(ns, ['delete', 'namespace', 'del-e2e-x', '-n', NS, '--wait=false'])
    expectSame(ours, theirs)
    expect(ours.stdout).toBe('namespace "del-e2e-x" deleted\n')
    expect(ours.stderr).toBe('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n')
  })
})

describe('cascading deletes of a Deployment, its ReplicaSet and Pods', () => {
  const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${NS}, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
`

  async function rolledOut(): Promise<void> {
    await kubectlOK(['apply', '-f', '-'], {stdin: deployment})
    await kubectlOK(['rollout', 'status', 'deploy/web', '-n', NS, '--timeout=60s'])
  }

  /** What is left: the Deployment, ReplicaSets (and whether anything owns them), and how many Pods. */
  async function remaining(): Promise<string> {
    const deploys = await kubectlOK(['get', 'deploy', '-n', NS, '-l', 'app=web', '-o', 'name'])
    const rs = await kubectlOK(['get', 'rs', '-n', NS, '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.metadata.name} owners={.metadata.ownerReferences[*].kind}{"\\n"}{end}'])
    const pods = await kubectlOK(['get', 'pods', '-n', NS, '-l', 'app=web', '-o', 'name'])
    return `${deploys}${rs.replace(/web-[a-z0-9]+/g, 'web-HASH')}pods=${pods.split('\n').filter(Boolean).length}`
  }

  async function cleanUp(): Promise<void> {
    await kubectlOK(['delete', 'deploy,rs,pods', '-n', NS, '-l', 'app=web', '--ignore-not-found'])
  }

  it.each([['background'], ['foreground'], ['orphan']])('--cascade=%s', async (mode) => {
    await rolledOut()
    const theirs = await kubectl(['delete', 'deploy', 'web', '-n', NS, `--cascade=${mode}`])
    const leftByKubectl = await remaining()
    await cleanUp()
    await rolledOut()
    const ours = await ktl(['delete', 'deploy', 'web', '-n', NS, `--cascade=${mode}`])
    const leftByKtl = await remaining()
    await cleanUp()
    expectSame(ours, theirs)
    expect(ours.stdout).toBe('deployment.apps "web" deleted\n')
    if (mode === 'orphan') {
      // The ReplicaSet and its Pods stay, owned by nothing.
      expect(leftByKtl).toBe('web-HASH owners=\npods=2')
      expect(leftByKubectl).toBe(leftByKtl)
    }
    // Foreground returns only once the dependents are gone.
    if (mode === 'foreground') expect(leftByKtl).toBe('pods=0')
  })
})

describe('objects held by a finalizer', () => {
  const held = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: held, namespace: ${NS}, finalizers: [example.com/hold]}\n`
  const release = () => kubectlOK(['patch', 'cm', 'held', '-n', NS, '--type=merge', '-p', '{"metadata":{"finalizers":null}}'])

  async function terminating(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const ts = await kubectlOK(['get', 'cm', 'held', '-n', NS, '-o', 'jsonpath={.metadata.deletionTimestamp}'])
      if (ts !== '') return
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the ConfigMap never started terminating')
  }

  it('waits until the test removes the finalizer, then returns', async () => {
    const runs: Run[] = []
    for (const cli of [kubectl, ktl]) {
      await kubectlOK(['apply', '-f', '-'], {stdin: held})
      const started = Date.now()
      const deletion = cli(['delete', 'cm', 'held', '-n', NS])
      await terminating()
      await new Promise((r) => setTimeout(r, 1500))
      const releasedAt = Date.now()
      await release()
      const run = await deletion
      runs.push(run)
      expect(Date.now()).toBeGreaterThanOrEqual(releasedAt)
      expect(releasedAt - started).toBeGreaterThanOrEqual(1500)
    }
    const [theirs, ours] = runs
    expectSame(ours, theirs)
    expect(ours.stdout).toBe('configmap "held" deleted\n')
    expect(ours.code).toBe(0)
  })

  it('gives up at --timeout with kubectl\'s error, the object left terminating', async () => {
    await kubectlOK(['apply', '-f', '-'], {stdin: held})
    const theirs = await kubectl(['delete', 'cm', 'held', '-n', NS, '--timeout=2s'])
    // The object is still there, terminating: ktl deletes it again (the server answers with it) and waits.
    const ours = await ktl(['delete', 'cm', 'held', '-n', NS, '--timeout=2s'])
    await release()
    expectSame(ours, theirs)
    expect(ours.stderr).toBe('error: timed out waiting for the condition on configmaps/held\n')
    expect(ours.code).toBe(1)
  })
})
