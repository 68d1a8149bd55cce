// Completion in the real shells against the control plane: `ktl completion bash|zsh|fish` loaded
// into bash (with bash-completion), zsh and fish, a Tab on partial lines (and fish's complete -C),
// and the names the cluster has (ConfigMaps and Pods in a namespace this file creates, the built-in
// ClusterRoles with colons in their names, the namespace itself) as the shell shows them; where
// kubectl defines the names, the same ones kubectl's own `__complete` gives. Each Tab's time is
// recorded, and bounded only against a hang: how long a Tab should take is measured in bench/run.mjs.
import {randomBytes} from 'node:crypto'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type FishCompletion, fishComplete, pressTab, type ShellOptions, type Tab} from '../support/shells.js'
import {emptyHome, kubeconfig, kubectl, kubectlOK, ktl} from './helpers.js'

const NS = `completion-shells-${randomBytes(3).toString('hex')}`
const KC = kubeconfig('admin')
const NO_HANG_MS = 5000

const pod = (name: string) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: NS}, spec: {containers: [{name: 'c', image: 'busybox:1.36'}]}})
const configMap = (name: string) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name, namespace: NS}, data: {k: 'v'}})

interface Case {
  line: string
  /** The line after the Tab in bash and zsh. */
  after: string
  /** The candidates' values, as zsh and fish offer them. */
  offered: string[]
  /** Where bash differs: it replaces only the part of a word after its last `:`. */
  bash?: string[]
  /** `kubectl __complete` with these words gives the same names. */
  kubectl?: string[]
}

const CASES: Case[] = [
  {line: 'ktl ge', after: 'ktl get ', offered: ['get']},
  {line: 'ktl get --out', after: 'ktl get --output', offered: ['--output', '--output-errors', '--output-watch-events']},
  {line: 'ktl get deploy', after: 'ktl get deploy', offered: ['deploy', 'deployments', 'deployments.apps']},
  {line: 'ktl get deployments.a', after: 'ktl get deployments.apps ', offered: ['deployments.apps']},
  {line: 'ktl get po', after: 'ktl get po', offered: ['po', 'poddisruptionbudgets', 'poddisruptionbudgets.policy', 'pods', 'podsecuritypolicies', 'podsecuritypolicies.policy', 'podtemplates']},
  {line: `ktl -n ${NS} get configmaps sett`, after: `ktl -n ${NS} get configmaps settings`, offered: ['settings', 'settings-extra'], kubectl: ['-n', NS, 'get', 'configmaps', 'sett']},
  {line: `ktl get cm -n ${NS} `, after: `ktl get cm -n ${NS} `, offered: ['kube-root-ca.crt', 'settings', 'settings-extra'], kubectl: ['get', 'cm', '-n', NS, '']},
  {line: `ktl -n ${NS} get configmap/settings-`, after: `ktl -n ${NS} get configmap/settings-extra `, offered: ['configmap/settings-extra'], kubectl: ['-n', NS, 'get', 'configmap/settings-']},
  {line: `ktl -n ${NS} logs w`, after: `ktl -n ${NS} logs web-`, offered: ['web-a', 'web-b']},
  {line: `ktl -n ${NS.slice(0, -2)}`, after: `ktl -n ${NS} `, offered: [NS]},
  {line: 'ktl --context ktl-', after: 'ktl --context ktl-e2e ', offered: ['ktl-e2e']},
  {line: 'ktl get clusterrole system:aggregate-to-e', after: 'ktl get clusterrole system:aggregate-to-edit ', offered: ['system:aggregate-to-edit'], bash: ['aggregate-to-edit']},
  {line: 'ktl get clusterroles/system:aggregate-to-v', after: 'ktl get clusterroles/system:aggregate-to-view ', offered: ['clusterroles/system:aggregate-to-view'], bash: ['aggregate-to-view']},
]

let opts: ShellOptions
const home = emptyHome()

beforeAll(async () => {
  await kubectlOK(['create', 'namespace', NS])
  const items = [pod('web-a'), pod('web-b'), configMap('settings'), configMap('settings-extra')]
  await kubectlOK(['apply', '-f', '-'], {stdin: JSON.stringify({apiVersion: 'v1', kind: 'List', items})})
  // The control plane publishes kube-root-ca.crt into every new namespace, a moment after it is made.
  for (let i = 0; i < 100 && (await kubectl(['get', 'configmap', 'kube-root-ca.crt', '-n', NS])).code !== 0; i++) await new Promise((r) => setTimeout(r, 200))
  // What a user has before a first Tab: some command ran and left kubectl's discovery cache.
  const warm = await ktl(['api-resources', '-o', 'name'], {env: {HOME: home}})
  if (warm.code !== 0) throw new Error(`ktl api-resources: ${warm.stderr}`)
  const dir = mkdtempSync(join(home, 'shells-'))
  mkdirSync(join(dir, 'work'))
  writeFileSync(join(dir, 'work', 'manifest.yaml'), '')
  opts = {dir, cwd: join(dir, 'work'), env: {HOME: home, KUBECONFIG: KC, KTL_COMPLETION_BUDGET_MS: '4000'}}
})

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false'])
  rmSync(home, {recursive: true, force: true})
})

/** A candidate without the description fish shows after a tab. */
const value = (line: string) => line.split('\t')[0]

describe.each([
  {name: 'bash with bash-completion', shell: 'bash' as const},
  {name: 'zsh', shell: 'zsh' as const},
  {name: 'fish', shell: 'fish' as const},
])('$name: a Tab against the control plane', ({shell}) => {
  let tabs: Tab[]
  beforeAll(async () => {
    ;({tabs} = await pressTab(shell, CASES.map((c) => c.line), {...opts, bashCompletion: shell === 'bash'}))
  }, 120_000)

  it.for(CASES)('$line', async (c, ctx) => {
    const tab = tabs[CASES.indexOf(c)]
    await ctx.annotate(`the Tab took ${Math.round(tab.ms)} ms`)
    expect({line: tab.line, offered: tab.offered.map(value)}).toEqual({line: c.after, offered: (shell === 'bash' && c.bash) || c.offered})
    expect(tab.ms).toBeLessThan(NO_HANG_MS)
  })
})

describe('fish: complete -C against the control plane', () => {
  let answers: FishCompletion[]
  beforeAll(async () => {
    answers = await fishComplete(CASES.map((c) => c.line), opts)
  }, 120_000)

  it.for(CASES)('$line', async (c, ctx) => {
    const answer = answers[CASES.indexOf(c)]
    await ctx.annotate(`complete -C took ${answer.ms} ms`)
    // fish sorts the candidates itself.
    expect(answer.candidates.map(value)).toEqual([...c.offered].sort())
    expect(answer.ms).toBeLessThan(NO_HANG_MS)
  })
})

describe("the names kubectl's own completion gives", () => {
  it.for(CASES.filter((c) => c.kubectl))('$line', async (c) => {
    const theirs = await kubectl(['__complete', '--kubeconfig', KC, ...(c.kubectl as string[])], {noKubeconfig: true})
    expect(theirs.stdout.split('\n').slice(0, -2)).toEqual(c.offered)
  })
})
