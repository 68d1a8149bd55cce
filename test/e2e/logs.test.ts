// Differential: ktl logs and kubectl 1.32 against the same real API server. This control plane has
// no kubelet serving logs (its stand-in node only marks pods Running), so every log request ends in
// the API server's error for the unreachable node: the cases compare that error, kubectl's container
// defaulting on stderr, and every message kubectl prints before it asks for a log. Streaming itself
// is tested against the fake server (test/unit/logs.test.ts).
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK} from './helpers.js'

const NS = 'e2e-logs'

const objects = `
apiVersion: v1
kind: Pod
metadata: {name: one, labels: {app: l}}
spec: {containers: [{name: a, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: two, labels: {app: l}}
spec:
  initContainers: [{name: init, image: busybox}]
  containers: [{name: a, image: busybox}, {name: b, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata: {name: ann, annotations: {kubectl.kubernetes.io/default-container: zz}}
spec: {containers: [{name: a, image: busybox}, {name: b, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: empty}
spec:
  replicas: 0
  selector: {matchLabels: {app: empty}}
  template:
    metadata: {labels: {app: empty}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: pair}
spec:
  replicas: 2
  selector: {matchLabels: {app: pair}}
  template:
    metadata: {labels: {app: pair}}
    spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: extra, labels: {app: pair}, annotations: {kubectl.kubernetes.io/default-container: zz}}
spec: {initContainers: [{name: i, image: busybox}], containers: [{name: a, image: busybox}, {name: b, image: busybox}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `namespace/${NS}`, '--timeout=120s'])
  await kubectlOK(['create', 'namespace', NS])
  await kubectlOK(['apply', '-n', NS, '-f', '-'], {stdin: objects})
  await kubectlOK(['rollout', 'status', '-n', NS, 'deployment/web', '--timeout=120s'])
  await kubectlOK(['rollout', 'status', '-n', NS, 'deployment/pair', '--timeout=120s'])
  await kubectlOK(['wait', '-n', NS, '--for=condition=Ready', 'pod/one', 'pod/two', 'pod/ann', 'pod/extra', '--timeout=120s'])
}, 300_000)

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
}, 60_000)

const cases: string[][] = [
  ['one'],
  ['two'],
  ['two', '-c', 'b'],
  ['two', 'b'],
  ['two', '-c', 'zz'],
  ['ann'],
  ['deploy/web'],
  ['deployment.apps/web', '--tail=5', '--timestamps'],
  ['one', '-f'],
  ['one', '-p'],
  ['one', '--timestamps', '--tail=3', '--limit-bytes=10', '--since=1h'],
  ['one', '--since=1500ms'],
  ['one', '--since-time=2024-08-30T08:00:00.5+02:00'],
  ['one', '--insecure-skip-tls-verify-backend'],
  ['one', '--ignore-errors', '--prefix'],
  ['-l', 'app=l', '-f', '--max-log-requests=1'],
  ['-l', 'app=none'],
  ['-l', 'a b'],
  ['-l', 'app=l,,x'],
  ['nope'],
  ['deploy/nope'],
  ['cm/cm'],
  // A type no served name is close to: a close one earns ktl's added hint (type-suggestion.test.ts).
  ['zzzzzz/bar'],
  ['deploy/empty', '--pod-running-timeout=1s'],
  ['one', '--since=1h', '--since-time=2024-01-01T00:00:00Z'],
  ['one', '--since-time=bad'],
  ['one', '--since-time=2024-13-30T08:00:00Z'],
  ['one', '--since-time=2024-08-30'],
  ['one', '--since-time=2024-08-30T08:00:00Zx'],
  ['one', '--tail=-2'],
  ['one', '--tail=abc'],
  ['one', '--limit-bytes=-1'],
  ['one', '--since=-1s'],
  ['one', '--max-log-requests=x'],
  ['deploy/empty', '--pod-running-timeout=0'],
  ['deploy/empty', '--pod-running-timeout=abc'],
  ['two', 'b', '-c', 'a'],
  ['two', '-c', 'a', '--all-containers'],
  ['one', '-l', 'app=l'],
  ['one', 'two', 'three'],
  [],
]

describe('ktl logs matches kubectl', () => {
  it.each(cases.map((args) => ({args, label: args.join(' ') || '(no arguments)'})))('logs $label', async ({args}) => {
    const full = ['logs', '-n', NS, ...args]
    const [theirs, ours] = await Promise.all([kubectl(full), ktl(full)])
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll("'kubectl logs", "'ktl logs")})
  })

  // kubectl reads several pods or containers in Go map order, which changes from run to run: compare the lines as sets.
  it.each(
    [
      ['deploy/pair', '--all-pods', '--ignore-errors'],
      ['deploy/pair', '--all-pods', '--all-containers', '--ignore-errors'],
      ['-l', 'app=pair', '--all-pods', '--ignore-errors'],
      ['extra', '--all-pods', '--ignore-errors'],
      ['two', '--all-containers', '--prefix', '--ignore-errors'],
      ['-l', 'app=l', '--ignore-errors'],
      ['deploy/empty', '--all-pods', '--pod-running-timeout=1s'],
    ].map((args) => ({args, label: args.join(' ')})),
  )('logs $label (lines in any order)', async ({args}) => {
    const full = ['logs', '-n', NS, ...args]
    const [theirs, ours] = await Promise.all([kubectl(full), ktl(full)])
    const lines = (text: string) => text.split('\n').sort()
    expect({stdout: lines(ours.stdout), stderr: lines(ours.stderr), code: ours.code}).toEqual({stdout: lines(theirs.stdout), stderr: lines(theirs.stderr), code: theirs.code})
  })

  it('the node\'s error is the API server\'s, for the readonly user too', async () => {
    const ours = await ktl(['logs', '-n', NS, 'one'], {user: 'readonly'})
    const theirs = await kubectl(['logs', '-n', NS, 'one'], {user: 'readonly'})
    expect(theirs.stderr).toMatch(/^Error from server/)
    expect(ours).toEqual(theirs)
  })
})
