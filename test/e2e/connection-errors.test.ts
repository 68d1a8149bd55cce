// A failed connection as label, annotate, patch, apply and delete report it, next to kubectl 1.32 run
// the same way: against a fake API server that serves discovery and drops the connection of chosen
// requests, and against a port nothing listens on. kubectl's CheckErr prints a lone failed
// connection as its standard line without "error: ", several one a line, and -f documents it could
// not map (the server's types unknown) as "unable to recognize FILE: <request>: <cause>".
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {serveDiscovery} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'
import {ktl, kubectl, type Run} from './helpers.js'

const CM = '/api/v1/namespaces/default/configmaps'
const configMap = (name: string, extra: object = {}) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: 'default', resourceVersion: '1', ...extra}})
const manifest = (...names: string[]) => names.map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`).join('---\n')

// client-go's discovery log lines ("E1207 18:48:27.261545 17974 memcache.go:265] ..."), which ktl does not print.
const KLOG = /^E\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ memcache\.go:\d+\] .*\n/gm

let server: FakeServer
// Made when the file loads: the expected lines name files in it.
const dir = mkdtempSync(join(tmpdir(), 'ktl-connection-errors-'))

beforeAll(async () => {
  server = await FakeServer.start()
  serveDiscovery(server, {aggregated: 'v2', times: Number.POSITIVE_INFINITY})
  const routes: Array<[string, string, object]> = [
    ['GET', '/version', {body: {major: '1', minor: '20', gitVersion: 'v1.20.0'}}],
    ['GET', `${CM}/x`, {body: configMap('x')}],
    ['GET', `${CM}/w`, {body: configMap('w')}],
    ['GET', `${CM}/gone`, {destroy: true}],
    ['PATCH', `${CM}/x`, {destroy: true}],
    ['PATCH', `${CM}/w`, {body: configMap('w', {labels: {a: 'b'}, annotations: {a: 'b'}})}],
    ['DELETE', `${CM}/x`, {destroy: true}],
    ['DELETE', `${CM}/w`, {body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: {name: 'w', kind: 'configmaps', uid: 'u'}}}],
  ]
  for (const [method, path, reply] of routes) server.always(method, path, reply, {optional: true})
  writeFileSync(join(dir, 'x.yaml'), manifest('x'))
  writeFileSync(join(dir, 'xw.yaml'), manifest('x', 'w'))
  writeFileSync(join(dir, 'wx.yaml'), manifest('w', 'x'))
  for (const [name, url] of [['fake', server.url], ['closed', 'https://127.0.0.1:1']]) {
    const cluster = url.startsWith('https') ? `{server: '${url}', insecure-skip-tls-verify: true}` : `{server: '${url}'}`
    writeFileSync(
      join(dir, `${name}.kubeconfig`),
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: ${cluster}}]\ncontexts: [{name: c, context: {cluster: c, user: u, namespace: default}}]\ncurrent-context: c\nusers: [{name: u, user: {token: t}}]\n`,
    )
  }
})

afterAll(async () => {
  await server.close()
  rmSync(dir, {recursive: true, force: true})
})

/** Both CLIs with the same arguments (file names relative to the test's folder), each with a fresh HOME. */
async function both(target: 'fake' | 'closed', args: string[]): Promise<{ours: Run; theirs: Run}> {
  const full = ['--kubeconfig', join(dir, `${target}.kubeconfig`), ...args.map((a) => (a.endsWith('.yaml') ? join(dir, a) : a))]
  const home = (cli: string) => mkdtempSync(join(dir, `home-${cli}-`))
  const [ours, theirs] = await Promise.all([ktl(full, {noKubeconfig: true, env: {HOME: home('ktl')}}), kubectl(full, {noKubeconfig: true, env: {HOME: home('kubectl')}})])
  return {ours, theirs: {...theirs, stderr: theirs.stderr.replace(KLOG, '')}}
}

