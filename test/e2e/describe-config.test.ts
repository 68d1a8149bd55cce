// Differential: `ktl describe` and kubectl 1.32's `describe` print the same bytes for Services,
// Endpoints, Ingresses, ConfigMaps, Secrets, Namespaces, Nodes, PersistentVolumes,
// PersistentVolumeClaims, ServiceAccounts, HorizontalPodAutoscalers and the RBAC kinds (Roles,
// ClusterRoles and their bindings) this file creates. Only ages (of events, and of the pods a node
// lists) are normalised.
// kubectl prints ConfigMap and Secret data and LimitRange resources in Go's random map order, so the
// objects here have one key per map; the recorded unit fixtures cover several.
import {randomBytes} from 'node:crypto'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {kubectl, ktl, type Run} from './helpers.js'

const NS = `describe-b-e2e-${randomBytes(3).toString('hex')}`
const PV = (name: string) => `${NS}-${name}`

async function admin(args: string[], stdin?: string): Promise<Run> {
  const r = await kubectl(args, {stdin})
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`)
  return r
}

const apply = (doc: object) => admin(['apply', '-n', NS, '-f', '-'], JSON.stringify(doc))
const getJSON = async (args: string[]) => JSON.parse((await admin([...args, '-o', 'json'])).stdout)

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

const iso = (msAgo: number) => new Date(Math.floor((Date.now() - msAgo) / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/** A core/v1 Event about `obj`, as a controller would record it. */
function event(obj: {apiVersion: string; kind: string; metadata: {name: string; uid: string}}, suffix: string, fields: Record<string, unknown>): object {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: `${obj.metadata.name}.${obj.kind.toLowerCase()}-${suffix}`, namespace: NS},
    involvedObject: {apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: NS, uid: obj.metadata.uid},
    type: 'Normal',
    count: 1,
    ...fields,
  }
}

const container = {name: 'web', image: 'nginx:1.25', ports: [{name: 'http', containerPort: 80}], resources: {requests: {cpu: '100m', memory: '64Mi'}, limits: {cpu: '250m', memory: '128Mi'}}}

async function createObjects(): Promise<void> {
  await admin(['create', 'namespace', NS])
  await admin(['label', 'namespace', NS, 'team=network', 'env=e2e'])
  await apply({apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'objects'}, spec: {hard: {configmaps: '10', services: '8', 'services.nodeports': '4', persistentvolumeclaims: '4', 'requests.storage': '20Gi'}}})
  await apply({apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'long-running'}, spec: {scopes: ['NotTerminating'], hard: {pods: '6'}}})
  await apply({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: {name: 'limits'},
    spec: {limits: [{type: 'Pod', max: {cpu: '2'}}, {type: 'PersistentVolumeClaim', min: {storage: '1Mi'}, max: {storage: '10Gi'}}]},
  })

  await apply({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {name: PV('data'), labels: {tier: 'db'}, annotations: {purpose: 'e2e'}},
    spec: {
      capacity: {storage: '2Gi'},
      accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: 'manual',
      hostPath: {path: '/data/e2e', type: 'DirectoryOrCreate'},
      claimRef: {namespace: NS, name: 'data'},
    },
  })
  await apply({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {name: PV('local')},
    spec: {
      capacity: {storage: '5Gi'},
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: `${NS}-local`,
      volumeMode: 'Block',
      local: {path: '/mnt/disks/e2e'},
      nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: 'kubernetes.io/hostname', operator: 'In', values: ['ktl-node']}]}]}},
    },
  })
  await apply({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {name: PV('csi')},
    spec: {
      capacity: {storage: '1Gi'},
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      csi: {driver: 'csi.example.com', volumeHandle: 'vol-1', volumeAttributes: {tier: 'gold'}},
      claimRef: {namespace: NS, name: 'reserved'},
    },
  })
  await apply({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {name: 'data', labels: {app: 'db'}},
    spec: {accessModes: ['ReadWriteOnce'], storageClassName: 'manual', volumeName: PV('data'), resources: {requests: {storage: '2Gi'}}},
  })
  await apply({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {name: 'clone'},
    spec: {accessModes: ['ReadWriteOnce'], storageClassName: `${NS}-none`, volumeMode: 'Block', dataSource: {kind: 'PersistentVolumeClaim', name: 'data'}, resources: {requests: {storage: '1Gi'}}},
  })

  for (const name of ['web-1', 'web-2']) await apply({apiVersion: 'v1', kind: 'Pod', metadata: {name, labels: {app: 'web'}}, spec: {containers: [container]}})
  await apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'db-0', labels: {app: 'db'}},
    spec: {containers: [{...container, volumeMounts: [{name: 'data', mountPath: '/data'}]}], volumes: [{name: 'data', persistentVolumeClaim: {claimName: 'data'}}]},
  })

  await apply({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web', labels: {app: 'web'}, annotations: {'example.com/owner': 'web-team', 'example.com/long': 'y'.repeat(150)}},
    spec: {selector: {app: 'web'}, sessionAffinity: 'ClientIP', ports: [{name: 'http', port: 80, targetPort: 'http'}, {name: 'admin', port: 8080, targetPort: 8080}]},
  })
  await apply({apiVersion: 'v1', kind: 'Service', metadata: {name: 'web-np'}, spec: {type: 'NodePort', selector: {app: 'web'}, externalIPs: ['192.0.2.20'], externalTrafficPolicy: 'Local', ports: [{port: 8081, targetPort: 80}]}})
  await apply({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name: 'web-lb'},
    spec: {type: 'LoadBalancer', selector: {app: 'web'}, loadBalancerSourceRanges: ['10.0.0.0/8'], externalTrafficPolicy: 'Local', ports: [{name: 'https', port: 443, targetPort: 'http'}]},
  })
  await admin(['patch', 'service', 'web-lb', '-n', NS, '--subresource', 'status', '--type', 'merge', '-p', JSON.stringify({status: {loadBalancer: {ingress: [{ip: '192.0.2.30'}, {hostname: 'lb.example.com'}]}}})])
  await apply({apiVersion: 'v1', kind: 'Service', metadata: {name: 'ext'}, spec: {type: 'ExternalName', externalName: 'db.example.com'}})
  await apply({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {name: 'manual', labels: {source: 'manual'}},
    subsets: [
      {addresses: [{ip: '10.1.0.1'}, {ip: '10.1.0.2'}], notReadyAddresses: [{ip: '10.1.0.3'}], ports: [{name: 'pg', port: 5432}, {name: 'metrics', port: 9187}]},
      {addresses: [{ip: '10.2.0.1'}], ports: [{port: 53, protocol: 'UDP'}]},
    ],
  })

  await apply({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {name: 'web', annotations: {'nginx.ingress.kubernetes.io/rewrite-target': '/'}},
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: {service: {name: 'web', port: {name: 'http'}}},
      tls: [{hosts: ['a.example.com'], secretName: 'tls'}, {hosts: ['b.example.com']}],
      rules: [
        {host: 'a.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'web', port: {number: 80}}}}]}},
        {http: {paths: [{path: '/assets', pathType: 'Prefix', backend: {resource: {apiGroup: 'storage.example.com', kind: 'Bucket', name: 'assets'}}}]}},
      ],
    },
  })
  await apply({apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: {name: 'fallback'}, spec: {defaultBackend: {service: {name: 'web', port: {number: 80}}}}})

  await apply({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {name: 'settings', labels: {app: 'web'}},
    data: {'app.properties': 'color=blue\nsize=large\n'},
    binaryData: {'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]).toString('base64')},
  })
  await apply({apiVersion: 'v1', kind: 'Secret', metadata: {name: 'credentials', annotations: {'example.com/rotated': 'never'}}, type: 'Opaque', stringData: {password: 's3cr3t'}})
  await apply({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {name: 'builder', labels: {app: 'ci'}},
    secrets: [{name: 'credentials'}, {name: 'missing-mount'}],
    imagePullSecrets: [{name: 'missing-pull'}],
  })

  await apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'api'},
    spec: {replicas: 1, selector: {matchLabels: {app: 'api'}}, template: {metadata: {labels: {app: 'api'}}, spec: {containers: [container]}}},
  })
  await apply({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: {name: 'api', labels: {app: 'api'}},
    spec: {scaleTargetRef: {apiVersion: 'apps/v1', kind: 'Deployment', name: 'api'}, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 60},
  })
  await apply({apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: {name: 'orphan'}, spec: {scaleTargetRef: {apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'none'}, maxReplicas: 2}})

  const svc = await getJSON(['get', 'service', 'web', '-n', NS])
  const cm = await getJSON(['get', 'configmap', 'settings', '-n', NS])
  const ep = await getJSON(['get', 'endpoints', 'manual', '-n', NS])
  const events = [
    event(svc, 'a', {reason: 'Updated', message: 'Updated selector', firstTimestamp: iso(3 * 3_600_000), lastTimestamp: iso(3 * 3_600_000), source: {component: 'service-controller'}}),
    event(svc, 'b', {type: 'Warning', reason: 'SyncFailed', message: 'quota exceeded', count: 3, firstTimestamp: iso(50 * 60_000), lastTimestamp: iso(5 * 60_000), source: {component: 'service-controller'}}),
    event(cm, 'a', {reason: 'Reloaded', message: 'Config reloaded', firstTimestamp: iso(2 * 86_400_000), lastTimestamp: iso(2 * 86_400_000), source: {component: 'config-watcher'}}),
    event(ep, 'a', {type: 'Warning', reason: 'FailedToUpdateEndpoint', message: 'conflict', firstTimestamp: iso(9 * 60_000), lastTimestamp: iso(9 * 60_000), source: {component: 'endpoint-controller'}}),
  ]
  for (const e of events) await admin(['create', '-f', '-'], JSON.stringify(e))

  // Wait for what controllers add, so both CLIs see the same settled objects.
  await waitFor('service account token', async () => (await getJSON(['get', 'serviceaccount', 'builder', '-n', NS])).secrets.length === 3)
  await waitFor('bound claim', async () => (await getJSON(['get', 'pvc', 'data', '-n', NS])).status.phase === 'Bound')
  await waitFor('quota usage', async () => (await getJSON(['get', 'resourcequota', '-n', NS])).items.every((q: {status?: {used?: object}}) => q.status?.used))
  await waitFor('autoscaler events', async () => (await getJSON(['get', 'events', '-n', NS, '--field-selector', 'involvedObject.name=orphan'])).items.length > 0, 120_000)
}

async function deleteObjects(): Promise<void> {
  // Pods bound to the node finish deleting only once its kubelet confirms; do it for it.
  await kubectl(['delete', 'pods', '--all', '-n', NS, '--grace-period=0', '--force'])
  await kubectl(['delete', 'namespace', NS, '--ignore-not-found', '--wait=true', '--timeout=120s'])
  await kubectl(['delete', 'pv', PV('data'), PV('local'), PV('csi'), '--ignore-not-found', '--wait=false'])
}

/** Ages change between the two runs: each Age cell of the events table and of a node's pod table becomes "<age>". */
function normaliseAges(text: string): string {
  const lines = text.split('\n')
  let columns: number[] | undefined
  let ageColumn = -1
  return lines
    .map((line) => {
      const header = /^ {2}(Type\s+Reason\s+Age\s+From\s+Message|Namespace\s+Name\s+CPU Requests.*Age)$/.exec(line)
      if (header) {
        const cells = [...line.matchAll(/\S+(?: \S+)*/g)]
        columns = cells.map((m) => m.index)
        ageColumn = cells.findIndex((m) => m[0] === 'Age')
        return line.replace(/ +/g, ' ')
      }
      if (!columns || !line.startsWith('  ')) {
        columns = undefined
        return line
      }
      if (/^ {2}-+/.test(line)) return line.replace(/ +/g, ' ')
      const cells = columns.map((start, i) => line.slice(start, columns![i + 1]).trim())
      cells[ageColumn] = '<age>'
      return `  ${cells.join(' | ')}`
    })
    .join('\n')
}

/** Both CLIs, one after the other; again (up to three times) if the cluster moved in between. */
async function both(args: string[]): Promise<{ours: Run; theirs: Run}> {
  let last: {ours: Run; theirs: Run} | undefined
  for (let attempt = 0; attempt < 3; attempt++) {
    const theirs = await kubectl(args)
    const ours = await ktl(args)
    last = {ours, theirs}
    if (normaliseAges(ours.stdout) === normaliseAges(theirs.stdout)) break
  }
  return last!
}

const cases: Array<[string, string[]]> = [
  ['service with ports, endpoints and events', ['describe', 'service', 'web', '-n', NS]],
  ['NodePort service', ['describe', 'service', 'web-np', '-n', NS]],
  ['LoadBalancer service', ['describe', 'svc/web-lb', '-n', NS]],
  ['ExternalName service', ['describe', 'service', 'ext', '-n', NS]],
  ['endpoints kept by the controller', ['describe', 'endpoints', 'web', '-n', NS]],
  ['hand-written endpoints', ['describe', 'ep', 'manual', '-n', NS]],
  ['ingress', ['describe', 'ingress', 'web', '-n', NS]],
  ['ingress with only a default backend', ['describe', 'ingress', 'fallback', '-n', NS]],
  ['configmap', ['describe', 'configmap', 'settings', '-n', NS]],
  ['configmap without events', ['describe', 'configmap', 'settings', '-n', NS, '--show-events=false']],
  ['secret', ['describe', 'secret', 'credentials', '-n', NS]],
  ['namespace with quotas and limit ranges', ['describe', 'namespace', NS]],
  ['node', ['describe', 'node', 'ktl-node']],
  ['bound hostPath volume', ['describe', 'pv', PV('data')]],
  ['local volume with node affinity', ['describe', 'pv', PV('local')]],
  ['CSI volume', ['describe', 'persistentvolume', PV('csi')]],
  ['bound claim used by a pod', ['describe', 'pvc', 'data', '-n', NS]],
  ['pending claim with a data source', ['describe', 'pvc', 'clone', '-n', NS]],
  ['service account with missing secrets', ['describe', 'serviceaccount', 'builder', '-n', NS]],
  ['default service account', ['describe', 'sa', 'default', '-n', NS]],
  ['autoscaler', ['describe', 'hpa', 'api', '-n', NS]],
  ['autoscaler without a target', ['describe', 'hpa', 'orphan', '-n', NS]],
  ['every service in the namespace', ['describe', 'services', '-n', NS]],
  ['resource quota', ['describe', 'quota', 'objects', '-n', NS]],
  ['resource quota with a scope', ['describe', 'resourcequota', 'long-running', '-n', NS]],
  ['limit range', ['describe', 'limitrange', 'limits', '-n', NS]],
]

describe('ktl describe matches kubectl for config, network and storage kinds', () => {
  beforeAll(async () => {
    await createObjects()
  })
  afterAll(async () => {
    await deleteObjects()
  })

  it.each(cases)('%s', async (_about, args) => {
    const {ours, theirs} = await both(args)
    expect(theirs.code).toBe(0)
    expect(normaliseAges(ours.stdout)).toBe(normaliseAges(theirs.stdout))
    expect(ours.stderr).toBe(theirs.stderr)
    expect(ours.code).toBe(0)
  })
})

// RBAC describers (rules broken down, merged and sorted as kubectl shows them; bindings' subjects),
// PriorityClass, StorageClass, ReplicationController, NetworkPolicy and PodDisruptionBudget.
describe('ktl describe matches kubectl for RBAC kinds, priority and storage classes', () => {
  const RBAC_NS = `${NS}-rbac`
  const CR = `${NS}-reader`
  const rbac = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: {name: CR, labels: {team: 'a'}, annotations: {note: 'x'}},
        rules: [
          {verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale']},
          {verbs: ['watch', 'get'], apiGroups: [''], resources: ['pods']},
          {verbs: ['update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['b', 'a']},
          {verbs: ['get'], nonResourceURLs: ['/healthz', '/logs/*']},
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: {name: CR},
        roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CR},
        subjects: [
          {kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io'},
          {kind: 'ServiceAccount', name: 'bot', namespace: RBAC_NS},
        ],
      },
      {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: {name: 'empty', namespace: RBAC_NS}, rules: []},
      {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'deny-all', namespace: RBAC_NS, labels: {a: 'b'}}, spec: {podSelector: {}, policyTypes: ['Ingress']}},
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {name: 'mixed', namespace: RBAC_NS},
        spec: {
          podSelector: {matchExpressions: [{key: 'tier', operator: 'In', values: ['web', 'api']}]},
          ingress: [
            {from: [{namespaceSelector: {matchLabels: {team: 'x'}}, podSelector: {matchLabels: {role: 'fe'}}}, {namespaceSelector: {}}], ports: [{port: 'http'}, {port: 443, protocol: 'UDP'}]},
            {},
          ],
          egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16']}}], ports: [{protocol: 'SCTP'}]}, {to: [{podSelector: {}}]}],
          policyTypes: ['Ingress', 'Egress'],
        },
      },
      {apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: {name: 'budget', namespace: RBAC_NS}, spec: {maxUnavailable: '30%', selector: {matchLabels: {app: 'none'}}}},
      {apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: {name: 'unselective', namespace: RBAC_NS}, spec: {minAvailable: 1}},
      // No replicas, so nothing the controllers do changes it between the two runs.
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: {name: 'legacy', namespace: RBAC_NS, labels: {app: 'legacy'}},
        spec: {replicas: 0, selector: {app: 'legacy', tier: 'web'}, template: {metadata: {labels: {app: 'legacy', tier: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}]}}},
      },
      {apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: CR, annotations: {note: 'x'}}, value: 1000, description: 'batch work'},
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {name: CR},
        provisioner: 'example.com/disk',
        parameters: {type: 'ssd'},
        allowVolumeExpansion: true,
        mountOptions: ['ro', 'soft'],
        volumeBindingMode: 'WaitForFirstConsumer',
        allowedTopologies: [{matchLabelExpressions: [{key: 'zone', values: ['a', 'b']}, {key: 'rack', values: ['r1']}]}, {matchLabelExpressions: [{key: 'x', values: ['yy']}]}],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {name: 'readers', namespace: RBAC_NS},
        roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CR},
        subjects: [{kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io'}],
      },
    ],
  }

  beforeAll(async () => {
    await admin(['create', 'namespace', RBAC_NS])
    await admin(['apply', '-f', '-'], JSON.stringify(rbac))
    // The disruption controller writes the budgets' status once; describe them after that.
    for (const pdb of ['budget', 'unselective']) {
      await waitFor(`pdb/${pdb} status`, async () => (await getJSON(['get', 'pdb', pdb, '-n', RBAC_NS])).status?.observedGeneration === 1)
    }
  })
  afterAll(async () => {
    await kubectl(['delete', 'namespace', RBAC_NS, '--wait=false'])
    await kubectl(['delete', 'clusterrole,clusterrolebinding,priorityclass,storageclass', CR, '--ignore-not-found'])
  })

  it.each([
    ['cluster role', ['describe', 'clusterrole', CR]],
    ['cluster role binding', ['describe', 'clusterrolebinding', CR]],
    ['role without rules, and every role of a namespace', ['describe', 'roles', '-n', RBAC_NS]],
    ['role binding to a cluster role', ['describe', 'rolebinding', 'readers', '-n', RBAC_NS]],
    ['a built-in cluster role', ['describe', 'clusterrole', 'view']],
    ['priority class', ['describe', 'priorityclass', CR]],
    ['a built-in priority class', ['describe', 'pc', 'system-node-critical']],
    ['storage class with topologies', ['describe', 'storageclass', CR]],
    ['replication controller', ['describe', 'rc', 'legacy', '-n', RBAC_NS]],
    ['network policies', ['describe', 'networkpolicies', '-n', RBAC_NS]],
    // The controller keeps adding NoPods events while nothing matches: left out.
    ['pod disruption budgets', ['describe', 'pdb', '-n', RBAC_NS, '--show-events=false']],
  ])('%s', async (_about, args) => {
    const [ours, theirs] = await Promise.all([ktl(args), kubectl(args)])
    expect(theirs.code).toBe(0)
    expect(ours).toEqual(theirs)
  })
})
