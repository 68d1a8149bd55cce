// Differential: `ktl apply` and kubectl 1.32 print the same bytes and leave the same live objects.
// Each case runs kubectl in one namespace and ktl in its twin (apply-e2e-CASE-kubectl and
// apply-e2e-CASE-ktl); outputs and objects are compared with the namespaces' names swapped. Where
// ktl intentionally does better (CRDs and Namespaces first, nothing sent when one document is bad)
// ktl's own output is asserted.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run} from './helpers.js'

const CASES = ['cycle', 'lists', 'many', 'force', 'unannotated', 'interop-a', 'interop-b', 'ssa', 'dry'] as const
type Case = (typeof CASES)[number]
const oursNS = (c: Case) => `apply-e2e-${c}-ktl`
const theirsNS = (c: Case) => `apply-e2e-${c}-kubectl`
/** Namespaces interop compares against: kubectl applying twice. */
const TWICE_A = 'apply-e2e-interop-a-twice'
const TWICE_B = 'apply-e2e-interop-b-twice'
const CRD_NS = 'apply-e2e-crd'
const CRD_GROUP = 'apply-e2e.ktl.dev'
// A plural no other e2e file uses: a CRD still being deleted must not make another file's type ambiguous.
const CRD_NAME = `sprockets.${CRD_GROUP}`
const BAD_NS = 'apply-e2e-bad'
const NAMESPACES = [...CASES.flatMap((c) => [oursNS(c), theirsNS(c)]), TWICE_A, TWICE_B, BAD_NS]

const files = mkdtempSync(join(tmpdir(), 'ktl-apply-e2e-'))

beforeAll(async () => {
  // Namespaces (and the CRD) an earlier run left terminating have to be gone first.
  await Promise.all([...NAMESPACES, CRD_NS].map((ns) => kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])))
  await kubectlOK(['wait', '--for=delete', `crd/${CRD_NAME}`, '--timeout=120s'])
  await Promise.all(NAMESPACES.map((ns) => kubectlOK(['create', 'namespace', ns])))
}, 300_000)

