// `ktl config get-contexts | current-context | use-context | set-context | get-clusters | get-users`.
// Expected tables and files were recorded from kubectl 1.32 on the same inputs; a differential test
// replays a sequence of changes with both tools when the kubectl binary is present.
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import type {ConfigOverrides} from '../../src/lib/kubeconfig/types.js'
import {
  runCurrentContext,
  runDeleteEntry,
  runGetContexts,
  runRenameContext,
  runGetNames,
  runSetContext,
  runUseContext,
  type SetContextOptions,
} from '../../src/lib/ops/config-contexts.js'
import {FIXTURES, KUBECTL, lines, tempDir, type TempDir} from '../fixtures/kubeconfig/temp.js'

let tmpDir: TempDir | undefined
afterEach(() => {
  tmpDir?.cleanup()
  tmpDir = undefined
})

function tmp(): TempDir {
  tmpDir ??= tempDir()
  return tmpDir
}

function ctxFor(overrides: ConfigOverrides, env: NodeJS.ProcessEnv = {}, homeDir = '/nonexistent-home') {
  const io = memoryIO()
  return {io, ctx: createCtx({io, overrides, env, homeDir})}
}

async function getContexts(overrides: ConfigOverrides, opts: {names?: string[]; output?: string; noHeaders?: boolean} = {}, env: NodeJS.ProcessEnv = {}) {
  const {io, ctx} = ctxFor(overrides, env)
  await runGetContexts(ctx, {names: opts.names ?? [], output: opts.output ?? '', noHeaders: opts.noHeaders ?? false, cwd: FIXTURES})
  return io.stdout()
}

/** A copy of a fixture in a temp folder, so tests can change it. */
function copyFixture(name: string, as = name): string {
  const file = tmp().path(as)
  copyFileSync(join(FIXTURES, name), file)
  return file
}

const FULL_TABLE = lines(
  'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE',
  '*         dev    c1        u1         ns1',
  '          prod   c2        u2         ',
)

describe('config get-contexts', () => {
  it('prints kubectl\'s table, the current context starred', async () => {
    expect(await getContexts({kubeconfig: 'full.yaml'})).toBe(FULL_TABLE)
  })

  it('pads to the minimum column width without headers', async () => {
    expect(await getContexts({kubeconfig: 'strings.yaml'}, {noHeaders: true})).toBe(lines('      c                 '))
  })

  it('lists the contexts of every file in KUBECONFIG', async () => {
    expect(await getContexts({}, {}, {KUBECONFIG: 'merge-first.yaml:merge-second.yaml'})).toBe(
      lines('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE', '          ctx1   shared    u1         ', '*         ctx2   only2     u2         '),
    )
  })

  it('prints the named contexts in sorted order and reports the missing one after the table', async () => {
    const {io, ctx} = ctxFor({kubeconfig: 'full.yaml'})
    await expect(runGetContexts(ctx, {names: ['prod', 'nope', 'dev'], output: '', noHeaders: false, cwd: FIXTURES})).rejects.toThrow('error: context nope not found')
    expect(io.stdout()).toBe(FULL_TABLE)
  })

  it('reports several missing contexts one per line without a prefix, as kubectl does', async () => {
    const {ctx} = ctxFor({kubeconfig: 'full.yaml'})
    const run = runGetContexts(ctx, {names: ['a', 'b'], output: '', noHeaders: false, cwd: FIXTURES})
    await expect(run).rejects.toThrow('context a not found\ncontext b not found')
  })

  it('prints names only with -o name', async () => {
    expect(await getContexts({kubeconfig: 'full.yaml'}, {output: 'name'})).toBe(lines('dev', 'prod'))
    expect(await getContexts({kubeconfig: 'full.yaml'}, {output: 'name', names: ['prod']})).toBe(lines('prod'))
  })

  it('refuses other output formats with kubectl\'s message', async () => {
    await expect(getContexts({kubeconfig: 'full.yaml'}, {output: 'wide'})).rejects.toThrow(
      'error: --output wide is not available in ktl config get-contexts; resetting to default output format',
    )
  })

  it('prints just the header when no kubeconfig exists', async () => {
    expect(await getContexts({kubeconfig: 'no-such-file.yaml'})).toBe(lines('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE'))
  })
})

describe('config current-context', () => {
  it('prints the current context of the files, whatever --context says', async () => {
    const {io, ctx} = ctxFor({kubeconfig: 'full.yaml', context: 'prod'})
    await runCurrentContext(ctx, {cwd: FIXTURES})
    expect(io.stdout()).toBe('dev\n')
  })

  it('fails when none is set', async () => {
    const {ctx} = ctxFor({kubeconfig: 'strings.yaml'})
    await expect(runCurrentContext(ctx, {cwd: FIXTURES})).rejects.toThrow('error: current-context is not set')
  })
})

