// Differential: `ktl describe` and kubectl 1.32's against the same real API server, for workloads
// this file creates in its own namespace. Whole outputs are compared; only the Age column of Events
// tables is normalised, since the two runs happen moments apart.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run} from './helpers.js'

const NS = `describe-a-e2e-${Date.now().toString(36)}`
const LABELS = {e2e: 'describe-a'}
const pause = 'registry.k8s.io/pause:3.9'

const objects = [
  {apiVersion: 'v1', kind: 'Namespace', metadata: {name: NS}},
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: NS, labels: {...LABELS, app: 'web'}, annotations: {note: 'hello'}},
    spec: {
      replicas: 2,
      selector: {matchLabels: {app: 'web'}},
      template: {
        metadata: {labels: {app: 'web'}},
        spec: {
          nodeName: 'ktl-node',
          tolerations: [{key: 'b', operator: 'Exists'}, {key: 'a', operator: 'Equal', value: 'x', effect: 'NoSchedule'}],
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.25',
              ports: [{containerPort: 80}, {containerPort: 443}],
              env: [{name: 'A', value: '1'}, {name: 'POD', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}],
              resources: {limits: {cpu: '500m', memory: '128Mi'}, requests: {cpu: '100m'}},
              readinessProbe: {httpGet: {path: '/healthz', port: 80}},
              volumeMounts: [{name: 'data', mountPath: '/data'}],
            },
          ],
          volumes: [{name: 'data', emptyDir: {}}],
        },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'solo', namespace: NS, labels: LABELS},
    spec: {nodeName: 'ktl-node', containers: [{name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], livenessProbe: {exec: {command: ['true']}}}]},
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {name: 'db', namespace: NS, labels: LABELS},
    spec: {
      serviceName: 'db',
      replicas: 1,
      selector: {matchLabels: {app: 'db'}},
      template: {metadata: {labels: {app: 'db'}}, spec: {nodeName: 'ktl-node', containers: [{name: 'db', image: pause}]}},
      volumeClaimTemplates: [{metadata: {name: 'data'}, spec: {accessModes: ['ReadWriteOnce'], resources: {requests: {storage: '1Gi'}}}}],
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {name: 'agent', namespace: NS, labels: LABELS},
    spec: {
      selector: {matchLabels: {app: 'agent'}},
      template: {metadata: {labels: {app: 'agent'}}, spec: {tolerations: [{operator: 'Exists'}], containers: [{name: 'a', image: pause}]}},
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name: 'once', namespace: NS, labels: LABELS},
    spec: {
      backoffLimit: 1,
      template: {spec: {nodeName: 'ktl-node', restartPolicy: 'Never', containers: [{name: 't', image: 'busybox:1.36', command: ['echo', 'hi']}]}},
    },
  },
  {
    apiVersion: 'batch/v1beta1',
    kind: 'CronJob',
    metadata: {name: 'tick', namespace: NS, labels: LABELS},
    spec: {
      schedule: '*/5 * * * *',
      suspend: true,
      jobTemplate: {spec: {template: {spec: {restartPolicy: 'OnFailure', containers: [{name: 't', image: 'busybox:1.36', args: ['date']}]}}}},
    },
  },
  {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {name: 'lock', namespace: NS, labels: LABELS},
    spec: {holderIdentity: 'web-0', leaseDurationSeconds: 15, leaseTransitions: 2},
  },
]

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Events ages differ between two runs moments apart: they become AGE, cells rejoined with single tabs. */
function normaliseEventAges(text: string): string {
  let inEvents = false
  return text
    .split('\n')
    .map((line) => {
      if (line === 'Events:') inEvents = true
      else if (!line.startsWith('  ')) inEvents = false
      if (!inEvents || line.startsWith('  Type') || line.startsWith('  ----') || !line.startsWith('  ')) return line
      const cells = line.trim().split(/ {2,}/)
      cells[2] = 'AGE'
      return `  ${cells.join('\t')}`
    })
    .join('\n')
}

