// Built-in API versions Kubernetes has stopped serving, with the release that removed each and what
// replaces it (the Kubernetes deprecated API migration guide). Documents still written against them
// are the most common reason a manifest that "used to work" is refused.

export interface RemovedAPI {
  /** The release that stopped serving it. */
  removedIn: string
  /** The apiVersion to use instead, or undefined when nothing replaces the kind. */
  replacement?: string
  /** What to use when there is no replacement. */
  note?: string
}

const table: Array<[apiVersion: string, kinds: string[], removal: RemovedAPI]> = [
  ['extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], {removedIn: '1.16', replacement: 'apps/v1'}],
  ['extensions/v1beta1', ['NetworkPolicy'], {removedIn: '1.16', replacement: 'networking.k8s.io/v1'}],
  ['extensions/v1beta1', ['PodSecurityPolicy'], {removedIn: '1.16', note: 'PodSecurityPolicy was removed in 1.25; use Pod Security Admission'}],
  ['extensions/v1beta1', ['Ingress'], {removedIn: '1.22', replacement: 'networking.k8s.io/v1'}],
  ['apps/v1beta1', ['ControllerRevision', 'Deployment', 'StatefulSet'], {removedIn: '1.16', replacement: 'apps/v1'}],
  ['apps/v1beta2', ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'], {removedIn: '1.16', replacement: 'apps/v1'}],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], {removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1'}],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], {removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1'}],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], {removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1'}],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], {removedIn: '1.22', replacement: 'authentication.k8s.io/v1'}],
  [
    'authorization.k8s.io/v1beta1',
    ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
    {removedIn: '1.22', replacement: 'authorization.k8s.io/v1'},
  ],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], {removedIn: '1.22', replacement: 'certificates.k8s.io/v1'}],
  ['coordination.k8s.io/v1beta1', ['Lease'], {removedIn: '1.22', replacement: 'coordination.k8s.io/v1'}],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], {removedIn: '1.22', replacement: 'networking.k8s.io/v1'}],
  ['rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], {removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1'}],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], {removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1'}],
  ['scheduling.k8s.io/v1alpha1', ['PriorityClass'], {removedIn: '1.22', replacement: 'scheduling.k8s.io/v1'}],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], {removedIn: '1.22', replacement: 'scheduling.k8s.io/v1'}],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], {removedIn: '1.22', replacement: 'storage.k8s.io/v1'}],
  ['batch/v1beta1', ['CronJob'], {removedIn: '1.25', replacement: 'batch/v1'}],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], {removedIn: '1.25', replacement: 'discovery.k8s.io/v1'}],
  ['events.k8s.io/v1beta1', ['Event'], {removedIn: '1.25', replacement: 'events.k8s.io/v1'}],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], {removedIn: '1.25', replacement: 'autoscaling/v2'}],
  ['policy/v1beta1', ['PodDisruptionBudget'], {removedIn: '1.25', replacement: 'policy/v1'}],
  ['policy/v1beta1', ['PodSecurityPolicy'], {removedIn: '1.25', note: 'use Pod Security Admission'}],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], {removedIn: '1.25', replacement: 'node.k8s.io/v1'}],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], {removedIn: '1.26', replacement: 'autoscaling/v2'}],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], {removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1'}],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], {removedIn: '1.27', replacement: 'storage.k8s.io/v1'}],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], {removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1'}],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], {removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1'}],
]

const removed = new Map<string, RemovedAPI>()
for (const [apiVersion, kinds, removal] of table) for (const kind of kinds) removed.set(`${apiVersion} ${kind}`, removal)

export function removedAPI(apiVersion: string, kind: string): RemovedAPI | undefined {
  return removed.get(`${apiVersion} ${kind}`)
}
