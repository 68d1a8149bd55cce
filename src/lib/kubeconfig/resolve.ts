// From kubeconfig files and global flags to what a client needs (clientcmd's ClientConfig): pick the
// context, cluster and user with the flags' overrides, validate them with kubectl's messages, then
// settle TLS material and where credentials come from. With no usable kubeconfig, a pod's service
// account is used; with nothing at all, one line says what was looked for (kubectl would instead
// try localhost:8080 and report a refused connection).
import {open, readFile} from 'node:fs/promises'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {CliError, usageError} from '../errors.js'
import {readTokenFile, staticCredentials, tokenFileCredentials} from './credentials.js'
import {parseRequestTimeout} from './duration.js'
import {EXEC_CLUSTER_EXTENSION, EXEC_VERSIONS, execCredentials, type ExecTerminal} from './exec.js'
import {goQuote} from '../go/quote.js'
import {goPathError} from './go-text.js'
import {inClusterEnvironment, inClusterNamespace, SERVICE_ACCOUNT_DIR} from './in-cluster.js'
import {kubeconfigPaths, loadKubeconfig, type MergedKubeconfig} from './load.js'
import {keyPairProblem, rootCAProblem} from './pem.js'
import type {AuthInfo, Cluster, ConfigOverrides, Context, CredentialSource, Credentials, NamedExtension, RestConfig} from './types.js'

export interface LoadClientConfigOptions {
  overrides: ConfigOverrides
  env: NodeJS.ProcessEnv
  homeDir: string
  /** Relative paths in flags and KUBECONFIG are relative to this (default: the process's). */
  cwd?: string
  /** The mounted service-account folder (tests point it elsewhere). */
  serviceAccountDir?: string
  /** The user's terminal, for exec plugins that may prompt; without it they never get stdin. */
  terminal?: ExecTerminal
}

export interface ClientConfig {
  restConfig: RestConfig
  namespace: string
  /** -n/--namespace chose the namespace (kubectl's enforceNamespace). */
  namespaceOverridden: boolean
  /** Empty when running on in-cluster configuration. */
  contextName: string
  clusterName: string
  userName: string
  inCluster: boolean
  /** The kubeconfig files read, merged, with the file each entry came from. */
  kubeconfig: MergedKubeconfig
}

export async function loadClientConfig(opts: LoadClientConfigOptions): Promise<ClientConfig> {
  const cwd = opts.cwd ?? process.cwd()
  const saDir = opts.serviceAccountDir ?? SERVICE_ACCOUNT_DIR
  const {overrides, env} = opts
  const merged = await loadKubeconfig(kubeconfigPaths(overrides, env, opts.homeDir), {cwd})
  const selection = select(merged, overrides, cwd)
  await confirmUsable(selection, cwd)
  const {cluster, user, context} = selection

  if (!cluster.server) {
    const inCluster = await inClusterEnvironment(env, saDir)
    if (!inCluster) throw noServer(merged, selection, env, saDir)
    const restConfig = await inClusterRestConfig(inCluster, overrides, cwd)
    const namespace = overrides.namespace || (await inClusterNamespace(env, saDir))
    return {restConfig, namespace, namespaceOverridden: Boolean(overrides.namespace), contextName: '', clusterName: '', userName: '', inCluster: true, kubeconfig: merged}
  }

  const timeoutMs = parseRequestTimeout(overrides.requestTimeout)
  const server = normalizeServer(cluster.server)
  const restConfig: RestConfig = {
    server,
    insecureSkipTLSVerify: false,
    timeoutMs,
    credentials: staticCredentials({}),
  }
  if (cluster['proxy-url']) restConfig.proxyUrl = cluster['proxy-url']
  if (cluster['disable-compression']) restConfig.disableCompression = true
  if (user.as) {
    restConfig.impersonate = {userName: user.as, uid: user['as-uid'], groups: user['as-groups'], extra: user['as-user-extra']}
  }
  // kubectl sends no credentials and uses no TLS settings for a plain-http server.
  if (server.startsWith('https:')) await secure(restConfig, cluster, user, selection.userName, {...opts, cwd})

  let namespace = overrides.namespace || context.namespace || ''
  if (!namespace) {
    // kubectl prefers a pod's own namespace to "default" when the kubeconfig names none.
    namespace = (await inClusterEnvironment(env, saDir)) ? await inClusterNamespace(env, saDir) : 'default'
  }
  return {
    restConfig,
    namespace,
    namespaceOverridden: Boolean(overrides.namespace),
    contextName: selection.contextName,
    clusterName: selection.clusterName,
    userName: selection.userName,
    inCluster: false,
    kubeconfig: merged,
  }
}

