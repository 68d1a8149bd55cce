// What the completion tests share: a kubeconfig with three contexts, kubectl's discovery cache for
// a server, and list answers of names.
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {discoveryCacheDir} from '../../src/lib/discovery/cache.js'
import {type APIResourceListDoc, encodeGroupList, encodeResourceList} from '../../src/lib/discovery/documents.js'

export const CORE_V1: APIResourceListDoc = {
  groupVersion: 'v1',
  resources: [
    {name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['create', 'delete', 'get', 'list'], shortNames: ['cm']},
    {name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['create', 'delete', 'get', 'list'], shortNames: ['ns']},
    {name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['create', 'delete', 'get', 'list'], shortNames: ['po']},
    {name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get']},
    {name: 'bindings', singularName: 'binding', namespaced: true, kind: 'Binding', verbs: ['create']},
  ],
}
export const APPS_V1: APIResourceListDoc = {
  groupVersion: 'apps/v1',
  resources: [
    {name: 'daemonsets', singularName: 'daemonset', namespaced: true, kind: 'DaemonSet', verbs: ['delete', 'get', 'list'], shortNames: ['ds']},
    {name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['delete', 'get', 'list'], shortNames: ['deploy']},
  ],
}

/** kubectl's discovery cache for `server`, as a run of ktl or kubectl leaves it. */
export function writeDiscoveryCache(home: string, server: string): void {
  const cache = discoveryCacheDir(join(home, '.kube', 'cache', 'discovery'), server)
  mkdirSync(join(cache, 'v1'), {recursive: true})
  mkdirSync(join(cache, 'apps', 'v1'), {recursive: true})
  writeFileSync(
    join(cache, 'servergroups.json'),
    encodeGroupList([
      {name: '', versions: [{groupVersion: 'v1', version: 'v1'}], preferredVersion: {groupVersion: 'v1', version: 'v1'}},
      {name: 'apps', versions: [{groupVersion: 'apps/v1', version: 'v1'}], preferredVersion: {groupVersion: 'apps/v1', version: 'v1'}},
    ]),
  )
  writeFileSync(join(cache, 'v1', 'serverresources.json'), encodeResourceList(CORE_V1))
  writeFileSync(join(cache, 'apps', 'v1', 'serverresources.json'), encodeResourceList(APPS_V1))
}

export function kubeconfigText(server: string): string {
  return `apiVersion: v1
kind: Config
current-context: one
clusters:
- name: c1
  cluster: {server: ${JSON.stringify(server)}}
- name: c2
  cluster: {server: "https://127.0.0.1:1"}
users:
- name: u1
  user: {token: secret-token}
- name: u2
  user: {}
contexts:
- name: one
  context: {cluster: c1, user: u1, namespace: ns1}
- name: two
  context: {cluster: c2, user: u2}
- name: other
  context: {cluster: c1, user: u1}
`
}

/** A list answer (what a server sends for the PartialObjectMetadataList Accept) with these names. */
export function list(...names: string[]) {
  return {body: {kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: {}, items: names.map((name) => ({metadata: {name}}))}}
}
