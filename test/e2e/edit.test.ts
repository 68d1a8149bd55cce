// Differential: `ktl edit` against kubectl 1.32 on twin namespaces, with a scripted editor: what the
// editor is shown (header, reasons, object), what the CLIs print, and the objects left. The editor
// script counts its runs per CLI (by the temporary file's name) and runs step-N for the Nth.
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {ktl, type Run} from './helpers.js'
import {mask, twin} from './twin.js'

const t = twin('edit-e2e')
const state = mkdtempSync(join(tmpdir(), 'ktl-edit-e2e-'))
const EDITOR = join(state, 'editor.sh')

const SEED = `
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, labels: {app: web}}
data: {x: "1", w: "2"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other}
data: {z: "1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: a, image: nginx}, {name: b, image: busybox}]}
`

beforeAll(async () => {
  writeFileSync(
    EDITOR,
    `#!/bin/sh
f="$1"
case "$(basename "$f")" in ktl-*) who=ktl;; *) who=kubectl;; esac
n=$(cat "${state}/$who.count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${state}/$who.count"
cp "$f" "${state}/$who.seen-$n"
if [ -f "${state}/step-$n" ]; then . "${state}/step-$n"; fi
exit 0
`,
  )
  chmodSync(EDITOR, 0o755)
  await t.setUp()
  await t.seed(SEED)
}, 300_000)

afterAll(async () => {
  rmSync(state, {recursive: true, force: true})
  await t.tearDown()
}, 60_000)

beforeEach(() => {
  for (const f of ['ktl.count', 'kubectl.count', 'step-1', 'step-2', 'step-3']) rmSync(join(state, f), {force: true})
})

/** Shell steps for the editor's 1st, 2nd... run; each sees the file as $f. */
function steps(...scripts: string[]): void {
  scripts.forEach((s, i) => writeFileSync(join(state, `step-${i + 1}`), s))
}

