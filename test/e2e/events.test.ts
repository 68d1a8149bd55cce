// Differential: `ktl events` and kubectl 1.32 side by side on the same namespace, whose events the
// controller manager and scheduler wrote for a Deployment and a Pod made here. Ages that tick between
// the two runs compare as equal (sameOutput); everything else byte for byte.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bothCLIs, kubectl, kubectlOK, sameOutput} from './helpers.js'

const NS = 'e2e-events'
// A pod name no other e2e file uses, so -A with --for sees only this one.
const POD = 'e2e-events-pod'

beforeAll(async () => {
  await kubectlOK(['wait', '--for=delete', `namespace/${NS}`, '--timeout=120s'])
  await kubectlOK(['create', 'namespace', NS])
  await kubectlOK(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '-n', NS])
  await kubectlOK(['run', POD, '--image=nginx', '-n', NS])
  await kubectlOK(['rollout', 'status', 'deploy/web', '-n', NS, '--timeout=120s'])
  await kubectlOK(['wait', '--for=condition=Ready', `pod/${POD}`, '-n', NS, '--timeout=120s'])
}, 300_000)

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
}, 60_000)

describe('events matches kubectl', () => {
  it.each([
    [],
    ['--no-headers'],
    ['--for', `pod/${POD}`],
    ['--for=deploy/web'],
    ['--for', 'deployments.v1.apps/web'],
    ['--for=pod/nope'],
    ['--types=Normal'],
    ['--types=warning'],
    ['--types=Normal,Warning', '--types=normal'],
    ['-o', 'json'],
    ['-o', 'yaml'],
    ['-o', 'name'],
    ['-o', 'jsonpath={.items[*].reason}'],
    ['-A', '--for', `pod/${POD}`],
    ['-A', '--for', 'pod/nope'],
    ['--chunk-size=1'],
    ['ignored-argument'],
    ['--for=web'],
    ['--for=a/b/c'],
    ['--for=flurbs/x'],
    ['--types=Bogus'],
  ])('events %s', async (...args: string[]) => {
    const {ours, theirs} = await bothCLIs(['events', '-n', NS, ...args])
    expect(sameOutput(ours.stdout, theirs.stdout), `stdout:\n${ours.stdout}\n---\n${theirs.stdout}`).toBe(true)
    expect(ours.stderr).toBe(theirs.stderr)
    expect(ours.code).toBe(theirs.code)
  }, 30_000)

  it('lists what the controllers reported, oldest first', async () => {
    const {ours} = await bothCLIs(['events', '-n', NS, '--for=deploy/web', '--no-headers'])
    expect(ours.stdout).toMatch(/^\S+\s+Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-\w+ to 2\n$/)
  }, 30_000)

  it("says there are none in kubectl's words", async () => {
    const {ours} = await bothCLIs(['events', '-n', NS, '--types=Warning'])
    expect(ours.stdout).toBe('')
    expect(ours.stderr).toBe(`No events found in ${NS} namespace.\n`)
    expect(ours.code).toBe(0)
  }, 30_000)
})
