// The kubeconfig file format (clientcmd/api/v1), with the field names kubectl writes.

export interface Cluster {
  server?: string
  'certificate-authority'?: string
  'certificate-authority-data'?: string
  'insecure-skip-tls-verify'?: boolean
  'tls-server-name'?: string
  'proxy-url'?: string
  'disable-compression'?: boolean
  extensions?: NamedExtension[]
  [key: string]: unknown
}

export interface ExecEnvVar {
  name: string
  value: string
}

export interface ExecConfig {
  apiVersion: string
  command: string
  args?: string[]
  env?: ExecEnvVar[] | null
  installHint?: string
  interactiveMode?: 'Never' | 'IfAvailable' | 'Always'
  provideClusterInfo?: boolean
  [key: string]: unknown
}

export interface AuthInfo {
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  token?: string
  tokenFile?: string
  /** Impersonation: the user, uid, groups and extra fields to act as. */
  as?: string
  'as-uid'?: string
  'as-groups'?: string[]
  'as-user-extra'?: Record<string, string[]>
  username?: string
  password?: string
  exec?: ExecConfig
  'auth-provider'?: {name: string; config?: Record<string, string> | null}
  extensions?: NamedExtension[]
  [key: string]: unknown
}

export interface Context {
  cluster?: string
  user?: string
  namespace?: string
  extensions?: NamedExtension[]
  [key: string]: unknown
}

export interface NamedExtension {
  name: string
  extension: unknown
}

export interface NamedCluster {
  name: string
  cluster: Cluster
}

export interface NamedAuthInfo {
  name: string
  user: AuthInfo
}

export interface NamedContext {
  name: string
  context: Context
}

export interface KubeconfigFile {
  apiVersion?: string
  kind?: string
  preferences?: Record<string, unknown>
  clusters?: NamedCluster[] | null
  users?: NamedAuthInfo[] | null
  contexts?: NamedContext[] | null
  'current-context'?: string
  extensions?: NamedExtension[]
  [key: string]: unknown
}

/** The global flags every command accepts that override the kubeconfig (kubectl's ConfigFlags). */
export interface ConfigOverrides {
  kubeconfig?: string
  context?: string
  cluster?: string
  user?: string
  namespace?: string
  server?: string
  token?: string
  certificateAuthority?: string
  clientCertificate?: string
  clientKey?: string
  insecureSkipTlsVerify?: boolean
  tlsServerName?: string
  /** kubectl's --request-timeout value as typed: "0", "30", "30s", "1m". */
  requestTimeout?: string
  /** --as, --as-uid and --as-group: they replace the user's as, as-uid and as-groups when given. */
  impersonate?: string
  impersonateUid?: string
  impersonateGroups?: string[]
}

/** What a client needs to reach one API server as one user: the resolved result of kubeconfig + flags. */
export interface RestConfig {
  /** Base URL, e.g. https://127.0.0.1:6443 (may carry a path prefix). */
  server: string
  tlsServerName?: string
  insecureSkipTLSVerify: boolean
  /** PEM bytes. */
  caData?: Buffer
  proxyUrl?: string
  /** 0 means no timeout (kubectl's default). */
  timeoutMs: number
  credentials: CredentialSource
  /** The cluster's disable-compression: do not ask for gzip responses. */
  disableCompression?: boolean
  /** The user's as / as-uid / as-groups / as-user-extra: Impersonate-* headers to send. */
  impersonate?: ImpersonationConfig
}

export interface ImpersonationConfig {
  userName: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
}

export interface Credentials {
  token?: string
  username?: string
  password?: string
  /** PEM bytes of a client certificate and its key. */
  certData?: Buffer
  keyData?: Buffer
}

/**
 * Where the user's credentials come from: static, a token file re-read when it changes, or an exec
 * plugin cached until its expiry. `invalidate` is called once after a 401 so the next `get` refreshes.
 */
export interface CredentialSource {
  get(): Promise<Credentials>
  invalidate(): void
}
