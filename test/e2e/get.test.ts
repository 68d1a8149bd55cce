// Differential: `ktl get` and kubectl 1.32 on the same objects print the same bytes.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bothCLIs, kubectl, kubectlOK, sameOutput} from './helpers.js'

const NS = 'ktl-get-e2e'

const fixtures = `
apiVersion: v1
kind: Namespace
metadata: {name: ${NS}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${NS}, labels: {app: web, tier: frontend}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: frontend}}
    spec:
      containers: [{name: nginx, image: nginx:1.25, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${NS}, labels: {app: web}}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: headless, namespace: ${NS}}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: ${NS}, labels: {app: web, tier: backend, size: large}}
data: {a: "1", b: "2", c: "3"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: zeta, namespace: ${NS}, labels: {tier: backend, size: small}}
data: {only: "one"}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: ${NS}}
stringData: {password: hunter2}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: ${NS}}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox, command: [sh, -c, "true"]}]
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.ktl.example.com}
spec:
  group: ktl.example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wdg]}
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Color, type: string, jsonPath: .spec.color, priority: 1}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
              color: {type: string}
`

const widgets = `
apiVersion: ktl.example.com/v1
kind: Widget
metadata: {name: big, namespace: ${NS}, labels: {app: web}}
spec: {size: 10, color: red}
---
apiVersion: ktl.example.com/v1
kind: Widget
metadata: {name: small, namespace: ${NS}}
spec: {size: 2, color: blue}
`

beforeAll(async () => {
  await kubectlOK(['apply', '-f', '-'], {stdin: fixtures})
  await kubectlOK(['wait', '--for=condition=Established', 'crd/widgets.ktl.example.com', '--timeout=60s'])
  await kubectlOK(['apply', '-f', '-'], {stdin: widgets})
  await kubectlOK(['rollout', 'status', `deploy/web`, '-n', NS, '--timeout=60s'])
  await kubectlOK(['wait', '--for=condition=complete', 'job/once', '-n', NS, '--timeout=60s'])
}, 120_000)

// Manifests for -f: a directory with a subdirectory, a file naming a missing object and an unknown kind.
const files = mkdtempSync(join(tmpdir(), 'ktl-get-f-'))
const manifests: Record<string, string> = {
  'one.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${NS}}\n`,
  'dir/cms.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: zeta, namespace: ${NS}, labels: {tier: backend}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config, namespace: ${NS}}\n`,
  'dir/sub/svc.json': JSON.stringify({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: NS}}),
  'mixed.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone, namespace: ${NS}}\n---\napiVersion: nope.example.com/v1\nkind: Nope\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: headless, namespace: ${NS}}\n`,
  'elsewhere.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
}
for (const [name, text] of Object.entries(manifests)) {
  mkdirSync(join(files, name, '..'), {recursive: true})
  writeFileSync(join(files, name), text)
}
const f = (name: string) => join(files, name)

afterAll(async () => {
  rmSync(files, {recursive: true, force: true})
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
  await kubectl(['delete', 'crd', 'widgets.ktl.example.com', '--wait=false'])
})

