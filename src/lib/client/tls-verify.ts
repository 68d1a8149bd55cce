// Server certificate checks in the order and words of Go's crypto/x509, so a TLS failure reads as it
// does in kubectl: the leaf's validity window first, then the host name, then the chain.
import {isIP} from 'node:net'
import type {DetailedPeerCertificate, PeerCertificate, TLSSocket} from 'node:tls'
import {formatRFC3339} from '../go/time.js'

/** A failure whose message is the text kubectl shows after "Unable to connect to the server: ". */
export class TransportFailure extends Error {
  readonly code = 'KTL_TRANSPORT'
}

/** undefined when the peer may be trusted; otherwise the failure to destroy the socket with. */
export function verifyPeer(socket: TLSSocket, serverName: string, now = new Date()): TransportFailure | undefined {
  const code = socket.authorizationError as unknown as string | null
  // A resumed session comes from this agent's own cache, so from a server that passed these checks;
  // OpenSSL does not hand the certificate out again.
  if (socket.isSessionReused()) return code ? failure(chainError(code)) : undefined
  const leaf = socket.getPeerCertificate(true)
  if (!leaf || !leaf.raw) return failure('x509: certificate signed by unknown authority')
  const expired = validityError(leaf, now)
  if (expired) return failure(expired)
  const wrongHost = hostnameError(leaf, serverName)
  if (wrongHost) return failure(wrongHost)
  if (!code) return undefined
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    for (let c: DetailedPeerCertificate | undefined = leaf.issuerCertificate; c && c.raw; c = c.issuerCertificate === c ? undefined : c.issuerCertificate) {
      const message = validityError(c, now)
      if (message) return failure(message)
    }
    return failure('x509: certificate has expired or is not yet valid')
  }
  return failure(chainError(code))
}

/** Go's words for an OpenSSL chain verification code. */
export function chainError(code: string): string {
  return CHAIN_ERRORS[code] ?? `x509: ${code.toLowerCase().replaceAll('_', ' ')}`
}

const UNKNOWN_AUTHORITY = 'x509: certificate signed by unknown authority'
const CHAIN_ERRORS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNKNOWN_AUTHORITY,
  UNABLE_TO_GET_ISSUER_CERT: UNKNOWN_AUTHORITY,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNKNOWN_AUTHORITY,
  SELF_SIGNED_CERT_IN_CHAIN: UNKNOWN_AUTHORITY,
  DEPTH_ZERO_SELF_SIGNED_CERT: UNKNOWN_AUTHORITY,
  CERT_SIGNATURE_FAILURE: UNKNOWN_AUTHORITY,
  CERT_UNTRUSTED: UNKNOWN_AUTHORITY,
  CERT_REJECTED: UNKNOWN_AUTHORITY,
  INVALID_CA: UNKNOWN_AUTHORITY,
  INVALID_PURPOSE: 'x509: certificate specifies an incompatible key usage',
  CERT_REVOKED: 'x509: certificate has been revoked',
}

function failure(x509: string): TransportFailure {
  return new TransportFailure(`tls: failed to verify certificate: ${x509}`)
}

/** OpenSSL verification codes, for errors Node raises itself. */
export function isChainErrorCode(code: string): boolean {
  return code in CHAIN_ERRORS || code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID'
}

function validityError(cert: PeerCertificate, now: Date): string | undefined {
  const notBefore = new Date(cert.valid_from)
  const notAfter = new Date(cert.valid_to)
  if (now < notBefore) return `x509: certificate has expired or is not yet valid: current time ${formatRFC3339(now)} is before ${formatRFC3339(notBefore, true)}`
  if (now > notAfter) return `x509: certificate has expired or is not yet valid: current time ${formatRFC3339(now)} is after ${formatRFC3339(notAfter, true)}`
  return undefined
}

interface SubjectAltNames {
  present: boolean
  dns: string[]
  ips: string[]
}

function altNames(cert: PeerCertificate): SubjectAltNames {
  const out: SubjectAltNames = {present: cert.subjectaltname !== undefined, dns: [], ips: []}
  // Entries look like `DNS:a.example, IP Address:10.0.0.1`; Node quotes a value that holds a comma.
  for (const m of (cert.subjectaltname ?? '').matchAll(/(DNS|IP Address):("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const value = m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2].trim()
    if (m[1] === 'DNS') out.dns.push(value)
    else out.ips.push(canonicalIP(value))
  }
  return out
}

function canonicalIP(ip: string): string {
  return isIP(ip) === 6 ? new URL(`http://[${ip}]`).hostname.slice(1, -1) : ip
}

/** Go's Certificate.VerifyHostname and the text of its HostnameError. */
export function hostnameError(cert: PeerCertificate, serverName: string): string | undefined {
  const host = serverName.startsWith('[') && serverName.endsWith(']') ? serverName.slice(1, -1) : serverName
  const names = altNames(cert)
  if (isIP(host)) {
    if (names.ips.includes(canonicalIP(host))) return undefined
  } else {
    const wanted = host.toLowerCase()
    if (names.dns.some((pattern) => matchHostname(pattern, wanted))) return undefined
  }
  const cn = cert.subject?.CN
  if (!names.present && typeof cn === 'string' && matchHostname(cn, host.toLowerCase())) {
    return 'x509: certificate relies on legacy Common Name field, use SANs instead'
  }
  let valid: string
  if (isIP(host)) {
    if (names.ips.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`
    valid = names.ips.join(', ')
  } else {
    valid = names.dns.join(', ')
  }
  if (!valid) return `x509: certificate is not valid for any names, but wanted to match ${host}`
  return `x509: certificate is valid for ${valid}, not ${host}`
}

/** A wildcard stands for exactly one left-most label; a trailing dot on either side is ignored. */
function matchHostname(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '')
  const h = host.replace(/\.$/, '')
  if (!p || !h) return false
  const pl = p.split('.')
  const hl = h.split('.')
  if (pl.length !== hl.length) return false
  return pl.every((label, i) => (i === 0 && label === '*') || label === hl[i])
}
