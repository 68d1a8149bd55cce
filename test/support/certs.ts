// Test certificates made with the openssl CLI: a CA, a server certificate for 127.0.0.1/localhost,
// a client certificate, and variants (expired, wrong host, other CA) for TLS failure tests.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface TestPKI {
  dir: string
  caCert: string
  caKey: string
  serverCert: string
  serverKey: string
  /** Signed by the CA, valid only for the name "other.example". */
  wrongHostCert: string
  wrongHostKey: string
  /** Signed by the CA, no subjectAltName, CN "legacy.example" (Go rejects CN-only certificates). */
  legacyCNCert: string
  legacyCNKey: string
  /** Signed by the CA, already expired. */
  expiredCert: string
  expiredKey: string
  clientCert: string
  clientKey: string
  /** A second CA that signed nothing the server uses. */
  otherCaCert: string
  /** Paths of each PEM in `dir`. */
  paths: Record<'caCert' | 'caKey' | 'serverCert' | 'serverKey' | 'clientCert' | 'clientKey' | 'otherCaCert', string>
}

// EC P-256 keys: an order of magnitude faster to make than RSA, which keeps each test file quick.
const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, {cwd, stdio: 'ignore'})
}

function issue(dir: string, name: string, subj: string, ext: string, days: string): void {
  writeFileSync(join(dir, `${name}.ext`), ext)
  openssl(['req', '-new', ...KEY, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj], dir)
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', days, '-extfile', `${name}.ext`], dir)
}

let cached: TestPKI | undefined

export function testPKI(): TestPKI {
  if (cached) return cached
  const dir = mkdtempSync(join(tmpdir(), 'ktl-pki-'))
  openssl(['req', '-x509', ...KEY, '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3', '-subj', '/CN=ktl-test-ca'], dir)
  openssl(['req', '-x509', ...KEY, '-nodes', '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-days', '3', '-subj', '/CN=ktl-other-ca'], dir)
  issue(dir, 'server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n', '3')
  issue(dir, 'wronghost', '/CN=other.example', 'subjectAltName=DNS:other.example\nextendedKeyUsage=serverAuth\n', '3')
  issue(dir, 'client', '/CN=ktl-admin/O=system:masters', 'extendedKeyUsage=clientAuth\n', '3')
  issue(dir, 'legacy', '/CN=legacy.example', 'extendedKeyUsage=serverAuth\n', '3')
  // A negative validity ends the certificate's window before it starts: expired from birth.
  issue(dir, 'expired', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n', '-1')
  const read = (f: string) => readFileSync(join(dir, f), 'utf8')
  cached = {
    dir,
    caCert: read('ca.crt'),
    caKey: read('ca.key'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    wrongHostCert: read('wronghost.crt'),
    wrongHostKey: read('wronghost.key'),
    legacyCNCert: read('legacy.crt'),
    legacyCNKey: read('legacy.key'),
    expiredCert: read('expired.crt'),
    expiredKey: read('expired.key'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
    otherCaCert: read('other-ca.crt'),
    paths: {
      caCert: join(dir, 'ca.crt'),
      caKey: join(dir, 'ca.key'),
      serverCert: join(dir, 'server.crt'),
      serverKey: join(dir, 'server.key'),
      clientCert: join(dir, 'client.crt'),
      clientKey: join(dir, 'client.key'),
      otherCaCert: join(dir, 'other-ca.crt'),
    },
  }
  return cached
}

/** Removes the files testPKI wrote; the PEM strings already read stay usable. */
export function cleanupPKI(): void {
  if (!cached) return
  rmSync(cached.dir, {recursive: true, force: true})
  cached = undefined
}
