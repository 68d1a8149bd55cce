// Times ktl against kubectl on the same control plane: alternating runs, median wall time, CPU time
// and peak RSS (GNU time), ratio ktl/kubectl per case. Writes bench/results/latest.md.
//
//   npm run bench            5 runs per command (after one warm-up)
//   npm run bench -- --quick one run per command, no warm-up (CI smoke: the harness must not rot)
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const quick = process.argv.includes('--quick')
const runs = quick ? 1 : Number(process.env.BENCH_RUNS ?? 5)
const E2E_DIR = process.env.KTL_E2E_DIR ?? '/tmp/ktl-e2e'
const KUBECONFIG = join(E2E_DIR, 'admin.kubeconfig')
const KUBECTL = existsSync('/usr/lib/google-cloud-sdk/bin/kubectl.1.32') ? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32' : 'kubectl'
const NODE = process.execPath
const KTL = [NODE, join(ROOT, 'bin/run.js')]
const HOME_KTL = join(E2E_DIR, 'bench-home-ktl')
const HOME_KUBECTL = join(E2E_DIR, 'bench-home-kubectl')

/** One measured process run via GNU time: wall and CPU seconds, peak RSS in KiB. */
function measure(argv, home) {
  const out = join(tmpdir(), `ktl-bench-${process.pid}.time`)
  const res = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, ...argv], {
    env: {PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8'},
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: ROOT,
  })
  const [wall, user, sys, rss] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  rmSync(out, {force: true})
  if (res.status !== 0) throw new Error(`${argv.join(' ')} exited ${res.status}: ${res.stderr}`)
  return {wall: wall * 1000, cpu: (user + sys) * 1000, rss: rss / 1024}
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Runs the two sides alternately so drift on the machine hits both equally. */
function compare(kase) {
  const sides = {ktl: [], kubectl: []}
  const argv = {
    ktl: [...KTL, ...kase.args, ...(kase.offline ? [] : ['--kubeconfig', KUBECONFIG])],
    kubectl: kase.kubectl ?? [KUBECTL, ...kase.args, ...(kase.offline ? [] : ['--kubeconfig', KUBECONFIG])],
  }
  const homes = {ktl: HOME_KTL, kubectl: HOME_KUBECTL}
  if (!quick) for (const side of ['ktl', 'kubectl']) measure(argv[side], homes[side])
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 ? ['kubectl', 'ktl'] : ['ktl', 'kubectl']) {
      kase.before?.(side, homes[side])
      sides[side].push(measure(argv[side], homes[side]))
    }
  }
  const summary = (xs) => ({wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)), rss: Math.max(...xs.map((x) => x.rss))})
  const result = {name: kase.name, baseline: kase.baseline ?? 'kubectl', ktl: summary(sides.ktl), kubectl: summary(sides.kubectl), target: kase.target}
  process.stderr.write(`${result.name}: ktl ${fmt(result.ktl)}; ${result.baseline} ${fmt(result.kubectl)}\n`)
  return result
}

const BIG = 'bench-big'
const PODS = 'bench-pods'
const BIG_COUNT = quick ? 50 : 5000

function kubectlAdmin(args, input) {
  return execFileSync(KUBECTL, ['--kubeconfig', KUBECONFIG, ...args], {input, encoding: 'utf8', maxBuffer: 1 << 28})
}