afterAll(async () => {
  rmSync(files, {recursive: true, force: true})
  await kubectl(['delete', 'crd', CRD_NAME, '--ignore-not-found', '--wait=false'])
  await Promise.all([...NAMESPACES, CRD_NS].map((ns) => kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false'])))
}, 60_000)

/** Writes `text` to a file of its own under the test's folder and returns its path. */
function manifestFile(name: string, text: string): string {
  const path = join(files, name)
  mkdirSync(join(path, '..'), {recursive: true})
  writeFileSync(path, text)
  return path
}

interface AppShape {
  containers?: string[]
  env?: string[]
  ports?: number[]
  replicas?: number
  image?: string
  data?: Record<string, string>
}

/** A Deployment, a Service and a ConfigMap (no namespace: each CLI gets its own with -n). */
function app(shape: AppShape = {}): string {
  const {containers = ['a', 'b'], env = ['A', 'B'], ports = [80, 443], replicas = 1, image = 'nginx', data = {a: '1'}} = shape
  const containerList = containers
    .map((name, i) => `      - name: ${name}\n        image: ${i === 0 ? image : 'busybox'}\n` + (i === 0 && env.length > 0 ? `        env:\n${env.map((e) => `        - {name: ${e}, value: "${e.toLowerCase()}"}\n`).join('')}` : ''))
    .join('')
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
${containerList}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
${ports.map((p) => `  - {name: p${p}, port: ${p}, protocol: TCP}\n`).join('')}---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: ${JSON.stringify(data)}
`
}

const APP_OBJECTS = ['deployment/web', 'service/web', 'configmap/cfg']

/** kubectl's usage hints name kubectl; ktl's name ktl. */
const asKtl = (text: string) => text.replaceAll("'kubectl ", "'ktl ").replaceAll('"kubectl ', '"ktl ')

function expectSame(ours: Run, theirs: Run): void {
  expect({stdout: ours.stdout, stderr: ours.stderr, code: ours.code}).toEqual({stdout: theirs.stdout, stderr: asKtl(theirs.stderr), code: theirs.code})
}

/** Runs `apply ARGS` with kubectl in `theirs` and ktl in `ours`, with file contents swapped to match. */
async function applyBoth(c: Case, args: string[], stdin?: string): Promise<{ours: Run; theirs: Run}> {
  const [ours, theirs] = await Promise.all([ktl(['apply', ...args, '-n', oursNS(c)], {stdin}), kubectl(['apply', ...args, '-n', theirsNS(c)], {stdin})])
  const swap = (s: string) => s.replaceAll(theirsNS(c), oursNS(c))
  return {ours, theirs: {...theirs, stdout: swap(theirs.stdout), stderr: swap(theirs.stderr)}}
}

/**
 * Server-made values in printed objects (uids, times, versions, allocated IPs), and what the
 * controllers write on their own schedule (status times, the Deployment's revision): masked in YAML,
 * left out of JSON.
 */
const masked = (s: string) =>
  (s.startsWith('{') ? withoutControllerFields(s) : withoutStatusBlocks(s))
    .replace(/(uid|creationTimestamp|resourceVersion|clusterIP|time|Time|observedGeneration|deployment\.kubernetes\.io\/revision): ("[^"]*"|'[^']*'|\S+)$/gm, '$1: X')
    .replace(/ReplicaSet "web-[a-z0-9]+"/g, 'ReplicaSet "web-HASH"')
    .replace(/"(uid|creationTimestamp|resourceVersion|clusterIP|time)": ("[^"]*"|\d+)/g, '"$1": X')
    .replace(/(clusterIPs:\n\s*- )\S+$/gm, '$1X')
    .replace(/"clusterIPs": \[\s*"[^"]*"\s*\]/g, '"clusterIPs": X')

/** Drops each YAML `status:` block: the Deployment controller may be further along in one namespace than the other. */
function withoutStatusBlocks(yaml: string): string {
  const kept: string[] = []
  let statusIndent = -1
  for (const line of yaml.split('\n')) {
    const indent = line.length - line.trimStart().length
    if (statusIndent >= 0 && indent > statusIndent && line.trim() !== '') continue
    statusIndent = /^\s*status:$/.test(line) ? indent : -1
    if (statusIndent < 0) kept.push(line)
  }
  return kept.join('\n')
}

function withoutControllerFields(json: string): string {
  const printed = JSON.parse(json) as LiveObject & {items?: LiveObject[]}
  for (const item of printed.items ?? [printed]) {
    delete item.status
    delete item.metadata.annotations?.['deployment.kubernetes.io/revision']
  }
  return JSON.stringify(printed, null, 4)
}

interface LiveObject {
  metadata: Record<string, unknown> & {annotations?: Record<string, string>; managedFields?: Array<Record<string, unknown>>}
  spec?: Record<string, unknown>
  status?: unknown
}

/**
 * The live objects, as kubectl gets them, with what the server makes up per object taken out: uid,
 * resourceVersion, times, allocated IPs, status and what the controllers wrote. The namespace's name
 * becomes NS. managedFields stay (without their times): the same managers must own the same fields.
 */
async function live(ns: string, objects: string[] = APP_OBJECTS): Promise<unknown[]> {
  // One object comes back as itself, several as a List.
  const got = JSON.parse(await kubectlOK(['get', ...objects, '-n', ns, '-o', 'json'])) as LiveObject | {items: LiveObject[]}
  const items = 'items' in got ? got.items : [got]
  return items.map((item) => {
    const {uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, generation: _gen, selfLink: _sl, ...metadata} = item.metadata
    const annotations = {...item.metadata.annotations}
    delete annotations['deployment.kubernetes.io/revision']
    metadata.annotations = annotations
    metadata.managedFields = item.metadata.managedFields?.filter((m) => m.manager !== 'kube-controller-manager').map(({time: _time, ...m}) => m)
    const spec = item.spec && {...item.spec}
    if (spec) {
      delete spec.clusterIP
      delete spec.clusterIPs
    }
    return JSON.parse(JSON.stringify({...item, metadata, spec, status: undefined}).replaceAll(ns, 'NS'))
  })
}

/** Applies each manifest in turn with both CLIs; after each, the same output and the same objects. */
async function cycle(c: Case, steps: Array<{manifest: string; output: string}>, objects: string[] = APP_OBJECTS): Promise<void> {
  for (const [i, step] of steps.entries()) {
    const file = manifestFile(`${c}/step-${i}.yaml`, step.manifest)
    const {ours, theirs} = await applyBoth(c, ['-f', file])
    expectSame(ours, theirs)
    expect(ours.stdout).toBe(step.output)
    expect(await live(oursNS(c), objects)).toEqual(await live(theirsNS(c), objects))
  }
}

describe('client-side apply, differential with kubectl', () => {
  it('created, unchanged, configured (and a change only to the ConfigMap)', async () => {
    await cycle('cycle', [
      {manifest: app(), output: 'deployment.apps/web created\nservice/web created\nconfigmap/cfg created\n'},
      {manifest: app(), output: 'deployment.apps/web unchanged\nservice/web unchanged\nconfigmap/cfg unchanged\n'},
      {manifest: app({replicas: 2, image: 'nginx:1.25'}), output: 'deployment.apps/web configured\nservice/web unchanged\nconfigmap/cfg unchanged\n'},
      {manifest: app({replicas: 2, image: 'nginx:1.25', data: {b: '2'}}), output: 'deployment.apps/web unchanged\nservice/web unchanged\nconfigmap/cfg configured\n'},
    ])
  })

  it('list elements removed: a container, an env var, a Service port', async () => {
    await cycle('lists', [
      {manifest: app(), output: 'deployment.apps/web created\nservice/web created\nconfigmap/cfg created\n'},
      {manifest: app({containers: ['a']}), output: 'deployment.apps/web configured\nservice/web unchanged\nconfigmap/cfg unchanged\n'},
      {manifest: app({containers: ['a'], env: ['B']}), output: 'deployment.apps/web configured\nservice/web unchanged\nconfigmap/cfg unchanged\n'},
      {manifest: app({containers: ['a'], env: ['B'], ports: [443]}), output: 'deployment.apps/web unchanged\nservice/web configured\nconfigmap/cfg unchanged\n'},
      {manifest: app({containers: ['b', 'a'], env: [], ports: [8080]}), output: 'deployment.apps/web configured\nservice/web configured\nconfigmap/cfg unchanged\n'},
    ])
    const containers = await kubectlOK(['get', 'deploy/web', '-n', oursNS('lists'), '-o', 'jsonpath={.spec.template.spec.containers[*].name} {.spec.template.spec.containers[*].env}'])
    expect(containers).toBe('b a ')
  })

  it('several objects of one type (ktl reads them with one LIST, kubectl with a GET each): created, configured, unchanged', async () => {
    const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']
    const configMaps = (present: string[], changed: string[]) =>
      present.map((name) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {v: "${changed.includes(name) ? 2 : 1}"}\n`).join('---\n')
    const lines = (words: Record<string, string>) => Object.entries(words).map(([name, word]) => `configmap/${name} ${word}\n`).join('')
    await cycle(
      'many',
      [
        {manifest: configMaps(names.slice(0, 5), []), output: lines({c1: 'created', c2: 'created', c3: 'created', c4: 'created', c5: 'created'})},
        {manifest: configMaps(names, ['c2', 'c4']), output: lines({c1: 'unchanged', c2: 'configured', c3: 'unchanged', c4: 'configured', c5: 'unchanged', c6: 'created', c7: 'created'})},
      ],
      ['configmaps'],
    )
  })
})

