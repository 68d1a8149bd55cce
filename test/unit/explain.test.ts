// runExplain against a FakeServer: the OpenAPI v3 path (which the 1.20 e2e control plane does not
// serve) byte for byte against kubectl 1.32's output for the same documents
// (fixtures/explain/kubectl-1.32-v3.json, recorded from kubectl 1.32 against a server serving
// fixtures/explain/v3-*.json), the v2 fallback and errors, and the bundled schemas with no cluster.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import {goWordWrap, fillLines} from '../../src/lib/explain/wrap.js'
import {memoryIO} from '../../src/lib/io.js'
import {type ExplainOptions, runExplain} from '../../src/lib/ops/explain.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

const FIXTURES = join(import.meta.dirname, '../fixtures/explain')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const json = (body: unknown) => ({headers: {'content-type': 'application/json'}, body: typeof body === 'string' ? body : JSON.stringify(body)})

interface Golden {
  args: string[]
  stdout: string
  stderr: string
  code: number
}

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-explain-'))
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

/** kubectl's flags as the command file turns them into options. */
function options(args: string[]): ExplainOptions {
  const opts: ExplainOptions = {args: [], recursive: false, output: 'plaintext'}
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--recursive') opts.recursive = true
    else if (a.startsWith('--api-version=')) opts.apiVersion = a.slice('--api-version='.length)
    else if (a === '-o') opts.output = args[++i]
    else opts.args.push(a)
  }
  return opts
}

async function explain(args: string[]): Promise<{stdout: string; stderr: string; code: number}> {
  const {ctx, io} = testCtx(fake.url, home)
  try {
    await runExplain(ctx, options(args))
    return {stdout: io.stdout(), stderr: io.stderr(), code: 0}
  } catch (err) {
    return {stdout: io.stdout(), stderr: `${io.stderr()}${(err as Error).message}\n`, code: 1}
  }
}

