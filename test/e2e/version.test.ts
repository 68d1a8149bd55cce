import {describe, expect, it} from 'vitest'
import {ktl, kubectl, SERVER} from './helpers.js'

describe('ktl version', () => {
  it('prints the client version without a server', async () => {
    const version = (await import('../../package.json', {with: {type: 'json'}})).default.version
    const run = await ktl(['version', '--client'], {noKubeconfig: true, env: {KUBECONFIG: '/nonexistent'}})
    expect(run).toEqual({stdout: `Client Version: v${version}\n`, stderr: '', code: 0})
  })

  it('prints the server version kubectl prints', async () => {
    const theirs = await kubectl(['version'])
    const ours = await ktl(['version'])
    const serverLine = theirs.stdout.split('\n').find((l) => l.startsWith('Server Version: '))
    expect(serverLine).toBe('Server Version: v1.20.2')
    expect(ours.stdout.split('\n').slice(1)).toEqual([serverLine, ''])
    expect(ours.code).toBe(0)
  })

  it('prints the server object as JSON like kubectl -o json', async () => {
    const theirs = JSON.parse((await kubectl(['version', '-o', 'json'])).stdout)
    const ours = JSON.parse((await ktl(['version', '-o', 'json'])).stdout)
    expect(ours.serverVersion).toEqual(theirs.serverVersion)
  })
})

describe('ktl cluster-info', () => {
  it('prints the control plane line kubectl prints when piped', async () => {
    const theirs = await kubectl(['cluster-info'])
    const ours = await ktl(['cluster-info'])
    const [controlPlane] = theirs.stdout.split('\n')
    expect(controlPlane).toContain(SERVER)
    expect(ours).toEqual({stdout: `${controlPlane}\n`, stderr: '', code: 0})
  })

  it('lists the cluster add-on services kubectl lists, with their proxy links', async () => {
    const services = ['kube-system', 'default'].map((ns) => `---
apiVersion: v1
kind: Service
metadata:
  name: addon-dns
  namespace: ${ns}
  labels: {kubernetes.io/cluster-service: "true", kubernetes.io/name: CoreDNS}
spec:
  ports: [{name: dns-tcp, port: 53}]
---
apiVersion: v1
kind: Service
metadata:
  name: addon-dashboard
  namespace: ${ns}
  labels: {kubernetes.io/cluster-service: "true"}
spec:
  ports: [{port: 443}]
`)
    expect((await kubectl(['apply', '-f', '-'], {stdin: services.join('')})).code).toBe(0)
    try {
      for (const args of [['cluster-info'], ['cluster-info', '-n', 'default']]) {
        const theirs = await kubectl(args)
        const ours = await ktl(args)
        expect(ours.stdout).toBe(theirs.stdout.split('\n\n')[0] + '\n')
        expect(ours.stdout.split('\n')).toHaveLength(4)
      }
    } finally {
      await kubectl(['delete', '-f', '-', '--wait=false'], {stdin: services.join('')})
    }
  })
})
