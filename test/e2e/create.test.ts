// Differential: `ktl create` and kubectl 1.32 build the same objects (compared byte for byte with
// --dry-run=client), fail with the same messages, and change the cluster the same way.
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {bothCLIs, ktl, kubectl, kubectlOK, type Run} from './helpers.js'

// Each CLI works in its own namespace; outputs are compared with the names swapped.
const OURS = 'create-a-ktl'
const THEIRS = 'create-a-kubectl'

let dir: string
let cert: string
let key: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ktl-create-e2e-'))
  mkdirSync(join(dir, 'files', 'subdir'), {recursive: true})
  writeFileSync(join(dir, 'files', 'a.txt'), 'v1')
  writeFileSync(join(dir, 'files', 'b'), 'line 1\nline 2\n')
  writeFileSync(join(dir, 'files', 'bin'), Buffer.from([0xff, 0xfe, 0x00]))
  symlinkSync('a.txt', join(dir, 'files', 'link'))
  writeFileSync(join(dir, 'app.env'), '\ufeffA=1\n# comment\n  B= 2 \r\nHOME\n\nD=x=y')
  writeFileSync(join(dir, 'cfg.json'), '{"auths":{"r.io":{"auth":"dTpw"}}}')
  const pki = testPKI()
  cert = pki.paths.serverCert
  key = pki.paths.serverKey
  await Promise.all([OURS, THEIRS].map((ns) => kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true'])))
})

afterAll(async () => {
  rmSync(dir, {recursive: true, force: true})
  cleanupPKI()
  await Promise.all([OURS, THEIRS, 'create-a-gen-ktl', 'create-a-gen-kubectl'].map((ns) => kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false'])))
})

/** `args` with `extra` placed before a `--` (after it they would be the container's command). */
function withFlags(args: string[], extra: string[]): string[] {
  const dash = args.indexOf('--')
  return dash < 0 ? [...args, ...extra] : [...args.slice(0, dash), ...extra, ...args.slice(dash)]
}

/** kubectl's stderr as ktl words it (ktl names itself in usage hints). */
const asKtl = (text: string) => text.replaceAll("'kubectl ", "'ktl ").replaceAll('"kubectl ', '"ktl ')

function expectSame(ours: Run, theirs: Run): void {
  expect({stdout: ours.stdout, stderr: ours.stderr, code: ours.code}).toEqual({stdout: theirs.stdout, stderr: asKtl(theirs.stderr), code: theirs.code})
}

const generators = (): string[][] => [
  ['namespace', 'create-a-gen'],
  ['ns', 'create-a-gen'],
  ['serviceaccount', 'robot'],
  ['sa', 'robot'],
  ['deployment', 'my-deployment', '--image=my-app'],
  ['deploy', 'web', '--image=nginx:1.25', '--image=busybox', '--port=8080', '--replicas=3'],
  ['deploy', 'web', '--image=nginx,reg.io:5000/team/app:1@sha256:abc', '-r', '0x2'],
  ['deploy', 'web', '--image=busybox', '--', 'sh', '-c', 'sleep 3600'],
  ['configmap', 'cfg', '--from-literal=b=1', '--from-literal=a=2=3', '--from-literal=html=<b>&'],
  ['cm', 'cfg', `--from-file=${join(dir, 'files')}`],
  ['cm', 'cfg', `--from-file=k=${join(dir, 'files', 'a.txt')},${join(dir, 'files', 'b')}`, '--from-literal=z='],
  ['cm', 'cfg', `--from-env-file=${join(dir, 'app.env')}`],
  ['cm', 'cfg', `--from-file=${join(dir, 'files')}`, '--append-hash'],
  ['secret', 'generic', 'creds', '--from-literal=user=admin', '--type=kubernetes.io/basic-auth'],
  ['secret', 'generic', 'creds', `--from-file=${join(dir, 'files')}`, '--from-literal=z=1', '--append-hash'],
  ['secret', 'generic', 'creds', `--from-env-file=${join(dir, 'app.env')}`],
  ['secret', 'tls', 'tls', `--cert=${cert}`, `--key=${key}`],
  ['secret', 'tls', 'tls', `--cert=${cert}`, `--key=${key}`, '--append-hash'],
  ['secret', 'docker-registry', 'pull', '--docker-username=u', '--docker-password=p', '--docker-email=a@b.c', '--docker-server=my.reg:5000'],
  ['secret', 'docker-registry', 'pull', '--docker-username=u', '--docker-password=p<&>'],
  ['secret', 'docker-registry', 'pull', `--from-file=${join(dir, 'cfg.json')}`, '--append-hash'],
  ['service', 'clusterip', 'web', '--tcp=5678:8080', '--tcp=80'],
  ['svc', 'clusterip', 'web', '--clusterip=None'],
  ['svc', 'clusterip', 'web', '--clusterip=10.0.0.10', '--tcp=443:https'],
  ['svc', 'nodeport', 'web', '--tcp=80:http,81', '--node-port=30080'],
  ['svc', 'loadbalancer', 'web', '--tcp=443:8443'],
  ['svc', 'externalname', 'web', '--external-name=example.com'],
  ['svc', 'externalname', 'web', '--external-name', 'example.com', '--tcp=80'],
]

/** Runs `check` over `items`, a few at a time (each runs two processes). */
async function inBatches<T>(items: T[], check: (item: T) => Promise<void>, size = 4): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(check))
}

