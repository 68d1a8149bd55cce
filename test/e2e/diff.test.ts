// Differential: `ktl diff -f` against kubectl 1.32 on twin namespaces: the same unified diff (temp
// folder names and file times masked), the same exit status (0 same, 1 different, >1 failed), and
// nothing changed on the server.
import {chmodSync} from 'node:fs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Run, RunOptions} from './helpers.js'
import {mask, twin} from './twin.js'

const t = twin('diff-e2e')

const SEED = `
apiVersion: v1
kind: ConfigMap
metadata: {name: same, labels: {app: web}}
data: {a: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: changed, labels: {app: web}}
data: {a: "1", b: "2"}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {user: admin, password: old, token: t}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: nginx}]}
`

beforeAll(async () => {
  await t.setUp(SEED)
  // Until then the controller writes to the live Deployment, between the LIVE and MERGED reads of one twin.
  await t.rolledOut('deploy/web')
}, 300_000)

afterAll(async () => {
  await t.tearDown()
}, 60_000)

const file = t.file

/** The diff as both CLIs print it, with what differs by nature (temp folders, file times, klog headers) masked. */
function masked(run: Run): {stdout: string; stderr: string; code: number | null} {
  const m = (s: string) =>
    mask(s, [t.ours, t.theirs])
      .replace(/\/(LIVE|MERGED)-[A-Za-z0-9]+/g, '/$1-X')
      .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4}/g, '\t<mtime>')
      .replace(/^W\d{4} [\d:.]+ +\d+ [\w.:]+\] /gm, 'W <klog> ')
  return {stdout: m(run.stdout), stderr: m(run.stderr), code: run.code}
}

async function same(args: string[], opts?: RunOptions): Promise<{ours: Run; theirs: Run}> {
  const r = await t.run(args, opts)
  expect(masked(r.ours)).toEqual(masked(r.theirs))
  return r
}

const CHANGED = `apiVersion: v1
kind: ConfigMap
metadata: {name: changed, labels: {app: web}}
data: {a: "1", c: "3"}
`

describe('diff', () => {
  it('exits 0 and prints nothing when the manifests match the live objects', async () => {
    const {ours} = await same(['diff', '-f', file('same.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same, labels: {app: web}}\ndata: {a: "1"}\n')])
    expect(ours.code).toBe(0)
    expect(ours.stdout).toBe('')
  })

  it('exits 1 with a unified diff of changed and new objects', async () => {
    const manifest = file('changed.yaml', `${CHANGED}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: brand-new}\ndata: {x: "1"}\n`)
    const {ours} = await same(['diff', '-f', manifest])
    expect(ours.code).toBe(1)
    expect(ours.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.brand-new \/tmp\/MERGED-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.brand-new\n/m)
    expect(ours.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.changed \/tmp\/MERGED-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.changed\n/m)
    expect(ours.stdout).toContain('\n-  b: "2"\n+  c: "3"\n')
  })

  it('--server-side', async () => {
    const {ours} = await same(['diff', '--server-side', '-f', file('ss.yaml', CHANGED)])
    expect(ours.code).toBe(1)
  })

  it('--show-managed-fields keeps managedFields in both versions', async () => {
    const {ours} = await same(['diff', '--show-managed-fields', '-f', file('mf.yaml', CHANGED)])
    expect(ours.stdout).toMatch(/^ +f:data:$/m)
  })

  it('--prune shows what apply --prune would delete (an allowlist kubectl 1.32 can map on this server)', async () => {
    const {ours} = await same(['diff', '-f', file('prune.yaml', CHANGED), '--prune', '--prune-allowlist=core/v1/ConfigMap', '-l', 'app=web'])
    expect(ours.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.same /m)
  })

  it.each([['core/v1/Nope'], ['apps/v1'], ['apps/v1/Nope']])('--prune-allowlist=%s is refused as kubectl refuses it', async (entry) => {
    const {ours} = await same(['diff', '-f', file('allow.yaml', CHANGED), '--prune', `--prune-allowlist=${entry}`])
    expect(ours.code).toBe(2)
  })

  it('--concurrency: the same diff, objects in order', async () => {
    const manifest = file('many.yaml', `${CHANGED}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: n1}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: n2}\ndata: {q: "1"}\n`)
    const {ours} = await same(['diff', '-f', manifest, '--concurrency=3'])
    expect(ours.code).toBe(1)
  })

  it('a deployment, as apply would change it', async () => {
    await same(['diff', '-f', file('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: "nginx:2"}]}\n')])
  })

  it('masks Secret values', async () => {
    const {ours} = await same(['diff', '-f', file('secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {user: admin, password: new, extra: e}\n')])
    expect(ours.stdout).toContain('*** (before)')
    expect(ours.stdout).not.toContain('bmV3')
  })

  it('-l picks the manifests to compare', async () => {
    const manifest = file('sel.yaml', `${CHANGED}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata: {x: "1"}\n`)
    const {ours} = await same(['diff', '-f', manifest, '-l', 'app=web'])
    expect(ours.stdout).not.toContain('other')
  })

  it('KUBECTL_EXTERNAL_DIFF, with an argument kubectl drops', async () => {
    const {ours} = await same(['diff', '-f', file('ext.yaml', CHANGED)], {env: {KUBECTL_EXTERNAL_DIFF: 'diff -q --no-such$ -r'}})
    expect(ours.stdout).toMatch(/^Files \/tmp\/LIVE-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.changed and \/tmp\/MERGED-\w+\/v1\.ConfigMap\.diff-e2e-ktl\.changed differ\n$/)
    expect(ours.stderr).toBe('')
  })

  it('a diff program that fails exits 2 with kubectl\'s error', async () => {
    const script = file('fails.sh', '#!/bin/sh\necho broken >&2\nexit 3\n')
    chmodSync(script, 0o755)
    const {ours} = await same(['diff', '-f', file('fail.yaml', CHANGED)], {env: {KUBECTL_EXTERNAL_DIFF: script}})
    expect(ours.code).toBe(2)
  })

  it('a diff program that is not there', async () => {
    const {ours} = await same(['diff', '-f', file('missing.yaml', CHANGED)], {env: {KUBECTL_EXTERNAL_DIFF: 'no-such-diff-program'}})
    expect(ours.code).toBe(2)
  })

  it.each([
    ['no -f', ['diff']],
    ['a missing file', ['diff', '-f', '/nonexistent/x.yaml']],
    ['arguments', ['diff', '-f', '/nonexistent/x.yaml', 'extra']],
    ['--force-conflicts without --server-side', ['diff', '--force-conflicts', '-f', '/nonexistent/x.yaml']],
  ])('fails with exit 2 on %s', async (_name, args) => {
    const {ours} = await same(args)
    expect(ours.code).toBe(2)
  })

  it('an unknown kind stops with exit 2', async () => {
    const {ours} = await same(['diff', '-f', file('unknown.yaml', 'apiVersion: example.ktl.dev/v1\nkind: Nope\nmetadata: {name: x}\n')])
    expect(ours.code).toBe(2)
  })

  it('changed nothing on the server', async () => {
    const {ours, theirs} = await t.objects('configmaps,secrets,deployments')
    expect(ours).toEqual(theirs)
    expect(JSON.stringify(ours)).not.toContain('brand-new')
  })
})
