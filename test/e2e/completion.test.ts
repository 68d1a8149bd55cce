// Completion against the real control plane: `ktl __complete` completes pod and configmap names in a
// namespace this file creates, with the same lines kubectl 1.32's own `__complete` prints (both
// speak cobra's protocol); a Tab that runs out of time offers nothing rather than hang. How long a
// Tab takes is measured in bench/run.mjs.
import {randomBytes} from 'node:crypto'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {emptyHome, kubeconfig, kubectl, kubectlOK, ktl, type Run} from './helpers.js'

const NS = `completion-e2e-${randomBytes(3).toString('hex')}`
const KC = kubeconfig('admin')
const home = emptyHome()

const pod = (name: string) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: NS}, spec: {containers: [{name: 'c', image: 'busybox:1.36'}]}})
const configMap = (name: string) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: NS}, data: {k: 'v'}})

beforeAll(async () => {
  await kubectlOK(['create', 'namespace', NS])
  const items = [pod('web-a'), pod('web-b'), pod('db-0'), configMap('settings'), configMap('settings-extra')]
  await kubectlOK(['apply', '-f', '-'], {stdin: JSON.stringify({apiVersion: 'v1', kind: 'List', items})})
  // What a user has before a first Tab: some command ran and left kubectl's discovery cache.
  const warm = await ktl(['api-resources', '-o', 'name'], {env: {HOME: home}})
  if (warm.code !== 0) throw new Error(`ktl api-resources: ${warm.stderr}`)
})

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
})

/**
 * `ktl __complete WORDS...` with the e2e kubeconfig first, the partial word last. Most cases check
 * candidates, not speed: they raise the Tab's time budget so a busy machine still answers in full.
 * `budgetMs` null keeps ktl's own budget (a Tab's time is measured in the bench).
 */
function complete(words: string[], budgetMs: number | null = 5000): Promise<Run & {ms: number}> {
  const start = performance.now()
  const env = budgetMs === null ? {HOME: home} : {HOME: home, KTL_COMPLETION_BUDGET_MS: String(budgetMs)}
  return ktl(['__complete', '--kubeconfig', KC, ...words], {noKubeconfig: true, env}).then((r) => ({...r, ms: performance.now() - start}))
}

async function kubectlComplete(words: string[]): Promise<string> {
  return (await kubectl(['__complete', '--kubeconfig', KC, ...words], {noKubeconfig: true})).stdout
}

describe('ktl __complete against the control plane', () => {
  it.each([
    [['-n', NS, 'get', 'pods', '']],
    [['-n', NS, 'get', 'pods', 'web']],
    [['get', 'configmaps', '-n', NS, 'sett']],
    [['describe', '-n', NS, 'configmap/s']],
    [['-n', NS, 'delete', 'po', 'web-a', '']],
    [['get', 'namespaces', NS.slice(0, -2)]],
  ])('%j: the names kubectl completes', async (words) => {
    const ours = await complete(words)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(await kubectlComplete(words))
  })

  it('the exact candidates', async () => {
    expect((await complete(['-n', NS, 'get', 'pods', ''])).stdout).toBe('db-0\nweb-a\nweb-b\n:4\n')
    expect((await complete(['-n', NS, 'get', 'configmap/set'])).stdout).toBe('configmap/settings\nconfigmap/settings-extra\n:4\n')
    expect((await complete(['get', '-n', NS.slice(0, 12)])).stdout).toContain(`${NS}\n`)
  })

  it('a first Tab with no discovery cache offers nothing at once and fills the cache for the next', async () => {
    const fresh = emptyHome()
    const words = ['__complete', '--kubeconfig', KC, 'get', 'deployments.a']
    // A budget no discovery can meet, so the first Tab is out of time on any machine.
    const first = await ktl(words, {noKubeconfig: true, env: {HOME: fresh, KTL_COMPLETION_BUDGET_MS: '1'}})
    expect(first).toMatchObject({stdout: ':4\n', stderr: ''})
    let next = first
    for (let i = 0; i < 40 && next.stdout === ':4\n'; i++) {
      await new Promise((r) => setTimeout(r, 250))
      next = await ktl(words, {noKubeconfig: true, env: {HOME: fresh}})
    }
    expect(next.stdout).toBe('deployments.apps\n:4\n')
  })

  it('types from the cache and names: the answer, or nothing when a Tab runs out of time', async () => {
    const cases: [string[], string][] = [
      [['-n', NS, 'get', 'configmaps', ''], 'kube-root-ca.crt\nsettings\nsettings-extra\n:4\n'],
      [['get', 'deployments.a'], 'deployments.apps\n:4\n'],
    ]
    for (const [words, answer] of cases) {
      expect((await complete(words)).stdout).toBe(answer)
      const runs = []
      for (let i = 0; i < 5; i++) runs.push(await complete(words, null))
      // A Tab this shared machine could not answer in time offers nothing; most answer in full.
      for (const run of runs) expect([answer, ':4\n']).toContain(run.stdout)
      for (const run of runs) expect(run.ms).toBeLessThan(3000)
    }
  })
})
