// Name resolution against the recorded 1.20 server plus a CRD. Every expectation below is what
// kubectl 1.32 resolved for the same name against a server serving the same documents.
import {describe, expect, it} from 'vitest'
import {NoResourceMatchError, parseResourceArg, resolveResourceType} from '../../src/lib/discovery/rest-mapper.js'
import {recordedMapperInput} from '../fixtures/discovery/index.js'

const input = recordedMapperInput()

function resolved(name: string): string {
  const r = resolveResourceType(name, input)
  return `${r.group === '' ? '' : `${r.group}/`}${r.version} ${r.name}`
}

describe('resolveResourceType', () => {
  it.each([
    ['po', 'v1 pods'],
    ['deploy', 'apps/v1 deployments'],
    ['svc', 'v1 services'],
    ['cm', 'v1 configmaps'],
    ['ns', 'v1 namespaces'],
    ['no', 'v1 nodes'],
    ['rs', 'apps/v1 replicasets'],
    ['sts', 'apps/v1 statefulsets'],
    ['ds', 'apps/v1 daemonsets'],
    ['ing', 'networking.k8s.io/v1 ingresses'],
    ['pvc', 'v1 persistentvolumeclaims'],
    ['pv', 'v1 persistentvolumes'],
    ['sa', 'v1 serviceaccounts'],
    ['ep', 'v1 endpoints'],
    ['ev', 'v1 events'],
    ['cj', 'batch/v1beta1 cronjobs'],
    ['hpa', 'autoscaling/v1 horizontalpodautoscalers'],
    ['crd', 'apiextensions.k8s.io/v1 customresourcedefinitions'],
    ['netpol', 'networking.k8s.io/v1 networkpolicies'],
    ['limits', 'v1 limitranges'],
    ['quota', 'v1 resourcequotas'],
    ['psp', 'policy/v1beta1 podsecuritypolicies'],
    ['pdb', 'policy/v1beta1 poddisruptionbudgets'],
    ['csr', 'certificates.k8s.io/v1 certificatesigningrequests'],
    ['pc', 'scheduling.k8s.io/v1 priorityclasses'],
    ['sc', 'storage.k8s.io/v1 storageclasses'],
    ['cs', 'v1 componentstatuses'],
    ['rc', 'v1 replicationcontrollers'],
    ['crds', 'apiextensions.k8s.io/v1 customresourcedefinitions'],
  ])('short name %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['ct', 'stable.example.com/v1 crontabs'],
    ['crontab', 'stable.example.com/v1 crontabs'],
    ['crontabs', 'stable.example.com/v1 crontabs'],
    ['CronTab', 'stable.example.com/v1 crontabs'],
    ['ct.stable.example.com', 'stable.example.com/v1 crontabs'],
    ['ct.stable', 'stable.example.com/v1 crontabs'],
    ['crontabs.stable', 'stable.example.com/v1 crontabs'],
    ['crontabs.v1.stable.example.com', 'stable.example.com/v1 crontabs'],
  ])('custom resource %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['pods', 'v1 pods'],
    ['pod', 'v1 pods'],
    ['Pod', 'v1 pods'],
    ['POD', 'v1 pods'],
    ['Deployment', 'apps/v1 deployments'],
    ['customresourcedefinition', 'apiextensions.k8s.io/v1 customresourcedefinitions'],
    ['endpoints', 'v1 endpoints'],
    ['EndPoints', 'v1 endpoints'],
    ['componentstatus', 'v1 componentstatuses'],
    ['ComponentStatus', 'v1 componentstatuses'],
    ['ingresses', 'networking.k8s.io/v1 ingresses'],
    ['ingress', 'networking.k8s.io/v1 ingresses'],
    ['Ingress', 'networking.k8s.io/v1 ingresses'],
    ['runtimeclass', 'node.k8s.io/v1 runtimeclasses'],
  ])('plural, singular or kind %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['deployment.apps', 'apps/v1 deployments'],
    ['Deployment.apps', 'apps/v1 deployments'],
    ['deploy.apps', 'apps/v1 deployments'],
    ['events.events.k8s.io', 'events.k8s.io/v1 events'],
    ['ev.events.k8s.io', 'events.k8s.io/v1 events'],
    ['Event.events.k8s.io', 'events.k8s.io/v1 events'],
    ['ingresses.extensions', 'extensions/v1beta1 ingresses'],
    ['ing.extensions', 'extensions/v1beta1 ingresses'],
    ['storageclass.storage.k8s.io', 'storage.k8s.io/v1 storageclasses'],
    ['leases.coordination.k8s.io', 'coordination.k8s.io/v1 leases'],
    ['podsecuritypolicy.policy', 'policy/v1beta1 podsecuritypolicies'],
    ['cronjob.batch', 'batch/v1beta1 cronjobs'],
    ['pods.', 'v1 pods'],
  ])('resource.group %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['deployments.a', 'apps/v1 deployments'],
    ['deployments.ap', 'apps/v1 deployments'],
    ['deployment.ap', 'apps/v1 deployments'],
    ['Deployment.ap', 'apps/v1 deployments'],
    ['events.e', 'events.k8s.io/v1 events'],
    ['events.events', 'events.k8s.io/v1 events'],
    ['ingresses.n', 'networking.k8s.io/v1 ingresses'],
    ['ingresses.e', 'extensions/v1beta1 ingresses'],
    ['hpa.autoscal', 'autoscaling/v1 horizontalpodautoscalers'],
    ['ing.networking', 'networking.k8s.io/v1 ingresses'],
    ['ing.ext', 'extensions/v1beta1 ingresses'],
    ['ev.events', 'events.k8s.io/v1 events'],
  ])('group prefix %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['deployments.v1.apps', 'apps/v1 deployments'],
    ['Deployment.v1.apps', 'apps/v1 deployments'],
    ['deploy.v1.apps', 'apps/v1 deployments'],
    ['events.v1beta1.events.k8s.io', 'events.k8s.io/v1beta1 events'],
    ['horizontalpodautoscalers.v2beta2.autoscaling', 'autoscaling/v2beta2 horizontalpodautoscalers'],
    // A short name loses the version it was given, as in client-go.
    ['hpa.v2beta2.autoscaling', 'autoscaling/v1 horizontalpodautoscalers'],
    ['deploy.v1beta1.apps', 'apps/v1 deployments'],
    ['ingress.v1beta1.extensions', 'extensions/v1beta1 ingresses'],
    ['cronjobs.v1beta1.batch', 'batch/v1beta1 cronjobs'],
    ['CronJob.v1beta1.batch', 'batch/v1beta1 cronjobs'],
    ['Node.v1.', 'v1 nodes'],
    ['pods.v1.', 'v1 pods'],
  ])('resource.version.group %s -> %s', (name, want) => {
    expect(resolved(name)).toBe(want)
  })

  it.each([
    ['flurbs', 'flurbs'],
    ['flurbs.apps', 'flurbs'],
    ['PO', 'PO'],
    ['Deploy', 'Deploy'],
    ['cronjobs.v1.batch', 'cronjobs'],
    ['deployments.v1.ap', 'deployments'],
    ['deployments.pps', 'deployments'],
    ['deployments.apx', 'deployments'],
    ['pods.x', 'pods'],
    ['networkpolicies.extensions', 'networkpolicies'],
    ['.pods', ''],
    ['', ''],
    ['v1', 'v1'],
    ['apps', 'apps'],
    ['Scale', 'Scale'],
  ])('unknown %j names %j', (name, quoted) => {
    expect(() => resolveResourceType(name, input)).toThrow(new NoResourceMatchError(quoted))
    expect(new NoResourceMatchError(quoted).message).toBe(`the server doesn't have a resource type "${quoted}"`)
  })

  it('warns when a short name also belongs to a lower priority group, once per resource', () => {
    const warnings: string[] = []
    expect(resolveResourceType('ing', input, (w) => warnings.push(w)).group).toBe('networking.k8s.io')
    expect(resolveResourceType('ev', input, (w) => warnings.push(w)).group).toBe('')
    expect(resolveResourceType('ev.events.k8s.io', input, (w) => warnings.push(w)).group).toBe('events.k8s.io')
    expect(warnings).toEqual([
      'short name "ing" could also match lower priority resource ingresses.extensions',
      'short name "ev" could also match lower priority resource events.events.k8s.io',
    ])
  })

  it('returns the whole resource type', () => {
    expect(resolveResourceType('deploy', input)).toEqual({
      name: 'deployments',
      singularName: '',
      namespaced: true,
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
    })
  })

  it('matches a kind whose lowercase is not the singular name', () => {
    const custom = {
      groups: [{name: 'example.com', versions: [{groupVersion: 'example.com/v1', version: 'v1'}], preferredVersion: {groupVersion: 'example.com/v1', version: 'v1'}}],
      lists: [
        {
          group: 'example.com',
          version: 'v1',
          resources: [{name: 'bars', singularName: 'bar', namespaced: true, group: 'example.com', version: 'v1', kind: 'Foo', verbs: ['get'], shortNames: [], categories: []}],
        },
      ],
    }
    expect(resolveResourceType('Foo.example.com', custom).name).toBe('bars')
    expect(resolveResourceType('foo.v1.example.com', custom).name).toBe('bars')
    expect(() => resolveResourceType('Foo', custom)).toThrow(new NoResourceMatchError('Foo'))
  })
})

describe('parseResourceArg', () => {
  it('reads two dots or more as resource.version.group too', () => {
    expect(parseResourceArg('deployments.v1.apps')).toEqual({
      fullySpecified: {resource: 'deployments', version: 'v1', group: 'apps'},
      groupResource: {group: 'v1.apps', resource: 'deployments'},
    })
    expect(parseResourceArg('crontabs.stable.example.com').fullySpecified).toEqual({resource: 'crontabs', version: 'stable', group: 'example.com'})
    expect(parseResourceArg('pods')).toEqual({fullySpecified: undefined, groupResource: {group: '', resource: 'pods'}})
  })
})