describe('--force: an immutable field changed', () => {
  const immutable = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\nimmutable: true\ndata: {k: "${value}"}\n`

  it("without --force, the server's refusal; with it, deleted and created anew: the same output and objects as kubectl", async () => {
    const first = manifestFile('force/one.yaml', immutable('1'))
    const second = manifestFile('force/two.yaml', immutable('2'))
    const created = await applyBoth('force', ['-f', first])
    expectSame(created.ours, created.theirs)
    const refused = await applyBoth('force', ['-f', second])
    expectSame(refused.ours, refused.theirs)
    expect(refused.ours.code).toBe(1)
    expect(refused.ours.stderr).toMatch(/^The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n$/)
    const forced = await applyBoth('force', ['-f', second, '--force'])
    expectSame(forced.ours, forced.theirs)
    expect(forced.ours.stdout).toBe('configmap/frozen configured\n')
    expect(await live(oursNS('force'), ['configmap/frozen'])).toEqual(await live(theirsNS('force'), ['configmap/frozen']))
    expect(await kubectlOK(['get', 'configmap/frozen', '-n', oursNS('force'), '-o', 'jsonpath={.data.k}'])).toBe('2')
  })
})

describe('objects made by create, without the last-applied annotation', () => {
  it("kubectl's warning for each (naming the binary), on a real apply and a server dry run; none on a client dry run", async () => {
    for (const ns of [oursNS('unannotated'), theirsNS('unannotated')]) {
      await kubectlOK(['create', 'configmap', 'cfg', '--from-literal=a=1', '-n', ns])
      await kubectlOK(['create', 'deployment', 'web', '--image=nginx', '-n', ns])
    }
    const file = manifestFile('unannotated/app.yaml', app({containers: ['nginx'], env: [], image: 'nginx:1.25'}).split('---\n').filter((d) => !d.includes('kind: Service')).join('---\n'))
    const binaryNamed = (run: Run) => ({...run, stderr: run.stderr.replaceAll('kubectl apply', 'ktl apply').replaceAll('kubectl create', 'ktl create')})
    const client = await applyBoth('unannotated', ['-f', file, '--dry-run=client'])
    expectSame(client.ours, client.theirs)
    expect(client.ours.stderr).toBe('')
    for (const args of [['-f', file, '--dry-run=server'], ['-f', file]]) {
      const {ours, theirs} = await applyBoth('unannotated', args)
      expectSame(ours, binaryNamed(theirs))
      expect(ours.stderr).toBe(
        ['deployments/web', 'configmaps/cfg']
          .map((o) => `Warning: resource ${o} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by ktl apply. ktl apply should only be used on resources created declaratively by either ktl create --save-config or ktl apply. The missing annotation will be patched automatically.\n`)
          .join(''),
      )
    }
  })
})

describe('interop: kubectl and ktl take turns on the same objects', () => {
  const first = app()
  const second = app({containers: ['a'], env: ['A'], ports: [443], replicas: 3, data: {c: '3'}})

  it.each([
    ['kubectl, then ktl', 'interop-a' as const, TWICE_A, kubectl, ktl],
    ['ktl, then kubectl', 'interop-b' as const, TWICE_B, ktl, kubectl],
  ])('%s: the same objects (and last-applied annotations) as kubectl twice', async (_label, c, twice, firstCLI, secondCLI) => {
    const one = manifestFile(`${c}/one.yaml`, first)
    const two = manifestFile(`${c}/two.yaml`, second)
    await kubectlOK(['apply', '-f', one, '-n', twice])
    const byKubectl = await kubectl(['apply', '-f', two, '-n', twice])
    expect((await firstCLI(['apply', '-f', one, '-n', oursNS(c)])).code).toBe(0)
    const mixed = await secondCLI(['apply', '-f', two, '-n', oursNS(c)])
    expectSame(mixed, byKubectl)
    expect(mixed.stdout).toBe('deployment.apps/web configured\nservice/web configured\nconfigmap/cfg configured\n')
    expect(await live(oursNS(c))).toEqual(await live(twice))
  })
})

describe('server-side apply', () => {
  const c = 'ssa' as const
  const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: owned}\ndata: {key: "${value}", mine: "yes"}\n`

  it('a field another manager owns: kubectl\'s conflict error, then --force-conflicts takes it', async () => {
    await Promise.all([oursNS(c), theirsNS(c)].map((ns) => kubectlOK(['apply', '--server-side', '--field-manager=other', '-f', '-', '-n', ns], {stdin: cm('theirs')})))
    const file = manifestFile('ssa/cm.yaml', cm('mine'))
    const conflict = await applyBoth(c, ['--server-side', '-f', file])
    expectSame(conflict.ours, conflict.theirs)
    expect(conflict.ours.code).toBe(1)
    expect(conflict.ours.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "other": \.data\.key\n/)

    const forced = await applyBoth(c, ['--server-side', '--force-conflicts', '-f', file])
    expectSame(forced.ours, forced.theirs)
    expect(forced.ours.stdout).toBe('configmap/owned serverside-applied\n')
    expect(await live(oursNS(c), ['configmap/owned'])).toEqual(await live(theirsNS(c), ['configmap/owned']))

    const again = await applyBoth(c, ['--server-side', '-f', file, '-o', 'yaml'])
    expect(masked(again.ours.stdout)).toBe(masked(again.theirs.stdout))
    expectSame({...again.ours, stdout: ''}, {...again.theirs, stdout: ''})
  })

  it('the whole app with --server-side, then a changed one', async () => {
    for (const manifest of [app(), app({containers: ['a'], replicas: 2})]) {
      const file = manifestFile('ssa/app.yaml', manifest)
      const {ours, theirs} = await applyBoth(c, ['--server-side', '-f', file])
      expectSame(ours, theirs)
      expect(ours.stdout).toBe('deployment.apps/web serverside-applied\nservice/web serverside-applied\nconfigmap/cfg serverside-applied\n')
      expect(await live(oursNS(c))).toEqual(await live(theirsNS(c)))
    }
  })
})