interface Selection {
  contextName: string
  contextExists: boolean
  context: Context
  clusterName: string
  clusterExists: boolean
  cluster: Cluster
  userName: string
  user: AuthInfo
}

// clientcmd's getAuthInfo, getContext and getCluster, in that order, with the overrides merged in.
function select(merged: MergedKubeconfig, overrides: ConfigOverrides, cwd: string): Selection {
  const contextName = overrides.context || merged.currentContext
  const contextEntry = merged.contexts.get(contextName)
  const userName = overrides.user || contextEntry?.value.user || ''
  if (overrides.user && !merged.users.has(userName)) throw usageError(`auth info ${goQuote(userName)} does not exist`)
  if (overrides.context && !contextEntry) throw usageError(`context ${goQuote(contextName)} does not exist`)
  const clusterName = overrides.cluster || contextEntry?.value.cluster || ''
  if (overrides.cluster && !merged.clusters.has(clusterName)) throw usageError(`cluster ${goQuote(clusterName)} does not exist`)

  const context: Context = {...contextEntry?.value}
  if (overrides.namespace) context.namespace = overrides.namespace

  const clusterEntry = merged.clusters.get(clusterName)
  const cluster: Cluster = structuredClone(clusterEntry?.value ?? {})
  if (clusterEntry) resolvePaths(cluster, resolve(cwd, dirname(clusterEntry.file)), ['certificate-authority'])
  if (overrides.server) cluster.server = overrides.server
  if (overrides.certificateAuthority) cluster['certificate-authority'] = overrides.certificateAuthority
  if (overrides.tlsServerName) cluster['tls-server-name'] = overrides.tlsServerName
  // --insecure-skip-tls-verify or --certificate-authority replace the kubeconfig's whole trust setting.
  if (overrides.insecureSkipTlsVerify || overrides.certificateAuthority) {
    cluster['insecure-skip-tls-verify'] = Boolean(overrides.insecureSkipTlsVerify)
    cluster['certificate-authority'] = overrides.certificateAuthority ?? ''
    delete cluster['certificate-authority-data']
  }
  // --server drops the kubeconfig's tls-server-name unless --tls-server-name is given too.
  if (overrides.server && !overrides.tlsServerName) delete cluster['tls-server-name']

  const userEntry = merged.users.get(userName)
  const user: AuthInfo = structuredClone(userEntry?.value ?? {})
  if (userEntry) {
    const base = resolve(cwd, dirname(userEntry.file))
    resolvePaths(user, base, ['client-certificate', 'client-key', 'tokenFile'])
    // A plugin named with a path is relative to the kubeconfig; a bare name is looked up on PATH.
    if (user.exec?.command?.includes('/')) resolvePaths(user.exec, base, ['command'])
  }
  if (overrides.token) user.token = overrides.token
  if (overrides.clientCertificate) user['client-certificate'] = overrides.clientCertificate
  if (overrides.clientKey) user['client-key'] = overrides.clientKey
  if (overrides.impersonate) user.as = overrides.impersonate
  if (overrides.impersonateUid) user['as-uid'] = overrides.impersonateUid
  if (overrides.impersonateGroups?.length) user['as-groups'] = overrides.impersonateGroups

  return {contextName, contextExists: Boolean(contextEntry), context, clusterName, clusterExists: Boolean(clusterEntry), cluster, userName, user}
}

