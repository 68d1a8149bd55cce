// From kubeconfig and flags to a RestConfig: selection, overrides, kubectl's validation messages
// (recorded from kubectl 1.32 against the same files), TLS material, credential sources, in-cluster
// configuration and the one-line errors ktl gives where kubectl would fall back to localhost:8080.
import {writeFileSync} from 'node:fs'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {loadClientConfig, normalizeServer} from '../../src/lib/kubeconfig/resolve.js'
import type {ConfigOverrides} from '../../src/lib/kubeconfig/types.js'
import {parseGoDuration, parseRequestTimeout} from '../../src/lib/kubeconfig/duration.js'
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
  tmpDir ??= tempDir()
  return tmpDir
}

interface Setup {
  files?: Record<string, string>
  overrides?: ConfigOverrides
  env?: NodeJS.ProcessEnv
}

/** Writes the files into a temp folder, then resolves with cwd and $HOME inside it. */
function resolveWith(setup: Setup) {
  const t = tmp()
  for (const [name, text] of Object.entries(setup.files ?? {})) t.write(name, text)
  return loadClientConfig({overrides: setup.overrides ?? {}, env: setup.env ?? {}, homeDir: t.path('home'), cwd: t.dir, serviceAccountDir: t.path('sa')})
}

function errorOf(setup: Setup): Promise<string> {
  return resolveWith(setup).then(
    () => 'no error',
    (err: Error) => err.message,
  )
}

const BASIC = lines(
  'current-context: dev',
  'clusters:',
  '- {name: k, cluster: {server: "https://k.example:6443", tls-server-name: k-name}}',
  '- {name: other, cluster: {server: "https://other:443"}}',
  '- {name: plain, cluster: {server: "http://127.0.0.1:8080"}}',
  'contexts:',
  '- {name: dev, context: {cluster: k, user: u, namespace: team}}',
  '- {name: bare, context: {cluster: other, user: v}}',
  '- {name: insecure, context: {cluster: plain, user: u}}',
  'users:',
  '- {name: u, user: {token: tok}}',
  '- {name: v, user: {username: ann, password: pw}}',
)

