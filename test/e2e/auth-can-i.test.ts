// Differential: ktl auth can-i and kubectl 1.32 against the same real API server, as the admin user
// (allowed everything) and the readonly user (RBAC's view role): same yes/no, warnings, rule tables,
// errors and exit codes.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type E2EUser, ktl, kubectl, kubectlOK} from './helpers.js'

// A Role for the readonly user with rules that exercise the --list table's breakdown and merge:
// several groups and resources in one rule, the same resource in two rules, subresources, names.
const NS = 'e2e-can-i'
const rbac = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: mixed}
rules:
- {verbs: [get, list], apiGroups: ["", apps], resources: [pods, deployments/scale]}
- {verbs: [watch, get, deletecollection], apiGroups: [""], resources: [pods]}
- {verbs: [update], apiGroups: [""], resources: [configmaps], resourceNames: [a, b]}
- {verbs: ["*"], apiGroups: [batch], resources: [jobs/status, cronjobs]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: mixed}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: mixed}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: ktl-readonly}]
`

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `namespace/${NS}`, '--timeout=120s'])
  await kubectlOK(['create', 'namespace', NS])
  await kubectlOK(['apply', '-n', NS, '-f', '-'], {stdin: rbac})
}, 180_000)

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
}, 60_000)

const cases: string[][] = [
  ['get', 'pods'],
  ['create', 'pods'],
  ['attest', 'pods'],
  ['foo', 'pods'],
  ['get', 'nodes'],
  ['create', 'ns', '-A'],
  ['get', 'nosuch'],
  ['get', 'nosuch.apps'],
  ['get', 'a.b.c'],
  ['get', 'users'],
  ['get', 'pods/x'],
  ['get', 'pods', '--subresource=log'],
  ['get', '/logs/'],
  ['post', '/healthz'],
  ['frob', '/healthz'],
  ['get', 'pods', '-A'],
  ['*', '*'],
  ['get', 'pods', '-q'],
  ['create', 'pods', '-q'],
  ['get', 'deployments.v1.apps'],
  ['get', 'deployments.apps'],
  ['get', 'DEPLOY'],
  ['get', 'clusterroles.rbac.authorization.k8s.io'],
  ['delete', 'pods', '-n', 'kube-system'],
  ['--list'],
  ['--list', '--no-headers'],
  ['--list', '-n', 'kube-system'],
  ['--list', '-n', NS],
  ['update', 'configmaps/a', '-n', NS],
  ['update', 'configmaps/c', '-n', NS],
  ['get', 'deployments', '--subresource=scale', '-n', NS],
  ['patch', 'jobs.batch', '--subresource=status', '-n', NS],
  ['get', '/healthz', '--subresource=x'],
  ['get'],
  ['a', 'b', 'c'],
  ['get', 'pods', '--no-headers'],
  ['--list', 'get'],
  ['--list', '-A'],
  ['--list', '-q'],
  ['--list', '--subresource=x'],
]

const users: E2EUser[] = ['admin', 'readonly']

describe('ktl auth can-i matches kubectl', () => {
  it.each(users.flatMap((user) => cases.map((args) => ({user, args, label: args.join(' ')}))))('$user: auth can-i $label', async ({user, args}) => {
    const full = ['auth', 'can-i', ...args]
    const [theirs, ours] = await Promise.all([kubectl(full, {user}), ktl(full, {user})])
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll("'kubectl auth", "'ktl auth")})
  })

  it('the two users get different answers, with kubectl\'s exit codes', async () => {
    expect(await ktl(['auth', 'can-i', 'create', 'pods'], {user: 'admin'})).toEqual({stdout: 'yes\n', stderr: '', code: 0})
    expect(await ktl(['auth', 'can-i', 'create', 'pods'], {user: 'readonly'})).toEqual({stdout: 'no\n', stderr: '', code: 1})
  })
})

// This control plane serves no SelfSubjectReview API: both CLIs try v1, v1beta1 and v1alpha1 and say
// so the same way (the table itself is checked against the fake server, in test/unit/auth-whoami.test.ts).
describe('ktl auth whoami matches kubectl', () => {
  it.each([[[]], [['-o', 'yaml']], [['ignored-argument']], [['-o', 'wide']]])('auth whoami %j', async (args) => {
    const full = ['auth', 'whoami', ...args]
    const [theirs, ours] = await Promise.all([kubectl(full), ktl(full)])
    expect(ours).toEqual(theirs)
    expect(ours.code).toBe(1)
  })
})