function resolvePaths<T extends object>(entry: T, base: string, keys: Array<keyof T & string>): void {
  for (const key of keys) {
    const value = entry[key]
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) {
      ;(entry as Record<string, unknown>)[key] = resolve(base, value)
    }
  }
}

class ContextNotFound extends Error {}

// clientcmd's ConfirmUsable: every problem with the chosen context, user and cluster at once.
async function confirmUsable(s: Selection, cwd: string): Promise<void> {
  const errors: Error[] = []
  if (s.contextName && !s.contextExists) errors.push(new ContextNotFound(`context was not found for specified context: ${s.contextName}`))
  errors.push(...(await validateAuthInfo(s.userName, s.user, cwd)))
  errors.push(...(await validateCluster(s.clusterName, s.cluster, cwd)))
  if (errors.length === 0) return
  if (errors.length === 1) {
    if (errors[0] instanceof ContextNotFound) throw new CliError(`Error in configuration: ${errors[0].message}`)
    throw usageError(errors[0].message)
  }
  throw new CliError(`Error in configuration: \n${errors.map((e) => `* ${e.message}`).join('\n')}`)
}

async function openProblem(path: string, cwd: string): Promise<string | undefined> {
  try {
    await (await open(resolve(cwd, path))).close()
    return undefined
  } catch (err) {
    return goPathError('open', path, err)
  }
}

async function validateAuthInfo(name: string, u: AuthInfo, cwd: string): Promise<Error[]> {
  const errors: Error[] = []
  const methods: string[] = []
  if (u.token) methods.push('token')
  if (u.username || u.password) methods.push('basicAuth')
  const cert = u['client-certificate']
  const key = u['client-key']
  if (cert || u['client-certificate-data']) {
    if (cert && u['client-certificate-data']) errors.push(new Error(`client-cert-data and client-cert are both specified for ${name}. client-cert-data will override.`))
    if (key && u['client-key-data']) errors.push(new Error(`client-key-data and client-key are both specified for ${name}; client-key-data will override`))
    if (!key && !u['client-key-data']) errors.push(new Error(`client-key-data or client-key must be specified for ${name} to use the clientCert authentication method.`))
    if (cert) {
      const problem = await openProblem(cert, cwd)
      if (problem) errors.push(new Error(`unable to read client-cert ${cert} for ${name} due to ${problem}`))
    }
    if (key) {
      const problem = await openProblem(key, cwd)
      if (problem) errors.push(new Error(`unable to read client-key ${key} for ${name} due to ${problem}`))
    }
  }
  const exec = u.exec
  if (exec) {
    const plugin = `for ${name} to use exec authentication plugin`
    if (u['auth-provider']) errors.push(new Error(`authProvider cannot be provided in combination with an exec plugin for ${name}`))
    if (!exec.command) errors.push(new Error(`command must be specified ${plugin}`))
    if (!exec.apiVersion) errors.push(new Error(`apiVersion must be specified ${plugin}`))
    for (const v of exec.env ?? []) if (!v.name) errors.push(new Error(`env variable name must be specified ${plugin}`))
    const mode = exec.interactiveMode ?? ''
    if (mode === '') errors.push(new Error(`interactiveMode must be specified ${plugin}`))
    else if (!['Never', 'IfAvailable', 'Always'].includes(mode)) errors.push(new Error(`invalid interactiveMode for ${name}: ${goQuote(mode)}`))
  }
  if (methods.length > 1) errors.push(new Error(`more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`))
  const extra = u['as-user-extra'] as Record<string, string[]> | undefined
  if ((u['as-uid'] || (u['as-groups'] ?? []).length > 0 || Object.keys(extra ?? {}).length > 0) && !u.as) {
    errors.push(new Error(`requesting uid, groups or user-extra for ${name} without impersonating a user`))
  }
  return errors
}

