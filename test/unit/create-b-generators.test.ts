// The objects `ktl create job|cronjob|rolebinding|clusterrolebinding|quota|priorityclass|pdb|ingress|
// clusterrole` build, against the compact JSON of kubectl 1.32's `-o json` for the same flags: the
// same fields in the same (Go struct) order, and kubectl's errors for flags it refuses.
import {describe, expect, test} from 'vitest'
import {buildClusterRole, validateNonResourceURLs} from '../../src/lib/create/cluster-role.js'
import {buildCronJob} from '../../src/lib/create/cronjob.js'
import {buildIngress, type IngressOptions, validateIngress} from '../../src/lib/create/ingress.js'
import {buildJob, buildJobFromCronJob, validateJobOptions} from '../../src/lib/create/job.js'
import {buildPodDisruptionBudget, parseIntOrString, validatePodDisruptionBudget} from '../../src/lib/create/pod-disruption-budget.js'
import {buildPriorityClass} from '../../src/lib/create/priority-class.js'
import {buildQuota} from '../../src/lib/create/quota.js'
import {buildClusterRoleBinding, buildRoleBinding, validateRoleBinding} from '../../src/lib/create/role-binding.js'
import {dedupVerbs, parseRuleResources} from '../../src/lib/create/role.js'

const json = (value: unknown) => JSON.stringify(value)

describe('job', () => {
  test('--image with a command', () => {
    expect(json(buildJob('j1', 'busybox', ['sh', '-c', 'echo hi']))).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j1","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j1","image":"busybox","command":["sh","-c","echo hi"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}',
    )
  })

  test('an empty name is left out of metadata but not out of the container', () => {
    expect(json(buildJob('', 'busybox', []))).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"","image":"busybox","resources":{}}],"restartPolicy":"Never"}}},"status":{}}',
    )
  })

  test('exactly one of --image and --from, and no command with --from', () => {
    const base = {name: 'j', image: '', from: '', command: []}
    expect(() => validateJobOptions(base)).toThrow('error: either --image or --from must be specified')
    expect(() => validateJobOptions({...base, image: 'x', from: 'cronjob/y'})).toThrow('error: either --image or --from must be specified')
    expect(() => validateJobOptions({...base, from: 'cronjob/y', command: ['date']})).toThrow('error: cannot specify --from and command')
    expect(() => validateJobOptions({...base, image: 'x', command: ['date']})).not.toThrow()
  })

  test('from a CronJob: its job template, the instantiate annotation, labels, and the CronJob as controller', () => {
    const cronJob = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: {name: 'nightly', namespace: 'ns', uid: 'u-1'},
      spec: {
        schedule: '@daily',
        jobTemplate: {
          metadata: {creationTimestamp: null, labels: {team: 'b', app: 'x'}, annotations: {z: '1', 'cronjob.kubernetes.io/instantiate': 'scheduled'}},
          spec: {backoffLimit: 2, template: {metadata: {creationTimestamp: null}, spec: {containers: [{name: 'c', image: 'i', resources: {}}]}}},
        },
      },
    }
    expect(json(buildJobFromCronJob('by-hand', cronJob))).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"by-hand","creationTimestamp":null,"labels":{"app":"x","team":"b"},' +
        '"annotations":{"cronjob.kubernetes.io/instantiate":"scheduled","z":"1"},' +
        '"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"nightly","uid":"u-1","controller":true}]},' +
        '"spec":{"backoffLimit":2,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c","image":"i","resources":{}}]}}},"status":{}}',
    )
  })

  test('from a batch/v1beta1 CronJob without template metadata: the owner reference names that version', () => {
    const cronJob = {kind: 'CronJob', apiVersion: 'batch/v1beta1', metadata: {name: 'old', uid: 'u-2'}, spec: {jobTemplate: {spec: {template: {}}}}}
    expect(json(buildJobFromCronJob('j', cronJob))).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null,"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},' +
        '"ownerReferences":[{"apiVersion":"batch/v1beta1","kind":"CronJob","name":"old","uid":"u-2","controller":true}]},"spec":{"template":{}},"status":{}}',
    )
  })
})

test('cronjob with --restart and a command', () => {
  expect(json(buildCronJob({name: 'c1', image: 'busybox', schedule: '*/1 * * * *', restart: 'Never', command: ['date']}))).toBe(
    '{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"c1","creationTimestamp":null},"spec":{"schedule":"*/1 * * * *","jobTemplate":{"metadata":{"name":"c1","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"c1","image":"busybox","command":["date"],"resources":{}}],"restartPolicy":"Never"}}}}},"status":{}}',
  )
})

