// The scripts `ktl completion bash|zsh|fish` print, in the real shells: a line typed up to the
// cursor, a Tab, then the line as the shell left it and what the completion offered (and for fish
// also `complete -C`), against the fake server, a discovery cache fixture and a kubeconfig. Needs the build, bash with
// bash-completion, zsh and fish (.ci/run installs them): a missing one fails, nothing is skipped.
// Each Tab's time is recorded; the only bound on it here is that it does not hang (how long a Tab
// should take is the benchmark's).
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {fakeServers} from '../support/client.js'
import {kubeconfigText, list, writeDiscoveryCache} from '../support/completion.js'
import {type FishCompletion, fishComplete, pressTab, type ShellOptions, type Tab, type TabOptions} from '../support/shells.js'

const dir = mkdtempSync(join(tmpdir(), 'ktl-completion-shells-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
const startServer = fakeServers()

/** Far beyond a Tab's budget: only a completion that hangs comes near it. */
const NO_HANG_MS = 5000
/** A context named as EKS names them: colons, which bash splits words at, and a slash. */
const EKS = 'arn:aws:eks:us-east-1:123456789012:cluster/prod'
const SHOW_FLAGS: [string, string][] = [
  ['--show-kind', 'If present, list the resource type for the requested object(s).'],
  ['--show-labels', 'When printing, show all labels as the last column.'],
  ['--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.'],
]

interface Case {
  /** What is typed before the Tab. */
  line: string
  /** The line after the Tab in bash and zsh. */
  after: string
  /** What the completion function gave bash and zsh. */
  offered: string[]
  /** Where bash differs: it replaces only the part of a word after its last `:` or `=`, and leaves file names to readline. */
  bash?: string[]
  zsh?: string[]
  /** What the fish function offers, descriptions after a tab (default: `offered`). */
  fish?: string[]
}

const CASES: Case[] = [
  {line: 'ktl ge', after: 'ktl get ', offered: ['get'], fish: ['get\tDisplay one or many resources']},
  {line: 'ktl config use', after: 'ktl config use-context ', offered: ['use-context'], fish: ['use-context\tSet the current-context in a kubeconfig file']},
  {line: 'ktl get --sho', after: 'ktl get --show-', offered: SHOW_FLAGS.map(([f]) => f), fish: SHOW_FLAGS.map(([f, d]) => `${f}\t${d}`)},
  {line: 'ktl get dep', after: 'ktl get deploy', offered: ['deploy', 'deployments', 'deployments.apps']},
  {line: 'ktl get deployments.a', after: 'ktl get deployments.apps ', offered: ['deployments.apps']},
  {line: 'ktl get pods w', after: 'ktl get pods web-', offered: ['web-1', 'web-2']},
  {line: 'ktl get pods ', after: 'ktl get pods ', offered: ['web-1', 'web-2', 'db-0']},
  {line: 'ktl get pods/w', after: 'ktl get pods/web-', offered: ['pods/web-1', 'pods/web-2']},
  {line: "ktl get -l 'app in (a, b)' pods w", after: "ktl get -l 'app in (a, b)' pods web-", offered: ['web-1', 'web-2']},
  {line: 'ktl get pods -l app=* w', after: 'ktl get pods -l app=* web-', offered: ['web-1', 'web-2']},
  {line: 'ktl --kubeconfig ~/.kube/config get pods d', after: 'ktl --kubeconfig ~/.kube/config get pods db-0 ', offered: ['db-0']},
  {line: 'ktl logs dep', after: 'ktl logs deployments/', offered: ['deployments/']},
  {line: 'ktl -n ', after: 'ktl -n ', offered: ['default', 'kube-system', 'ns1']},
  {line: 'ktl --namespace=kube', after: 'ktl --namespace=kube-system ', offered: ['kube-system'], fish: ['--namespace=kube-system']},
  {line: 'ktl get -o=j', after: 'ktl get -o=json', offered: ['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'], fish: ['-o=json', '-o=jsonpath', '-o=jsonpath-as-json', '-o=jsonpath-file']},
  {line: 'ktl --context ot', after: 'ktl --context other ', offered: ['other']},
  {line: 'ktl --context arn:aws:eks:us-east-1:1', after: `ktl --context ${EKS} `, offered: [EKS], bash: ['123456789012:cluster/prod']},
  {line: 'ktl --context=arn:aws:eks:us', after: `ktl --context=${EKS} `, offered: [EKS], bash: ['us-east-1:123456789012:cluster/prod'], fish: [`--context=${EKS}`]},
  {line: 'ktl apply -f ', after: 'ktl apply -f ', offered: ['manifest.yaml', 'sub'], bash: ['sub', 'manifest.yaml'], fish: ['manifest.yaml', 'sub/']},
  {line: 'ktl apply -f s', after: 'ktl apply -f sub/', offered: ['sub'], fish: ['sub/']},
  {line: 'ktl get nosuchtype no', after: 'ktl get nosuchtype no', offered: []},
  {line: 'ktl --kubeconfig no', after: 'ktl --kubeconfig notes.txt ', offered: ['notes.txt'], bash: []},
  {line: 'ktl --kubeconfig ~/.kube/e', after: 'ktl --kubeconfig ~/.kube/eks ', offered: ['eks'], bash: [], fish: ['~/.kube/eks']},
]

/** A home with two kubeconfigs (the second with the EKS context) and a discovery cache; a working folder with a manifest, a text file and a folder. */
async function shellSetup(): Promise<ShellOptions & {verify(): void}> {
  const fake = await startServer()
  fake.always('GET', '/api/v1/namespaces/ns1/pods', list('web-1', 'web-2', 'db-0'))
  fake.always('GET', '/api/v1/namespaces', list('default', 'kube-system', 'ns1'))
  const base = mkdtempSync(join(dir, 'run-'))
  const home = join(base, 'home')
  mkdirSync(join(home, '.kube'), {recursive: true})
  writeFileSync(join(home, '.kube', 'config'), kubeconfigText(fake.url))
  writeFileSync(
    join(home, '.kube', 'eks'),
    `apiVersion: v1\nkind: Config\nclusters: [{name: eks, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: eks, user: {}}]\ncontexts: [{name: "${EKS}", context: {cluster: eks, user: eks}}]\n`,
  )
  writeDiscoveryCache(home, fake.url)
  const cwd = join(base, 'work')
  mkdirSync(join(cwd, 'sub'), {recursive: true})
  writeFileSync(join(cwd, 'manifest.yaml'), '')
  writeFileSync(join(cwd, 'notes.txt'), '')
  // A budget far beyond a Tab's, so that a busy machine still gets the answer these tests expect.
  const env = {HOME: home, KUBECONFIG: `${join(home, '.kube', 'config')}:${join(home, '.kube', 'eks')}`, KTL_COMPLETION_BUDGET_MS: '4000'}
  return {dir: base, cwd, env, verify: () => fake.verify()}
}

const VARIANTS: {name: string; shell: 'bash' | 'zsh' | 'fish'; options: Partial<TabOptions>}[] = [
  {name: 'bash with bash-completion', shell: 'bash', options: {bashCompletion: true}},
  {name: 'bash without bash-completion', shell: 'bash', options: {}},
  {name: 'zsh, sourced', shell: 'zsh', options: {}},
  {name: 'zsh, autoloaded from $fpath', shell: 'zsh', options: {fpath: true}},
  {name: 'fish, sourced', shell: 'fish', options: {}},
]

describe.each(VARIANTS)('$name: a Tab', ({shell, options}) => {
  let tabs: Tab[]
  let screen: string
  beforeAll(async () => {
    const s = await shellSetup()
    ;({tabs, screen} = await pressTab(shell, CASES.map((c) => c.line), {...s, ...options}))
    s.verify()
  }, 120_000)

  it('the script printed no error on the terminal', () => {
    expect(screen).not.toMatch(/_ktl|command not found|bash: |zsh: |fish: /)
  })

  it.for(CASES)('$line', async (c, ctx) => {
    const tab = tabs[CASES.indexOf(c)]
    await ctx.annotate(`the Tab took ${Math.round(tab.ms)} ms`)
    expect(tab).toMatchObject({line: c.after, offered: c[shell] ?? c.offered})
    expect(tab.ms).toBeLessThan(NO_HANG_MS)
  })
})

describe('zsh lists descriptions; bash shows them on the second Tab', () => {
  it('zsh: value -- description', async () => {
    const s = await shellSetup()
    const {tabs: [tab]} = await pressTab('zsh', ['ktl get --sho'], s)
    expect(tab.listed).toEqual([
      '--show-kind            -- If present, list the resource type for the requested object(s).',
      '--show-labels          -- When printing, show all labels as the last column.',
      '--show-managed-fields  -- If true, keep the managedFields when printing objects in JSON or YAML format.',
    ])
  })

  it('bash: a Tab that can add nothing to the word, then a second that lists the flags with their descriptions', async () => {
    const s = await shellSetup()
    const {tabs: [tab]} = await pressTab('bash', ['ktl get --show-\t'], {...s, bashCompletion: true})
    expect(tab).toMatchObject({
      line: 'ktl get --show-',
      offered: [
        ...SHOW_FLAGS.map(([f]) => f),
        '--show-kind            (If present, list the resource type for the requested object(s).)',
        '--show-labels          (When printing, show all labels as the last column.)',
        '--show-managed-fields  (If true, keep the managedFields when printing objects in JSON or YAML format.)',
      ],
    })
  })
})

describe.each([
  {name: 'fish, sourced', autoload: false},
  {name: 'fish, autoloaded from ~/.config/fish/completions', autoload: true},
])('$name: complete -C', ({autoload}) => {
  let answers: FishCompletion[]
  beforeAll(async () => {
    const s = await shellSetup()
    answers = await fishComplete(CASES.map((c) => c.line), {...s, autoload})
    s.verify()
  }, 120_000)

  it.for(CASES)('$line', async (c, ctx) => {
    const answer = answers[CASES.indexOf(c)]
    await ctx.annotate(`complete -C took ${answer.ms} ms`)
    // fish sorts the candidates itself.
    expect(answer.candidates).toEqual([...(c.fish ?? c.offered)].sort())
    expect(answer.ms).toBeLessThan(NO_HANG_MS)
  })
})