/** ktl between two kubectl runs; equal to either, ages aside (a controller may act in between). */
async function compare(args: string[]): Promise<{theirs: Run; ours: Run}> {
  const before = await kubectl(['-n', NS, ...args])
  const ours = await ktl(['-n', NS, ...args])
  const after = await kubectl(['-n', NS, ...args])
  const same = (r: Run) => normaliseEventAges(r.stdout) === normaliseEventAges(ours.stdout) && r.stderr === ours.stderr && r.code === ours.code
  const theirs = same(after) ? after : before
  return {theirs, ours}
}

beforeAll(async () => {
  const applied = await kubectl(['apply', '-f', '-'], {stdin: objects.map((o) => JSON.stringify(o)).join('\n')})
  expect(applied.stderr).toBe('')
  // Until every workload has rolled out (the stand-in kubelet starts their pods) its controller keeps
  // rewriting the status, replica counts, conditions and events describe prints.
  for (const workload of ['deploy/web', 'ds/agent', 'sts/db']) await kubectlOK(['rollout', 'status', workload, '-n', NS, '--timeout=120s'])
  await kubectlOK(['wait', '--for=condition=complete', 'job/once', '-n', NS, '--timeout=120s'])
  // Let the controllers finish writing status and events.
  await sleep(3000)
})

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
})

describe('ktl describe matches kubectl for workloads', () => {
  it.each([
    [['describe', 'deployment', 'web']],
    [['describe', 'deploy', 'web', '--show-events=false']],
    [['describe', 'rs', '-l', 'app=web', '--chunk-size=1']],
    [['describe', 'pods', '-l', 'app=web']],
    [['describe', 'pods', 'web']],
    [['describe', 'pod', 'solo']],
    [['describe', 'statefulset', 'db']],
    [['describe', 'ds', 'agent']],
    [['describe', 'job', 'once']],
    [['describe', 'lease', 'lock']],
    [['describe', 'deploy,ds,sts', '-l', 'e2e=describe-a']],
    [['describe', 'pod/solo']],
  ])('%j', async (args) => {
    const {theirs, ours} = await compare(args)
    expect(theirs.code).toBe(0)
    expect(normaliseEventAges(ours.stdout)).toBe(normaliseEventAges(theirs.stdout))
    expect(ours.stderr).toBe(theirs.stderr)
    expect(ours.code).toBe(0)
  })

  it.each([
    [['describe', 'deploy', 'nosuch']],
    [['describe', 'job', 'once', 'nosuch']],
    [['describe', 'jobs', '-l', 'nosuch=1']],
    [['describe', 'pods', 'solo', '-l', 'app=web']],
    [['describe', 'pods,deploy', 'web']],
    [['describe']],
  ])('errors and empty results: %j', async (args) => {
    const {theirs, ours} = await compare(args)
    expect(normaliseEventAges(ours.stdout)).toBe(normaliseEventAges(theirs.stdout))
    expect(ours.stderr).toBe(theirs.stderr.replaceAll('kubectl api-resources', 'ktl api-resources'))
    expect(ours.code).toBe(theirs.code)
  })

  it('describes a batch/v1beta1 CronJob, which kubectl 1.32 cannot read from this server', async () => {
    const theirs = await kubectl(['-n', NS, 'describe', 'cronjob', 'tick'])
    expect(theirs).toMatchObject({code: 1, stderr: 'Error from server (NotFound): the server could not find the requested resource\n'})
    const ours = await ktl(['-n', NS, 'describe', 'cronjob', 'tick'])
    expect(ours.code).toBe(0)
    expect(ours.stdout.split('\n').slice(0, 6)).toEqual([
      'Name:                          tick',
      `Namespace:                     ${NS}`,
      'Labels:                        e2e=describe-a',
      'Annotations:                   <none>',
      'Schedule:                      */5 * * * *',
      'Concurrency Policy:            Allow',
    ])
    expect(ours.stdout).toContain('\nSuspend:                       True\n')
  })
})