describe('config get-clusters and get-users', () => {
  it('prints NAME and the names in the order the files list them', async () => {
    const clusters = ctxFor({kubeconfig: 'full.yaml'})
    await runGetNames(clusters.ctx, {kind: 'clusters', cwd: FIXTURES})
    expect(clusters.io.stdout()).toBe(lines('NAME', 'c1', 'c2'))
    const users = ctxFor({}, {KUBECONFIG: 'merge-first.yaml:merge-second.yaml'})
    await runGetNames(users.ctx, {kind: 'users', cwd: FIXTURES})
    expect(users.io.stdout()).toBe(lines('NAME', 'u1', 'u2'))
  })
})

// full.yaml as kubectl 1.32 writes it back after `config use-context prod` (kubectl drops the
// unknown-field that ktl keeps).
const FULL_AFTER_USE_PROD = (keepUnknown: boolean) =>
  lines(
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    '    certificate-authority-data: LS0tLS1CRUdJTg==',
    '    extensions:',
    '    - extension:',
    '        foo: bar',
    '      name: client.authentication.k8s.io/exec',
    '    proxy-url: http://proxy:3128',
    '    server: https://1.2.3.4:6443',
    '    tls-server-name: foo',
    ...(keepUnknown ? ['    unknown-field: x'] : []),
    '  name: c1',
    '- cluster:',
    '    certificate-authority: ca.crt',
    '    server: https://5.6.7.8',
    '  name: c2',
    'contexts:',
    '- context:',
    '    cluster: c1',
    '    namespace: ns1',
    '    user: u1',
    '  name: dev',
    '- context:',
    '    cluster: c2',
    '    user: u2',
    '  name: prod',
    'current-context: prod',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: u1',
    '  user:',
    '    client-certificate-data: Y2VydA==',
    '    client-key-data: a2V5',
    '    token: secret-token',
    '- name: u2',
    '  user:',
    '    client-certificate: c.crt',
    '    client-key: k.key',
    '    exec:',
    '      apiVersion: client.authentication.k8s.io/v1',
    '      args:',
    '      - a',
    '      - b',
    '      command: foo',
    '      env:',
    '      - name: X',
    '        value: "1"',
    '      interactiveMode: Never',
    '      provideClusterInfo: true',
    '    password: pw',
    '    tokenFile: /tmp/tok',
    '    username: admin',
  )

