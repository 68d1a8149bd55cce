// The API server's rules for names, namespaces, labels and annotations, per kind.
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {collectManifests} from '../../src/lib/manifests/reader.js'
import {formatProblem, validateDocuments} from '../../src/lib/validate/validate.js'

async function problems(...documents: string[]): Promise<string[]> {
  const {documents: docs, errors} = await collectManifests({filenames: ['-'], recursive: false, stdin: Readable.from([documents.join('---\n')])})
  expect(errors).toEqual([])
  return (await validateDocuments(docs)).map(formatProblem)
}

const named = (apiVersion: string, kind: string, name: string, extra = '') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${JSON.stringify(name)}\n${extra}`

describe('metadata.name', () => {
  it('is a DNS subdomain for most kinds', async () => {
    expect(await problems(named('v1', 'ConfigMap', 'app.config-1'), named('v1', 'ConfigMap', 'My_Config'), named('apps/v1', 'Deployment', '-web', 'spec:\n  selector: {}\n  template: {}\n'))).toEqual([
      "STDIN:9:3: metadata.name: invalid name \"My_Config\": must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
      "STDIN:14:3: metadata.name: invalid name \"-web\": must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
    ])
    expect(await problems(named('v1', 'Secret', 'a'.repeat(254)))).toEqual([
      'STDIN:4:3: metadata.name: invalid name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"... (254 characters): must be no more than 253 characters',
    ])
  })

  it('is a DNS label for Namespaces and Services', async () => {
    expect(await problems(named('v1', 'Namespace', 'team.a'), named('v1', 'Service', '8080-web'), named('v1', 'Service', 'web.internal'))).toEqual([
      "STDIN:4:3: metadata.name: invalid name \"team.a\": must be a lowercase RFC 1123 label: letters a-z, digits and '-', starting and ending with a letter or digit",
      "STDIN:14:3: metadata.name: invalid name \"web.internal\": must be a lowercase RFC 1123 label: letters a-z, digits and '-', starting and ending with a letter or digit",
    ])
    expect(await problems(named('v1', 'Namespace', 'n'.repeat(64)))).toEqual([
      'STDIN:4:3: metadata.name: invalid name "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn": must be no more than 63 characters',
    ])
  })

  it('is any path segment for RBAC kinds', async () => {
    const rules = 'rules: []\n'
    expect(await problems(named('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:Controller:Thing', rules), named('rbac.authorization.k8s.io/v1', 'Role', 'a/b', rules))).toEqual([
      'STDIN:10:3: metadata.name: invalid name "a/b": may not contain "/"',
    ])
  })

  it('is at most 52 characters for CronJobs', async () => {
    const spec = 'spec:\n  schedule: "@daily"\n  jobTemplate: {}\n'
    expect(await problems(named('batch/v1', 'CronJob', 'c'.repeat(53), spec))).toEqual([
      'STDIN:4:3: metadata.name: invalid name "ccccccccccccccccccccccccccccccccccccccccccccccccccccc": must be no more than 52 characters',
    ])
  })

  it('is PLURAL.GROUP for CustomResourceDefinitions', async () => {
    const spec = 'spec:\n  group: example.com\n  scope: Namespaced\n  names: {plural: widgets, kind: Widget}\n  versions: []\n'
    expect(await problems(named('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widget.example.com', spec))).toEqual([
      'STDIN:4:3: metadata.name: invalid name "widget.example.com": must be spec.names.plural + "." + spec.group ("widgets.example.com")',
    ])
  })

  it('may be left to generateName, which may end in a dash', async () => {
    expect(await problems('apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers: []\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: Web-\n')).toEqual([
      "STDIN:11:3: metadata.generateName: invalid generateName \"Web-\": must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
    ])
  })

  it('must be there, except in reviews', async () => {
    expect(await problems('apiVersion: v1\nkind: ConfigMap\ndata: {}\n', 'apiVersion: authorization.k8s.io/v1\nkind: SelfSubjectAccessReview\nspec:\n  resourceAttributes: {verb: get, resource: pods}\n')).toEqual([
      'STDIN:1:1: missing required field "metadata" (with "name")',
    ])
  })
})

describe('other metadata', () => {
  it('checks the namespace, label keys and values, and annotation keys', async () => {
    const metadata = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: c',
      '  namespace: Team_A',
      '  labels:',
      '    app.kubernetes.io/name: web',
      '    "-bad": x',
      '    version: "1.0 beta"',
      '    example.com/: x',
      '  annotations:',
      '    Example.com/Owner: any value at all is fine here',
      '    a/b/c: x',
      '',
    ].join('\n')
    expect(await problems(metadata)).toEqual([
      "STDIN:5:3: metadata.namespace: invalid namespace \"Team_A\": must be a lowercase RFC 1123 label: letters a-z, digits and '-', starting and ending with a letter or digit",
      "STDIN:8:5: metadata.labels[-bad]: invalid label key \"-bad\": name part must be a name of letters, digits, '-', '_' and '.' that starts and ends with a letter or digit",
      "STDIN:9:5: metadata.labels.version: invalid label value \"1.0 beta\": must be empty or a name of letters, digits, '-', '_' and '.' that starts and ends with a letter or digit",
      'STDIN:10:5: metadata.labels[example.com/]: invalid label key "example.com/": name part must be non-empty',
      "STDIN:13:5: metadata.annotations[a/b/c]: invalid annotation key \"a/b/c\": must be a name of letters, digits, '-', '_' and '.' that starts and ends with a letter or digit, with an optional DNS subdomain prefix and '/'",
    ])
  })

  it('ignores the namespace of cluster-scoped kinds (the server clears it)', async () => {
    expect(await problems('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n  namespace: Not_Checked\n')).toEqual([])
  })
})