describe('selecting context, cluster and user', () => {
  it('uses the current context and its namespace', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config'}})
    expect({server: c.restConfig.server, tls: c.restConfig.tlsServerName, ns: c.namespace, ctx: c.contextName, cluster: c.clusterName, user: c.userName}).toEqual({
      server: 'https://k.example:6443',
      tls: 'k-name',
      ns: 'team',
      ctx: 'dev',
      cluster: 'k',
      user: 'u',
    })
    expect(c.namespaceOverridden).toBe(false)
    expect(await c.restConfig.credentials.get()).toEqual({token: 'tok'})
  })

  it('applies --context, --cluster, --user and -n', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', context: 'bare', cluster: 'k', user: 'u', namespace: 'x'}})
    expect([c.restConfig.server, c.namespace, c.namespaceOverridden, c.contextName]).toEqual(['https://k.example:6443', 'x', true, 'bare'])
  })

  it('defaults the namespace to "default"', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', context: 'bare'}})
    expect(c.namespace).toBe('default')
    expect(await c.restConfig.credentials.get()).toEqual({username: 'ann', password: 'pw'})
  })

  it('drops the kubeconfig\'s tls-server-name when --server is given without --tls-server-name', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', server: 'https://1.2.3.4'}})
    expect([c.restConfig.server, c.restConfig.tlsServerName]).toEqual(['https://1.2.3.4', undefined])
    const d = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', server: 'https://1.2.3.4', tlsServerName: 'n'}})
    expect(d.restConfig.tlsServerName).toBe('n')
  })

  it('overrides the token with --token', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', token: 'flag-token'}})
    expect(await c.restConfig.credentials.get()).toEqual({token: 'flag-token'})
  })

  it('sends no credentials to a plain-http server, as kubectl', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', context: 'insecure'}})
    expect(c.restConfig.server).toBe('http://127.0.0.1:8080')
    expect(await c.restConfig.credentials.get()).toEqual({})
  })

  it('carries impersonation from the kubeconfig user', async () => {
    const config = lines('current-context: c', 'clusters: [{name: k, cluster: {server: "https://k"}}]', 'contexts: [{name: c, context: {cluster: k, user: u}}]', 'users: [{name: u, user: {token: t, as: bob, as-groups: [g1], as-user-extra: {scope: [a]}}}]')
    const c = await resolveWith({files: {config}, overrides: {kubeconfig: 'config'}})
    expect(c.restConfig.impersonate).toEqual({userName: 'bob', uid: undefined, groups: ['g1'], extra: {scope: ['a']}})
  })

  it('--as, --as-uid and --as-group replace the kubeconfig user\'s impersonation; what no flag gives stays', async () => {
    const config = lines(
      'current-context: c',
      'clusters: [{name: k, cluster: {server: "https://k"}}]',
      'contexts: [{name: c, context: {cluster: k, user: u}}, {name: plain, context: {cluster: k, user: p}}]',
      'users:',
      '- {name: u, user: {token: t, as: bob, as-uid: "1", as-groups: [g1, g2], as-user-extra: {scope: [a]}}}',
      '- {name: p, user: {token: t}}',
    )
    const all = await resolveWith({files: {config}, overrides: {kubeconfig: 'config', impersonate: 'ann', impersonateUid: '2', impersonateGroups: ['h']}})
    expect(all.restConfig.impersonate).toEqual({userName: 'ann', uid: '2', groups: ['h'], extra: {scope: ['a']}})
    const userOnly = await resolveWith({files: {config}, overrides: {kubeconfig: 'config', impersonate: 'ann', impersonateGroups: []}})
    expect(userOnly.restConfig.impersonate).toEqual({userName: 'ann', uid: '1', groups: ['g1', 'g2'], extra: {scope: ['a']}})
    const flagsOnly = await resolveWith({files: {config}, overrides: {kubeconfig: 'config', context: 'plain', impersonate: 'system:serviceaccount:ns:sa', impersonateGroups: ['a,b', 'c']}})
    expect(flagsOnly.restConfig.impersonate).toEqual({userName: 'system:serviceaccount:ns:sa', uid: undefined, groups: ['a,b', 'c'], extra: undefined})
    const none = await resolveWith({files: {config}, overrides: {kubeconfig: 'config', context: 'plain', impersonate: ''}})
    expect(none.restConfig.impersonate).toBeUndefined()
  })

  it('--as also impersonates on a plain-http server, as kubectl', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', context: 'insecure', impersonate: 'bob'}})
    expect(c.restConfig.impersonate).toEqual({userName: 'bob', uid: undefined, groups: undefined, extra: undefined})
  })

  it('normalises the server URL like client-go', () => {
    expect(normalizeServer('127.0.0.1:6443')).toBe('http://127.0.0.1:6443')
    expect(normalizeServer('https://k:6443/')).toBe('https://k:6443')
    expect(normalizeServer('https://rancher/k8s/clusters/c-1?x=1#f')).toBe('https://rancher/k8s/clusters/c-1')
    expect(() => normalizeServer('http://[bad')).toThrow('error: host must be a URL or a host:port pair: "http://[bad"')
  })
})

// Recorded from kubectl 1.32: `kubectl --kubeconfig v.yaml FLAGS get --raw /` with this file.
const INVALID = lines(
  'current-context: good',
  'clusters:',
  '- {name: k, cluster: {server: "https://127.0.0.1:1"}}',
  '- {name: badca, cluster: {server: "https://127.0.0.1:1", certificate-authority: /nonexistent/ca.crt}}',
  '- {name: both, cluster: {server: "https://127.0.0.1:1", certificate-authority: /nonexistent/ca.crt, certificate-authority-data: YWJj}}',
  '- {name: insecureca, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: YWJj, insecure-skip-tls-verify: true}}',
  '- {name: garbageca, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: YWJj}}',
  '- {name: badproxy, cluster: {server: "https://127.0.0.1:1", proxy-url: "ftp://x"}}',
  '- {name: unparsable, cluster: {server: "https://127.0.0.1:1", proxy-url: "http://[bad"}}',
  'contexts:',
  '- {name: good, context: {cluster: k, user: u}}',
  'users:',
  '- {name: u, user: {token: abc}}',
  '- {name: twoauth, user: {token: abc, username: a, password: b}}',
  '- {name: certnokey, user: {client-certificate-data: YWJj}}',
  '- {name: badcert, user: {client-certificate: /nonexistent/c.crt, client-key: /nonexistent/k.key}}',
  '- {name: garbagecert, user: {client-certificate-data: YWJj, client-key-data: YWJj}}',
  '- {name: gcp, user: {auth-provider: {name: gcp, config: {access-token: xyz}}}}',
  '- {name: azure, user: {auth-provider: {name: azure}}}',
  '- {name: zzz, user: {auth-provider: {name: zzz}}}',
  '- {name: oidc, user: {auth-provider: {name: oidc, config: {id-token: x}}}}',
  '- {name: v1noim, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: foo}}}',
  '- {name: badmode, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: foo, interactiveMode: Bogus}}}',
  '- {name: nocmd, user: {exec: {apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never}}}',
  '- {name: noapi, user: {exec: {command: foo, interactiveMode: Never}}}',
  '- {name: badapi, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: foo, interactiveMode: Never}}}',
  '- {name: groups, user: {token: t, as-groups: [g]}}',
  '- {name: uid, user: {token: t, as-uid: u1}}',
  '- {name: missingtoken, user: {tokenFile: /nonexistent/token}}',
)

