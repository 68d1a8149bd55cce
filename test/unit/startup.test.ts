// Startup is the product for a CLI. These run the built CLI (npm test builds first): commands that
// need no server load no HTTP, YAML, schema or table code; the startup path (src/lib/startup) takes
// exactly the runs oclif would give to one of ktl's commands; and it behaves as full oclif does.
import {spawn} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Config} from '@oclif/core'
import {normalizeArgv} from '@oclif/core/help'
import {helpAddition, versionAddition} from '@oclif/core/run'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {resolveCommand, type StartupIndex} from '../../src/lib/startup/main.js'
import {ROOT, type Run, spawnNode} from '../support/spawn-node.js'

const dir = mkdtempSync(join(tmpdir(), 'ktl-startup-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const spawnRun = spawnNode

// What bin/run.js did before the startup path: every run through oclif's execute().
const FULL_OCLIF = `
const {moveLeadingGlobalFlags} = await import('./dist/lib/argv.js')
const {execute} = await import('@oclif/core')
await execute({args: moveLeadingGlobalFlags(process.argv.slice(1)), dir: new URL('bin/run.js', 'file://${ROOT}/').href})
`

/** Module files a traced run loaded, with the modules bundled into the startup chunks it loaded. */
function loadedModules(trace: string): string[] {
  const urls = [...new Set(readFileSync(trace, 'utf8').trim().split('\n').map((line) => line.split(' ')[0]))]
  return urls.flatMap((url) => {
    if (!url.startsWith('file:') || !url.includes('/dist/startup/')) return [url]
    const bundled = readFileSync(fileURLToPath(url), 'utf8').match(/^\/\/ \S+$/gm) ?? []
    return [url, ...bundled.map((comment) => comment.slice(3))]
  })
}

const HEAVY = ['node_modules/axios/', 'node_modules/js-yaml/', 'node_modules/ajv/', 'node_modules/cli-table3/', '/schemas/']

describe('startup stays lazy', () => {
  it.concurrent.each([[['version', '--client']], [['--help']], [['config', 'current-context']], [['completion', 'bash']], [['__complete', 'get', '--sh']], [['__complete', 'ge']]])(
    'ktl %j loads no heavy library',
    async (args) => {
      const trace = join(dir, `${args.join('_')}.txt`)
      const home = mkdtempSync(join(dir, 'home-'))
      const run = await spawnRun(['--import', './test/support/import-trace.mjs', 'bin/run.js', ...args], {
        HOME: home,
        KTL_IMPORT_TRACE: trace,
        KUBECONFIG: '/nonexistent',
      })
      expect(run.code).toBe(args[0] === 'config' ? 1 : 0)
      const modules = loadedModules(trace)
      expect(modules.length).toBeGreaterThan(0)
      expect(modules.filter((m) => HEAVY.some((h) => m.includes(h)))).toEqual([])
    },
  )
})

describe('the Go template engine loads only for a Go template', () => {
  it.concurrent.each([
    [['-o', 'json'], false],
    [['-o', 'jsonpath={.kind}'], false],
    [['-o', 'go-template={{.kind}}'], true],
    [['--template={{.kind}}'], true],
  ])('ktl get pods %j: %s', async (output, loaded) => {
    const trace = join(dir, `get${output.join('_').replace(/[^\w-]/g, '')}.txt`)
    const home = mkdtempSync(join(dir, 'home-'))
    // nothing listens on port 9: the run fails to connect after choosing its printer
    const run = await spawnRun(['--import', './test/support/import-trace.mjs', 'bin/run.js', 'get', 'pods', ...output, '--server', 'http://127.0.0.1:9'], {
      HOME: home,
      KTL_IMPORT_TRACE: trace,
      KUBECONFIG: '/nonexistent',
    })
    expect(run.code).toBe(1)
    expect(loadedModules(trace).some((m) => m.includes('/lib/go/template/'))).toBe(loaded)
  })
})

describe('the startup path takes exactly the runs oclif gives to ktl commands', () => {
  let config: Config
  let index: StartupIndex
  beforeAll(async () => {
    config = await Config.load(ROOT)
    index = JSON.parse(readFileSync(join(ROOT, 'dist/startup/commands.json'), 'utf8')) as StartupIndex
  })

  /** oclif's run(): help for which argv, or which of ktl's commands with which argv; undefined for anything else. */
  async function oclifChoice(argv: string[]): Promise<Record<string, unknown> | undefined> {
    if (versionAddition(argv, config)) return undefined
    if (helpAddition(argv, config)) return {kind: 'help', argv}
    const [id, ...rest] = normalizeArgv(config, [...argv])
    const cached = config.findCommand(id)
    if (!cached) return config.findTopic(id) ? {kind: 'help', argv: [id]} : undefined
    if (cached.pluginName !== config.pjson.name) return undefined
    return {kind: 'command', id: (await cached.load()).id, argv: rest}
  }

  function corpus(): string[][] {
    const ids = [...config.commandIDs, 'config', 'nope', 'config:nope', 'help', 'autocomplete']
    const tails = [[], ['x'], ['x', 'y'], ['-n', 'ns'], ['--flag=v'], ['--help'], ['--', '--help'], ['x', '--', 'y'], ['']]
    const argvs: string[][] = [[], ['--version'], ['-h'], ['--help'], ['--', 'get'], ['', 'get', 'pods'], ['get', '', 'pods']]
    for (const id of ids) {
      for (const tail of tails) {
        argvs.push([...id.split(':'), ...tail], [id, ...tail], ['help', ...id.split(':'), ...tail])
      }
    }
    return argvs
  }

  it('for every command id, alias and topic, with arguments, flags, help and --', async () => {
    const mismatches: unknown[] = []
    const eligible = new Set(Object.values(index.commands).map((c) => c.id))
    for (const argv of corpus()) {
      const choice = await oclifChoice(argv)
      const expected = choice?.kind === 'command' && !eligible.has(choice.id as string) ? undefined : choice
      const got = resolveCommand(index, argv)
      const actual = got?.kind === 'command' ? {kind: got.kind, id: got.id, argv: got.argv} : got
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({argv, expected, actual})
    }
    expect(mismatches).toEqual([])
  })

  it('shows help for ktl, its commands and topics', () => {
    expect(index.help).toBe(true)
    expect(index.topics).toContain('config')
  })

  it('runs the commands that need nothing beyond oclif-lite', () => {
    for (const id of ['get', 'version', 'describe', 'config:view', 'config:current-context', 'config:use-context']) {
      expect(index.commands[id]?.id).toBe(id)
    }
    expect(index.commands['config:use']?.id).toBe('config:use-context')
  })
})

describe('the startup path behaves as full oclif', () => {
  const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: one
clusters:
- name: c1
  cluster:
    server: https://127.0.0.1:1
users:
- name: u1
  user:
    token: secret-token
contexts:
- name: one
  context: {cluster: c1, user: u1, namespace: ns1}
- name: two
  context: {cluster: c1, user: u1}
`
  const source = join(dir, 'kubeconfig')
  writeFileSync(source, KUBECONFIG)

  async function runBoth(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{startup: Run; full: Run}> {
    const [startup, full] = await Promise.all(
      [['bin/run.js'], ['--input-type=module', '-e', FULL_OCLIF, '--']].map((prefix) => {
        const home = mkdtempSync(join(dir, 'home-'))
        const kubeconfig = join(home, 'config')
        copyFileSync(source, kubeconfig)
        const run = spawnRun([...prefix, ...args], {HOME: home, KUBECONFIG: kubeconfig, ...env})
        return run.then((r) => ({...r, stdout: r.stdout.replaceAll(home, '$HOME'), stderr: r.stderr.replaceAll(home, '$HOME')}))
      }),
    )
    return {startup, full}
  }

  // One case per way the startup path could part from oclif: flags, leading global flags, kubectl's
  // --x=false, oclif's own parse errors, command ids with a colon or an alias, help and topics.
  it.concurrent.each([
    [['-n', 'x', '--context', 'two', 'version', '--client', '-o', 'yaml']],
    [['version', '--client=false']],
    [['version', '--client', '--bogus']],
    [['version', '--client', 'extra']],
    [['get', 'pods', '--chunk-size=abc']],
    [['config:view', '--raw=true']],
    [['config', 'use', 'two']],
    [['config', 'use-context']],
    [['-n', 'x', '--help']],
    [['get', '--help']],
    [['config']],
    [['version', '--', '--help']],
  ])('ktl %j', async (args) => {
    const {startup, full} = await runBoth(args)
    expect(startup).toEqual(full)
  })

  it('ktl --help on a 120-column terminal', async () => {
    const {startup, full} = await runBoth(['--help'], {OCLIF_COLUMNS: '120'})
    expect(startup).toEqual(full)
  })
})

describe('output piped into a reader that goes away', () => {
  // `ktl ... | head -1`: whether the write after head exits fails depends on timing; either way the
  // run ends quietly (kubectl dies of SIGPIPE, status 141), never with Node's unsettled-await warning.
  it.concurrent.each([[['--help']], [['get', '--help']], [['validate', '--help']]])('ktl %j', async (args) => {
    const child = spawn(process.execPath, ['bin/run.js', ...args], {cwd: ROOT, env: {PATH: process.env.PATH, HOME: dir}})
    child.stdout.destroy()
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise((done) => child.on('close', done))
    expect(stderr).toBe('')
    expect([0, 141]).toContain(code)
  })
})
