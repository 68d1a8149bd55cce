// `ktl api-versions` against a fake server: kubectl's sorted list, always fetched afresh, and
// kubectl's sentence when the server cannot answer.
import {mkdtempSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CliError} from '../../src/lib/errors.js'
import {runAPIVersions} from '../../src/lib/ops/api-versions.js'
import {FakeServer} from '../support/fake-server.js'
import {fixtureText, serveDiscovery, testCtx} from '../fixtures/discovery/index.js'

let fake: FakeServer
let home: string

beforeEach(async () => {
  fake = await FakeServer.start()
  home = mkdtempSync(join(tmpdir(), 'ktl-api-versions-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(home, {recursive: true, force: true})
})

const JSON_TYPE = {'content-type': 'application/json'}

describe('api-versions', () => {
  it('prints every group/version sorted, as kubectl does, from /api and /apis only', async () => {
    fake.on('GET', '/api', {headers: JSON_TYPE, body: fixtureText('v1.20/api.json')}, {times: 2})
    fake.on('GET', '/apis', {headers: JSON_TYPE, body: fixtureText('v1.20/apis.json')}, {times: 2})
    for (let i = 0; i < 2; i++) {
      const {ctx, io} = testCtx(fake.url, home)
      await runAPIVersions(ctx, {args: []})
      expect(io.stdout()).toBe(fixtureText('kubectl-1.32/api-versions.txt').replace('stable.example.com/v1\n', ''))
    }
    // Never from the cache: the second run asked again.
    fake.verify()
  })

  it('lists the same from aggregated discovery', async () => {
    serveDiscovery(fake, {aggregated: 'v2'})
    const {ctx, io} = testCtx(fake.url, home)
    await runAPIVersions(ctx, {args: []})
    expect(io.stdout()).toBe(fixtureText('kubectl-1.32/api-versions.txt'))
  })

  it('says which request failed when the server is unreachable', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const {port} = probe.address() as {port: number}
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const {ctx} = testCtx(`http://127.0.0.1:${port}`, home)
    await expect(runAPIVersions(ctx, {args: []})).rejects.toThrow(
      new CliError(
        `error: couldn't get available api versions from server: Get "http://127.0.0.1:${port}/api?timeout=32s": dial tcp 127.0.0.1:${port}: connect: connection refused`,
      ),
    )
  })

  it('gives the generic message for a rejected token', async () => {
    fake.on('GET', '/api', {status: 401, headers: JSON_TYPE, body: JSON.stringify({kind: 'Status', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401})})
    fake.on('GET', '/apis', {status: 401, headers: JSON_TYPE, body: '{}'}, {optional: true})
    const {ctx} = testCtx(fake.url, home)
    await expect(runAPIVersions(ctx, {args: []})).rejects.toThrow(
      new CliError("error: couldn't get available api versions from server: the server has asked for the client to provide credentials"),
    )
  })

  it('takes no arguments', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runAPIVersions(ctx, {args: ['foo']})).rejects.toThrow(
      new CliError("error: unexpected arguments: [foo]\nSee 'ktl api-versions -h' for help and examples"),
    )
    expect(fake.requests).toEqual([])
  })
})