describe.concurrent('generators: --dry-run=client output, byte for byte', () => {
  // Every generator and flag combination in the formats that show the whole object...
  const everyGenerator: Array<[string, string[]]> = [
    ['-o yaml', ['-o', 'yaml']],
    ['-o json', ['-o', 'json']],
    ['-n and -o yaml', ['-n', 'create-a-other', '-o', 'yaml']],
    ['--save-config -o json', ['--save-config', '-o', 'json']],
  ]
  // ...and one of each kind in the formats that show only its name.
  const oneOfEach: Array<[string, string[]]> = [
    ['-o name', ['-o', 'name']],
    ['no -o', []],
    ['-o jsonpath', ['-o', 'jsonpath={.kind}/{.metadata.name}']],
  ]
  const firstOfEachKind = () => generators().filter((args, i, all) => all.findIndex((a) => a.slice(0, 2).join(' ') === args.slice(0, 2).join(' ')) === i)
  for (const [label, flags, cases] of [
    ...everyGenerator.map(([l, f]) => [l, f, generators] as const),
    ...oneOfEach.map(([l, f]) => [l, f, firstOfEachKind] as const),
  ]) {
    it(`generators, ${label}`, {timeout: 300_000}, async () => {
      await inBatches(cases(), async (args) => {
        const {ours, theirs} = await bothCLIs(['create', ...withFlags(args, ['--dry-run=client', ...flags])], {env: {HOME: dir}})
        expect([args.join(' '), ours.stdout, ours.stderr, ours.code]).toEqual([args.join(' '), theirs.stdout, theirs.stderr, theirs.code])
      })
    })
  }
})