describe('kubectl\'s configuration errors', () => {
  it.each<[ConfigOverrides, string]>([
    [{context: 'nope'}, 'error: context "nope" does not exist'],
    [{user: 'nope'}, 'error: auth info "nope" does not exist'],
    [{cluster: 'nope'}, 'error: cluster "nope" does not exist'],
    [{user: 'nope', context: 'nope'}, 'error: auth info "nope" does not exist'],
    [{cluster: 'badca'}, 'error: unable to read certificate-authority /nonexistent/ca.crt for badca due to open /nonexistent/ca.crt: no such file or directory'],
    [
      {cluster: 'both'},
      'Error in configuration: \n' +
        '* certificate-authority-data and certificate-authority are both specified for both. certificate-authority-data will override.\n' +
        '* unable to read certificate-authority /nonexistent/ca.crt for both due to open /nonexistent/ca.crt: no such file or directory',
    ],
    [{cluster: 'insecureca'}, 'error: specifying a root certificates file with the insecure flag is not allowed'],
    [{cluster: 'garbageca'}, 'error: unable to load root certificates: unable to parse bytes as PEM block'],
    [{cluster: 'badproxy'}, 'error: invalid \'proxy-url\' "ftp://x" for cluster "badproxy": unsupported scheme "ftp", must be http, https, or socks5'],
    [{cluster: 'unparsable'}, 'error: invalid \'proxy-url\' "http://[bad" for cluster "unparsable": could not parse: http://[bad'],
    [{user: 'twoauth'}, 'error: more than one authentication method found for twoauth; found [token basicAuth], only one is allowed'],
    [{user: 'certnokey'}, 'error: client-key-data or client-key must be specified for certnokey to use the clientCert authentication method.'],
    [
      {user: 'badcert'},
      'Error in configuration: \n' +
        '* unable to read client-cert /nonexistent/c.crt for badcert due to open /nonexistent/c.crt: no such file or directory\n' +
        '* unable to read client-key /nonexistent/k.key for badcert due to open /nonexistent/k.key: no such file or directory',
    ],
    [{user: 'garbagecert'}, 'error: tls: failed to find any PEM data in certificate input'],
    [
      {user: 'gcp'},
      'error: The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\n' +
        'See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
    ],
    [
      {user: 'azure'},
      'error: The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\n' +
        'See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details',
    ],
    [{user: 'zzz'}, 'error: no Auth Provider found for name "zzz"'],
    [{user: 'v1noim'}, 'error: interactiveMode must be specified for v1noim to use exec authentication plugin'],
    [{user: 'badmode'}, 'error: invalid interactiveMode for badmode: "Bogus"'],
    [{user: 'nocmd'}, 'error: command must be specified for nocmd to use exec authentication plugin'],
    [{user: 'noapi'}, 'error: apiVersion must be specified for noapi to use exec authentication plugin'],
    [{user: 'badapi'}, 'error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"'],
    [{user: 'groups'}, 'error: requesting uid, groups or user-extra for groups without impersonating a user'],
    [{user: 'uid'}, 'error: requesting uid, groups or user-extra for uid without impersonating a user'],
    [{impersonateGroups: ['system:masters']}, 'error: requesting uid, groups or user-extra for u without impersonating a user'],
    [{impersonateUid: '1'}, 'error: requesting uid, groups or user-extra for u without impersonating a user'],
    [{user: 'groups', impersonate: 'bob'}, 'no error'],
    [
      {user: 'twoauth', impersonateGroups: ['g']},
      'Error in configuration: \n' +
        '* more than one authentication method found for twoauth; found [token basicAuth], only one is allowed\n' +
        '* requesting uid, groups or user-extra for twoauth without impersonating a user',
    ],
    [{user: 'missingtoken'}, 'error: open /nonexistent/token: no such file or directory'],
    [{requestTimeout: 'abc'}, 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)'],
    [{server: 'http://[bad'}, 'error: host must be a URL or a host:port pair: "http://[bad"'],
    [
      {clientCertificate: '/tmp/ktl-no-such.crt'},
      'Error in configuration: \n' +
        '* client-key-data or client-key must be specified for u to use the clientCert authentication method.\n' +
        '* unable to read client-cert /tmp/ktl-no-such.crt for u due to open /tmp/ktl-no-such.crt: no such file or directory',
    ],
  ])('%j', async (overrides, message) => {
    expect(await errorOf({files: {config: INVALID}, overrides: {kubeconfig: 'config', ...overrides}})).toBe(message)
  })

  it('says the current context is missing as kubectl does', async () => {
    const config = INVALID.replace('current-context: good', 'current-context: ghost')
    expect(await errorOf({files: {config}, overrides: {kubeconfig: 'config'}})).toBe('Error in configuration: context was not found for specified context: ghost')
  })

  it('explains the oidc auth provider is not supported and points to exec plugins', async () => {
    expect(await errorOf({files: {config: INVALID}, overrides: {kubeconfig: 'config', user: 'oidc'}})).toBe(
      'error: the oidc auth provider of user "oidc" is not supported by ktl; configure an exec credential plugin instead ' +
        '(https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins)',
    )
  })
})

