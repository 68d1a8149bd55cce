// What client tests share: a RestConfig for a fake server and fake servers closed after each test.
import {afterEach} from 'vitest'
import type {Credentials, CredentialSource, RestConfig} from '../../src/lib/kubeconfig/types.js'
import {FakeServer, type TLSOptions} from './fake-server.js'

/** Credentials that never change (no exec plugin, no token file). */
export function staticSource(creds: Credentials = {}): CredentialSource {
  return {get: async () => creds, invalidate: () => undefined}
}

export function restConfigFor(server: string, extra: Partial<RestConfig> = {}, creds: Credentials = {}): RestConfig {
  return {server, insecureSkipTLSVerify: false, timeoutMs: 0, credentials: staticSource(creds), ...extra}
}

/** Returns a starter for fake servers; every server it starts is closed after each test. */
export function fakeServers(): (opts?: {tls?: TLSOptions; port?: number}) => Promise<FakeServer> {
  const servers: FakeServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return async (opts = {}) => {
    const server = await FakeServer.start(opts)
    servers.push(server)
    return server
  }
}