describe.concurrent('errors, byte for byte', () => {
  const cases = (): string[][] => [
    ['deploy', 'web'],
    ['deploy', '--image=a'],
    ['deploy', 'a', 'b', '--image=a'],
    ['deploy', '--image=a', '--', 'date'],
    ['deploy', 'web', '--image=a', '--image=b', '--', 'date'],
    ['deploy', 'web', '--image=a', '--port=abc'],
    ['deploy', 'web', '--image=a', '--replicas=99999999999'],
    ['deploy', 'web', '--image=a"b'],
    ['ns'],
    ['ns', 'a', 'b'],
    ['cm', 'cfg', '--from-literal=novalue'],
    ['cm', 'cfg', '--from-literal=a=1', '--from-literal=a=2'],
    ['cm', 'cfg', '--from-literal=a/b=1'],
    ['cm', 'cfg', '--from-file=/nonexistent'],
    ['cm', 'cfg', `--from-file=k=${dir}`],
    ['cm', 'cfg', '--from-file=a=b=c'],
    ['cm', 'cfg', `--from-env-file=${dir}`],
    ['cm', 'cfg', `--from-env-file=${join(dir, 'app.env')}`, '--from-literal=a=1'],
    ['secret', 'generic', 'creds', '--from-literal=a=1', '--from-literal=a=2'],
    ['secret', 'generic', 'creds', '--from-literal=a b=1'],
    ['secret', 'tls', 'tls', `--cert=${cert}`],
    ['secret', 'tls', 'tls', '--cert=/nonexistent', `--key=${key}`],
    ['secret', 'tls', 'tls', `--cert=${key}`, `--key=${key}`],
    ['secret', 'tls', 'tls', `--cert=${cert}`, `--key=${cert}`],
    ['secret', 'docker-registry', 'pull', '--docker-username=u'],
    ['secret', 'docker-registry', 'pull', `--from-file=${dir}`],
    ['svc', 'clusterip', 'web'],
    ['svc', 'clusterip', 'web', '--tcp=abc'],
    ['svc', 'clusterip', 'web', '--tcp=70000'],
    ['svc', 'clusterip', 'web', '--tcp=80:0'],
    ['svc', 'clusterip', 'web', '--tcp=80:Bad_Name'],
    ['svc', 'nodeport', 'web', '--tcp=80', '--node-port=x'],
    ['svc', 'externalname', 'web'],
    ['svc', 'externalname', 'web', '--external-name=Not_DNS'],
    ['foo'],
  ]
  it('each failure prints what kubectl prints and exits 1', {timeout: 300_000}, async () => {
    await inBatches(cases(), async (args) => {
      // --dry-run=client keeps a case that wrongly passed from creating anything
      const {ours, theirs} = await bothCLIs(['create', ...withFlags(args, ['--dry-run=client'])])
      expect([args.join(' '), ours.stdout, ours.stderr, ours.code]).toEqual([args.join(' '), theirs.stdout, asKtl(theirs.stderr), theirs.code])
      expect(ours.code).toBe(1)
    })
  })

  it('the subcommand groups', async () => {
    for (const args of [['svc', 'foo'], ['secret', 'foo'], ['service', 'clusterip']]) {
      const {ours, theirs} = await bothCLIs(['create', ...args])
      expect([args.join(' '), ours.stdout, ours.stderr, ours.code]).toEqual([args.join(' '), theirs.stdout, asKtl(theirs.stderr), theirs.code])
    }
  })

  it('-o wide: kubectl\'s message and list of formats', async () => {
    const {ours, theirs} = await bothCLIs(['create', 'ns', 'create-a-x', '-o', 'wide', '--dry-run=client'])
    expectSame(ours, theirs)
  })

  it('a bad --dry-run value', async () => {
    const {ours, theirs} = await bothCLIs(['create', 'ns', 'create-a-x', '--dry-run=maybe'])
    expectSame(ours, theirs)
  })

  it('create with neither -f nor a generator', async () => {
    const {ours, theirs} = await bothCLIs(['create'])
    expectSame(ours, theirs)
  })
})