describe('a server with OpenAPI v3', () => {
  beforeEach(() => {
    fake.always('GET', '/openapi/v3', json({
      paths: {'api/v1': {serverRelativeURL: '/openapi/v3/api/v1?hash=ABC'}, 'apis/apps/v1': {serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=DEF'}},
    }))
    fake.always('GET', '/openapi/v3/api/v1', json(fixture('v3-api-v1.json')), {optional: true})
    fake.always('GET', '/openapi/v3/apis/apps/v1', json(fixture('v3-apis-apps-v1.json')), {optional: true})
  })

  const goldens = JSON.parse(fixture('kubectl-1.32-v3.json')) as Golden[]
  it.each(goldens.map((g) => ({...g, label: g.args.join(' ')})))('explain $label prints what kubectl 1.32 prints', async (golden) => {
    expect(await explain(golden.args)).toEqual({stdout: golden.stdout, stderr: golden.stderr, code: golden.code})
  })

  it('fetches the group/version document by its serverRelativeURL, hash included', async () => {
    await explain(['deploy.spec'])
    const doc = fake.requests.find((r) => r.path === '/openapi/v3/apis/apps/v1')
    expect(doc?.query.get('hash')).toBe('DEF')
    expect(fake.requests.some((r) => r.path === '/openapi/v2')).toBe(false)
  })

  it('--output=plaintext-openapiv2 asks for the v2 document only', async () => {
    fake.on('GET', '/openapi/v2', {headers: {'content-type': 'text/plain; charset=utf-8'}, body: JSON.stringify(swagger)})
    const ours = await explain(['pods.spec.restartPolicy', '-o', 'plaintext-openapiv2'])
    expect(ours).toEqual({
      stdout: 'KIND:     Pod\nVERSION:  v1\n\nFIELD:    restartPolicy <string>\n\nDESCRIPTION:\n     Restart policy for all containers within the pod.\n',
      stderr: '',
      code: 0,
    })
    expect(fake.requests.some((r) => r.path === '/openapi/v3')).toBe(false)
  })
})

// A v2 document small enough to read: Pod -> PodSpec (a reference), a map, a cycle.
const swagger = {
  definitions: {
    'io.k8s.api.core.v1.Pod': {
      description: 'Pod is a collection of containers.',
      properties: {spec: {$ref: '#/definitions/io.k8s.api.core.v1.PodSpec', description: 'Specification of the pod.'}},
      type: 'object',
      'x-kubernetes-group-version-kind': [{group: '', kind: 'Pod', version: 'v1'}],
    },
    'io.k8s.api.core.v1.PodSpec': {
      description: 'PodSpec is a description of a pod.',
      required: ['containers'],
      properties: {
        restartPolicy: {type: 'string', description: 'Restart policy for all containers within the pod.'},
        containers: {type: 'array', items: {$ref: '#/definitions/io.k8s.api.core.v1.PodSpec'}, description: 'A list.'},
        nodeSelector: {type: 'object', additionalProperties: {type: 'string'}, description: 'NodeSelector is a selector.'},
        raw: {type: 'object', description: 'Anything (100% opaque).'},
      },
      type: 'object',
    },
  },
}

describe('a server with OpenAPI v2 only', () => {
  beforeEach(() => {
    fake.always('GET', '/openapi/v3', {status: 404, headers: {'content-type': 'application/json'}, body: '{"paths":["/openapi/v2"]}'})
    fake.always('GET', '/openapi/v2', {headers: {'content-type': 'text/plain; charset=utf-8'}, body: JSON.stringify(swagger)}, {optional: true})
  })

  it('falls back to the v2 layout: RESOURCE, both descriptions, fields with -required-', async () => {
    expect(await explain(['pods.spec'])).toEqual({
      stdout: [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'RESOURCE: spec <Object>',
        '',
        'DESCRIPTION:',
        '     Specification of the pod.',
        '',
        '     PodSpec is a description of a pod.',
        '',
        'FIELDS:',
        '   containers\t<[]Object> -required-',
        '     A list.',
        '',
        '   nodeSelector\t<map[string]string>',
        '     NodeSelector is a selector.',
        '',
        '   raw\t<map[string]>',
        '     Anything (100% opaque).',
        '',
        '   restartPolicy\t<string>',
        '     Restart policy for all containers within the pod.',
        '',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    })
  })

  it('--recursive stops at a reference it is already inside', async () => {
    const ours = await explain(['pods', '--recursive'])
    expect(ours.stdout.split('FIELDS:\n')[1]).toBe(
      ['   spec\t<Object>', '      containers\t<[]Object>', '      nodeSelector\t<map[string]string>', '      raw\t<map[string]>', '      restartPolicy\t<string>', ''].join('\n'),
    )
  })

  it('an unknown field fails before anything is printed', async () => {
    expect(await explain(['pods.spec.nope'])).toEqual({stdout: '', stderr: 'error: field "nope" does not exist\n', code: 1})
  })

  it('--api-version the document does not have names the GVK as kubectl does', async () => {
    expect(await explain(['pods', '--api-version=v2'])).toEqual({stdout: '', stderr: 'error: couldn\'t find resource for "/v2, Kind=Pod"\n', code: 1})
  })

  it('any other --output fails with the v3 request\'s error, as kubectl does', async () => {
    expect(await explain(['pods', '-o', 'yaml'])).toEqual({
      stdout: '',
      stderr: 'error: failed to fetch list of groupVersions: the server could not find the requested resource\n',
      code: 1,
    })
  })
})

describe('arguments', () => {
  it('needs exactly one TYPE', async () => {
    const none = await explain([])
    expect(none.stderr).toBe('error: You must specify the type of resource to explain. Use "ktl api-resources" for a complete list of supported resources.\n')
    expect(await explain(['pods', 'svc'])).toEqual({stdout: '', stderr: 'error: We accept only this format: explain RESOURCE\n', code: 1})
  })

  it('an unknown type is the mapper\'s message, without "error: "', async () => {
    expect(await explain(['nosuchthing'])).toEqual({stdout: '', stderr: 'the server doesn\'t have a resource type "nosuchthing"\n', code: 1})
  })
})

describe('no cluster reachable', () => {
  async function offline(args: string[]) {
    const io = memoryIO()
    const ctx = createCtx({io, env: {}, homeDir: home, overrides: {server: 'https://127.0.0.1:1'}})
    try {
      await runExplain(ctx, options(args))
      return {stdout: io.stdout(), stderr: io.stderr(), code: 0}
    } catch (err) {
      return {stdout: io.stdout(), stderr: `${io.stderr()}${(err as Error).message}\n`, code: 1}
    }
  }
  const warning =
    "Warning: The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?; explaining from ktl's bundled Kubernetes 1.36 schemas\n"

  beforeEach(async () => {
    // Nothing here talks to the fake server.
    await fake.close()
    fake = await FakeServer.start()
  })

  it('explains from the bundled schemas with their descriptions, in the v3 layout', async () => {
    expect(await offline(['deployments.spec.strategy'])).toEqual({
      stdout: [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '',
        '',
        '',
      ].join('\n'),
      stderr: warning,
      code: 0,
    })
  })

  it('falls back too when discovery comes from the disk cache and only the OpenAPI request finds no server', async () => {
    await fake.close()
    fake = await FakeServer.start()
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
    fake.always('GET', '/openapi/v3', {status: 404, headers: {'content-type': 'application/json'}, body: '{}'})
    fake.always('GET', '/openapi/v2', {headers: {'content-type': 'text/plain'}, body: JSON.stringify(swagger)})
    const first = testCtx(fake.url, home)
    await runExplain(first.ctx, options(['pods.spec.restartPolicy']))
    expect(first.io.stdout()).toContain('FIELD:    restartPolicy <string>')
    const url = fake.url
    await fake.close()
    const cached = testCtx(url, home)
    await runExplain(cached.ctx, options(['pods.spec.restartPolicy']))
    expect(cached.io.stderr()).toBe(
      `Warning: The connection to the server ${new URL(url).host} was refused - did you specify the right host or port?; explaining from ktl's bundled Kubernetes 1.36 schemas\n`,
    )
    expect(cached.io.stdout()).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nFIELD: restartPolicy <string>\n/)
    fake = await FakeServer.start()
  })

  it('gives the server types their v3 names: Quantity, IntOrString as string, Time as string', async () => {
    const limits = await offline(['pods.spec.containers.resources', '--recursive'])
    expect(limits.stdout).toContain('  limits\t<map[string]Quantity>\n')
    const surge = await offline(['deployment.spec.strategy.rollingUpdate.maxSurge'])
    expect(surge.stdout).toContain('FIELD: maxSurge <string>\n')
    const created = await offline(['pod.metadata.creationTimestamp'])
    expect(created.stdout).toContain('FIELD: creationTimestamp <string>\n')
  })

  it('-o plaintext-openapiv2 uses the v2 layout', async () => {
    const ours = await offline(['Pod.spec.restartPolicy', '-o', 'plaintext-openapiv2'])
    expect(ours.stdout.split('\n').slice(0, 6)).toEqual(['KIND:     Pod', 'VERSION:  v1', '', 'FIELD:    restartPolicy <string>', '', 'DESCRIPTION:'])
    expect(ours.code).toBe(0)
  })

  it('--api-version picks another served version; unknown fields fail as online', async () => {
    expect((await offline(['horizontalpodautoscalers', '--api-version=autoscaling/v1'])).stdout).toMatch(/^GROUP:      autoscaling\nKIND:       HorizontalPodAutoscaler\nVERSION:    v1\n/)
    expect(await offline(['deployments', '--api-version=apps/v9'])).toEqual({stdout: '', stderr: `${warning}error: couldn't find resource for "apps/v9, Resource=deployments"\n`, code: 1})
    expect(await offline(['deploy'])).toEqual({
      stdout: '',
      stderr: `${warning}error: the bundled Kubernetes 1.36 schemas have no resource type "deploy" (short names need a cluster)\n`,
      code: 1,
    })
    expect(await offline(['pods.spec.nope'])).toEqual({stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: `${warning}error: field "nope" does not exist\n`, code: 1})
  })
})

describe('wrapping', () => {
  it('go-wordwrap keeps long words whole and drops the space at a break', () => {
    expect(goWordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc')
    expect(goWordWrap('a verylongword b', 5)).toBe('a\nverylongword\nb')
    expect(goWordWrap('one\n\ntwo  three', 6)).toBe('one\n\ntwo\nthree')
  })

  it("the v2 filler keeps code blocks, blank lines and list items, and joins the rest", () => {
    expect(fillLines('first line\njoined here\n\n    code  block\n- item one\n1. item two:\nnext', 20)).toEqual([
      'first line joined',
      'here',
      '',
      '    code  block',
      '- item one',
      '1. item two:',
      'next',
    ])
  })
})