async function validateCluster(name: string, c: Cluster, cwd: string): Promise<Error[]> {
  const errors: Error[] = []
  const proxyUrl = c['proxy-url']
  if (proxyUrl) {
    const problem = proxyURLProblem(proxyUrl)
    if (problem) errors.push(new Error(`invalid 'proxy-url' ${goQuote(proxyUrl)} for cluster ${goQuote(name)}: ${problem}`))
  }
  const ca = c['certificate-authority']
  if (ca && c['certificate-authority-data']) {
    errors.push(new Error(`certificate-authority-data and certificate-authority are both specified for ${name}. certificate-authority-data will override.`))
  }
  if (ca) {
    const problem = await openProblem(ca, cwd)
    if (problem) errors.push(new Error(`unable to read certificate-authority ${ca} for ${name} due to ${problem}`))
  }
  return errors
}

function proxyURLProblem(text: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)?.[1]
  if (scheme !== undefined && !URL.canParse(text)) return `could not parse: ${text}`
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'socks5') return `unsupported scheme ${goQuote(scheme ?? '')}, must be http, https, or socks5`
  return undefined
}

/** The server as a base URL: a bare host:port means http://, query and fragment are dropped. */
export function normalizeServer(server: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)([^?#]*)/.exec(server)
  if (m && URL.canParse(server)) {
    const scheme = m[1].toLowerCase()
    if (scheme !== 'http' && scheme !== 'https') throw new CliError(`Unable to connect to the server: unsupported protocol scheme ${goQuote(scheme)}`)
    return `${scheme}://${m[2]}${m[3] === '/' ? '' : m[3]}`
  }
  if (!m && URL.canParse(`http://${server}`)) return normalizeServer(`http://${server}`)
  throw usageError(`host must be a URL or a host:port pair: ${goQuote(server)}`)
}

/** TLS material and credentials for an https server, checked the way client-go's transport does. */
async function secure(restConfig: RestConfig, cluster: Cluster, user: AuthInfo, userName: string, opts: LoadClientConfigOptions & {cwd: string}): Promise<void> {
  const cwd = opts.cwd
  let token = user.token
  if (!token && user.tokenFile) token = await readTokenFile(resolve(cwd, user.tokenFile))
  if (user.exec && !EXEC_VERSIONS.includes(user.exec.apiVersion ?? '')) throw usageError(`exec plugin: invalid apiVersion ${goQuote(user.exec.apiVersion)}`)
  if (user['auth-provider']) throw authProviderError(user['auth-provider'].name, userName)

  let caData: Buffer | undefined
  if (cluster['certificate-authority-data']) caData = Buffer.from(cluster['certificate-authority-data'], 'base64')
  else if (cluster['certificate-authority']) caData = await readPem(cluster['certificate-authority'], cwd)
  const insecure = Boolean(cluster['insecure-skip-tls-verify'])
  if (insecure && caData) throw usageError('specifying a root certificates file with the insecure flag is not allowed')
  if (caData) {
    const problem = await rootCAProblem(caData)
    if (problem) throw usageError(problem)
  }
  restConfig.insecureSkipTLSVerify = insecure
  if (caData) restConfig.caData = caData
  if (cluster['tls-server-name']) restConfig.tlsServerName = cluster['tls-server-name']

  const base: Credentials = {}
  const certData = user['client-certificate-data']
    ? Buffer.from(user['client-certificate-data'], 'base64')
    : user['client-certificate']
      ? await readPem(user['client-certificate'], cwd)
      : undefined
  if (certData) {
    const keyData = user['client-key-data'] ? Buffer.from(user['client-key-data'], 'base64') : await readPem(user['client-key'] ?? '', cwd)
    const problem = await keyPairProblem(certData, keyData)
    if (problem) throw usageError(problem)
    base.certData = certData
    base.keyData = keyData
  }
  if (user.username || user.password) {
    base.username = user.username ?? ''
    base.password = user.password ?? ''
  }

  let credentials: CredentialSource
  if (user.token) credentials = staticCredentials({...base, token: user.token})
  else if (user.tokenFile) credentials = tokenFileCredentials(resolve(cwd, user.tokenFile), token as string, base)
  else if (user.exec && !base.certData && base.username === undefined) {
    credentials = execCredentials({
      exec: user.exec,
      env: opts.env,
      terminal: opts.terminal,
      cluster: {
        server: execServer(cluster.server as string),
        tlsServerName: restConfig.tlsServerName,
        insecureSkipTLSVerify: insecure,
        caData,
        proxyUrl: restConfig.proxyUrl,
        disableCompression: restConfig.disableCompression,
        config: (cluster.extensions as NamedExtension[] | undefined)?.find((e) => e.name === EXEC_CLUSTER_EXTENSION)?.extension,
      },
    })
  } else credentials = staticCredentials(base)
  restConfig.credentials = credentials
}

// The plugin sees the server as written; client-go only drops a query or fragment after a path.
function execServer(server: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]+\/[^?#]+/.test(server) ? server.replace(/[?#].*$/, '') : server
}

async function readPem(path: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, path))
  } catch (err) {
    throw usageError(goPathError('open', path, err))
  }
}

