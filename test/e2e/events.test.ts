// Differential: `ktl events` and kubectl 1.32 side by side on the same namespace, whose events the
// controller manager and scheduler wrote for a Deployment and a Pod made here. Ages that tick between
// the two runs compare as equal (sameOutput); everything else byte for byte.
import {spawn} from 'node:child_process'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bothCLIs, E2E_DIR, KUBECTL, kubeconfig, kubectl, kubectlOK, sameOutput} from './helpers.js'

const ROOT = resolve(import.meta.dirname, '../..')

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
  // An event whose object names no apiVersion: kubectl's --for selector (kind, apiVersion, name) leaves it out.
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const unversioned = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: 'e2e-events-unversioned', namespace: NS},
    involvedObject: {kind: 'Pod', name: POD, namespace: NS},
    reason: 'Unversioned',
    message: 'no apiVersion here',
    type: 'Normal',
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    source: {component: 'e2e'},
  }
  await kubectlOK(['create', '-f', '-'], {stdin: JSON.stringify(unversioned)})
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

  it('--for leaves out events whose object names no apiVersion, as kubectl does', async () => {
    const all = await bothCLIs(['events', '-n', NS])
    expect(all.ours.stdout).toContain('Unversioned')
    const {ours} = await bothCLIs(['events', '-n', NS, '--for', `pod/${POD}`])
    expect(ours.stdout).not.toContain('Unversioned')
    expect(ours.stdout).toContain('Scheduled')
  }, 30_000)

  it("says there are none in kubectl's words", async () => {
    const {ours} = await bothCLIs(['events', '-n', NS, '--types=Warning'])
    expect(ours.stdout).toBe('')
    expect(ours.stderr).toBe(`No events found in ${NS} namespace.\n`)
    expect(ours.code).toBe(0)
  }, 30_000)
})

/** Starts a watching CLI; `stop` ends it and gives what it printed. */
function watching(command: string, args: string[], home: string): {stop: () => Promise<{stdout: string; stderr: string}>} {
  const child = spawn(command, [...args, '--kubeconfig', kubeconfig()], {env: {PATH: process.env.PATH, HOME: join(E2E_DIR, home), LANG: 'C.UTF-8'}})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const closed = new Promise((r) => child.on('close', r))
  return {
    stop: async () => {
      child.kill('SIGINT')
      await closed
      return {stdout, stderr}
    },
  }
}

describe('events -w', () => {
  it('prints the events there are, then new ones as they come, as kubectl does', async () => {
    const args = ['events', '-w', '-n', NS, '--for', `pod/${POD}`]
    const ours = watching(process.execPath, [join(ROOT, 'bin/run.js'), ...args], 'home-ktl')
    const theirs = watching(KUBECTL, args, 'home-kubectl')
    await new Promise((r) => setTimeout(r, 2500))
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'e2e-events-extra', namespace: NS},
      involvedObject: {apiVersion: 'v1', kind: 'Pod', name: POD, namespace: NS},
      reason: 'Checked',
      message: 'an event made by the test',
      type: 'Warning',
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      count: 1,
      source: {component: 'e2e'},
    }
    await kubectlOK(['create', '-f', '-'], {stdin: JSON.stringify(event)})
    await new Promise((r) => setTimeout(r, 2500))
    const [o, t] = await Promise.all([ours.stop(), theirs.stop()])
    expect(sameOutput(o.stdout, t.stdout), `${o.stdout}\n---\n${t.stdout}`).toBe(true)
    expect(o.stdout).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n.*Normal +Scheduled +Pod\/e2e-events-pod .*\n.*Warning +Checked +Pod\/e2e-events-pod +an event made by the test\n$/s)
    expect(o.stderr).toBe('')
  }, 60_000)
})
