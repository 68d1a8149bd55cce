// The foundation's failure cases: each is one clear line on stderr, exit 1, no stack trace.
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {E2E_DIR, emptyHome, ktl, kubectl, SERVER} from './helpers.js'

function writeKubeconfig(user: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ktl-e2e-kc-'))
  const file = join(dir, 'config')
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster:
    server: ${SERVER}
    certificate-authority: ${E2E_DIR}/pki/ca.crt
contexts:
- name: e2e
  context: {cluster: e2e, user: u}
current-context: e2e
users:
- name: u
  user:
${user}
`,
  )
  return file
}

function expectOneLine(run: {stdout: string; stderr: string; code: number | null}, line: string): void {
  expect(run.stderr).toBe(`${line}\n`)
  expect(run.stderr).not.toContain('    at ')
  expect(run.code).toBe(1)
}

describe('failures print one line and exit 1', () => {
  it('an unknown context, as kubectl words it', async () => {
    const theirs = await kubectl(['api-versions', '--context', 'nope'])
    const ours = await ktl(['api-versions', '--context', 'nope'])
    expectOneLine(ours, 'error: context "nope" does not exist')
    expect(ours.stderr).toBe(theirs.stderr)
  })

  it('a missing --kubeconfig file, as kubectl words it', async () => {
    const ours = await ktl(['api-versions', '--kubeconfig', '/nonexistent/config'], {noKubeconfig: true})
    expectOneLine(ours, 'error: stat /nonexistent/config: no such file or directory')
  })

  it('no kubeconfig at all: says what it looked for instead of trying localhost:8080', async () => {
    const ours = await ktl(['api-versions'], {noKubeconfig: true, env: {HOME: emptyHome()}})
    expect(ours.stderr.split('\n')).toHaveLength(2)
    expect(ours.stderr).toMatch(/^error: .*kubeconfig.*--kubeconfig.*--server/)
    expect(ours.code).toBe(1)
  })

  it('an unreachable server', async () => {
    const ours = await ktl(['version', '-s', 'https://127.0.0.1:1'])
    expect(ours.stdout).toBe('Client Version: v0.1.0\n')
    expectOneLine(ours, 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?')
  })

  it('a server certificate from an unknown authority', async () => {
    const ours = await ktl(['api-versions', '--certificate-authority', join(E2E_DIR, 'pki/admin.crt')])
    expectOneLine(ours, `couldn't get available api versions from server: Get "${SERVER}/api?timeout=32s": tls: failed to verify certificate: x509: certificate signed by unknown authority`.replace(/^/, 'error: '))
  })

  it('an exec credential plugin that fails shows its stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktl-e2e-exec-'))
    const plugin = join(dir, 'plugin.sh')
    writeFileSync(plugin, '#!/bin/sh\necho "token expired, run login" >&2\nexit 3\n')
    chmodSync(plugin, 0o755)
    const file = writeKubeconfig(`    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ${plugin}\n      interactiveMode: Never\n`)
    const ours = await ktl(['version', '--kubeconfig', file], {noKubeconfig: true})
    expect(ours.stderr).toContain('token expired, run login')
    expect(ours.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(ours.stderr).not.toContain('    at ')
    expect(ours.code).toBe(1)
  })

  it('an exec credential plugin that is not installed shows its install hint', async () => {
    const file = writeKubeconfig(
      `    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ktl-no-such-plugin\n      installHint: install it with apt-get install ktl-plugin\n      interactiveMode: Never\n`,
    )
    const ours = await ktl(['version', '--kubeconfig', file], {noKubeconfig: true})
    expect(ours.stderr).toContain('install it with apt-get install ktl-plugin')
    expect(ours.stderr).not.toContain('    at ')
    expect(ours.code).toBe(1)
  })
})

