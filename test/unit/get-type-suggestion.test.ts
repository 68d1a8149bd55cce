// ktl get's "Did you mean" line under kubectl's error for a resource type the server does not have.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {closestResourceName} from '../../src/lib/discovery/suggest.js'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {NoResourceTypeError} from '../../src/lib/errors.js'
import {runGet} from '../../src/lib/ops/get.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'
import {GET_DEFAULTS} from '../support/get-options.js'

const resource = (name: string, singularName: string, group: string, shortNames: string[] = []): APIResource => ({
  name, singularName, group, shortNames, version: 'v1', kind: '', namespaced: true, verbs: [], categories: [],
})
const RESOURCES = [resource('pods', 'pod', '', ['po']), resource('deployments', 'deployment', 'apps', ['deploy']), resource('daemonsets', '', 'apps', ['ds'])]

describe('closestResourceName', () => {
  it('the closest plural, singular or short name within two edits', () => {
    expect(closestResourceName('deploymnets', RESOURCES)).toBe('deployments')
    expect(closestResourceName('deploymnet', RESOURCES)).toBe('deployment')
    expect(closestResourceName('pdos', RESOURCES)).toBe('pods')
    expect(closestResourceName('dz', RESOURCES)).toBe('ds')
    expect(closestResourceName('widgets', RESOURCES)).toBeUndefined()
  })

  it('nothing for a word with fewer letters than the edits it would take (an empty type, "x")', () => {
    expect(closestResourceName('', RESOURCES)).toBeUndefined()
    expect(closestResourceName('x', RESOURCES)).toBeUndefined()
    expect(closestResourceName('p', RESOURCES)).toBe('po')
  })

  it('a name with a dot against plural.group and singular.group', () => {
    expect(closestResourceName('deploymnets.apps', RESOURCES)).toBe('deployments.apps')
    expect(closestResourceName('daemonset.apps', RESOURCES)).toBe('daemonsets.apps')
    expect(closestResourceName('pods.v1', RESOURCES)).toBeUndefined()
  })
})

describe('runGet with an unknown resource type', () => {
  let fake: FakeServer
  let home: string
  beforeEach(async () => {
    fake = await FakeServer.start()
    home = mkdtempSync(join(tmpdir(), 'ktl-get-suggest-'))
    serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
  })
  afterEach(async () => {
    await fake.close()
    rmSync(home, {recursive: true, force: true})
  })

  it("keeps kubectl's line and adds the closest type the server has", async () => {
    const {ctx} = testCtx(fake.url, home)
    const run = runGet(ctx, {...GET_DEFAULTS, args: ['deploymnets']})
    await expect(run).rejects.toThrow(new NoResourceTypeError('deploymnets', 'error: the server doesn\'t have a resource type "deploymnets"\nDid you mean "deployments"?'))
  })

  it("only kubectl's line when nothing is close", async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runGet(ctx, {...GET_DEFAULTS, args: ['zzzzzz']})).rejects.toThrow(/^error: the server doesn't have a resource type "zzzzzz"$/)
  })
})