describe('nothing usable configured: one line instead of localhost:8080', () => {
  it('names what it looked for when there is no kubeconfig at all', async () => {
    expect(await errorOf({})).toBe(
      `error: no kubeconfig found (KUBECONFIG is not set and ${tmp().path('home/.kube/config')} does not exist) and no in-cluster service account (KUBERNETES_SERVICE_HOST is not set); pass --kubeconfig or --server`,
    )
    expect(await errorOf({env: {KUBECONFIG: '/x/a:/x/b'}})).toBe(
      'error: no kubeconfig found (none of the files in KUBECONFIG exist (/x/a, /x/b)) and no in-cluster service account (KUBERNETES_SERVICE_HOST is not set); pass --kubeconfig or --server',
    )
  })

  it('mentions the missing service-account token when the pod variables are set', async () => {
    expect(await errorOf({env: {KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443'}})).toBe(
      `error: no kubeconfig found (KUBECONFIG is not set and ${tmp().path('home/.kube/config')} does not exist) and no in-cluster service account (${tmp().path('sa/token')} does not exist); pass --kubeconfig or --server`,
    )
  })

  it('asks for a context when the files set none', async () => {
    expect(await errorOf({files: {'home/.kube/config': BASIC.replace('current-context: dev\n', '')}})).toBe(
      `error: no context selected: current-context is not set in ${tmp().path('home/.kube/config')}; pass --context or run 'ktl config use-context NAME'`,
    )
  })

  it('says when the files define no contexts', async () => {
    expect(await errorOf({files: {config: 'preferences: {}\n'}, overrides: {kubeconfig: 'config'}})).toBe(
      'error: no cluster configured: config defines no contexts and there is no in-cluster service account (KUBERNETES_SERVICE_HOST is not set); pass --kubeconfig or --server',
    )
  })

  it('names the cluster without a server, the missing cluster, or the context without one', async () => {
    const config = lines(
      'current-context: a',
      'clusters: [{name: empty, cluster: {insecure-skip-tls-verify: true}}]',
      'contexts: [{name: a, context: {cluster: empty}}, {name: b, context: {cluster: ghost}}, {name: c, context: {namespace: x}}]',
    )
    expect(await errorOf({files: {config}, overrides: {kubeconfig: 'config'}})).toBe('error: no server found for cluster "empty"')
    expect(await errorOf({files: {config}, overrides: {kubeconfig: 'config', context: 'b'}})).toBe('error: cluster "ghost" was not found for context "b"')
    expect(await errorOf({files: {config}, overrides: {kubeconfig: 'config', context: 'c'}})).toBe('error: cluster was not specified for context "c"')
  })

  it('works from --server alone', async () => {
    const c = await resolveWith({overrides: {server: 'https://10.1.1.1:6443', token: 't'}})
    expect([c.restConfig.server, c.namespace, c.contextName]).toEqual(['https://10.1.1.1:6443', 'default', ''])
    expect(await c.restConfig.credentials.get()).toEqual({token: 't'})
  })
})

describe('request timeout', () => {
  it.each([
    ['0', 0],
    ['', 0],
    ['30', 30_000],
    ['1s', 1000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['-1s', 0],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseRequestTimeout(text)).toBe(ms)
  })

  it.each(['abc', '1x', '-5', '1.5', ' 1s', '1', '.s'])('refuses %j like kubectl', (text) => {
    if (text === '1') expect(parseRequestTimeout(text)).toBe(1000)
    else expect(() => parseRequestTimeout(text)).toThrow('error: Invalid timeout value.')
  })

  it('parses Go durations with every unit', () => {
    expect(parseGoDuration('1h2m3s4ms5us6ns')).toBeCloseTo(3_723_004.005006, 6)
    expect(parseGoDuration('+0')).toBe(0)
    expect(parseGoDuration('2µs')).toBeCloseTo(0.002, 9)
    expect(parseGoDuration('1d')).toBeUndefined()
  })

  it('reaches the RestConfig', async () => {
    const c = await resolveWith({files: {config: BASIC}, overrides: {kubeconfig: 'config', requestTimeout: '2m'}})
    expect(c.restConfig.timeoutMs).toBe(120_000)
  })
})

describe('files referenced by a kubeconfig', () => {
  it('resolves relative paths against the kubeconfig\'s folder and flag paths against the working directory', async () => {
    const pki = testPKI()
    const t = tmp()
    t.write('kube/pki/ca.crt', pki.caCert)
    t.write('kube/pki/client.crt', pki.clientCert)
    t.write('kube/pki/client.key', pki.clientKey)
    t.write('kube/token', '  from-file\n')
    t.write('flag-ca.crt', pki.otherCaCert)
    const config = lines(
      'current-context: c',
      'clusters: [{name: k, cluster: {server: "https://127.0.0.1:1", certificate-authority: pki/ca.crt}}]',
      'contexts: [{name: c, context: {cluster: k, user: u}}, {name: t, context: {cluster: k, user: tf}}]',
      'users: [{name: u, user: {client-certificate: pki/client.crt, client-key: pki/client.key}}, {name: tf, user: {tokenFile: token}}]',
    )
    t.write('kube/config', config)
    const c = await resolveWith({overrides: {kubeconfig: 'kube/config'}})
    expect(c.restConfig.caData?.toString()).toBe(pki.caCert)
    expect(await c.restConfig.credentials.get()).toEqual({certData: Buffer.from(pki.clientCert), keyData: Buffer.from(pki.clientKey)})
    const withToken = await resolveWith({overrides: {kubeconfig: 'kube/config', context: 't', certificateAuthority: 'flag-ca.crt'}})
    expect(withToken.restConfig.caData?.toString()).toBe(pki.otherCaCert)
    expect(await withToken.restConfig.credentials.get()).toEqual({token: 'from-file'})
  })

  it('re-reads a tokenFile when it changes', async () => {
    const t = tmp()
    const tokenPath = t.write('token', 'first')
    const config = lines(
      'current-context: c',
      'clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]',
      'contexts: [{name: c, context: {cluster: k, user: u}}]',
      `users: [{name: u, user: {tokenFile: ${tokenPath}}}]`,
    )
    const c = await resolveWith({files: {config}, overrides: {kubeconfig: 'config'}})
    expect(await c.restConfig.credentials.get()).toEqual({token: 'first'})
    writeFileSync(tokenPath, 'second-and-longer\n')
    expect(await c.restConfig.credentials.get()).toEqual({token: 'second-and-longer'})
  })

  it('refuses a client certificate that does not match its key', async () => {
    const pki = testPKI()
    const t = tmp()
    t.write('c.crt', pki.clientCert)
    t.write('k.key', pki.serverKey)
    const config = lines(
      'current-context: c',
      'clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]',
      'contexts: [{name: c, context: {cluster: k, user: u}}]',
      'users: [{name: u, user: {client-certificate: c.crt, client-key: k.key}}]',
    )
    expect(await errorOf({files: {config}, overrides: {kubeconfig: 'config'}})).toBe('error: tls: private key does not match public key')
  })

  it('lets --insecure-skip-tls-verify replace the kubeconfig\'s CA', async () => {
    const pki = testPKI()
    const config = lines(
      'current-context: c',
      `clusters: [{name: k, cluster: {server: "https://127.0.0.1:1", certificate-authority-data: ${Buffer.from(pki.caCert).toString('base64')}}}]`,
      'contexts: [{name: c, context: {cluster: k, user: u}}]',
      'users: [{name: u, user: {token: t}}]',
    )
    const c = await resolveWith({files: {config}, overrides: {kubeconfig: 'config', insecureSkipTlsVerify: true}})
    expect([c.restConfig.insecureSkipTLSVerify, c.restConfig.caData]).toEqual([true, undefined])
  })

  it('talks TLS with the CA and client certificate it resolved', async () => {
    const pki = testPKI()
    const server = await FakeServer.start({tls: {key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert}})
    try {
      server.on('GET', '/version', (req) => ({body: {who: req.clientCN}}))
      const t = tmp()
      t.write('ca.crt', pki.caCert)
      t.write('client.crt', pki.clientCert)
      t.write('client.key', pki.clientKey)
      const config = lines(
        'current-context: c',
        `clusters: [{name: k, cluster: {server: "${server.url}", certificate-authority: ca.crt}}]`,
        'contexts: [{name: c, context: {cluster: k, user: u}}]',
        'users: [{name: u, user: {client-certificate: client.crt, client-key: client.key}}]',
      )
      const c = await resolveWith({files: {config}, overrides: {kubeconfig: 'config'}})
      const res = await createClient(c.restConfig).request({path: '/version'})
      expect(res.data).toEqual({who: 'ktl-admin'})
      server.verify()
    } finally {
      await server.close()
    }
  })
})

describe('in-cluster configuration', () => {
  const POD = {KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443'}

  function serviceAccount(namespace = 'apps\n') {
    const pki = testPKI()
    const t = tmp()
    t.write('sa/token', 'sa-token\n')
    t.write('sa/ca.crt', pki.caCert)
    t.write('sa/namespace', namespace)
    return pki
  }

  it('uses the service account when no kubeconfig exists', async () => {
    const pki = serviceAccount()
    const c = await resolveWith({env: POD})
    expect([c.inCluster, c.restConfig.server, c.namespace, c.restConfig.caData?.toString()]).toEqual([true, 'https://10.96.0.1:443', 'apps', pki.caCert])
    expect(await c.restConfig.credentials.get()).toEqual({token: 'sa-token'})
  })

  it('re-reads the token when the kubelet rotates it', async () => {
    serviceAccount()
    const c = await resolveWith({env: POD})
    expect(await c.restConfig.credentials.get()).toEqual({token: 'sa-token'})
    tmp().write('sa/token', 'rotated-token')
    expect(await c.restConfig.credentials.get()).toEqual({token: 'rotated-token'})
  })

  it('prefers -n, then POD_NAMESPACE, then the namespace file', async () => {
    serviceAccount()
    expect((await resolveWith({env: {...POD, POD_NAMESPACE: 'from-env'}})).namespace).toBe('from-env')
    expect((await resolveWith({env: {...POD, POD_NAMESPACE: 'from-env'}, overrides: {namespace: 'flag'}})).namespace).toBe('flag')
    tmp().write('sa/namespace', '')
    expect((await resolveWith({env: POD})).namespace).toBe('default')
  })

  it('takes --server and --token over the service account', async () => {
    serviceAccount()
    const c = await resolveWith({env: POD, overrides: {server: 'https://api.internal:6443', token: 'flag'}})
    expect(c.restConfig.server).toBe('https://api.internal:6443')
    expect(await c.restConfig.credentials.get()).toEqual({token: 'flag'})
  })

  it('brackets an IPv6 service host', async () => {
    serviceAccount()
    const c = await resolveWith({env: {KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443'}})
    expect(c.restConfig.server).toBe('https://[fd00::1]:443')
  })

  it('is used when the kubeconfig selects no context, and lends its namespace to one without', async () => {
    serviceAccount()
    const noContext = await resolveWith({files: {'home/.kube/config': BASIC.replace('current-context: dev\n', '')}, env: POD})
    expect(noContext.inCluster).toBe(true)
    const bare = await resolveWith({files: {'home/.kube/config': BASIC}, env: POD, overrides: {context: 'bare'}})
    expect([bare.inCluster, bare.restConfig.server, bare.namespace]).toEqual([false, 'https://other:443', 'apps'])
  })
})