describe('against the cluster', () => {
  /** Runs ktl in OURS and kubectl in THEIRS, and compares with the namespaces' names swapped. */
  async function inBoth(args: string[], opts: {stdin?: string} = {}): Promise<{ours: Run; theirs: Run}> {
    const [ours, theirs] = await Promise.all([
      ktl(['create', ...withFlags(args, ['-n', OURS])], {stdin: opts.stdin}),
      kubectl(['create', ...withFlags(args, ['-n', THEIRS])], {stdin: opts.stdin}),
    ])
    const swap = (s: string) => s.replaceAll(THEIRS, OURS)
    return {ours, theirs: {...theirs, stdout: swap(theirs.stdout), stderr: swap(theirs.stderr)}}
  }

  /** Server-made values (uids, times, versions, allocated IPs and ports) masked. */
  const masked = (s: string) =>
    s
      .replace(/"(uid|creationTimestamp|resourceVersion|clusterIP|nodePort)": ("[^"]*"|\d+)/g, '"$1": X')
      .replace(/"clusterIPs": \[\s*"[^"]*"\s*\]/g, '"clusterIPs": X')

  it('creates the namespaces', async () => {
    const [ours, theirs] = await Promise.all([ktl(['create', 'namespace', OURS]), kubectl(['create', 'namespace', THEIRS])])
    expect(ours.stdout).toBe(`namespace/${OURS} created\n`)
    expect(theirs.stdout).toBe(`namespace/${THEIRS} created\n`)
  })

  it('each generator creates, then fails on the existing object as kubectl does', async () => {
    const created: string[][] = [
      ['deploy', 'web', '--image=nginx'],
      ['cm', 'cfg', '--from-literal=a=1'],
      ['sa', 'robot'],
      ['secret', 'generic', 'creds', '--from-literal=a=1'],
      ['secret', 'tls', 'tls', `--cert=${cert}`, `--key=${key}`],
      ['secret', 'docker-registry', 'pull', '--docker-username=u', '--docker-password=p'],
      ['svc', 'clusterip', 'web', '--tcp=80'],
      ['svc', 'nodeport', 'np', '--tcp=80'],
      ['svc', 'loadbalancer', 'lb', '--tcp=80'],
      ['svc', 'externalname', 'en', '--external-name=example.com'],
    ]
    for (const args of created) {
      const first = await inBoth(args)
      expectSame(first.ours, first.theirs)
      expect(first.ours.code).toBe(0)
      const again = await inBoth(args)
      expectSame(again.ours, again.theirs)
      expect(again.ours.code).toBe(1)
    }
    const [ns1, ns2] = await Promise.all([
      ktl(['create', 'namespace', OURS]),
      kubectl(['create', 'namespace', THEIRS]),
    ])
    expect(ns1.stderr).toBe(`Error from server (AlreadyExists): namespaces "${OURS}" already exists\n`)
    expect(ns2.stderr).toBe(`Error from server (AlreadyExists): namespaces "${THEIRS}" already exists\n`)
  })

  it('-o json prints the created object as kubectl does; -o name and --dry-run=server too', async () => {
    for (const args of [
      ['deploy', 'json', '--image=nginx', '-o', 'json'],
      ['svc', 'clusterip', 'json', '--tcp=80', '-o', 'json', '--save-config'],
      ['cm', 'named', '--from-literal=a=1', '-o', 'name'],
      ['deploy', 'dry', '--image=nginx', '--dry-run=server'],
      ['secret', 'generic', 'dry', '--from-literal=a=1', '--dry-run=server', '-o', 'json'],
    ]) {
      const {ours, theirs} = await inBoth(args)
      expect([args.join(' '), masked(ours.stdout), ours.stderr, ours.code]).toEqual([args.join(' '), masked(theirs.stdout), theirs.stderr, theirs.code])
    }
    const dry = await kubectl(['get', 'deploy,secret', 'dry', '-n', OURS, '--ignore-not-found', '-o', 'name'])
    expect(dry.stdout).toBe('')
  })

  it('create -f: the rest go through past an existing object, which fails the command', async () => {
    const manifests = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-file-a}\ndata: {k: v}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: from-file-d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: c, image: nginx}]}',
      'apiVersion: v1\nkind: Service\nmetadata: {name: from-file-s}\nspec: {ports: [{port: 80}]}',
    ].join('\n---\n')
    const file = join(dir, 'app.yaml')
    writeFileSync(file, manifests)
    const {ours, theirs} = await inBoth(['-f', file])
    expectSame(ours, theirs)
    expect(ours.code).toBe(1)
    expect(ours.stdout).toBe('configmap/from-file-a created\ndeployment.apps/from-file-d created\nservice/from-file-s created\n')
    expect(ours.stderr).toBe(`Error from server (AlreadyExists): error when creating "${file}": configmaps "cfg" already exists\n`)
    const names = await kubectlOK(['get', 'cm,deploy,svc', '-n', OURS, '-o', 'name'])
    expect(names.split('\n').filter((n) => n.includes('from-file'))).toEqual(['configmap/from-file-a', 'deployment.apps/from-file-d', 'service/from-file-s'])

    const fromStdin = await inBoth(['-f', '-', '-o', 'name', '--dry-run=server'], {stdin: manifests.replaceAll('from-file', 'stdin')})
    expectSame(fromStdin.ours, fromStdin.theirs)
    const yaml = await inBoth(['-f', file, '--dry-run=client', '-o', 'yaml', '--save-config'])
    expectSame(yaml.ours, yaml.theirs)
  })
})
