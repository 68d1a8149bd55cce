// Running inside a pod: the API server from KUBERNETES_SERVICE_HOST/PORT, the service account's
// token, CA and namespace from its mounted folder (client-go's InClusterConfig).
import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

export interface InClusterEnvironment {
  server: string
  tokenFile: string
  caFile: string
}

/** Whether this looks like a pod: both variables set and a token file present (clientcmd's Possible). */
export async function inClusterEnvironment(env: NodeJS.ProcessEnv, dir: string): Promise<InClusterEnvironment | undefined> {
  const host = env.KUBERNETES_SERVICE_HOST
  const port = env.KUBERNETES_SERVICE_PORT
  if (!host || !port) return undefined
  const tokenFile = join(dir, 'token')
  const isFile = await stat(tokenFile).then(
    (st) => !st.isDirectory(),
    () => false,
  )
  if (!isFile) return undefined
  const hostPort = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
  return {server: `https://${hostPort}`, tokenFile, caFile: join(dir, 'ca.crt')}
}

/** POD_NAMESPACE, else the service account's namespace file, else "default". */
export async function inClusterNamespace(env: NodeJS.ProcessEnv, dir: string): Promise<string> {
  if (env.POD_NAMESPACE) return env.POD_NAMESPACE
  const ns = await readFile(join(dir, 'namespace'), 'utf8').then(
    (s) => s.trim(),
    () => '',
  )
  return ns || 'default'
}
