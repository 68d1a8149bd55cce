// client-go's Reflector over a ListWatch, the one loop behind get -w, delete --wait, wait, rollout
// status and events -w: LIST for the current state and its resourceVersion, then WATCH from there.
// A watch the server ends, or a connection lost mid-stream, is resumed from the last resourceVersion
// seen (bookmarks included); a 410 Gone (history compacted), as the WATCH's answer or as an ERROR
// event, LISTs again; watches the server ends at once with nothing in them are re-opened ever more
// slowly, so a server that closes every watch is not hammered.
import type {Readable} from 'node:stream'
import type {GroupResource, KubeClient, RequestOptions} from '../client/types.js'
import {DeadlineTimer} from '../deadline-timer.js'
import {ConnectionError, ResponseBodyError, StatusError} from '../errors.js'
import {sleep} from '../sleep.js'
import type {KubeObject, Table} from './objects.js'

export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: T
}

/** The events that change an object, the ones a watch passes on. */
export interface ObjectChange<T = KubeObject> extends WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
}

/** How a watch ended: `done()` said so, the caller's signal stopped it, or its deadline passed. */
export type WatchEnd = 'done' | 'aborted' | 'deadline'

export interface ListWatchOptions<T extends KubeObject | Table = KubeObject> {
  client: KubeClient
  /** The collection the WATCH requests go to. */
  path: string
  /** The WATCH's selectors (the LIST makes its own request). */
  query?: RequestOptions['query']
  accept?: string
  resource?: GroupResource
  /**
   * LIST: takes in the current state and returns the resourceVersion to watch from (undefined: the
   * server's choice). Called first, then again (`relist`) after each 410 Gone.
   */
  list(relist: boolean, signal: AbortSignal): Promise<string | undefined>
  /** Each ADDED, MODIFIED and DELETED event, in order; what it throws ends the watch. */
  onEvent(event: ObjectChange<T>): void
  /** Asked after each LIST and each event: true ends the watch. */
  done?(): boolean
  signal?: AbortSignal
  /** Epoch milliseconds to stop at; what fails after it is not an error. */
  deadline?: number
  /** Once watching, how long to keep retrying a server that cannot be reached (restarting, say); 0 fails at once. */
  reconnectWindowMs?: number
  /** How to wait between tries (tests record the waits instead). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

// Waits between tries, doubling from the first to the last.
const FIRST_WAIT_MS = 250
const MAX_WAIT_MS = 4000
// A watch that ends sooner than this without a single event was not really open.
const EMPTY_WATCH_MS = 1000

/** Lists, then watches until `done()`, the signal or the deadline; LIST, WATCH and `onEvent` failures are thrown. */
export async function listAndWatch<T extends KubeObject | Table = KubeObject>(opts: ListWatchOptions<T>): Promise<WatchEnd> {
  const controller = new AbortController()
  let pastDeadline = false
  const timer = opts.deadline === undefined ? undefined : new DeadlineTimer(opts.deadline, () => ((pastDeadline = true), controller.abort()))
  const signal = opts.signal ? AbortSignal.any([controller.signal, opts.signal]) : controller.signal
  const wait = opts.sleep ?? sleep
  const done = () => opts.done?.() ?? false
  const stopped = (): WatchEnd => (pastDeadline ? 'deadline' : 'aborted')
  const retrying = <R>(attempt: () => Promise<R>) => reconnecting(attempt, opts.reconnectWindowMs ?? 0, signal, wait)
  try {
    let resourceVersion = await opts.list(false, signal)
    let relist = false
    // Watches in a row that ended at once with nothing in them: each waited on longer, so as not to spin.
    let emptyEnds = 0
    for (;;) {
      if (done()) return 'done'
      if (emptyEnds > 0) await wait(Math.min(FIRST_WAIT_MS * 2 ** (emptyEnds - 1), MAX_WAIT_MS), signal)
      if (signal.aborted) return stopped()
      if (relist) {
        resourceVersion = await retrying(() => opts.list(true, signal))
        relist = false
        if (done()) return 'done'
      }
      const opened = Date.now()
      let stream: Readable
      try {
        const query = {...opts.query, watch: 1, resourceVersion, allowWatchBookmarks: 'true'}
        stream = (await retrying(() => opts.client.stream({path: opts.path, query, accept: opts.accept, resource: opts.resource, signal}))).data
      } catch (err) {
        if (!(err instanceof StatusError && err.code === 410)) throw err
        relist = true
        emptyEnds++
        continue
      }
      const read = await readWatch(stream, resourceVersion, opts.onEvent, done)
      resourceVersion = read.resourceVersion
      relist = read.gone
      emptyEnds = read.received === 0 && Date.now() - opened < EMPTY_WATCH_MS ? emptyEnds + 1 : 0
    }
  } catch (err) {
    if (signal.aborted) return stopped()
    throw err
  } finally {
    timer?.clear()
  }
}

/** One WATCH response to its end: the resourceVersion it brought the watch to, how many events it held, whether it said 410 Gone. */
async function readWatch<T extends KubeObject | Table>(
  stream: Readable,
  from: string | undefined,
  onEvent: (event: ObjectChange<T>) => void,
  done: () => boolean,
): Promise<{resourceVersion: string | undefined; received: number; gone: boolean}> {
  let resourceVersion = from
  let received = 0
  const events = watchEvents<T>(stream)
  try {
    for (;;) {
      let next: IteratorResult<WatchEvent<T>>
      try {
        next = await events.next()
      } catch (err) {
        // A connection lost mid-stream (or a line it cut short) is resumed like a watch the server ended.
        if (err instanceof ResponseBodyError || err instanceof SyntaxError) break
        throw err
      }
      if (next.done) break
      received++
      const event = next.value
      if (event.type === 'ERROR') {
        if ((event.object as {code?: number}).code === 410) return {resourceVersion, received, gone: true}
        throw new StatusError(event.object as never)
      }
      resourceVersion = versionOf(event.object) || resourceVersion
      if (event.type !== 'BOOKMARK') onEvent(event as ObjectChange<T>)
      if (done()) break
    }
  } finally {
    await events.return(undefined)
    stream.destroy()
  }
  return {resourceVersion, received, gone: false}
}

/** The resourceVersion an event brings the watch to; an as=Table event carries it on its rows' objects. */
function versionOf(object: KubeObject | Table): string | undefined {
  if (object.kind === 'Table') {
    const rows = (object as Table).rows ?? []
    const fromRows = rows.map((row) => row.object?.metadata?.resourceVersion).filter(Boolean)
    if (fromRows.length > 0) return fromRows[fromRows.length - 1]
  }
  return object.metadata?.resourceVersion
}

/**
 * `attempt` again while the server cannot be reached, waiting longer each time; after `windowMs` of
 * failures, or once stopped, the last failure is thrown.
 */
async function reconnecting<R>(attempt: () => Promise<R>, windowMs: number, signal: AbortSignal, wait: (ms: number, signal: AbortSignal) => Promise<void>): Promise<R> {
  const started = Date.now()
  for (let delay = FIRST_WAIT_MS; ; delay = Math.min(delay * 2, MAX_WAIT_MS)) {
    try {
      return await attempt()
    } catch (err) {
      const unreachable = err instanceof ConnectionError || err instanceof ResponseBodyError
      if (!unreachable || signal.aborted || Date.now() - started + delay > windowMs) throw err
      await wait(delay, signal)
      if (signal.aborted) throw err
    }
  }
}

/** A WATCH response body as its events, one JSON object a line. */
export async function* watchEvents<T = KubeObject>(stream: Readable): AsyncGenerator<WatchEvent<T>> {
  // A character split across chunks is decoded whole.
  const decoder = new TextDecoder()
  let buffered = ''
  for await (const chunk of stream) {
    buffered += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, {stream: true})
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim()
      buffered = buffered.slice(nl + 1)
      if (line) yield JSON.parse(line) as WatchEvent<T>
    }
  }
  buffered += decoder.decode()
  if (buffered.trim()) yield JSON.parse(buffered) as WatchEvent<T>
}