describe('a dropped connection, as kubectl reports it', () => {
  const cases: Array<[string, string[], Partial<Run>]> = [
    ['label: the PATCH dropped', ['label', 'cm', 'x', 'a=b'], {stdout: '', stderr: 'Unable to connect to the server: EOF\n'}],
    ['label: one PATCH dropped, the next object labeled', ['label', 'cm', 'x', 'w', 'a=b'], {stdout: 'configmap/w labeled\n', stderr: 'Unable to connect to the server: EOF\n'}],
    ['label: the GET dropped, the next object labeled', ['label', 'cm', 'gone', 'w', 'a=b'], {stdout: 'configmap/w labeled\n', stderr: 'Unable to connect to the server: EOF\n'}],
    ['label: two dropped, one line each', ['label', 'cm', 'gone', 'x', 'a=b'], {stderr: 'Unable to connect to the server: EOF\nUnable to connect to the server: EOF\n'}],
    ['label -f: the PATCH dropped', ['label', '-f', 'x.yaml', 'a=b'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['annotate: the PATCH dropped', ['annotate', 'cm', 'x', 'a=b'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['patch: the PATCH dropped', ['patch', 'cm', 'x', '--type=merge', '-p', '{"data":{"a":"b"}}'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['patch: one PATCH dropped, the next object patched', ['patch', 'cm', 'x', 'w', '--type=merge', '-p', '{"data":{"a":"b"}}'], {stdout: 'configmap/w patched\n'}],
    ['patch -f: the PATCH dropped', ['patch', '-f', 'x.yaml', '--type=merge', '-p', '{"data":{"a":"b"}}'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['apply --server-side: the PATCH dropped', ['apply', '--server-side', '--validate=false', '-f', 'x.yaml'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['apply --server-side: one PATCH dropped, the next object applied', ['apply', '--server-side', '--validate=false', '-f', 'xw.yaml'], {stdout: 'configmap/w serverside-applied\n'}],
    ['delete: the DELETE dropped', ['delete', 'cm', 'x'], {stderr: 'Unable to connect to the server: EOF\n'}],
    ['delete: one DELETE dropped, the next object deleted', ['delete', 'cm', 'x', 'w'], {stdout: 'configmap "w" deleted\n', stderr: 'Unable to connect to the server: EOF\n'}],
  ]
  it.each(cases)('%s', async (_name, args, expected) => {
    const {ours, theirs} = await both('fake', args)
    expect(ours).toEqual(theirs)
    expect(ours).toMatchObject({code: 1, ...expected})
  })

  it('delete -f: wrapped in "error when deleting FILE", the dropped request prints as Go\'s url.Error', async () => {
    const {ours, theirs} = await both('fake', ['delete', '-f', 'wx.yaml'])
    expect(ours).toEqual(theirs)
    expect(ours).toEqual({code: 1, stdout: 'configmap "w" deleted\n', stderr: `error: error when deleting "${join(dir, 'wx.yaml')}": Delete "${server.url}${CM}/x": EOF\n`})
  })

  it('no request went unanswered', () => {
    expect(server.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([])
  })
})

describe('a port nothing listens on, as kubectl reports it (its client-go log lines aside)', () => {
  const refused = 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n'
  const unrecognized = (file: string) => `unable to recognize "${join(dir, file)}": Get "https://127.0.0.1:1/api?timeout=32s": dial tcp 127.0.0.1:1: connect: connection refused`
  const cases: Array<[string, string[], string]> = [
    ['label by name', ['label', 'cm', 'x', 'a=b'], refused],
    ['patch by name', ['patch', 'cm', 'x', '-p', '{}'], refused],
    ['delete by name', ['delete', 'cm', 'x'], refused],
    ['label -f: each document unrecognized', ['label', '-f', 'xw.yaml', 'a=b'], `${unrecognized('xw.yaml')}\n${unrecognized('xw.yaml')}\n`],
    ['apply -f, one document', ['apply', '--validate=false', '-f', 'x.yaml'], `error: ${unrecognized('x.yaml')}\n`],
    ['apply -f, two documents', ['apply', '--validate=false', '-f', 'xw.yaml'], `${unrecognized('xw.yaml')}\n${unrecognized('xw.yaml')}\n`],
    ['delete -f, one document', ['delete', '-f', 'x.yaml'], `error: ${unrecognized('x.yaml')}\n`],
    ['delete -f, two documents', ['delete', '-f', 'xw.yaml'], `${unrecognized('xw.yaml')}\n${unrecognized('xw.yaml')}\n`],
  ]
  it.each(cases)('%s', async (_name, args, stderr) => {
    const {ours, theirs} = await both('closed', args)
    expect(ours).toEqual(theirs)
    expect(ours).toEqual({code: 1, stdout: '', stderr})
  })
})
