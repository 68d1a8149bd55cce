// runCanI against a FakeServer: the review requests ktl sends, the answers RBAC on the e2e control
// plane never gives (a reason, an evaluation error, an incomplete rule list), and the rule table's
// breakdown, merge and order.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type CanIOptions, runCanI} from '../../src/lib/ops/auth-can-i.js'
import {compactRules} from '../../src/lib/resources/policy-rules.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-can-i-'))
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const base: CanIOptions = {args: [], allNamespaces: false, list: false, noHeaders: false, quiet: false, subresource: ''}
const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'
const SSRR = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews'
const json = (body: unknown) => ({headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})

async function canI(opts: Partial<CanIOptions>) {
  const {ctx, io} = testCtx(fake.url, home)
  let error: string | undefined
  try {
    await runCanI(ctx, {...base, ...opts})
  } catch (err) {
    error = (err as Error).message
  }
  return {stdout: io.stdout(), stderr: io.stderr(), error}
}

describe('access checks', () => {
  it('sends the resource attributes kubectl sends and prints yes', async () => {
    fake.on('POST', SSAR, (req) => {
      expect(JSON.parse(req.body).spec).toEqual({
        resourceAttributes: {namespace: 'default', verb: 'get', group: 'apps', resource: 'deployments', subresource: 'scale', name: 'web'},
      })
      return json({status: {allowed: true}})
    })
    expect(await canI({args: ['get', 'deploy/web'], subresource: 'scale'})).toEqual({stdout: 'yes\n', stderr: '', error: undefined})
  })

  it('no, with the reason and the evaluation error, fails silently (exit 1, nothing on stderr)', async () => {
    fake.on('POST', SSAR, json({status: {allowed: false, reason: 'no RBAC policy matched', evaluationError: 'webhook timed out'}}))
    expect(await canI({args: ['delete', 'nodes'], allNamespaces: true})).toEqual({stdout: 'no - no RBAC policy matched - webhook timed out\n', stderr: '', error: ''})
  })

  it('--quiet answers by the exit code only', async () => {
    fake.on('POST', SSAR, json({status: {allowed: false}}))
    expect(await canI({args: ['get', 'pods'], quiet: true})).toEqual({stdout: '', stderr: '', error: ''})
  })

  it('a URL is a non-resource check', async () => {
    fake.on('POST', SSAR, (req) => {
      expect(JSON.parse(req.body).spec).toEqual({nonResourceAttributes: {path: '/healthz', verb: 'get'}})
      return json({status: {allowed: true}})
    })
    expect((await canI({args: ['get', '/healthz']})).stdout).toBe('yes\n')
  })
})

describe('--list', () => {
  it('prints the review as kubectl\'s table (rules broken down, merged by verb, sorted by their Go String()), and warns when the server says it is incomplete', async () => {
    fake.on('POST', SSRR, (req) => {
      expect(JSON.parse(req.body).spec).toEqual({namespace: 'default'})
      return json({
        status: {
          resourceRules: [
            {verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments/scale']},
            {verbs: ['watch', 'get'], apiGroups: [''], resources: ['pods']},
            {verbs: ['update'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b']},
          ],
          nonResourceRules: [{verbs: ['get', 'head'], nonResourceURLs: ['/healthz']}],
          incomplete: true,
          evaluationError: 'webhook authorizer unavailable',
        },
      })
    })
    const out = await canI({list: true})
    expect(out.stderr).toBe('Warning: the list may be incomplete: webhook authorizer unavailable\n')
    expect(out.stdout).toBe(
      [
        'Resources                Non-Resource URLs   Resource Names   Verbs',
        'pods                     []                  []               [get list watch]',
        'deployments/scale        []                  []               [get list]',
        'deployments.apps/scale   []                  []               [get list]',
        'pods.apps                []                  []               [get list]',
        '                         [/healthz]          []               [get]',
        '                         [/healthz]          []               [head]',
        'configmaps               []                  [a]              [update]',
        'configmaps               []                  [b]              [update]',
        '',
      ].join('\n'),
    )
  })

  it('rules with no API group vanish, as in kubectl\'s breakdown', () => {
    expect(compactRules({resourceRules: [{verbs: ['get'], resources: ['pods']}]})).toEqual([])
  })
})