/** The data sets: a namespace with a handful of running pods, and one with thousands of ConfigMaps. */
function loadDataSets() {
  const have = (ns) => kubectlAdmin(['get', 'ns', ns, '--ignore-not-found', '-o', 'name']).trim() !== ''
  if (!have(PODS)) {
    kubectlAdmin(['create', 'ns', PODS])
    kubectlAdmin(['create', 'deployment', 'web', '-n', PODS, '--image=nginx', '--replicas=5'])
    kubectlAdmin(['rollout', 'status', 'deploy/web', '-n', PODS, '--timeout=120s'])
  }
  if (!have(BIG)) kubectlAdmin(['create', 'ns', BIG])
  const count = kubectlAdmin(['get', 'cm', '-n', BIG, '-o', 'name']).split('\n').filter(Boolean).length
  if (count < BIG_COUNT + 1) {
    const items = []
    for (let i = count; i <= BIG_COUNT; i++) {
      items.push({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: `cm-${String(i).padStart(5, '0')}`, labels: {bench: 'big'}}, data: {key: `value-${i}`}})
    }
    for (let i = 0; i < items.length; i += 500) {
      kubectlAdmin(['create', '-n', BIG, '-f', '-'], JSON.stringify({apiVersion: 'v1', kind: 'List', items: items.slice(i, i + 500)}))
    }
  }
}

const cases = [
  {name: 'version --client', args: ['version', '--client'], offline: true, target: 1.0},
  {name: 'version --client vs node -e 0', args: ['version', '--client'], offline: true, kubectl: [NODE, '-e', '0'], baseline: 'node -e 0'},
  {name: '--help', args: ['--help'], offline: true, kubectl: [KUBECTL, '--help'], target: 1.0},
  {name: 'api-resources', args: ['api-resources'], target: 1.0},
  {name: `get pods -n ${PODS}`, args: ['get', 'pods', '-n', PODS], target: 1.0},
  {name: `get cm -n ${BIG} (${BIG_COUNT} ConfigMaps)`, args: ['get', 'cm', '-n', BIG], target: 1.0},
  {name: `get cm -n ${BIG} -o json`, args: ['get', 'cm', '-n', BIG, '-o', 'json'], target: 1.0},
  {name: `get cm -n ${BIG} -o name`, args: ['get', 'cm', '-n', BIG, '-o', 'name'], target: 1.0},
  {name: 'get pods -A', args: ['get', 'pods', '-A'], target: 1.0},
]

function fmt(r) {
  return `${r.wall.toFixed(0)} ms wall, ${r.cpu.toFixed(0)} ms CPU, ${r.rss.toFixed(0)} MB`
}

function main() {
  if (!existsSync(join(ROOT, 'dist'))) execFileSync(NODE, ['scripts/build.mjs'], {cwd: ROOT, stdio: 'inherit'})
  const up = spawnSync('bash', ['test/e2e/cluster.sh', 'status'], {cwd: ROOT}).status === 0
  if (!up) execFileSync('bash', ['test/e2e/cluster.sh', 'up'], {cwd: ROOT, stdio: 'inherit'})
  for (const home of [HOME_KTL, HOME_KUBECTL]) mkdirSync(home, {recursive: true})
  try {
    loadDataSets()
    const results = cases.map(compare)
    const lines = [
      `# ktl vs kubectl (${quick ? 'quick smoke run, 1 run per command' : `median of ${runs} alternating runs`})`,
      '',
      `Machine: ${process.arch}, Node ${process.version}, kubectl ${KUBECTL.split('/').pop()}; server: the e2e control plane (kube-apiserver 1.20.2).`,
      'Reproduce: `npm run bench`.',
      '',
      '| case | baseline | ktl | ratio (wall) | ratio (peak RSS) | target (wall) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.baseline}: ${fmt(r.kubectl)} | ${fmt(r.ktl)} | ${(r.ktl.wall / r.kubectl.wall).toFixed(2)}x | ${(r.ktl.rss / r.kubectl.rss).toFixed(2)}x | ${r.target ? `<= ${r.target.toFixed(1)}x ${r.ktl.wall / r.kubectl.wall <= r.target ? 'met' : 'missed'}` : ''} |`,
      ),
      '',
    ]
    const text = lines.join('\n')
    process.stdout.write(text)
    if (!quick) writeFileSync(join(ROOT, 'bench/results/latest.md'), text)
  } finally {
    if (!up) execFileSync('bash', ['test/e2e/cluster.sh', 'down'], {cwd: ROOT, stdio: 'inherit'})
  }
}

main()
