// Differential: `-o go-template` (and template, the -file forms and --template) prints what kubectl
// 1.32 prints against the same objects: output, the debugging dump of a failed template, error lines
// and exit codes, for get (one object, lists, -A, missing keys, errors) and the verbs that print the
// objects they change.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bothCLIs, kubectl, kubectlOK} from './helpers.js'

const NS = 'ktl-gotpl-e2e'
const LABEL = 'ktl-gotpl-e2e=yes'

const fixtures = `
apiVersion: v1
kind: Namespace
metadata: {name: ${NS}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app, namespace: ${NS}, labels: {ktl-gotpl-e2e: "yes", tier: web}, annotations: {note: "<b>&</b>"}}
data: {a: "1", b: "two", empty: ""}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: zeta, namespace: ${NS}, labels: {ktl-gotpl-e2e: "yes"}}
data: {only: "one"}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: ${NS}}
stringData: {password: hunter2, multi: "line 1\\nline 2"}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${NS}}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: 8443}]
`

// Template files and manifests the cases name.
const dir = mkdtempSync(join(tmpdir(), 'ktl-gotpl-e2e-'))
const file = (name: string) => join(dir, name)
writeFileSync(file('names.tmpl'), '{{range .items}}{{.metadata.name}}\n{{end}}')
writeFileSync(file('bad.tmpl'), 'line 1\n{{if}}\n')
writeFileSync(file('two.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one, namespace: ${NS}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, namespace: ${NS}}\n`)

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `namespace/${NS}`, '--timeout=120s'])
  await kubectlOK(['apply', '-f', '-'], {stdin: fixtures})
}, 180_000)

afterAll(async () => {
  rmSync(dir, {recursive: true, force: true})
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
})

const get = (...args: string[]) => ['get', ...args, '-n', NS]

const cases: string[][] = [
  // one object, printed fields and whole maps
  get('cm', 'app', '-o', 'go-template={{.metadata.name}} {{.data}} {{.metadata.labels}} {{.metadata.annotations.note}}{{"\\n"}}'),
  get('cm', 'app', '-o', 'go-template={{range $k, $v := .data}}{{$k}}={{printf "%q" $v}};{{end}}'),
  get('cm', 'app', '-o', 'go-template={{.nope}} {{.data.nope}} {{index .data "a"}}'),
  get('svc', 'web', '-o', 'go-template={{range .spec.ports}}{{.name}} {{.port}} {{printf "%T %d %v" .port .targetPort .}}{{"\\n"}}{{end}}'),
  get('secret', 'creds', '-o', 'go-template={{.data.password | base64decode}}|{{base64decode .data.multi}}|{{exists . "data" "password"}}'),
  // lists: kubectl gives the template one List of everything
  get('cm', '-o', 'go-template={{.kind}} {{len .items}}{{range .items}} {{.metadata.name}}{{end}}'),
  get('cm,secret,svc', '-o', 'go-template={{range .items}}{{.kind}}/{{.metadata.name}}{{"\\n"}}{{end}}'),
  get('cm', 'app', 'zeta', '-o', 'go-template={{range .items}}{{if eq .metadata.name "app"}}first{{else}}{{.metadata.name}}{{end}} {{end}}'),
  ['get', 'cm', '-A', '-l', LABEL, '-o', 'go-template={{range .items}}{{.metadata.namespace}}/{{.metadata.name}}{{"\\n"}}{{end}}'],
  get('cm', '-l', 'nothing=here', '-o', 'go-template={{range .items}}x{{else}}none{{end}} {{.}}'),
  // the template's sources: -o template, the -file forms, --template
  get('cm', 'app', '-o', 'template={{.kind}}'),
  get('cm', '--template={{range .items}}{{.metadata.name}} {{end}}'),
  get('cm', '-o', 'go-template', '--template={{len .items}}'),
  get('cm', '-o', 'jsonpath', '--template={.items[*].metadata.name}'),
  get('cm', '-o', `go-template-file=${file('names.tmpl')}`),
  get('cm', '-o', 'templatefile', `--template=${file('names.tmpl')}`),
  // missing keys and failures
  get('cm', 'app', '-o', 'go-template={{.metadata.name}} {{.spec.replicas}}', '--allow-missing-template-keys=false'),
  get('cm', '-o', 'go-template={{range .items}}{{.data.a}} {{end}}', '--allow-missing-template-keys=false'),
  get('cm', 'app', '-o', 'go-template={{eq .data.a 1}}'),
  get('cm', 'app', '-o', 'go-template={{if .data}}{{upper .data.a}}{{end}}'),
  get('cm', 'app', '-o', 'go-template={{.metadata.name'),
  get('cm', '-o', `go-template-file=${file('bad.tmpl')}`),
  get('cm', 'app', '-o', 'go-template-file=/nonexistent/x.tmpl'),
  get('cm', 'app', '-o', 'go-template'),
  get('cm', 'app', '-o', 'go-template={{.kind}}', '--template={{.kind}}'),
  get('cm', 'nope', '-o', 'go-template={{'),
  get('cm', 'app', 'nope', 'zeta', '-o', 'go-template={{range .items}}{{.metadata.name}} {{end}}'),
  get('cm', 'app', 'nope', '-o', 'go-template={{.nope.x}}', '--allow-missing-template-keys=false'),
  get('cm', 'app', '-o', 'go-templates={{.kind}}'),
]

