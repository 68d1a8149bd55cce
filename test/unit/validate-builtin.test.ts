// Built-in kinds against the bundled Kubernetes 1.36 schemas: a corpus of valid manifests passes, and
// each kind of defect is reported on one line with its file, line, column and field path.
import {PassThrough, Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {collectManifests} from '../../src/lib/manifests/reader.js'
import {formatProblem, validateDocuments} from '../../src/lib/validate/validate.js'

const FIXTURES = 'test/fixtures/validate'

async function problems(filenames: string[], opts: Parameters<typeof validateDocuments>[1] = {}): Promise<string[]> {
  const {documents, errors} = await collectManifests({filenames, recursive: false, stdin: new PassThrough()})
  expect(errors.map((e) => e.message)).toEqual([])
  return (await validateDocuments(documents, opts)).map(formatProblem)
}

async function stdinProblems(yaml: string): Promise<string[]> {
  const {documents} = await collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([yaml])})
  return (await validateDocuments(documents)).map(formatProblem)
}

describe('built-in kinds', () => {
  it('accept valid manifests of every common kind', async () => {
    const {documents} = await collectManifests({filenames: [`${FIXTURES}/valid`], recursive: false, stdin: new PassThrough()})
    expect(documents.map((d) => d.object.kind)).toEqual([
      'Namespace', 'ConfigMap', 'Secret', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole',
      'Service', 'Service', 'Service', 'Service', 'Service', 'Ingress',
      'PersistentVolume', 'PersistentVolumeClaim',
      'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler',
    ])
    expect((await validateDocuments(documents)).map(formatProblem)).toEqual([])
  })

  it('report unknown fields, wrong types and values outside an enum', async () => {
    expect(await problems([`${FIXTURES}/defects/deploy.yaml`])).toEqual([
      'test/fixtures/validate/defects/deploy.yaml:6:13: spec.replicas: must be integer, got string "three"',
      'test/fixtures/validate/defects/deploy.yaml:18:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)',
      'test/fixtures/validate/defects/deploy.yaml:19:26: spec.template.spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent" or "Never", got "Sometimes"',
      'test/fixtures/validate/defects/deploy.yaml:22:21: spec.template.spec.containers[0].ports[0].protocol: must be one of "TCP", "UDP" or "SCTP", got "TCPP"',
      'test/fixtures/validate/defects/deploy.yaml:25:18: spec.template.spec.containers[0].resources.limits.cpu: must be a quantity such as "500m", "2Gi" or 3, got string "lots"',
    ])
  })

  it('report missing required fields and values of the wrong type in maps and int-or-string fields', async () => {
    expect(await problems([`${FIXTURES}/defects/required.yaml`])).toEqual([
      'test/fixtures/validate/defects/required.yaml:5:1: spec: missing required field "selector"',
      'test/fixtures/validate/defects/required.yaml:9:9: spec.template.spec.containers[0]: missing required field "name"',
      'test/fixtures/validate/defects/required.yaml:11:11: spec.template.spec.containers[0].ports[0]: missing required field "containerPort"',
      'test/fixtures/validate/defects/required.yaml:15:1: metadata: missing required field "name" (or "generateName")',
      'test/fixtures/validate/defects/required.yaml:19:9: data.port: must be string, got number 8080',
      'test/fixtures/validate/defects/required.yaml:20:12: data.enabled: must be string, got boolean true',
      'test/fixtures/validate/defects/required.yaml:28:11: spec.ports[0].port: must be integer, got string "80"',
      'test/fixtures/validate/defects/required.yaml:29:17: spec.ports[0].targetPort: must be integer or string, got number 1.5',
    ])
  })

  it('name the replacement of removed APIs and the kind meant by a typo', async () => {
    expect(await problems([`${FIXTURES}/defects/removed.yaml`])).toEqual([
      'test/fixtures/validate/defects/removed.yaml:1:1: apiVersion: extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1',
      'test/fixtures/validate/defects/removed.yaml:6:1: apiVersion: apps/v1beta2 Deployment was removed in Kubernetes 1.16; use apps/v1',
      'test/fixtures/validate/defects/removed.yaml:11:1: apiVersion: policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; use Pod Security Admission',
      'test/fixtures/validate/defects/removed.yaml:17:1: kind: apps/v1 has no kind "Deploymnet" (did you mean "Deployment"?)',
      'test/fixtures/validate/defects/removed.yaml:21:1: apiVersion: Deployment is not served as apps/v2 in Kubernetes 1.36; use apps/v1',
      'test/fixtures/validate/defects/removed.yaml:26:1: apiVersion: batch/v7 is not served by Kubernetes 1.36',
    ])
  })

  it('accept null anywhere and the values kubectl create writes', async () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  creationTimestamp: null',
      '  labels: null',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: i',
      '    resources: {}',
      '    ports: null',
      'status: {}',
      '',
    ].join('\n')
    expect(await stdinProblems(yaml)).toEqual([])
  })

  it('check times, base64 data, int32 ranges, quantities given as numbers and integers beyond 2^53', async () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: s',
      '  creationTimestamp: yesterday',
      'data:',
      '  good: aGVsbG8=',
      '  bad: not base64!',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  deletionGracePeriodSeconds: 9007199254740993',
      'spec:',
      '  terminationGracePeriodSeconds: 1.5',
      '  containers:',
      '  - name: c',
      '    image: i',
      '    ports:',
      '    - containerPort: 4294967296',
      '    resources:',
      '      limits:',
      '        cpu: 0.5',
      '        memory: 1e9',
      '        nvidia.com/gpu: -1',
      '',
    ].join('\n')
    expect(await stdinProblems(yaml)).toEqual([
      'STDIN:5:22: metadata.creationTimestamp: must be an RFC 3339 date and time such as "2006-01-02T15:04:05Z", got string "yesterday"',
      'STDIN:8:8: data.bad: must be base64-encoded data, got string "not base64!"',
      'STDIN:16:34: spec.terminationGracePeriodSeconds: must be integer, got number 1.5',
      'STDIN:21:22: spec.containers[0].ports[0].containerPort: must be <= 2147483647, got 4294967296',
    ])
  })

  it('report every problem of every document, in document order', async () => {
    const lines = await problems([`${FIXTURES}/defects/removed.yaml`, `${FIXTURES}/defects/deploy.yaml`])
    expect(lines.length).toBe(11)
    expect(lines[0]).toMatch(/^test\/fixtures\/validate\/defects\/removed.yaml:1:1: /)
    expect(lines[6]).toMatch(/^test\/fixtures\/validate\/defects\/deploy.yaml:6:13: /)
  })

  it('turn every problem into a warning in warn mode', async () => {
    expect(await problems([`${FIXTURES}/defects/deploy.yaml`], {mode: 'warn'})).toEqual([
      'Warning: test/fixtures/validate/defects/deploy.yaml:6:13: spec.replicas: must be integer, got string "three"',
      'Warning: test/fixtures/validate/defects/deploy.yaml:18:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)',
      'Warning: test/fixtures/validate/defects/deploy.yaml:19:26: spec.template.spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent" or "Never", got "Sometimes"',
      'Warning: test/fixtures/validate/defects/deploy.yaml:22:21: spec.template.spec.containers[0].ports[0].protocol: must be one of "TCP", "UDP" or "SCTP", got "TCPP"',
      'Warning: test/fixtures/validate/defects/deploy.yaml:25:18: spec.template.spec.containers[0].resources.limits.cpu: must be a quantity such as "500m", "2Gi" or 3, got string "lots"',
    ])
  })

  it('skip kinds without a schema silently when the server is to decide', async () => {
    expect(await problems([`${FIXTURES}/defects/removed.yaml`], {missingSchemas: 'skip'})).toEqual([])
  })
})