describe('a CRD, a Namespace and objects of both in one directory (beyond kubectl)', () => {
  it('applies the Namespace and the CRD first and waits until the CRD is Established', async () => {
    // Named so that kubectl, which goes in file order, would send the custom resource first and fail.
    const dir = join(files, 'crd-dir')
    manifestFile('crd-dir/a-sprocket.yaml', `apiVersion: ${CRD_GROUP}/v1\nkind: Sprocket\nmetadata: {name: w1, namespace: ${CRD_NS}}\nspec: {size: 3}\n`)
    manifestFile('crd-dir/b-config.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ${CRD_NS}}\ndata: {a: "1"}\n`)
    manifestFile(
      'crd-dir/c-crd.yaml',
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${CRD_NAME}}
spec:
  group: ${CRD_GROUP}
  scope: Namespaced
  names: {plural: sprockets, singular: sprocket, kind: Sprocket, listKind: SprocketList}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
`,
    )
    manifestFile('crd-dir/d-namespace.yaml', `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${CRD_NS}}\n`)
    const run = await ktl(['apply', '-f', dir])
    expect({stdout: run.stdout, stderr: run.stderr, code: run.code}).toEqual({
      stdout: `customresourcedefinition.apiextensions.k8s.io/${CRD_NAME} created\nnamespace/${CRD_NS} created\nconfigmap/cfg created\nsprocket.${CRD_GROUP}/w1 created\n`,
      stderr: '',
      code: 0,
    })
    expect(await kubectlOK(['get', `sprockets.${CRD_GROUP}/w1`, 'configmap/cfg', '-n', CRD_NS, '-o', 'name'])).toBe(`sprocket.${CRD_GROUP}/w1\nconfigmap/cfg\n`)
    expect(await kubectlOK(['get', `sprockets.${CRD_GROUP}/w1`, '-n', CRD_NS, '-o', 'jsonpath={.spec.size}'])).toBe('3')

    // Applied again, with everything in place kubectl follows: the same lines (kubectl's in file order).
    const again = await ktl(['apply', '-f', dir])
    const byKubectl = await kubectl(['apply', '-f', dir])
    const sorted = (r: Run) => ({...r, stdout: r.stdout.split('\n').sort().join('\n')})
    expectSame(sorted(again), sorted(byKubectl))
    expect(again.stdout).toBe(`customresourcedefinition.apiextensions.k8s.io/${CRD_NAME} unchanged\nnamespace/${CRD_NS} unchanged\nconfigmap/cfg unchanged\nsprocket.${CRD_GROUP}/w1 unchanged\n`)
  })
})

describe('one invalid document (beyond kubectl: nothing is sent)', () => {
  it('exits 1 naming file:line:column, and none of the valid documents\' objects exist', async () => {
    const file = manifestFile(
      'bad.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata: {name: first}
data: {a: "1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: three
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: last}
spec: {ports: [{port: 80}]}
`,
    )
    const run = await ktl(['apply', '-f', file, '-n', BAD_NS])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`${file}:10:13`)
    expect(await kubectlOK(['get', 'cm/first', 'deploy/web', 'svc/last', '-n', BAD_NS, '--ignore-not-found', '-o', 'name'])).toBe('')
  })
})

