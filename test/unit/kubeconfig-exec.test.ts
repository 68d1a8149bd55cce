// Exec credential plugins, run for real: tiny shell scripts in a temp folder. Error texts are
// client-go's, recorded from kubectl 1.32 with the same plugins.
import {readFileSync} from 'node:fs'
import {PassThrough} from 'node:stream'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {type ExecOptions, execCredentials} from '../../src/lib/kubeconfig/exec.js'
import {loadClientConfig} from '../../src/lib/kubeconfig/resolve.js'
import type {ExecConfig} from '../../src/lib/kubeconfig/types.js'
import {cleanupPKI, testPKI} from '../support/certs.js'
import {FakeServer} from '../support/fake-server.js'
import {lines, tempDir, type TempDir} from '../fixtures/kubeconfig/temp.js'

let tmpDir: TempDir | undefined
afterEach(() => {
  tmpDir?.cleanup()
  tmpDir = undefined
})
afterAll(() => cleanupPKI())

function tmp(): TempDir {
  tmpDir ??= tempDir('ktl-exec-')
  return tmpDir
}

const V1 = 'client.authentication.k8s.io/v1'
const PREFIX = 'Unable to connect to the server: getting credentials: '

/** A plugin script; `calls` counts its runs in a file next to it. */
function plugin(name: string, body: string): string {
  const counter = tmp().path(`${name}.calls`)
  return tmp().write(name, `#!/bin/sh\necho run >> '${counter}'\n${body}\n`, 0o755)
}

function calls(name: string): number {
  try {
    return readFileSync(tmp().path(`${name}.calls`), 'utf8').trim().split('\n').length
  } catch {
    return 0
  }
}

function credential(status: Record<string, unknown>, apiVersion = V1): string {
  return `cat <<'EOF'\n${JSON.stringify({apiVersion, kind: 'ExecCredential', status})}\nEOF`
}

function source(exec: Partial<ExecConfig>, opts: Partial<ExecOptions> = {}) {
  return execCredentials({
    exec: {apiVersion: V1, command: '', interactiveMode: 'Never', ...exec},
    cluster: {server: 'https://127.0.0.1:1'},
    env: {PATH: process.env.PATH},
    ...opts,
  })
}

async function failure(exec: Partial<ExecConfig>, opts: Partial<ExecOptions> = {}): Promise<string> {
  return source(exec, opts)
    .get()
    .then(
      () => 'no error',
      (err: Error) => err.message,
    )
}

describe('exec plugin credentials', () => {
  it('returns the token and keeps it while no expiry is given', async () => {
    const creds = source({command: plugin('p', credential({token: 'tok'}))})
    expect(await creds.get()).toEqual({token: 'tok'})
    expect(await creds.get()).toEqual({token: 'tok'})
    expect(calls('p')).toBe(1)
  })

  it('runs once for concurrent requests', async () => {
    const creds = source({command: plugin('p', `sleep 0.1\n${credential({token: 'tok'})}`)})
    expect(await Promise.all([creds.get(), creds.get(), creds.get()])).toEqual([{token: 'tok'}, {token: 'tok'}, {token: 'tok'}])
    expect(calls('p')).toBe(1)
  })

  it('caches until expirationTimestamp, then runs again', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const creds = source({command: plugin('p', credential({token: 'tok', expirationTimestamp: '2030-01-01T00:10:00Z'}))}, {now: () => now})
    await creds.get()
    now += 5 * 60_000
    await creds.get()
    expect(calls('p')).toBe(1)
    now += 6 * 60_000
    await creds.get()
    expect(calls('p')).toBe(2)
  })

  it('runs again after invalidate (the client\'s 401 handling)', async () => {
    const creds = source({command: plugin('p', credential({token: 'tok'}))})
    await creds.get()
    creds.invalidate()
    await creds.get()
    expect(calls('p')).toBe(2)
  })

  it('returns a client certificate and key', async () => {
    const pki = testPKI()
    const creds = source({command: plugin('p', credential({clientCertificateData: pki.clientCert, clientKeyData: pki.clientKey}))})
    expect(await creds.get()).toEqual({certData: Buffer.from(pki.clientCert), keyData: Buffer.from(pki.clientKey)})
  })

  it('passes args and env without a shell, env over the inherited environment', async () => {
    const out = tmp().path('seen')
    const command = plugin('p', `printf '%s|' "$@" > '${out}'\necho "$FOO $BAR" >> '${out}'\n${credential({token: 't'})}`)
    await source({command, args: ['a b', '$HOME;echo x', '*'], env: [{name: 'FOO', value: 'from-kubeconfig'}]}, {env: {PATH: process.env.PATH, FOO: 'inherited', BAR: 'kept'}}).get()
    expect(readFileSync(out, 'utf8')).toBe('a b|$HOME;echo x|*|from-kubeconfig kept\n')
  })

  it('finds a bare command on PATH', async () => {
    plugin('bin/my-plugin', credential({token: 'from-path'}))
    const creds = source({command: 'my-plugin'}, {env: {PATH: `/nonexistent:${tmp().path('bin')}:${process.env.PATH}`}})
    expect(await creds.get()).toEqual({token: 'from-path'})
  })

  it('writes what a successful plugin says on stderr to the terminal', async () => {
    const err: string[] = []
    const terminal = {in: new PassThrough(), inIsTTY: false, err: {write: (s: string) => err.push(s)}}
    await source({command: plugin('p', `echo 'warning: cache is cold' >&2\n${credential({token: 't'})}`)}, {terminal}).get()
    expect(err.join('')).toBe('warning: cache is cold\n')
  })
})

