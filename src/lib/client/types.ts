// The one HTTP client every operation uses to talk to the API server.
import type {Readable} from 'node:stream'

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path below the server URL, e.g. /api/v1/namespaces/default/pods. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Content-Type for the body (default application/json). */
  contentType?: string
  accept?: string
  /** Answer non-2xx with a response instead of throwing a StatusError. */
  allowErrorStatus?: boolean
  signal?: AbortSignal
}

export interface Response<T = unknown> {
  status: number
  headers: Record<string, string | undefined>
  data: T
}

export interface KubeClient {
  /** JSON in, JSON out. Throws StatusError for API errors and CliError for transport failures. */
  request<T = unknown>(opts: RequestOptions): Promise<Response<T>>
  /** A streaming body (watch, logs). */
  stream(opts: RequestOptions): Promise<Response<Readable>>
  /** host:port of the server, as kubectl names it in connection errors. */
  readonly host: string
  readonly server: string
}
