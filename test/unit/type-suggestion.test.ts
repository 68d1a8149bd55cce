// ktl's "Did you mean" line under kubectl's error for a resource type the server does not have: the
// closest name, the error discovery raises with it, and the verbs that pass it on (and say so in --help).
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {closestResourceName, TYPE_SUGGESTION_HELP} from '../../src/lib/discovery/suggest.js'
import type {APIResource} from '../../src/lib/discovery/types.js'
import {CliError, NoResourceTypeError} from '../../src/lib/errors.js'
import {runDescribe} from '../../src/lib/ops/describe.js'
import {runEvents} from '../../src/lib/ops/events.js'
import {runExplain} from '../../src/lib/ops/explain.js'
import {runGet} from '../../src/lib/ops/get.js'
import {runScale} from '../../src/lib/ops/scale.js'
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

const LINE = 'the server doesn\'t have a resource type "deploymnets"'
const HINT = 'Did you mean "deployments"?'

describe('verbs given an unknown resource type', () => {
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
    await expect(run).rejects.toThrow(new NoResourceTypeError('deploymnets', `error: ${LINE}`, 'deployments'))
    await expect(run).rejects.toThrow(`error: ${LINE}\n${HINT}`)
  })

  it("only kubectl's line when nothing is close", async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runGet(ctx, {...GET_DEFAULTS, args: ['zzzzzz']})).rejects.toThrow(/^error: the server doesn't have a resource type "zzzzzz"$/)
  })

  it('describe, scale: kubectl\'s error line, then the hint', async () => {
    const {ctx} = testCtx(fake.url, home)
    const expected = new NoResourceTypeError('deploymnets', `error: ${LINE}`, 'deployments')
    await expect(runDescribe(ctx, {args: ['deploymnets', 'web'], allNamespaces: false, showEvents: true, chunkSize: 500})).rejects.toThrow(expected)
    const scale = {args: ['deploymnets/web'], filenames: [], recursive: false, all: false, allNamespaces: false, replicas: 1, currentReplicas: -1, timeoutMs: 0, dryRun: 'none', allowMissingTemplateKeys: true}
    await expect(runScale(ctx, scale)).rejects.toThrow(expected)
  })

  it('explain and events --for, which print kubectl\'s line without "error: ", keep the hint', async () => {
    const {ctx} = testCtx(fake.url, home)
    await expect(runExplain(ctx, {args: ['deploymnets.spec'], recursive: false, output: 'plaintext'})).rejects.toThrow(new CliError(`${LINE}\n${HINT}`))
    await expect(runEvents(ctx, {allNamespaces: false, for: 'deploymnets/web', types: [], watch: false, noHeaders: false, chunkSize: 500})).rejects.toThrow(
      new CliError(`${LINE}\n${HINT}`),
    )
  })
})

describe('--help of every verb that resolves TYPE arguments', () => {
  type Help = {default: {description?: string}}
  const verbs = ['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'patch', 'edit', 'explain', 'wait', 'events', 'logs']
  const commands: Array<[string, () => Promise<Help>]> = [
    ...verbs.map((verb): [string, () => Promise<Help>] => [verb, () => import(`../../src/commands/${verb}.ts`)]),
    ...['status', 'history', 'undo', 'restart', 'pause', 'resume'].map((sub): [string, () => Promise<Help>] => [`rollout ${sub}`, () => import(`../../src/commands/rollout/${sub}.ts`)]),
    ['create job', () => import('../../src/commands/create/job.js')],
  ]
  it.each(commands)('%s says it adds the hint', async (_, load) => {
    expect((await load()).default.description).toContain(`\n\n${TYPE_SUGGESTION_HELP}`)
  })
})