describe('config use-context', () => {
  it('switches and rewrites the file like kubectl, keeping unknown fields, mode 0600', async () => {
    const file = copyFixture('full.yaml')
    const {io, ctx} = ctxFor({kubeconfig: file})
    await runUseContext(ctx, {name: 'prod'})
    expect(io.stdout()).toBe('Switched to context "prod".\n')
    expect(readFileSync(file, 'utf8')).toBe(FULL_AFTER_USE_PROD(true))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(tmp().dir)).toEqual(['full.yaml'])
  })

  it('leaves the file alone when the context is already current', async () => {
    const file = copyFixture('full.yaml')
    const before = readFileSync(file, 'utf8')
    const {io, ctx} = ctxFor({kubeconfig: file})
    await runUseContext(ctx, {name: 'dev'})
    expect(io.stdout()).toBe('Switched to context "dev".\n')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('refuses unknown and empty names', async () => {
    const file = copyFixture('full.yaml')
    await expect(runUseContext(ctxFor({kubeconfig: file}).ctx, {name: 'nope'})).rejects.toThrow('error: no context exists with the name: "nope"')
    await expect(runUseContext(ctxFor({kubeconfig: file}).ctx, {name: ''})).rejects.toThrow('error: empty context names are not allowed')
  })

  it('writes current-context to the first existing file of KUBECONFIG', async () => {
    copyFixture('merge-first.yaml', 'one')
    const second = copyFixture('merge-second.yaml', 'two')
    const secondBefore = readFileSync(second, 'utf8')
    const {ctx} = ctxFor({}, {KUBECONFIG: `${tmp().path('missing')}:${tmp().path('one')}:${second}`})
    await runUseContext(ctx, {name: 'ctx1'})
    expect(readFileSync(tmp().path('one'), 'utf8')).toContain('current-context: ctx1\n')
    expect(readFileSync(second, 'utf8')).toBe(secondBefore)
    const {io, ctx: after} = ctxFor({}, {KUBECONFIG: `${tmp().path('one')}:${second}`})
    await runCurrentContext(after)
    expect(io.stdout()).toBe('ctx1\n')
  })

  it('writes through a symlinked kubeconfig and keeps the link', async () => {
    const real = copyFixture('full.yaml', 'real.yaml')
    const link = tmp().path('link.yaml')
    symlinkSync(real, link)
    await runUseContext(ctxFor({kubeconfig: link}).ctx, {name: 'prod'})
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toBe(FULL_AFTER_USE_PROD(true))
  })
})

async function setContext(overrides: ConfigOverrides, opts: Partial<SetContextOptions>, env: NodeJS.ProcessEnv = {}, homeDir?: string) {
  const {io, ctx} = ctxFor(overrides, env, homeDir)
  await runSetContext(ctx, {name: '', current: false, ...opts})
  return io.stdout()
}

describe('config set-context', () => {
  it('modifies an existing context in place and creates new ones', async () => {
    const file = copyFixture('full.yaml')
    expect(await setContext({kubeconfig: file}, {name: 'dev', namespace: 'x', user: ''})).toBe('Context "dev" modified.\n')
    expect(await setContext({kubeconfig: file}, {name: 'new', cluster: 'c2'})).toBe('Context "new" created.\n')
    expect(readFileSync(file, 'utf8')).toContain(
      lines('contexts:', '- context:', '    cluster: c1', '    namespace: x', '    user: ""', '  name: dev', '- context:', '    cluster: c2', '    user: ""', '  name: new'),
    )
  })

  it('changes the current context with --current', async () => {
    const file = copyFixture('full.yaml')
    expect(await setContext({kubeconfig: file}, {current: true, namespace: 'other'})).toBe('Context "dev" modified.\n')
    expect(readFileSync(file, 'utf8')).toContain(lines('    cluster: c1', '    namespace: other', '    user: u1', '  name: dev'))
  })

  it('writes an entry to the file that defined it and a new one to the default file', async () => {
    const first = copyFixture('merge-first.yaml', 'one')
    const second = copyFixture('merge-second.yaml', 'two')
    const env = {KUBECONFIG: `${first}:${second}`}
    await setContext({}, {name: 'ctx2', namespace: 'n2'}, env)
    await setContext({}, {name: 'brand-new', cluster: 'x'}, env)
    expect(readFileSync(second, 'utf8')).toContain(lines('    cluster: only2', '    namespace: n2', '    user: u2', '  name: ctx2'))
    expect(readFileSync(first, 'utf8')).toContain(lines('- context:', '    cluster: x', '    user: ""', '  name: brand-new'))
    expect(readFileSync(first, 'utf8')).not.toContain('ctx2')
  })

  it('creates ~/.kube/config with mode 0600 when there is none', async () => {
    expect(await setContext({}, {name: 'c', namespace: 'ns'}, {}, tmp().dir)).toBe('Context "c" created.\n')
    const file = tmp().path('.kube/config')
    expect(readFileSync(file, 'utf8')).toBe(
      lines('apiVersion: v1', 'clusters: null', 'contexts:', '- context:', '    cluster: ""', '    namespace: ns', '    user: ""', '  name: c', 'current-context: ""', 'kind: Config', 'preferences: {}', 'users: null'),
    )
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('validates its arguments with kubectl\'s messages', async () => {
    const file = copyFixture('strings.yaml')
    await expect(setContext({kubeconfig: file}, {})).rejects.toThrow('error: you must specify a non-empty context name or --current')
    await expect(setContext({kubeconfig: file}, {name: 'x', current: true})).rejects.toThrow('error: you cannot specify both a context name and --current')
    await expect(setContext({kubeconfig: file}, {current: true})).rejects.toThrow('error: no current context is set')
  })
})

describe('config writes compared with kubectl 1.32', () => {
  it.skipIf(!existsSync(KUBECTL))('leaves the same files and prints the same messages', async () => {
    const steps: Array<[string[], (file: string) => Promise<string>]> = [
      [['use-context', 'prod'], (f) => runUseContext(ctxFor({kubeconfig: f}).ctx, {name: 'prod'}).then(() => 'Switched to context "prod".\n')],
      [['set-context', 'prod', '--namespace=team'], (f) => setContext({kubeconfig: f}, {name: 'prod', namespace: 'team'})],
      [['set-context', 'z-new', '--cluster=c1', '--user=u1'], (f) => setContext({kubeconfig: f}, {name: 'z-new', cluster: 'c1', user: 'u1'})],
      [['set-context', '--current', '--user='], (f) => setContext({kubeconfig: f}, {current: true, user: ''})],
    ]
    // extensions.yaml has no fields kubectl drops, so both tools must write identical bytes
    const ours = tmp().path('ours.yaml')
    const theirs = tmp().path('theirs.yaml')
    copyFileSync(join(FIXTURES, 'extensions.yaml'), ours)
    copyFileSync(join(FIXTURES, 'extensions.yaml'), theirs)
    execFileSync(KUBECTL, ['--kubeconfig', theirs, 'config', 'set-context', 'prod', '--cluster=a', '--user=u'], {encoding: 'utf8'})
    await setContext({kubeconfig: ours}, {name: 'prod', cluster: 'a', user: 'u'})
    for (const [args, ktl] of steps) {
      const want = execFileSync(KUBECTL, ['--kubeconfig', theirs, 'config', ...args], {encoding: 'utf8'})
      expect(await ktl(ours), args.join(' ')).toBe(want)
      expect(readFileSync(ours, 'utf8'), args.join(' ')).toBe(readFileSync(theirs, 'utf8'))
    }
    const want = execFileSync(KUBECTL, ['--kubeconfig', theirs, 'config', 'get-contexts'], {encoding: 'utf8'})
    expect(await getContexts({kubeconfig: ours})).toBe(want)
  })
})

describe('config delete-context | delete-cluster | delete-user | rename-context, compared with kubectl 1.32', () => {
  /** Runs a ktl write against `file`; what it printed on stdout and stderr, and its error line. */
  async function ours(file: string, op: (ctx: ReturnType<typeof ctxFor>['ctx']) => Promise<void>) {
    const {io, ctx} = ctxFor({kubeconfig: file})
    let error = ''
    await op(ctx).catch((err: Error) => (error = `${err.message}\n`))
    return {stdout: io.stdout(), stderr: io.stderr() + error}
  }

  function theirs(file: string, args: string[]) {
    const run = spawnSync(KUBECTL, ['--kubeconfig', file, 'config', ...args], {encoding: 'utf8'})
    return {stdout: run.stdout, stderr: run.stderr}
  }

  it.skipIf(!existsSync(KUBECTL))('leave the same files and print the same lines', async () => {
    const steps: Array<[string[], (ctx: ReturnType<typeof ctxFor>['ctx']) => Promise<void>]> = [
      [['rename-context', 'c', 'renamed'], (ctx) => runRenameContext(ctx, {from: 'c', to: 'renamed'})],
      [['rename-context', 'nope', 'x'], (ctx) => runRenameContext(ctx, {from: 'nope', to: 'x'})],
      [['rename-context', 'renamed', ''], (ctx) => runRenameContext(ctx, {from: 'renamed', to: ''})],
      [['set-context', 'other', '--cluster=a'], (ctx) => runSetContext(ctx, {name: 'other', current: false, cluster: 'a'})],
      [['rename-context', 'renamed', 'other'], (ctx) => runRenameContext(ctx, {from: 'renamed', to: 'other'})],
      [['use-context', 'renamed'], (ctx) => runUseContext(ctx, {name: 'renamed'})],
      [['rename-context', 'renamed', 'current'], (ctx) => runRenameContext(ctx, {from: 'renamed', to: 'current'})],
      [['delete-context', 'current'], (ctx) => runDeleteEntry(ctx, {kind: 'contexts', name: 'current'})],
      [['delete-context', 'current'], (ctx) => runDeleteEntry(ctx, {kind: 'contexts', name: 'current'})],
      [['delete-cluster', 'a'], (ctx) => runDeleteEntry(ctx, {kind: 'clusters', name: 'a'})],
      [['delete-cluster', 'a'], (ctx) => runDeleteEntry(ctx, {kind: 'clusters', name: 'a'})],
      [['delete-user', 'v'], (ctx) => runDeleteEntry(ctx, {kind: 'users', name: 'v'})],
      [['delete-user', 'nobody'], (ctx) => runDeleteEntry(ctx, {kind: 'users', name: 'nobody'})],
    ]
    const oursFile = tmp().path('ours.yaml')
    const theirsFile = tmp().path('theirs.yaml')
    copyFileSync(join(FIXTURES, 'extensions.yaml'), oursFile)
    copyFileSync(join(FIXTURES, 'extensions.yaml'), theirsFile)
    // Both files named alike in messages: the same path, the file swapped in between.
    const shared = tmp().path('kubeconfig.yaml')
    for (const [args, op] of steps) {
      copyFileSync(theirsFile, shared)
      const want = theirs(shared, args)
      copyFileSync(shared, theirsFile)
      copyFileSync(oursFile, shared)
      const got = await ours(shared, op)
      copyFileSync(shared, oursFile)
      expect(got, args.join(' ')).toEqual({stdout: want.stdout, stderr: want.stderr.replaceAll('"kubectl config', '"ktl config')})
      expect(readFileSync(oursFile, 'utf8'), args.join(' ')).toBe(readFileSync(theirsFile, 'utf8'))
    }
  })
})