describe('exec plugin failures', () => {
  it('explains a missing plugin with kubectl\'s text and the installHint', async () => {
    expect(await failure({command: 'ktl-no-such-plugin', installHint: 'brew install ktl-no-such-plugin'})).toBe(
      `${PREFIX}exec: executable ktl-no-such-plugin not found\n\n` +
        'It looks like you are trying to use a client-go credential plugin that is not installed.\n\n' +
        'To learn more about this feature, consult the documentation available at:\n' +
        '      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins\n\n' +
        'brew install ktl-no-such-plugin',
    )
  })

  it('reports a non-zero exit with what the plugin wrote on stderr', async () => {
    const command = plugin('p', 'echo oops >&2\necho "token expired" >&2\nexit 3')
    expect(await failure({command})).toBe(`${PREFIX}exec: executable ${command} failed with exit code 3: oops; token expired`)
  })

  it('reports a plugin killed by a signal with exit code -1', async () => {
    const command = plugin('p', 'kill -9 $$')
    expect(await failure({command})).toBe(`${PREFIX}exec: executable ${command} failed with exit code -1`)
  })

  it.each<[string, string, string]>([
    ['output that is not JSON', 'echo "error: boom"', "decoding stdout: couldn't get version/kind; json parse error: invalid character 'e' looking for beginning of value"],
    ['JSON that is not an object', 'echo "[1]"', 'decoding stdout: couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'],
    ['no output', 'true', `exec plugin is configured to use API version ${V1}, plugin returned version client.authentication.k8s.io/__internal`],
    ['another apiVersion', credential({token: 'x'}, 'client.authentication.k8s.io/v1beta1'), `exec plugin is configured to use API version ${V1}, plugin returned version client.authentication.k8s.io/v1beta1`],
    ['another kind', `echo '{"apiVersion":"${V1}","kind":"Foo","status":{"token":"x"}}'`, `decoding stdout: no kind "Foo" is registered for version "${V1}" in scheme "pkg/client/auth/exec/exec.go:62"`],
    ['another group', `echo '{"apiVersion":"foo/v1","kind":"ExecCredential"}'`, 'decoding stdout: no kind "ExecCredential" is registered for version "foo/v1" in scheme "pkg/client/auth/exec/exec.go:62"'],
    ['no status', `echo '{"apiVersion":"${V1}","kind":"ExecCredential"}'`, "exec plugin didn't return a status field"],
    ['an empty status', credential({}), "exec plugin didn't return a token or cert/key pair"],
    ['a key without a certificate', credential({token: 'x', clientKeyData: 'k'}), 'exec plugin returned only certificate or key, not both'],
    ['a certificate that is not PEM', credential({clientCertificateData: 'c', clientKeyData: 'k'}), 'failed parsing client key/certificate: tls: failed to find any PEM data in certificate input'],
    ['a token that is a number', credential({token: 5}), 'decoding stdout: json: cannot unmarshal number into Go struct field ExecCredentialStatus.status.token of type string'],
    ['an unreadable expiry', credential({token: 'x', expirationTimestamp: 'bad'}), 'decoding stdout: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"'],
  ])('reports %s', async (_what, body, message) => {
    expect(await failure({command: plugin('p', body)})).toBe(`${PREFIX}${message}`)
  })

  it('refuses interactiveMode Always without a terminal', async () => {
    expect(await failure({command: plugin('p', credential({token: 'x'})), interactiveMode: 'Always'})).toBe(
      `${PREFIX}exec plugin cannot support interactive mode: standard input is not a terminal`,
    )
    expect(calls('p')).toBe(0)
  })
})

