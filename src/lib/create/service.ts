// `create service clusterip|nodeport|loadbalancer|externalname NAME`: kubectl's Service, fields in
// its Go struct order.
import {usageError} from '../errors.js'
import {goQuote} from '../go/quote.js'
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export interface ServiceOptions {
  name: string
  type: ServiceType
  /** --tcp port[:targetPort] pairs. */
  tcp: string[]
  /** --clusterip (clusterip only): an address or None for a headless service. */
  clusterIP?: string
  /** --node-port (nodeport only), set on every port; 0 lets the server choose. */
  nodePort?: number
  externalName?: string
}

export function buildService(opts: ServiceOptions): KubeObject {
  const clusterIP = opts.clusterIP ?? ''
  if (clusterIP === 'None' && opts.type !== 'ClusterIP') throw usageError('ClusterIP=None can only be used with ClusterIP service type')
  if (clusterIP !== 'None' && opts.tcp.length === 0 && opts.type !== 'ExternalName') throw usageError('at least one tcp port specifier must be provided')
  const externalName = opts.externalName ?? ''
  if (opts.type === 'ExternalName' && dns1123SubdomainErrors(externalName).length > 0) throw usageError(`invalid service external name ${externalName}`)
  const ports = opts.tcp.map((tcp) => {
    const [port, targetPort] = parsePorts(tcp)
    const servicePort: Record<string, unknown> = {name: tcp.replaceAll(':', '-'), protocol: 'TCP', port, targetPort}
    if (opts.nodePort) servicePort.nodePort = opts.nodePort
    return servicePort
  })
  const spec: Record<string, unknown> = {}
  if (ports.length > 0) spec.ports = ports
  spec.selector = {app: opts.name}
  if (clusterIP !== '') spec.clusterIP = clusterIP
  spec.type = opts.type
  if (externalName !== '') spec.externalName = externalName
  return {kind: 'Service', apiVersion: 'v1', metadata: generatedMeta(opts.name, {app: opts.name}), spec, status: {loadBalancer: {}}}
}

/** kubectl's parsePorts: `port` (target the same) or `port:targetPort` with a number or a port name. */
function parsePorts(tcp: string): [number, number | string] {
  const parts = tcp.split(':')
  const port = parsePort(parts[0])
  if (parts.length === 1) return [port, port]
  const target = parts[1]
  const number = goAtoi(target)
  if (number === undefined) {
    const errors = portNameErrors(target)
    if (errors.length > 0) throw usageError(errors.join(','))
    return [port, target]
  }
  if (number < 1 || number > 65535) throw usageError('must be between 1 and 65535, inclusive')
  return [port, number]
}

// utilnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16)
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw usageError(`strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`)
  const n = Number(s)
  if (n > 65535) throw usageError(`strconv.ParseUint: parsing ${goQuote(s)}: value out of range`)
  return n
}

// strconv.Atoi: an optional sign and decimal digits that fit an int64; undefined otherwise.
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined
  const n = BigInt(s)
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return undefined
  return Number(n)
}

// validation.IsValidPortName
function portNameErrors(name: string): string[] {
  const errors: string[] = []
  if (name.length > 15) errors.push('must be no more than 15 characters')
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)')
  if (name.includes('--')) errors.push('must not contain consecutive hyphens')
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errors.push('must not begin or end with a hyphen')
  return errors
}

// validation.IsDNS1123Subdomain
function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = []
  if (value.length > 253) errors.push('too long')
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value)) errors.push('invalid')
  return errors
}