describe('rolebinding and clusterrolebinding', () => {
  const none = {users: [], groups: [], serviceAccounts: []}

  test('subjects in kubectl order; --user values are taken whole', () => {
    const binding = buildRoleBinding({name: 'rb1', role: 'r', clusterRole: '', users: ['u1', 'a,b'], groups: ['g'], serviceAccounts: ['ns:sa']})
    expect(json(binding)).toBe(
      '{"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb1","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"u1"},{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"a,b"},{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"g"},{"kind":"ServiceAccount","name":"sa","namespace":"ns"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"}}',
    )
  })

  test('no subjects: no subjects field', () => {
    expect(json(buildRoleBinding({name: 'rb1', role: '', clusterRole: 'admin', ...none}))).toBe(
      '{"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb1","creationTimestamp":null},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"admin"}}',
    )
  })

  test('clusterrolebinding', () => {
    expect(json(buildClusterRoleBinding({name: 'crb1', clusterRole: 'view', users: [], groups: ['g'], serviceAccounts: ['kube-system:default']}))).toBe(
      '{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"crb1","creationTimestamp":null},"subjects":[{"kind":"Group","apiGroup":"rbac.authorization.k8s.io","name":"g"},{"kind":"ServiceAccount","name":"default","namespace":"kube-system"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}',
    )
  })

  test('errors', () => {
    expect(() => validateRoleBinding({name: '', role: 'r', clusterRole: '', ...none})).toThrow('error: name must be specified')
    expect(() => validateRoleBinding({name: 'x', role: '', clusterRole: '', ...none})).toThrow('error: exactly one of clusterrole or role must be specified')
    expect(() => validateRoleBinding({name: 'x', role: 'r', clusterRole: 'c', ...none})).toThrow('error: exactly one of clusterrole or role must be specified')
    for (const sa of ['x', ':x', 'x:', 'a:b:c']) {
      expect(() => buildClusterRoleBinding({name: 'x', clusterRole: 'c', ...none, serviceAccounts: [sa]})).toThrow('error: serviceaccount must be <namespace>:<name>')
    }
  })
})

