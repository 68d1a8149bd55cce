// Differential: the API server's Warning headers (here, for APIs kube-apiserver 1.20 calls
// deprecated) reach stderr as kubectl prints them: "Warning: TEXT", once each, before the output.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK} from './helpers.js'

const NS = 'e2e-warnings'
const OURS = `${NS}-ktl`
const THEIRS = `${NS}-kubectl`

const role = `apiVersion: rbac.authorization.k8s.io/v1beta1
kind: Role
metadata: {name: old}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
`

beforeAll(async () => {
  for (const ns of [OURS, THEIRS]) {
    await kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])
    await kubectlOK(['create', 'namespace', ns])
  }
})

afterAll(async () => {
  await kubectlOK(['delete', 'namespace', OURS, THEIRS, '--wait=false', '--ignore-not-found'])
})

describe('server warnings, as kubectl prints them', () => {
  it('get of a deprecated type: the warning, then the list', async () => {
    // Component health checks answer in no fixed order: stderr and the exit code are compared.
    const [ours, theirs] = await Promise.all([ktl(['get', 'componentstatuses']), kubectl(['get', 'componentstatuses'])])
    expect({stderr: ours.stderr, code: ours.code}).toEqual({stderr: theirs.stderr, code: theirs.code})
    expect(ours.stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n')
  })

  it.each([[['-n', OURS]], [['-A', '-o', 'name']]])('get ingresses.v1beta1.extensions %j: the same output', async (flags) => {
    const args = ['get', 'ingresses.v1beta1.extensions', ...flags]
    const [ours, theirs] = await Promise.all([ktl(args), kubectl(args.map((a) => (a === OURS ? THEIRS : a)))])
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll(THEIRS, OURS)})
    expect(ours.stderr).toContain('Warning: extensions/v1beta1 Ingress is deprecated in v1.14+')
  })

  it('apply of a manifest in a deprecated version: the warning once, then kubectl\'s line', async () => {
    const [ours, theirs] = await Promise.all([ktl(['apply', '-f', '-', '-n', OURS], {stdin: role}), kubectl(['apply', '-f', '-', '-n', THEIRS], {stdin: role})])
    expect(ours).toEqual(theirs)
    expect(ours.stderr).toMatch(/^Warning: rbac\.authorization\.k8s\.io\/v1beta1 Role is deprecated/)
  })
})
