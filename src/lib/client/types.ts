// The one HTTP client every operation uses to talk to the API server.
import type {Readable} from 'node:stream'

/** The resource a request is about; client-go names it in messages made for bare error codes. */
export interface GroupResource {
  /** API group, '' for the core group. */
  group?: string
  /** Plural resource name, e.g. pods. */
  resource: string
  name?: string
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path below the server URL, e.g. /api/v1/namespaces/default/pods. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown
  /** Content-Type for the body (default application/json). */
  contentType?: string
  accept?: string
  /** Answer non-2xx with a response instead of throwing a StatusError. */
  allowErrorStatus?: boolean
  /** Return the body as text without decoding it (e.g. get --raw). */
  raw?: boolean
  /** Adds client-go's "(get pods x)" to errors made from bare status codes. */
  resource?: GroupResource
  signal?: AbortSignal
}

export interface Response<T = unknown> {
  status: number
  headers: Record<string, string | undefined>
  data: T
}

export interface KubeClient {
  /**
   * JSON in, JSON out. Throws StatusError for API errors and CliError for transport failures, bodies
   * that end early and bodies that are not JSON.
   */
  request<T = unknown>(opts: RequestOptions): Promise<Response<T>>
  /**
   * A body delivered as it arrives (watch, logs). Error statuses throw as in `request`; a connection
   * lost or a --request-timeout reached while reading destroys the stream with a CliError.
   */
  stream(opts: RequestOptions): Promise<Response<Readable>>
  /** host:port of the server, as kubectl names it in connection errors. */
  readonly host: string
  readonly server: string
}