describe('quota', () => {
  test('hard limits as canonical quantities in key order, scopes as given', () => {
    expect(json(buildQuota({name: 'q1', hard: 'requests.cpu=1000m,limits.memory=1024Mi,pods=10,cpu=0.5', scopes: 'NotTerminating,BestEffort'}))).toBe(
      '{"kind":"ResourceQuota","apiVersion":"v1","metadata":{"name":"q1","creationTimestamp":null},"spec":{"hard":{"cpu":"500m","limits.memory":"1Gi","pods":"10","requests.cpu":"1"},"scopes":["NotTerminating","BestEffort"]},"status":{}}',
    )
  })

  test('nothing given: an empty spec', () => {
    expect(json(buildQuota({name: 'q1', hard: '', scopes: ''}))).toBe('{"kind":"ResourceQuota","apiVersion":"v1","metadata":{"name":"q1","creationTimestamp":null},"spec":{},"status":{}}')
  })

  test('errors', () => {
    expect(() => buildQuota({name: '', hard: '', scopes: ''})).toThrow('error: name must be specified')
    expect(() => buildQuota({name: 'q', hard: 'cpu', scopes: ''})).toThrow('error: Invalid argument syntax cpu, expected <resource>=<value>')
    expect(() => buildQuota({name: 'q', hard: 'cpu=1,', scopes: ''})).toThrow('error: Invalid argument syntax , expected <resource>=<value>')
    expect(() => buildQuota({name: 'q', hard: 'cpu=1=2', scopes: ''})).toThrow('error: Invalid argument syntax cpu=1=2, expected <resource>=<value>')
    expect(() => buildQuota({name: 'q', hard: 'cpu=x', scopes: ''})).toThrow(
      "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    )
    expect(() => buildQuota({name: 'q', hard: 'cpu=1', scopes: 'a,,b'})).toThrow('error: invalid resource quota scope ""')
  })
})

describe('priorityclass', () => {
  test('every field', () => {
    expect(json(buildPriorityClass({name: 'pc1', value: 1000, globalDefault: true, description: 'high priority', preemptionPolicy: 'Never'}))).toBe(
      '{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc1","creationTimestamp":null},"value":1000,"globalDefault":true,"description":"high priority","preemptionPolicy":"Never"}',
    )
  })

  test('defaults: value 0 is written, globalDefault and description are not, an empty policy is', () => {
    expect(json(buildPriorityClass({name: 'pc1', value: 0, globalDefault: false, description: '', preemptionPolicy: 'PreemptLowerPriority'}))).toBe(
      '{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc1","creationTimestamp":null},"value":0,"preemptionPolicy":"PreemptLowerPriority"}',
    )
    expect(json(buildPriorityClass({name: 'p', value: 1, globalDefault: false, description: '', preemptionPolicy: ''}))).toContain('"preemptionPolicy":""')
  })
})

describe('poddisruptionbudget', () => {
  const base = {name: 'p1', selector: 'app=web', minAvailable: '', maxUnavailable: ''}

  test('a full selector: matchLabels, then expressions by key; 010 is the number 10', () => {
    expect(json(buildPodDisruptionBudget({...base, selector: 'b=c,a=d,x in (z,y),!w,v', maxUnavailable: '010'}))).toBe(
      '{"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"p1","creationTimestamp":null},"spec":{"selector":{"matchLabels":{"a":"d","b":"c"},"matchExpressions":[{"key":"v","operator":"Exists"},{"key":"w","operator":"DoesNotExist"},{"key":"x","operator":"In","values":["y","z"]}]},"maxUnavailable":10},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}}',
    )
  })

  test('a percentage stays a string, before the selector', () => {
    expect(json(buildPodDisruptionBudget({...base, minAvailable: '50%'}))).toBe(
      '{"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"p1","creationTimestamp":null},"spec":{"minAvailable":"50%","selector":{"matchLabels":{"app":"web"}}},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}}',
    )
  })

  test('intstr.Parse: int32 as IntOrString keeps it, text beyond int64 stays text', () => {
    expect(parseIntOrString('42')).toBe(42)
    expect(parseIntOrString('4294967297')).toBe(1)
    expect(parseIntOrString('99999999999999999999')).toBe('99999999999999999999')
    expect(parseIntOrString('http')).toBe('http')
    expect(parseIntOrString('')).toBe('')
  })

  test('errors, in kubectl order', () => {
    expect(() => validatePodDisruptionBudget({...base, name: ''})).toThrow('error: name must be specified')
    expect(() => validatePodDisruptionBudget({...base, selector: ''})).toThrow('error: a selector must be specified')
    expect(() => validatePodDisruptionBudget(base)).toThrow('error: one of min-available or max-unavailable must be specified')
    expect(() => validatePodDisruptionBudget({...base, minAvailable: '1', maxUnavailable: '1'})).toThrow('error: min-available and max-unavailable cannot be both specified')
    expect(() => validatePodDisruptionBudget({...base, minAvailable: '1x'})).toThrow('error: invalid format specified for min-available')
    expect(() => validatePodDisruptionBudget({...base, maxUnavailable: '-1'})).toThrow('error: invalid format specified for max-unavailable')
    expect(() => buildPodDisruptionBudget({...base, selector: 'a!=b', minAvailable: '1'})).toThrow('error: "!=" is not a valid label selector operator')
  })
})

describe('ingress', () => {
  const base: IngressOptions = {name: 'i1', ingressClass: '', rules: [], defaultBackend: '', annotations: []}

  test('hosts share rules, secrets share TLS entries, * makes a Prefix, ports are numbers or names', () => {
    const ingress = buildIngress({
      ...base,
      ingressClass: 'nginx',
      rules: ['a.com/x=s:1,tls=sec', 'b.com/y*=s:http,tls=sec', 'a.com/z=s:3,tls=other', '/w=s:4,tls', '*.c.com/=s:-5,tls='],
      annotations: ['b=1', 'a=x=y'],
      defaultBackend: 'd:',
    })
    expect(json(ingress)).toBe(
      '{"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"i1","creationTimestamp":null,"annotations":{"a":"x=y","b":"1"}},"spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"d","port":{}}},"tls":[{"hosts":["a.com","b.com"],"secretName":"sec"},{"hosts":["*.c.com"]}],"rules":[{"host":"a.com","http":{"paths":[{"path":"/x","pathType":"Exact","backend":{"service":{"name":"s","port":{"number":1}}}},{"path":"/z","pathType":"Exact","backend":{"service":{"name":"s","port":{"number":3}}}}]}},{"host":"b.com","http":{"paths":[{"path":"/y","pathType":"Prefix","backend":{"service":{"name":"s","port":{"name":"http"}}}}]}},{"http":{"paths":[{"path":"/w","pathType":"Exact","backend":{"service":{"name":"s","port":{"number":4}}}}]}},{"host":"*.c.com","http":{"paths":[{"path":"/","pathType":"Exact","backend":{"service":{"name":"s","port":{"number":-5}}}}]}}]},"status":{"loadBalancer":{}}}',
    )
  })

  test('what follows service:port is taken as kubectl takes it', () => {
    const ingress = buildIngress({...base, rules: ['a.com/p=s:80!!,tls', 'b.com/q=t:1:2,tls=x=y', 'c.com/r=u:9,tls=a,b']})
    expect(json((ingress.spec as {tls: unknown}).tls)).toBe('[{"hosts":["a.com"]},{"hosts":["b.com"],"secretName":"x"}]')
    expect(json((ingress.spec as {rules: unknown}).rules)).toBe(
      '[{"host":"a.com","http":{"paths":[{"path":"/p","pathType":"Exact","backend":{"service":{"name":"s","port":{"name":"80!!"}}}}]}},' +
        '{"host":"b.com","http":{"paths":[{"path":"/q","pathType":"Exact","backend":{"service":{"name":"t","port":{"number":1}}}}]}},' +
        '{"host":"c.com","http":{"paths":[{"path":"/r","pathType":"Exact","backend":{"service":{"name":"u","port":{"number":9}}}}]}}]',
    )
  })

  test('errors, in kubectl order', () => {
    expect(() => validateIngress(base)).toThrow(
      'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    )
    // the last two pass kubectl's check and then crash it; ktl refuses them with the check's words
    for (const rule of ['foo', 'foo.com/bar=svc', 'h=x/a=s:1', 'a b/=s:1', 'foo.com/b\nc=svc:80', 'foo.com/a,b=s:1', 'foo.com/b=c=svc:80']) {
      expect(() => validateIngress({...base, rules: [rule]})).toThrow(`error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`)
    }
    // kubectl's check has no end anchor
    for (const rule of ['foo.com/bar=svc:80,tlsx', 'foo.com/=s:1,tls=a=b', 'foo.com/bar=svc:80!!', 'foo.com/bar=svc:80,tls=a,b']) {
      expect(() => validateIngress({...base, rules: [rule]})).not.toThrow()
    }
    expect(() => validateIngress({...base, rules: ['/=a:b'], annotations: ['x']})).toThrow('error: annotation x is invalid and should be in format key=[value]')
    expect(() => validateIngress({...base, defaultBackend: 'a'})).toThrow('error: default-backend should be in format servicename:serviceport')
    expect(() => validateIngress({...base, defaultBackend: 'a:b:c'})).toThrow('error: default-backend should be in format servicename:serviceport')
    expect(() => validateIngress({...base, rules: ['*.a-b_c.com/p/q*=svc-1:port_2,tls=s-1'], defaultBackend: 'a:b'})).not.toThrow()
  })
})

describe('clusterrole', () => {
  test('an aggregation rule: rules null, the labels as one selector', () => {
    expect(json(buildClusterRole('cr1', {aggregationLabels: new Map([['b', '1'], ['a', '2']])}))).toBe(
      '{"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"cr1","creationTimestamp":null},"rules":null,"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"a":"2","b":"1"}}]}}',
    )
  })

  test('non-resource URLs: HTTP verbs, a leading slash, * only at the end', () => {
    expect(() => validateNonResourceURLs(['get', 'post', '*'], ['/a', '/b*', '*'])).not.toThrow()
    expect(() => validateNonResourceURLs(['list'], ['/a'])).toThrow("error: invalid verb: 'list' for nonResourceURL")
    expect(() => validateNonResourceURLs(['get'], ['a'])).toThrow('error: nonResourceURL should start with /')
    expect(() => validateNonResourceURLs(['get'], [''])).toThrow('error: nonResourceURL should start with /')
    expect(() => validateNonResourceURLs(['get'], ['/a*b'])).toThrow("error: nonResourceURL only supports wildcard matches when '*' is at the end")
  })
})

describe('role flags', () => {
  test('verbs: repeats dropped, * replaces everything', () => {
    expect(dedupVerbs(['get', 'list', 'get'])).toEqual(['get', 'list'])
    expect(dedupVerbs(['get', '*', 'list'])).toEqual(['*'])
    expect(dedupVerbs([])).toEqual([])
  })

  test('resources: resource.group/subresource, a bare * ends the list', () => {
    expect(parseRuleResources(['pods', 'rs.apps', 'deployments.apps/scale', 'foo.bar.com', '*.apps', '*/scale', '/status'])).toEqual([
      {group: '', resource: 'pods', subresource: ''},
      {group: 'apps', resource: 'rs', subresource: ''},
      {group: 'apps', resource: 'deployments', subresource: 'scale'},
      {group: 'bar.com', resource: 'foo', subresource: ''},
      {group: 'apps', resource: '*', subresource: ''},
      {group: '', resource: '*', subresource: 'scale'},
      {group: '', resource: '', subresource: 'status'},
    ])
    expect(parseRuleResources(['pods', '*', 'nodes'])).toEqual([{group: '', resource: '*', subresource: ''}])
  })
})
