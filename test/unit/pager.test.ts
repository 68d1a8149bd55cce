import {describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {memoryIO} from '../../src/lib/io.js'
import {listAllItems, listPages} from '../../src/lib/resources/pager.js'
import {fakeServers, restConfigFor} from '../support/client.js'

const startFake = fakeServers()
const PATH = '/api/v1/namespaces/default/configmaps'
const page = (names: string[], next?: string) => ({body: {kind: 'ConfigMapList', apiVersion: 'v1', metadata: next ? {continue: next} : {}, items: names.map((name) => ({metadata: {name}}))}})

describe('listPages and listAllItems: a LIST in pages, as client-go pages it', () => {
  it('asks for `limit` at a time, passing each continue token back with the selectors, until there is none', async () => {
    const fake = await startFake()
    fake.on('GET', PATH, page(['a', 'b'], 'tok1'))
    fake.on('GET', PATH, page(['c', 'd'], 'tok2'))
    fake.on('GET', PATH, page(['e']))
    const client = createClient(restConfigFor(fake.url), {io: memoryIO(), verbosity: 0})
    const items = await listAllItems<{metadata: {name: string}}>(client, {path: PATH, query: {labelSelector: 'app=web'}}, 2)
    expect(items.map((i) => i.metadata.name)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(fake.requests.map((r) => Object.fromEntries(r.query))).toEqual([
      {labelSelector: 'app=web', limit: '2'},
      {labelSelector: 'app=web', limit: '2', continue: 'tok1'},
      {labelSelector: 'app=web', limit: '2', continue: 'tok2'},
    ])
    fake.verify()
  })

  it('a chunk size of 0 asks for everything at once, without a limit', async () => {
    const fake = await startFake()
    fake.on('GET', PATH, page(['a', 'b', 'c']))
    const client = createClient(restConfigFor(fake.url), {io: memoryIO(), verbosity: 0})
    const pages = []
    for await (const p of listPages(client, {path: PATH}, 0)) pages.push(p)
    expect(pages).toHaveLength(1)
    expect(Object.fromEntries(fake.requests[0].query)).toEqual({})
    fake.verify()
  })

  it('a page that fails ends the listing with its error, after the pages before it', async () => {
    const fake = await startFake()
    fake.on('GET', PATH, page(['a'], 'tok1'))
    fake.on('GET', PATH, {status: 410, body: {kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the continue token is too old', reason: 'Expired', code: 410}})
    const client = createClient(restConfigFor(fake.url), {io: memoryIO(), verbosity: 0})
    const seen: string[] = []
    const listing = (async () => {
      for await (const p of listPages<{metadata?: {continue?: string}; items: Array<{metadata: {name: string}}>}>(client, {path: PATH}, 1)) seen.push(...p.items.map((i) => i.metadata.name))
    })()
    await expect(listing).rejects.toThrow('the continue token is too old')
    expect(seen).toEqual(['a'])
    fake.verify()
  })
})
