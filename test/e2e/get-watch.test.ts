// `ktl get -w` against the real server, which ends each watch after 20-40 s (cluster.sh sets
// --min-request-timeout 20): every change prints once, across the server's stream closes.
import {spawn} from 'node:child_process'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {kubeconfig, kubectl, kubectlOK} from './helpers.js'

const NS = 'ktl-watch-e2e'
const ROOT = resolve(import.meta.dirname, '../..')

beforeAll(async () => {
  await kubectlOK(['create', 'namespace', NS])
})

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
})

describe('ktl get -w', () => {
  it('prints each change once across server-side stream closes', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/run.js'), 'get', 'cm', '-n', NS, '-w', '-o', 'name', '--output-watch-events', '-l', 'step', '--kubeconfig', kubeconfig()], {
      env: {PATH: process.env.PATH, HOME: join(ROOT, 'node_modules/.cache/ktl-watch-home')},
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    try {
      // 50 s of changes, one every 5 s: the server closes the watch at least once in between.
      for (let step = 0; step < 10; step++) {
        await new Promise((r) => setTimeout(r, 5000))
        await kubectlOK(['create', 'configmap', `step-${step}`, '-n', NS, `--from-literal=n=${step}`])
        await kubectlOK(['label', 'configmap', `step-${step}`, '-n', NS, `step=${step}`])
      }
      await new Promise((r) => setTimeout(r, 3000))
    } finally {
      child.kill()
    }
    // -o name prints one line per event; each ConfigMap enters the selection once (when labelled).
    expect(stdout).toBe(Array.from({length: 10}, (_, i) => `configmap/step-${i}\n`).join(''))
    expect(stderr).toBe('')
  }, 90_000)
})
