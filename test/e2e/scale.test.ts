// Differential: `ktl scale` against kubectl 1.32 on twin namespaces, for the four built-in scalable
// kinds and a custom resource with a scale subresource: the same output and the same sizes left.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {kubectl, kubectlOK} from './helpers.js'
import {mask, twin} from './twin.js'

const t = twin('scale-e2e')
const GROUP = 'scale-e2e.ktl.dev'
const CRD = `gizmos.${GROUP}`

const template = (app: string) => `
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: c, image: nginx}]}`

const SEED = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {tier: a}}
spec:
  replicas: 1${template('web')}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, labels: {tier: a}}
spec:
  replicas: 1${template('api')}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  replicas: 1${template('rs')}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts}
spec:
  serviceName: sts
  replicas: 1${template('sts')}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  replicas: 1
  selector: {app: rc}
  template:
    metadata: {labels: {app: rc}}
    spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
---
apiVersion: ${GROUP}/v1
kind: Gizmo
metadata: {name: g}
spec: {replicas: 1}
`

const CRD_MANIFEST = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${CRD}}
spec:
  group: ${GROUP}
  scope: Namespaced
  names: {plural: gizmos, singular: gizmo, kind: Gizmo}
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `crd/${CRD}`, '--timeout=120s'])
  await kubectlOK(['apply', '-f', '-'], {stdin: CRD_MANIFEST})
  await kubectlOK(['wait', '--for=condition=Established', `crd/${CRD}`, '--timeout=60s'])
  await t.setUp(SEED)
}, 300_000)

afterAll(async () => {
  await t.tearDown()
  await kubectl(['delete', 'crd', CRD, '--ignore-not-found', '--wait=false'])
}, 60_000)

async function sizes(ns: string): Promise<string> {
  return kubectlOK(['get', 'deploy,rs,sts,rc,gizmos', '-n', ns, '-o', 'jsonpath={range .items[*]}{.kind}/{.metadata.name}={.spec.replicas}{"\\n"}{end}'])
}

/** The same sizes in both namespaces, once the controllers have carried a Deployment's scale to its ReplicaSet. */
async function sameSizes(): Promise<void> {
  let [theirs, ours] = await Promise.all([sizes(t.theirs), sizes(t.ours)])
  for (let i = 0; i < 40 && ours !== theirs; i++) {
    await new Promise((r) => setTimeout(r, 250))
    ;[theirs, ours] = await Promise.all([sizes(t.theirs), sizes(t.ours)])
  }
  expect(ours).toEqual(theirs)
}

describe('scale', () => {
  it.each([
    ['a deployment', ['scale', 'deployment', 'web', '--replicas=2']],
    ['TYPE/NAME for every built-in kind', ['scale', 'rs/rs', 'sts/sts', 'rc/rc', '--replicas=0']],
    ['a custom resource through its scale subresource', ['scale', 'gizmo', 'g', '--replicas=3']],
    ['a matching --current-replicas', ['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=2']],
    ['a mismatched --current-replicas', ['scale', 'deploy', 'web', '--replicas=4', '--current-replicas=1']],
    ['-l -o name', ['scale', 'deploy', '-l', 'tier=a', '--replicas=2', '-o', 'name']],
    ['--all', ['scale', 'deploy', '--all', '--replicas=1']],
    ['a missing name among others', ['scale', 'deploy', 'web', 'nope', 'api', '--replicas=2']],
    ['a type with no scale subresource', ['scale', 'cm', 'cm', '--replicas=1']],
    ['--dry-run=server', ['scale', 'deploy', 'web', '--replicas=5', '--dry-run=server']],
    ['--dry-run=client', ['scale', 'deploy', 'web', '--replicas=5', '--dry-run=client']],
    ['--resource-version with several objects', ['scale', 'deploy', 'web', 'api', '--replicas=1', '--resource-version=1']],
    ['--timeout waits for the deployment', ['scale', 'deploy', 'api', '--replicas=1', '--timeout=60s']],
    ['--all with a name: only a lone type means all of it', ['scale', 'deploy', 'web', '--all', '--replicas=1']],
    ['--all with -l', ['scale', 'deploy', '--all', '-l', 'tier=a', '--replicas=1']],
  ])('%s', async (_name, args) => {
    await t.same(args)
    await sameSizes()
  })

  it.each([
    ['no --replicas', ['scale', 'deploy', 'web']],
    ['a negative --replicas', ['scale', 'deploy', 'web', '--replicas=-2']],
    ['a --current-replicas below -1', ['scale', 'deploy', 'web', '--replicas=1', '--current-replicas=-2']],
    ['no resources', ['scale', '--replicas=1']],
    ['a type without a name', ['scale', 'deploy', '--replicas=1']],
    ['names that are all missing: "no objects passed" with what went wrong', ['scale', 'deploy', 'nope1', 'nope2', '--replicas=1']],
    ['the one name missing', ['scale', 'deploy', 'nope', '--replicas=1']],
    ['a bad --timeout', ['scale', 'deploy', 'web', '--replicas=1', '--timeout=soon']],
    ['a --replicas that is not a number', ['scale', 'deploy', 'web', '--replicas=two']],
    ['a --current-replicas out of range', ['scale', 'deploy', 'web', '--replicas=1', '--current-replicas=9223372036854775808']],
  ])('refuses %s as kubectl does', async (_name, args) => {
    const {ours} = await t.same(args)
    expect(ours.code).toBe(1)
  })

  it('a stale --resource-version names the one found', async () => {
    const {ours, theirs} = await t.run(['scale', 'deploy', 'web', '--replicas=2', '--resource-version=1'])
    const norm = (s: string) => mask(s, [t.ours, t.theirs]).replace(/was \d+/, 'was <rv>')
    expect(norm(ours.stderr)).toBe(norm(theirs.stderr))
    expect(ours.stderr).toMatch(/^error: Expected resource version to be 1, was \d+\n$/)
    await sameSizes()
  })

  it('--timeout gives up on a size the status never reaches', async () => {
    const {ours, theirs} = await t.run(['scale', 'gizmo', 'g', '--replicas=2', '--timeout=2s'])
    expect(ours).toEqual({stdout: '', stderr: 'error: timed out waiting for "g" to be synced\n', code: 1})
    // kubectl's own words depend on where its last poll meets the deadline: its rate limiter may give up first.
    expect(theirs.code).toBe(1)
    expect(theirs.stderr).toMatch(/^error: (timed out waiting for "g" to be synced|client rate limiter Wait returned an error: rate: Wait\(n=1\) would exceed context deadline)\n$/)
    await sameSizes()
  })

  it('-f', async () => {
    const file = t.file('web.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 9${template('web')}\n`)
    await t.same(['scale', '-f', file, '--replicas=3'])
    await t.same(['scale', '-f', file, '--replicas=4', '-o', 'jsonpath={.spec.replicas}'])
    await sameSizes()
  })
})