describe('get -o go-template', () => {
  it.each(cases.map((args) => ({args, label: args.join(' ')})))('$label', async ({args}) => {
    const {ours, theirs} = await bothCLIs(args)
    expect(ours).toEqual(theirs)
  })
})

describe('get -o go-template, exactly', () => {
  it('runs the template over kubectl\'s List when several objects are asked for', async () => {
    const {ours} = await bothCLIs(get('cm', 'app', 'zeta', '-o', 'go-template={{.kind}}:{{range .items}} {{.metadata.name}}={{len .data}}{{end}}'))
    expect(ours).toEqual({stdout: 'List: app=3 zeta=1', stderr: '', code: 0})
  })

  it('reports a missing key with Go\'s text when missing keys are errors', async () => {
    const {ours} = await bothCLIs(get('cm', 'zeta', '-o', 'go-template={{.data.only}} {{.data.nope}}', '--allow-missing-template-keys=false'))
    expect(ours.stdout.startsWith('one Error executing template: template: output:1:22: executing "output" at <.data.nope>: map has no entry for key "nope".')).toBe(true)
    expect(ours.stderr).toBe(
      'error: error executing template "{{.data.only}} {{.data.nope}}": template: output:1:22: executing "output" at <.data.nope>: map has no entry for key "nope"\n',
    )
    expect(ours.code).toBe(1)
  })
})

describe('the verbs that print what they change', () => {
  const verbs: string[][] = [
    ['create', 'configmap', 'made', '--from-literal=k=v', '--dry-run=client', '-o', 'go-template={{.metadata.name}} {{.data}} {{.metadata.creationTimestamp}}'],
    ['create', 'configmap', 'made', '--dry-run=client', '--template={{.kind}}/{{.metadata.name}}'],
    ['create', 'configmap', 'made', '--dry-run=client', '-o', 'go-template={{.metadata}} {{.nope.x}}', '--allow-missing-template-keys=false'],
    ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--dry-run=client', '-o', 'go-template={{.spec.replicas}} {{printf "%T" .spec.replicas}} {{range .spec.template.spec.containers}}{{.image}}{{end}}'],
    ['create', 'configmap', 'made', '--dry-run=client', '-o', 'go-template={{'],
    ['create', 'configmap', 'made', '--dry-run=client', '-o', 'wide'],
    ['label', 'cm', 'app', 'extra=1', '--dry-run=client', '-o', 'go-template={{.metadata.labels}}'],
    ['annotate', 'cm', 'app', 'extra=1', '--dry-run=client', '--template={{index .metadata.annotations "extra"}}'],
    ['patch', 'cm', 'app', '-p', '{"data":{"c":"3"}}', '--dry-run=client', '-o', 'go-template={{len .data}} {{.data.c}}'],
    ['apply', '-f', '@two.yaml', '--dry-run=client', '-o', 'go-template={{.kind}}{{range .items}} {{.metadata.name}}{{end}}'],
    ['apply', '-f', '@two.yaml', '--dry-run=client', '--template={{.metadata.name}};'],
    ['apply', '-f', '@two.yaml', '--dry-run=client', '-o', 'go-template={{.nope.x}}', '--allow-missing-template-keys=false'],
    ['wait', 'cm/app', '--for=jsonpath={.data.a}=1', '-o', 'go-template={{.metadata.name}} {{.data.b}}'],
  ]
  it.each(verbs.map((args) => ({args: [...args.map((a) => a.replace('@two.yaml', file('two.yaml'))), '-n', NS], label: args.join(' ')})))('$label', async ({args}) => {
    const {ours, theirs} = await bothCLIs(args)
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll("'kubectl ", "'ktl ")})
  })
})