describe('exec plugin interactivity', () => {
  // The plugin answers with what it read from stdin and what KUBERNETES_EXEC_INFO said.
  const echoStdin = () =>
    plugin('p', `read -r line || line=none\ninteractive=$(echo "$KUBERNETES_EXEC_INFO" | grep -o '"interactive":[a-z]*' | cut -d: -f2)\necho "{\\"apiVersion\\":\\"${V1}\\",\\"status\\":{\\"token\\":\\"$line $interactive\\"}}"`)

  function terminal(tty: boolean) {
    const input = new PassThrough()
    input.end('typed-by-user\n')
    return {in: input, inIsTTY: tty, err: {write: () => undefined}}
  }

  it.each<[ExecConfig['interactiveMode'], boolean, string]>([
    ['Never', true, 'none false'],
    ['IfAvailable', false, 'none false'],
    ['IfAvailable', true, 'typed-by-user true'],
    ['Always', true, 'typed-by-user true'],
  ])('%s with a terminal=%s', async (mode, tty, token) => {
    const creds = source({command: echoStdin(), interactiveMode: mode}, {terminal: terminal(tty)})
    expect(await creds.get()).toEqual({token})
  })
})

describe('exec plugins configured in a kubeconfig', () => {
  it('resolves a relative command against the kubeconfig folder and describes the cluster in KUBERNETES_EXEC_INFO', async () => {
    const pki = testPKI()
    const info = tmp().path('info.json')
    plugin('kube/plugins/auth.sh', `printf '%s' "$KUBERNETES_EXEC_INFO" > '${info}'\n${credential({token: 't'})}`)
    const ca = Buffer.from(pki.caCert).toString('base64')
    tmp().write(
      'kube/config',
      lines(
        'current-context: c',
        'clusters:',
        '- name: k',
        '  cluster:',
        '    server: "https://127.0.0.1:1/prefix"',
        `    certificate-authority-data: ${ca}`,
        '    tls-server-name: tsn',
        '    proxy-url: http://127.0.0.1:9',
        '    extensions:',
        '    - name: client.authentication.k8s.io/exec',
        '      extension: {audience: foo, nested: {b: 1, a: "<x>"}}',
        'contexts: [{name: c, context: {cluster: k, user: u}}]',
        'users:',
        '- name: u',
        '  user:',
        `    exec: {apiVersion: ${V1}, command: ./plugins/auth.sh, interactiveMode: Never, provideClusterInfo: true}`,
      ),
    )
    const c = await loadClientConfig({overrides: {kubeconfig: tmp().path('kube/config')}, env: {PATH: process.env.PATH}, homeDir: tmp().dir, cwd: tmp().dir})
    expect(await c.restConfig.credentials.get()).toEqual({token: 't'})
    // the same bytes kubectl 1.32 hands its plugin for this kubeconfig
    expect(readFileSync(info, 'utf8')).toBe(
      `{"kind":"ExecCredential","apiVersion":"${V1}","spec":{"cluster":{"server":"https://127.0.0.1:1/prefix","tls-server-name":"tsn",` +
        `"certificate-authority-data":"${ca}","proxy-url":"http://127.0.0.1:9","config":{"audience":"foo","nested":{"a":"\\u003cx\\u003e","b":1}}},"interactive":false}}`,
    )
  })

  it('gives no cluster details without provideClusterInfo', async () => {
    const info = tmp().path('info.json')
    const command = plugin('p', `printf '%s' "$KUBERNETES_EXEC_INFO" > '${info}'\n${credential({token: 't'})}`)
    await source({command}).get()
    expect(readFileSync(info, 'utf8')).toBe(`{"kind":"ExecCredential","apiVersion":"${V1}","spec":{"interactive":false}}`)
  })

  it('is not run when the kubeconfig user also has a token', async () => {
    const command = plugin('p', credential({token: 'from-plugin'}))
    tmp().write(
      'config',
      lines(
        'current-context: c',
        'clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]',
        'contexts: [{name: c, context: {cluster: k, user: u}}]',
        `users: [{name: u, user: {token: static, exec: {apiVersion: ${V1}, command: ${command}, interactiveMode: Never}}}]`,
      ),
    )
    const c = await loadClientConfig({overrides: {kubeconfig: 'config'}, env: {}, homeDir: tmp().dir, cwd: tmp().dir})
    expect(await c.restConfig.credentials.get()).toEqual({token: 'static'})
    expect(calls('p')).toBe(0)
  })

  it('gets a fresh token after the server answers 401', async () => {
    const server = await FakeServer.start()
    try {
      // A token that changes on every run: the first one is rejected, the second accepted.
      const command = plugin('p', `n=$(wc -l < '${tmp().path('p.calls')}' | tr -d ' ')\n${credential({token: 'token-$n'}).replace("'EOF'", 'EOF')}`)
      const creds = source({command})
      server.on('GET', '/api', (req) => (req.headers.authorization === 'Bearer token-1' ? {status: 401, body: {kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401}} : {status: 599}))
      server.on('GET', '/api', (req) => (req.headers.authorization === 'Bearer token-2' ? {body: {kind: 'APIVersions'}} : {status: 599}))
      const res = await createClient({server: server.url, insecureSkipTLSVerify: false, timeoutMs: 0, credentials: creds}).request({path: '/api'})
      expect(res.data).toEqual({kind: 'APIVersions'})
      expect(calls('p')).toBe(2)
      server.verify()
    } finally {
      await server.close()
    }
  })
})
