// Differential: ktl explain and kubectl 1.32 against the same real API server (1.20, which serves
// OpenAPI v2 only, so both take the v2 path) print the same bytes and exit the same way.
import {describe, expect, it} from 'vitest'
import {ktl, kubectl} from './helpers.js'

const variants: string[][] = [
  ['pods'],
  ['pods.'],
  ['pods.spec.containers'],
  ['pods', '--recursive'],
  ['deploy.spec', '--recursive'],
  ['deployments.apps.spec.replicas'],
  ['deploy.spec.strategy.rollingUpdate.maxUnavailable'],
  ['pods.metadata.labels'],
  ['pods.metadata.creationTimestamp'],
  ['pods.spec.overhead'],
  ['pods.spec.containers.name.foo'],
  ['svc.spec.ports'],
  ['no.status'],
  ['hpa.spec'],
  ['crd.spec.versions.schema.openAPIV3Schema.default'],
  ['crd', '--recursive'],
  ['cronjobs', '--api-version=batch/v1beta1'],
  ['deploy', '--api-version=apps/v1'],
  ['pods', '-o', 'plaintext-openapiv2'],
  ['pods', '--output=plaintext'],
  ['deployments.v1.apps.spec.replicas'],
  ['events.events.k8s.io.note'],
  ['pods.spec.foo'],
  ['nosuchtype'],
  ['deploy', '--api-version=apps/v1beta1'],
  ['pods', '--api-version=v1/x/y'],
  ['pods', '-o', 'json'],
  ['pods', 'svc'],
  [],
]

describe('ktl explain matches kubectl', () => {
  it.each(variants.map((args) => ({args, label: args.join(' ') || '(no arguments)'})))('explain $label', async ({args}) => {
    const [theirs, ours] = await Promise.all([kubectl(['explain', ...args]), ktl(['explain', ...args])])
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll('"kubectl api-resources"', '"ktl api-resources"')})
  })

  it('the readonly user gets the same documentation', async () => {
    const [theirs, ours] = await Promise.all([kubectl(['explain', 'deploy.spec.template'], {user: 'readonly'}), ktl(['explain', 'deploy.spec.template'], {user: 'readonly'})])
    expect(theirs.code).toBe(0)
    expect(ours).toEqual(theirs)
  })
})

describe('no cluster reachable', () => {
  it('kubectl fails; ktl explains from its bundled schemas and says so', async () => {
    const theirs = await kubectl(['explain', 'pods.spec.restartPolicy', '-s', 'https://127.0.0.1:1'])
    expect(theirs.code).toBe(1)
    const ours = await ktl(['explain', 'pods.spec.restartPolicy', '-s', 'https://127.0.0.1:1'])
    expect(ours.stderr).toBe(
      "Warning: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?; explaining from ktl's bundled Kubernetes 1.36 schemas\n",
    )
    expect(ours.stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\n\n\nDESCRIPTION:\n    Restart policy for all containers within the pod\. One of Always, OnFailure,\n/)
    expect(ours.code).toBe(0)
  })
})