const CREDENTIAL_PLUGINS_DOC = 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins'

function authProviderError(name: string, userName: string): CliError {
  switch (name) {
    case 'gcp':
      return usageError(
        'The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\n' +
          'See https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
      )
    case 'azure':
      return usageError(
        'The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\n' +
          `See ${CREDENTIAL_PLUGINS_DOC} for further details`,
      )
    case 'oidc':
      return usageError(`the oidc auth provider of user ${goQuote(userName)} is not supported by ktl; configure an exec credential plugin instead (${CREDENTIAL_PLUGINS_DOC})`)
    default:
      return usageError(`no Auth Provider found for name ${goQuote(name)}`)
  }
}

async function inClusterRestConfig(env: {server: string; tokenFile: string; caFile: string}, overrides: ConfigOverrides, cwd: string): Promise<RestConfig> {
  const timeoutMs = parseRequestTimeout(overrides.requestTimeout)
  const server = normalizeServer(overrides.server || env.server)
  let credentials: CredentialSource
  if (overrides.token) credentials = staticCredentials({token: overrides.token})
  else credentials = tokenFileCredentials(env.tokenFile, await readTokenFile(env.tokenFile))
  const restConfig: RestConfig = {server, insecureSkipTLSVerify: false, timeoutMs, credentials}
  if (overrides.certificateAuthority) {
    const ca = await readPem(overrides.certificateAuthority, cwd)
    const problem = await rootCAProblem(ca)
    if (problem) throw usageError(problem)
    restConfig.caData = ca
  } else {
    // client-go only logs an unreadable service-account CA and goes on with the system roots.
    const ca = await readFile(env.caFile).catch(() => undefined)
    if (ca && !(await rootCAProblem(ca))) restConfig.caData = ca
  }
  return restConfig
}

// What ktl says instead of kubectl's fallback to http://localhost:8080.
function noServer(merged: MergedKubeconfig, s: Selection, env: NodeJS.ProcessEnv, saDir: string): CliError {
  if (s.clusterName && !s.clusterExists) return usageError(`cluster ${goQuote(s.clusterName)} was not found for context ${goQuote(s.contextName)}`)
  if (s.clusterName) return usageError(`no server found for cluster ${goQuote(s.clusterName)}`)
  const pod = env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT ? `${join(saDir, 'token')} does not exist` : 'KUBERNETES_SERVICE_HOST is not set'
  const hint = 'pass --kubeconfig or --server'
  if (merged.files.length === 0) {
    const paths = merged.paths
    const where = paths.envPaths.length > 0
      ? `none of the files in KUBECONFIG exist (${paths.envPaths.filter((p) => p !== '').join(', ')})`
      : `KUBECONFIG is not set and ${paths.globalPath} does not exist`
    return usageError(`no kubeconfig found (${where}) and no in-cluster service account (${pod}); ${hint}`)
  }
  const files = merged.files.map((f) => f.path).join(', ')
  if (s.contextName) return usageError(`cluster was not specified for context ${goQuote(s.contextName)}`)
  if (merged.contexts.size > 0) return usageError(`no context selected: current-context is not set in ${files}; pass --context or run 'ktl config use-context NAME'`)
  return usageError(`no cluster configured: ${files} defines no contexts and there is no in-cluster service account (${pod}); ${hint}`)
}

