import {describe, expect, it} from 'vitest'
import {FakeServer} from '../support/fake-server.js'

describe('the fake server itself', () => {
  it('a route handler that throws answers 599 at once, and verify() throws what the handler threw', async () => {
    const fake = await FakeServer.start()
    fake.on('GET', '/api/v1/pods', () => {
      throw new Error('expected labelSelector app=web')
    })
    const response = await fetch(`${fake.url}/api/v1/pods`)
    expect([response.status, await response.text()]).toEqual([599, 'route handler for GET /api/v1/pods failed'])
    expect(() => fake.verify()).toThrow('expected labelSelector app=web')
    // Thrown once: close() after verify() has nothing left to say.
    await fake.close()
  })

  it('without verify(), close() throws what the handler threw', async () => {
    const fake = await FakeServer.start()
    fake.on('GET', '/api/v1/pods', async () => {
      throw new Error('the handler failed')
    })
    await fetch(`${fake.url}/api/v1/pods`)
    await expect(fake.close()).rejects.toThrow('the handler failed')
  })

  it('a request no route expects is answered 599 and named by verify()', async () => {
    const fake = await FakeServer.start()
    const response = await fetch(`${fake.url}/api/v1/namespaces?limit=1`)
    expect([response.status, await response.text()]).toEqual([599, 'no route for GET /api/v1/namespaces'])
    expect(() => fake.verify()).toThrow('fake server: unexpected request GET /api/v1/namespaces?limit=1')
    await fake.close()
  })
})
