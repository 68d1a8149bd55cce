// runWhoAmI against a FakeServer: the e2e control plane serves no SelfSubjectReview API, so the
// table, the fallbacks to older versions and the refusals are checked here.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {runWhoAmI, type WhoAmIOptions} from '../../src/lib/ops/auth-whoami.js'
import {testCtx} from '../fixtures/discovery/index.js'
import {FakeServer, statusBody} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-whoami-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const base: WhoAmIOptions = {output: '', allowMissingTemplateKeys: true, showManagedFields: false}
const path = (version: string) => `/apis/authentication.k8s.io/${version}/selfsubjectreviews`
const review = (version: string, userInfo: Record<string, unknown>) => ({
  body: {kind: 'SelfSubjectReview', apiVersion: `authentication.k8s.io/${version}`, metadata: {creationTimestamp: null}, status: {userInfo}},
})
const notFound = statusBody(404, 'NotFound', 'the server could not find the requested resource')

async function whoami(opts: Partial<WhoAmIOptions> = {}) {
  const {ctx, io} = testCtx(fake.url, home)
  let error: string | undefined
  try {
    await runWhoAmI(ctx, {...base, ...opts})
  } catch (err) {
    error = (err as Error).message
  }
  fake.verify()
  return {stdout: io.stdout(), stderr: io.stderr(), error}
}

describe('auth whoami', () => {
  it('prints the attributes the server gave in an ATTRIBUTE/VALUE table, extra keys sorted', async () => {
    fake.on('POST', path('v1'), (req) => {
      expect(JSON.parse(req.body)).toEqual({kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {creationTimestamp: null}, status: {userInfo: {}}})
      return review('v1', {username: 'jane@example.com', uid: 'u-1', groups: ['dev', 'system:authenticated'], extra: {'scopes.example/b': ['x', 'y'], 'a.example/team': ['web']}})
    })
    expect(await whoami()).toEqual({
      stdout:
        'ATTRIBUTE                 VALUE\n' +
        'Username                  jane@example.com\n' +
        'UID                       u-1\n' +
        'Groups                    [dev system:authenticated]\n' +
        'Extra: a.example/team     [web]\n' +
        'Extra: scopes.example/b   [x y]\n',
      stderr: '',
      error: undefined,
    })
  })

  it('leaves out the attributes the server left empty', async () => {
    fake.on('POST', path('v1'), review('v1', {username: 'system:anonymous'}))
    expect((await whoami()).stdout).toBe('ATTRIBUTE   VALUE\nUsername    system:anonymous\n')
  })

  it('falls back to v1beta1, then v1alpha1, when the newer version is not served', async () => {
    fake.on('POST', path('v1'), notFound)
    fake.on('POST', path('v1beta1'), notFound)
    fake.on('POST', path('v1alpha1'), review('v1alpha1', {username: 'admin', groups: ['system:masters']}))
    expect((await whoami()).stdout).toBe('ATTRIBUTE   VALUE\nUsername    admin\nGroups      [system:masters]\n')
  })

  it('none served: kubectl\'s two lines', async () => {
    for (const version of ['v1', 'v1beta1', 'v1alpha1']) fake.on('POST', path(version), notFound)
    expect((await whoami()).error).toBe(
      'error: the selfsubjectreviews API is not enabled in the cluster\nenable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API',
    )
  })

  it('forbidden: kubectl\'s line, without trying older versions', async () => {
    fake.on('POST', path('v1'), statusBody(403, 'Forbidden', 'selfsubjectreviews.authentication.k8s.io is forbidden'))
    expect((await whoami()).error).toBe('error: the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it')
  })

  it('-o json prints the review as the server sent it; --template alone keeps the table', async () => {
    fake.on('POST', path('v1'), review('v1', {username: 'admin', groups: ['system:masters']}))
    expect((await whoami({output: 'json'})).stdout).toBe(
      '{\n    "kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",\n    "metadata": {\n        "creationTimestamp": null\n    },\n' +
        '    "status": {\n        "userInfo": {\n            "username": "admin",\n            "groups": [\n                "system:masters"\n            ]\n        }\n    }\n}\n',
    )
    fake.on('POST', path('v1'), review('v1', {username: 'admin'}))
    expect((await whoami({template: '{{.kind}}'})).stdout).toBe('ATTRIBUTE   VALUE\nUsername    admin\n')
  })

  it('an -o no printer takes fails before any request', async () => {
    expect((await whoami({output: 'wide'})).error).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    )
    expect(fake.requests).toEqual([])
  })
})
