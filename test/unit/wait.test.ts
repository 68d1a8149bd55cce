// wait's pure parts: --for as kubectl parses it, and whether an object meets a condition or a
// jsonpath value; and runWait against the fake server for a condition that becomes true while watched.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {memoryIO} from '../../src/lib/io.js'
import type {KubeObject} from '../../src/lib/resources/objects.js'
import {runWait, type WaitOptions} from '../../src/lib/ops/wait.js'
import {conditionMet, parseWaitFor, waitMet} from '../../src/lib/wait/conditions.js'
import {serveDiscovery, testCtx} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'

describe('parseWaitFor', () => {
  it('reads delete, create and conditions as kubectl does', () => {
    expect(parseWaitFor('Delete')).toEqual({kind: 'delete'})
    expect(parseWaitFor('CREATE')).toEqual({kind: 'create'})
    expect(parseWaitFor('condition=Ready')).toEqual({kind: 'condition', name: 'Ready', value: 'true'})
    expect(parseWaitFor('condition=Ready=False')).toEqual({kind: 'condition', name: 'Ready', value: 'False'})
    expect(parseWaitFor('condition=a=b=c')).toEqual({kind: 'condition', name: 'a', value: 'b=c'})
  })

  it("refuses what kubectl refuses, in kubectl's words", () => {
    expect(() => parseWaitFor('')).toThrow(/^error: unrecognized condition: ""$/)
    expect(() => parseWaitFor('condition')).toThrow(/^error: unrecognized condition: "condition"$/)
    expect(() => parseWaitFor('jsonpath')).toThrow(/^error: unrecognized condition: "jsonpath"$/)
    expect(() => parseWaitFor('jsonpath=')).toThrow(/^error: jsonpath expression cannot be empty$/)
    expect(() => parseWaitFor('jsonpath={}')).toThrow(/^error: unexpected path string/)
    expect(() => parseWaitFor('jsonpath={.a}=')).toThrow("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
    expect(() => parseWaitFor('jsonpath=a=b=c')).toThrow(
      "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    )
  })
})

describe('conditionMet', () => {
  const pod = (conditions: unknown[], generation?: number, observedGeneration?: number) => ({
    metadata: {name: 'p', generation},
    status: {conditions, observedGeneration},
  })

  it('matches the type and status in any case, true by default', () => {
    expect(conditionMet(pod([{type: 'Ready', status: 'True'}]), 'ready', 'true')).toBe(true)
    expect(conditionMet(pod([{type: 'Ready', status: 'False'}]), 'Ready', 'true')).toBe(false)
    expect(conditionMet(pod([{type: 'Ready', status: 'False'}]), 'Ready', 'FALSE')).toBe(true)
    expect(conditionMet(pod([{type: 'Other', status: 'True'}]), 'Ready', 'true')).toBe(false)
    expect(conditionMet({metadata: {}}, 'Ready', 'true')).toBe(false)
  })

  it('is not met for a generation the controller has not seen yet', () => {
    expect(conditionMet(pod([{type: 'Available', status: 'True'}], 3, 2), 'Available', 'true')).toBe(false)
    expect(conditionMet(pod([{type: 'Available', status: 'True', observedGeneration: 3}], 3, 2), 'Available', 'true')).toBe(true)
    expect(conditionMet(pod([{type: 'Available', status: 'True'}], 3, 3), 'Available', 'true')).toBe(true)
  })
})

describe('jsonpath waits', () => {
  const pod = {metadata: {name: 'p', labels: {run: 'p'}}, spec: {containers: [{name: 'a'}, {name: 'b'}], terminationGracePeriodSeconds: 30}, status: {phase: 'Running'}}
  const met = (forText: string, object: KubeObject = pod) => {
    const forWhat = parseWaitFor(forText)
    if (forWhat.kind !== 'jsonpath') throw new Error('not a jsonpath wait')
    return waitMet(forWhat, object)
  }

  it('compares the value as Go prints it, trimmed and without quotes', () => {
    expect(met('jsonpath={.status.phase}=Running')).toBe(true)
    expect(met("jsonpath={.status.phase}='Running'")).toBe(true)
    expect(met('jsonpath=.status.phase=Pending')).toBe(false)
    expect(met('jsonpath={.spec.terminationGracePeriodSeconds}=30')).toBe(true)
    expect(met('jsonpath={.spec.containers[0].name}= a ')).toBe(true)
  })

  it('without a value, waits for the field to exist', () => {
    expect(met('jsonpath={.status.phase}')).toBe(true)
    expect(met('jsonpath={.status.podIP}')).toBe(false)
  })

  it('fails on lists, objects and several values', () => {
    expect(() => met('jsonpath={.spec.containers}=x')).toThrow('error: jsonpath leads to a nested object or list which is not supported')
    expect(() => met('jsonpath={.spec.containers[*].name}=a')).toThrow('error: given jsonpath expression matches more than one value')
  })
})

describe('runWait against the fake server', () => {
  let fake: FakeServer
  let home: string
  beforeEach(async () => {
    fake = await FakeServer.start()
    home = mkdtempSync(join(tmpdir(), 'ktl-wait-'))
    serveDiscovery(fake, {crd: false, groups: [], times: Number.POSITIVE_INFINITY})
  })
  afterEach(async () => {
    await fake.close()
    rmSync(home, {recursive: true, force: true})
  })

  const PODS = '/api/v1/namespaces/default/pods'
  const pod = (ready: string, rv: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: 'p1', namespace: 'default', resourceVersion: rv},
    status: {conditions: [{type: 'Ready', status: ready}]},
  })
  const defaults: WaitOptions = {args: ['pod/p1'], filenames: [], recursive: true, all: false, for: 'condition=Ready', timeoutMs: 5000}

  it('prints "condition met" once the watch shows the condition', async () => {
    fake.on('GET', `${PODS}/p1`, {body: pod('False', '5')})
    fake.on('GET', PODS, {body: {kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '5'}, items: [pod('False', '5')]}})
    fake.on('GET', PODS, (req) => {
      expect(req.query.get('fieldSelector')).toBe('metadata.name=p1')
      expect(req.query.get('resourceVersion')).toBe('5')
      return {chunks: [`${JSON.stringify({type: 'MODIFIED', object: pod('True', '6')})}\n`], chunkDelayMs: 20, after: 'stall'}
    })
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await runWait({...ctx, io}, defaults)
    expect(io.stdout()).toBe('pod/p1 condition met\n')
    fake.verify()
  })

  it("times out with kubectl's error naming the object", async () => {
    fake.on('GET', `${PODS}/p1`, {body: pod('False', '5')})
    fake.on('GET', PODS, {body: {kind: 'PodList', metadata: {resourceVersion: '5'}, items: [pod('False', '5')]}})
    fake.on('GET', PODS, {stall: true})
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await expect(runWait({...ctx, io}, {...defaults, timeoutMs: 300})).rejects.toThrow(/^error: timed out waiting for the condition on pods\/p1$/)
    expect(io.stdout()).toBe('')
  })

  it('waits longer each time the server ends a watch at once with nothing in it, instead of spinning, until the timeout', async () => {
    const at: number[] = []
    fake.on('GET', `${PODS}/p1`, {body: pod('False', '5')})
    fake.on('GET', PODS, {body: {kind: 'PodList', metadata: {resourceVersion: '5'}, items: [pod('False', '5')]}})
    fake.always('GET', PODS, () => (at.push(Date.now()), {body: ''}))
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await expect(runWait({...ctx, io}, {...defaults, timeoutMs: 1500})).rejects.toThrow(/^error: timed out waiting for the condition on pods\/p1$/)
    // Watches at about 0, 250 and 750 ms (fewer on a slow machine); the next would be at 1750.
    expect(at.length).toBeGreaterThanOrEqual(2)
    expect(at.length).toBeLessThanOrEqual(3)
    expect(at.slice(1).map((t, i) => t - at[i] >= 240 * 2 ** i)).toEqual([true, true])
    fake.verify()
  })

  it('checks once with --timeout=0', async () => {
    fake.on('GET', `${PODS}/p1`, {body: pod('False', '5')}, {times: 2})
    const io = memoryIO()
    const {ctx} = testCtx(fake.url, home)
    await expect(runWait({...ctx, io}, {...defaults, timeoutMs: 0})).rejects.toThrow(/^error: condition not met for pods\/p1$/)
    fake.verify()
  })
})