const cases: string[][] = [
  ['get', 'deploy,rs,pods,svc', '-n', NS],
  ['get', 'all', '-n', NS],
  ['get', 'all', '-n', NS, '-o', 'wide'],
  ['get', 'pods', '-n', NS, '-o', 'wide'],
  ['get', 'po,svc,cm', '-n', NS, '--show-kind'],
  ['get', 'cm', '-n', NS, '--show-labels'],
  ['get', 'cm', '-n', NS, '-L', 'tier,size', '-L', 'app'],
  ['get', 'cm', '-n', NS, '-l', 'tier=backend'],
  ['get', 'cm', '-n', NS, '-l', 'tier in (backend),size!=small'],
  ['get', 'cm', '-n', NS, '-l', '!app'],
  ['get', 'cm', '-n', NS, '--field-selector', 'metadata.name=zeta'],
  ['get', 'cm', '-n', NS, '--no-headers'],
  ['get', 'deploy', 'web', '-n', NS],
  ['get', 'deploy/web', 'svc/web', 'cm/zeta', '-n', NS],
  ['get', 'svc', 'web', 'nope', 'headless', '-n', NS],
  ['get', 'svc', 'nope', '-n', NS, '--ignore-not-found'],
  ['get', 'cm', '-n', NS, '--sort-by', '.metadata.name', '-o', 'name'],
  ['get', 'cm,svc', '-n', NS, '--sort-by', '{.metadata.name}'],
  ['get', 'cm', '-n', NS, '--chunk-size', '1'],
  ['get', 'cm', '-n', NS, '-o', 'json'],
  ['get', 'cm', 'zeta', '-n', NS, '-o', 'yaml'],
  ['get', 'cm', 'zeta', '-n', NS, '-o', 'yaml', '--show-managed-fields'],
  ['get', 'deploy,svc', '-n', NS, '-o', 'yaml'],
  ['get', 'cm,svc', '-n', NS, '-o', 'name'],
  ['get', 'pods', '-n', NS, '-o', 'jsonpath={range .items[*]}{.metadata.labels.app}{"\\t"}{.status.phase}{"\\n"}{end}'],
  ['get', 'svc', '-n', NS, '-o', 'custom-columns=NAME:.metadata.name,IP:.spec.clusterIP,PORTS:.spec.ports[*].port'],
  ['get', 'widgets', '-n', NS],
  ['get', 'wdg', '-n', NS, '-o', 'wide'],
  ['get', 'widget.ktl.example.com', 'big', '-n', NS, '-o', 'json'],
  ['get', 'crd', 'widgets.ktl.example.com'],
  ['get', 'cm', '-A', '-l', 'tier'],
  ['get', 'ns', NS, 'default'],
  // pflag: a flag given twice takes its last value.
  ['get', 'ns', NS, '-o', 'name', '-o', 'json'],
  ['-n', 'default', 'get', 'cm', '-n', NS, '-l', 'tier'],
  ['get', 'nodes'],
  ['get', 'secrets', '-n', NS, '--field-selector', 'type=Opaque'],
  ['get', 'jobs', '-n', NS, '-o', 'wide'],
  ['get', 'cm', '-n', 'ktl-get-e2e-empty'],
  ['get', 'pv'],
  ['get', 'cm', '-n', NS, '-o', 'jsonpath={.items[0].metadata.name}'],
  ['get', '--raw', '/version'],
  ['get', 'flurbs'],
  ['get', 'cm', 'zeta', '-A'],
  ['get', '-f', f('one.yaml')],
  ['get', '-f', f('one.yaml'), '-o', 'yaml'],
  ['get', '-f', f('dir')],
  ['get', '-f', f('dir'), '-R', '-o', 'wide'],
  ['get', '-f', f('dir'), '-R', '-o', 'name'],
  ['get', '-f', f('dir'), '-o', 'json'],
  ['get', '-f', f('dir'), '-l', 'tier=backend', '-o', 'name'],
  ['get', '-f', f('dir'), '-l', 'nothing=here'],
  ['get', '-f', f('mixed.yaml')],
  ['get', '-f', f('mixed.yaml'), '-o', 'name'],
  ['get', '-f', f('one.yaml'), '-f', f('mixed.yaml'), '-o', 'name'],
  ['get', '-f', f('elsewhere.yaml'), '-n', 'ktl-get-e2e-missing'],
  ['get', 'cm', 'x', '-n', 'ktl-get-e2e-missing'],
  ['get', '-f', f('one.yaml'), 'pods'],
  ['get', '-f', f('absent.yaml')],
  ['describe', '-f', f('mixed.yaml')],
  ['describe', '-f', f('one.yaml'), 'pods'],
]

describe('ktl get matches kubectl', () => {
  it.each(cases.map((args) => ({args, label: args.join(' ')})))('$label', async ({args}) => {
    const {ours, theirs} = await bothCLIs(args)
    if (!sameOutput(ours.stdout, theirs.stdout)) expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stderr).toBe(theirs.stderr)
    expect(ours.code).toBe(theirs.code)
  })

  it('lists kubectl\'s output formats when -o is unknown', async () => {
    const {ours, theirs} = await bothCLIs(['get', 'pods', '-o', 'yamll'])
    expect(theirs.stderr).toContain('go-template,go-template-file')
    expect(ours).toEqual(theirs)
  })

  it('with -f and -l prints the table rows whose live labels match (kubectl prints none)', async () => {
    const {ours, theirs} = await bothCLIs(['get', '-f', f('dir'), '-l', 'tier=backend'])
    expect(theirs.stdout).toBe('')
    // Any age (5s, 2m3s, 1h): a slow run reaches the objects' second minute.
    expect(ours.stdout.replace(/\d+[smhdy](\d+[smh])?$/gm, 'AGE')).toBe('NAME         DATA   AGE\nzeta         1      AGE\napp-config   3      AGE\n')
    expect(ours.code).toBe(0)
  })

  it('colours status words when told stdout is a terminal, keeping kubectl\'s layout', async () => {
    const {ours, theirs} = await bothCLIs(['get', 'pods', '-n', NS], {env: {FORCE_COLOR: '1'}})
    expect(ours.stdout).toContain('\u001B[32mRunning\u001B[39m')
    expect(ours.stdout).toContain('\u001B[32mCompleted\u001B[39m')
    expect(sameOutput(ours.stdout.replace(/\u001B\[\d+m/g, ''), theirs.stdout)).toBe(true)
  })

  it('prints plain text when NO_COLOR is set, even with FORCE_COLOR', async () => {
    const {ours, theirs} = await bothCLIs(['get', 'pods', '-n', NS], {env: {FORCE_COLOR: '1', NO_COLOR: '1'}})
    expect(ours.stdout).not.toContain('\u001B')
    expect(sameOutput(ours.stdout, theirs.stdout)).toBe(true)
  })

  it('is Forbidden for a read-only user the way kubectl says it', async () => {
    const {ours, theirs} = await bothCLIs(['get', 'secrets', '-n', NS], {user: 'readonly'})
    expect(theirs.stderr).toContain('Error from server (Forbidden)')
    expect(ours).toEqual(theirs)
  })
})
