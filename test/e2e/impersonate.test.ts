// Differential: the global --as, --as-group and --as-uid flags, ktl against kubectl 1.32 on the same
// real API server. The admin user may impersonate anyone; the readonly user may not. A RoleBinding
// gives NS's default service account the view role, so impersonating it answers differently by verb.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type E2EUser, ktl, kubectl, kubectlOK} from './helpers.js'

const NS = 'e2e-impersonate'
const SA = `system:serviceaccount:${NS}:default`

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `namespace/${NS}`, '--timeout=120s'])
  await kubectlOK(['create', 'namespace', NS])
  await kubectlOK(['create', 'rolebinding', 'sa-view', '--clusterrole=view', `--serviceaccount=${NS}:default`, '-n', NS])
}, 180_000)

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
}, 60_000)

async function same(args: string[], user: E2EUser = 'admin') {
  const [theirs, ours] = await Promise.all([kubectl(args, {user}), ktl(args, {user})])
  expect(ours).toEqual(theirs)
  return ours
}

describe('impersonation flags match kubectl', () => {
  it('auth can-i as a service account: no for create, yes for list where it is bound', async () => {
    expect(await same(['auth', 'can-i', 'create', 'pods', `--as=${SA}`, '-n', NS])).toEqual({stdout: 'no\n', stderr: '', code: 1})
    expect(await same(['auth', 'can-i', 'list', 'pods', `--as=${SA}`, '-n', NS])).toEqual({stdout: 'yes\n', stderr: '', code: 0})
  })

  it('--as-group=system:masters makes any user an admin, given before the command too', async () => {
    expect(await same(['auth', 'can-i', 'create', 'pods', '--as=someone', '--as-group=system:masters', '-n', NS])).toEqual({stdout: 'yes\n', stderr: '', code: 0})
    expect(await same(['--as', 'someone', '--as-group', 'system:masters', '--as-uid', '42', 'auth', 'can-i', 'delete', 'deployments.apps', '-n', NS])).toEqual({stdout: 'yes\n', stderr: '', code: 0})
  })

  it('auth can-i --list shows the impersonated user\'s rules', async () => {
    const run = await same(['auth', 'can-i', '--list', `--as=${SA}`, '-n', NS])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('pods ')
  })

  it('get as a user with no rights: the server\'s Forbidden line', async () => {
    expect(await same(['get', 'pods', '--as=someone', '-n', NS])).toEqual({
      stdout: '',
      stderr: `Error from server (Forbidden): pods is forbidden: User "someone" cannot list resource "pods" in API group "" in the namespace "${NS}"\n`,
      code: 1,
    })
  })

  // Without -n: kubectl's builder words a configuration error found with -n differently ("Error in configuration: ...").
  it('--as-group or --as-uid without --as: kubectl\'s configuration error', async () => {
    const error = {stdout: '', stderr: 'error: requesting uid, groups or user-extra for admin without impersonating a user\n', code: 1}
    expect(await same(['get', 'pods', '--as-group=system:masters'])).toEqual(error)
    expect(await same(['auth', 'can-i', 'get', 'pods', '--as-uid=42', '-n', NS])).toEqual(error)
  })

  it('a user not allowed to impersonate is refused by the server', async () => {
    const refused = {
      stdout: '',
      stderr: 'Error from server (Forbidden): users "someone" is forbidden: User "ktl-readonly" cannot impersonate resource "users" in API group "" at the cluster scope\n',
      code: 1,
    }
    expect(await same(['get', 'pods', '--as=someone', '-n', NS], 'readonly')).toEqual(refused)
    expect(await same(['auth', 'can-i', 'get', 'pods', '--as=someone', '-n', NS], 'readonly')).toEqual(refused)
  })
})
