// client-go's pager: a LIST asked for `limit` items at a time, each page's continue token asking for
// the next, so a large collection is neither one huge answer nor held by the server at once.
import type {KubeClient, RequestOptions} from '../client/types.js'
import type {ObjectList} from './objects.js'

interface Page {
  metadata?: {continue?: string}
}

/** The pages of a LIST, in order; `chunkSize` 0 asks for everything in one. */
export async function* listPages<P extends Page>(client: KubeClient, request: RequestOptions, chunkSize: number): AsyncGenerator<P> {
  let token: string | undefined
  do {
    const query = {...request.query, ...(chunkSize > 0 ? {limit: chunkSize} : {}), ...(token ? {continue: token} : {})}
    const {data} = await client.request<P>({...request, query})
    yield data
    token = data.metadata?.continue || undefined
  } while (token)
}

/** Every item of a LIST, read in pages of `chunkSize`. */
export async function listAllItems<T>(client: KubeClient, request: RequestOptions, chunkSize: number): Promise<T[]> {
  const items: T[] = []
  for await (const page of listPages<ObjectList<T>>(client, request, chunkSize)) items.push(...(page.items ?? []))
  return items
}