const m = (s: string) => mask(s, [t.ours, t.theirs]).replace(/[^\s"]*\/(ktl|kubectl[\w.]*)-edit-\d+\.(yaml|json)/g, '<tmpfile>')

function shape(run: Run) {
  return {stdout: m(run.stdout), stderr: m(run.stderr), code: run.code}
}

/** Runs both with the scripted editor; expects the same output and the same files shown to the editor. */
async function same(args: string[], runs: number): Promise<{ours: Run; theirs: Run}> {
  const r = await t.run(args, {env: {EDITOR, KUBE_EDITOR: '', TMPDIR: state}})
  expect(shape(r.ours)).toEqual(shape(r.theirs))
  for (let n = 1; n <= runs; n++) {
    expect(m(readFileSync(join(state, `ktl.seen-${n}`), 'utf8'))).toBe(m(readFileSync(join(state, `kubectl.seen-${n}`), 'utf8')))
  }
  return r
}

async function sameObjects(): Promise<void> {
  const {ours, theirs} = await t.objects('configmaps,deployments')
  expect(ours).toEqual(theirs)
}

describe('edit', () => {
  it('saves a change as a patch (--output-patch shows it)', async () => {
    steps(`sed -i 's/^  x: "1"/  x: "changed"/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'cfg', '--output-patch'], 1)
    expect(ours.stdout).toBe('Patch: {"data":{"x":"changed"}}\nconfigmap/cfg edited\n')
  })

  it('no change: Edit cancelled, no changes made.', async () => {
    const {ours} = await same(['edit', 'configmap/cfg'], 1)
    expect(ours.stderr).toBe('Edit cancelled, no changes made.\n')
    expect(ours.code).toBe(0)
  })

  it('reopens an invalid save with the server\'s reasons, then saves the fix', async () => {
    steps(`sed -i 's/^  name: cfg/  name: cfg\\n  labels: {"bad key!": x}/' "$f"`, `sed -i 's/bad key!/goodkey/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'cfg'], 2)
    expect(readFileSync(join(state, 'ktl.seen-2'), 'utf8')).toMatch(/^# reopened with the relevant failures\.\n#\n# configmaps "cfg" was not valid:\n# \* metadata\.labels: Invalid value/m)
    expect(ours.stdout).toBe('configmap/cfg edited\n')
  })

  it('an invalid save left unchanged cancels with the copy kept', async () => {
    steps(`sed -i 's/^  name: cfg/  name: cfg\\n  labels: {"bad key!": x}/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'cfg'], 2)
    expect(ours.code).toBe(1)
    expect(ours.stderr).toMatch(/\nerror: Edit cancelled, no valid changes were saved\.\n$/)
  })

  it('refuses a changed name', async () => {
    steps(`sed -i 's/^  name: cfg/  name: renamed/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'cfg'], 1)
    expect(ours.stderr).toMatch(/error: At least one of apiVersion, kind and name was changed\n$/)
  })

  it('refuses a changed namespace', async () => {
    steps(`sed -i 's/^  namespace: .*/  namespace: elsewhere/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'cfg'], 1)
    expect(ours.code).toBe(1)
    expect(ours.stderr).toMatch(/\nerror: the namespace from the provided object "elsewhere" does not match the namespace "edit-e2e-ktl"\. You must pass '--namespace=elsewhere' to perform this operation\.\n$/)
  })

  it('several objects as one List: the changed one edited, the other skipped', async () => {
    steps(`sed -i 's/^    z: "1"/    z: "2"/' "$f"`)
    await same(['edit', 'cm', 'cfg', 'other'], 1)
  })

  it('a deployment, by strategic merge patch', async () => {
    // The editor is shown the status too: the controller has to be done with it in both twins.
    await t.rolledOut('deploy/web')
    steps(`sed -i 's/image: busybox/image: busybox:2/' "$f"`)
    await same(['edit', 'deploy', 'web', '--output-patch'], 1)
  })

  it('-o json and --windows-line-endings', async () => {
    steps(`sed -i 's/"w": "2"/"w": "3"/' "$f"`)
    await same(['edit', 'cm', 'cfg', '-o', 'json', '--windows-line-endings'], 1)
  })

  it('--save-config records the edited object in the last-applied annotation', async () => {
    steps(`sed -i 's/^  z: .*/  z: "saved"/' "$f"`)
    const {ours} = await same(['edit', 'cm', 'other', '--save-config'], 1)
    expect(ours.stdout).toBe('configmap/other edited\n')
    await sameObjects()
    const {ours: objects} = await t.objects('configmaps')
    expect(JSON.stringify(objects)).toContain('\\"z\\":\\"saved\\"')
  })

  it('a missing object', async () => {
    const {ours} = await same(['edit', 'cm', 'nope'], 0)
    expect(ours.code).toBe(1)
  })

  it('an editor that fails', async () => {
    const r = await t.run(['edit', 'cm', 'cfg'], {env: {EDITOR: 'false', TMPDIR: state}})
    expect(shape(r.ours)).toEqual(shape(r.theirs))
    expect(r.ours.stderr).toBe('error: there was a problem with the editor "false"\n')
  })

  it.each([
    ['no arguments', ['edit']],
    ['-o name', ['edit', 'cm', 'cfg', '-o', 'name']],
  ])('refuses %s', async (_name, args) => {
    const {ours} = await same(args, 0)
    expect(ours.code).toBe(1)
  })

  it('left the same objects', async () => {
    await sameObjects()
  })

  it('an emptied file cancels (ktl; kubectl 1.32 first validates against a 1.20 server\'s schema)', async () => {
    steps(`: > "$f"`)
    const run = await ktl(['edit', 'cm', 'cfg', '-n', t.ours], {env: {EDITOR, TMPDIR: state}})
    expect({stdout: run.stdout, stderr: run.stderr, code: run.code}).toEqual({stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', code: 0})
  })

  it('a YAML syntax error reopens the file with the parser\'s message (ktl)', async () => {
    steps(`printf 'data: [\\n' > "$f"`)
    const run = await ktl(['edit', 'cm', 'cfg', '-n', t.ours], {env: {EDITOR, TMPDIR: state}})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/ktl-edit-e2e-\w+\/ktl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/)
    expect(readFileSync(join(state, 'ktl.seen-2'), 'utf8')).toMatch(/^#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: .+\n#\ndata: \[\n$/m)
  })
})