// kubectl reports what pflag could not parse with a pointer to --help, its own usage errors with a
// pointer to -h; diff words flag mistakes as its usage errors and exits 2. Each case runs both CLIs
// (no kubeconfig: the mistake is found first) and compares stderr, the binary's name swapped, and the code.
describe('flag and argument mistakes, byte for byte as kubectl', () => {
  const cases: Array<[string, string[]]> = [
    ['an unknown flag', ['get', 'pods', '--bogus=1']],
    ['an unknown shorthand', ['get', 'pods', '-Z']],
    ['a long flag without its value', ['get', 'pods', '--sort-by']],
    ['a shorthand without its value', ['get', 'pods', '-l']],
    ['an integer flag given a word', ['get', 'pods', '--chunk-size=abc']],
    ['a boolean flag given a word', ['label', 'cm', 'x', 'a=b', '--overwrite=maybe']],
    ['a duration flag given a word', ['delete', 'cm', 'x', '--timeout=soon']],
    ['a shorthand integer flag given a word', ['create', 'deployment', 'x', '--image=a', '-r', 'many']],
    ['diff: a bad integer', ['diff', '-f', '-', '--concurrency=abc']],
    ['diff: an unknown flag', ['diff', '-f', '-', '--bogus']],
    ['diff: -f without its value', ['diff', '-f']],
    ['apply: an argument after -f', ['apply', '-f', '-', 'extra']],
    ['apply: an argument before -f', ['apply', 'extra', '-f', '-']],
    ['config view: an argument', ['config', 'view', 'extra']],
    ['version: an argument', ['version', 'extra']],
    ['scale: a bad --current-replicas is reported before the missing --replicas', ['scale', 'cm/x', '--current-replicas=abc']],
    ['scale: a bad --timeout is reported before the missing --replicas', ['scale', 'cm/x', '--timeout=abc']],
    ['apply: a bad --timeout is reported before the missing -f', ['apply', '--timeout=5x']],
    ['apply: a bad --grace-period is reported before the missing -f', ['apply', '--grace-period=x']],
    ['wait: a bad --timeout is reported before the missing --for', ['wait', '--timeout=bad']],
    ['logs: a bad --since', ['logs', 'p', '--since=1x']],
    ['logs: a bad --tail before the missing pod', ['logs', '--tail=x']],
    ['events: a bad --chunk-size', ['events', '--chunk-size=x']],
    ['rollout status: a bad --revision', ['rollout', 'status', 'deploy/x', '--revision=x']],
    ['rollout undo: a bad --to-revision', ['rollout', 'undo', 'deploy/x', '--to-revision=0x']],
    ['rollout status: a bad --timeout', ['rollout', 'status', 'deploy/x', '--timeout=1']],
    ['config delete-user: no name', ['config', 'delete-user']],
    ['config rename-context: one name (the help on stdout, then the error)', ['config', 'rename-context', 'a']],
  ]
  it.each(cases)('%s', async (_label, args) => {
    const [ours, theirs] = await Promise.all([ktl(args, {stdin: '', noKubeconfig: true}), kubectl(args, {stdin: '', noKubeconfig: true})])
    expect({stderr: ours.stderr, code: ours.code}).toEqual({stderr: theirs.stderr.replaceAll("'kubectl ", "'ktl "), code: theirs.code})
    expect(ours.stderr).not.toBe('')
  })
})

// kubectl answers a wrong number of names with the command's help on stdout, and succeeds.
describe('config delete-context and delete-cluster without exactly one name', () => {
  it.each([[['config', 'delete-context']], [['config', 'delete-cluster', 'a', 'b']]])('%j: the help, exit 0, as kubectl', async (args) => {
    const [ours, theirs, help] = await Promise.all([
      ktl(args, {noKubeconfig: true}),
      kubectl(args, {noKubeconfig: true}),
      ktl([...args.slice(0, 2), '--help'], {noKubeconfig: true}),
    ])
    expect({stderr: ours.stderr, code: ours.code}).toEqual({stderr: theirs.stderr, code: theirs.code})
    expect(ours.stdout).toBe(help.stdout)
    expect(ours.stdout).toContain(`USAGE\n  $ ktl ${args.slice(0, 2).join(' ')} NAME\n`)
  })
})