describe('dry runs and output formats, differential with kubectl', () => {
  const c = 'dry' as const

  it.each([
    [['--dry-run=client']],
    [['--dry-run=server']],
    [['--dry-run=client', '-o', 'name']],
    [['--dry-run=server', '-o', 'name']],
    [['--dry-run=client', '-o', 'yaml']],
    [['--dry-run=server', '-o', 'yaml']],
    [['--dry-run=server', '-o', 'json']],
    [['--server-side', '--dry-run=server', '-o', 'yaml']],
  ])('new objects, %j: the same output, and nothing created', async (flags) => {
    const file = manifestFile('dry/app.yaml', app())
    const {ours, theirs} = await applyBoth(c, ['-f', file, ...flags])
    expectSame({...ours, stdout: masked(ours.stdout)}, {...theirs, stdout: masked(theirs.stdout)})
    expect(ours.code).toBe(0)
    expect(await kubectlOK(['get', ...APP_OBJECTS, '-n', oursNS(c), '--ignore-not-found', '-o', 'name'])).toBe('')
  })

  // Written once: a file rewritten while the other CLI reads it reads as empty.
  const baseFile = manifestFile('dry/base.yaml', app())
  const changedFile = manifestFile('dry/changed.yaml', app({containers: ['a'], env: ['B'], ports: [443], data: {z: '9'}}))

  it.each([
    [['--dry-run=client']],
    [['--dry-run=server']],
    [['--dry-run=server', '-o', 'yaml']],
    [['-o', 'name']],
    [['-o', 'json']],
  ])('existing objects changed, %j: the same output', async (flags) => {
    await Promise.all([oursNS(c), theirsNS(c)].map((ns) => kubectlOK(['apply', '-f', baseFile, '-n', ns])))
    const {ours, theirs} = await applyBoth(c, ['-f', changedFile, ...flags])
    expectSame({...ours, stdout: masked(ours.stdout)}, {...theirs, stdout: masked(theirs.stdout)})
    expect(ours.code).toBe(0)
    expect(await live(oursNS(c))).toEqual(await live(theirsNS(c)))
    // Back to the base for the next case (-o name and -o json changed them for real).
    await Promise.all([oursNS(c), theirsNS(c)].map((ns) => kubectlOK(['apply', '-f', baseFile, '-n', ns])))
  })

  it('existing objects changed, --dry-run=client -o json: the objects as the apply leaves them (kubectl 1.32 prints them unchanged)', async () => {
    await kubectlOK(['apply', '-f', baseFile, '-n', oursNS(c)])
    const ours = await ktl(['apply', '-f', changedFile, '--dry-run=client', '-o', 'json', '-n', oursNS(c)])
    const byServer = await kubectlOK(['apply', '-f', changedFile, '--dry-run=server', '-o', 'json', '-n', oursNS(c)])
    // What only the server and its controllers make (status, generation, versions) is left out.
    const applied = (json: string) =>
      (JSON.parse(withoutControllerFields(json)) as {items: LiveObject[]}).items.map(({metadata: {generation: _g, resourceVersion: _rv, managedFields: _mf, ...metadata}, ...rest}) => ({...rest, metadata}))
    expect({stderr: ours.stderr, code: ours.code}).toEqual({stderr: '', code: 0})
    expect(applied(ours.stdout)).toEqual(applied(byServer))
    expect(ours.stdout).toContain('"name": "B"')
    expect(ours.stdout).not.toContain('"name": "p80"')
    expect(await live(oursNS(c))).toEqual(await live(theirsNS(c)))
  })
})
