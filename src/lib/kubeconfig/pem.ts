// Checks on PEM material before any connection, so a bad CA or client certificate fails with the
// line kubectl prints (Go's x509.CertPool.AppendCertsFromPEM and tls.X509KeyPair messages) rather
// than an obscure handshake error later.

interface PemBlock {
  type: string
  text: string
}

function pemBlocks(data: Buffer): PemBlock[] {
  const text = data.toString('latin1')
  const blocks: PemBlock[] = []
  const re = /-----BEGIN ([^\r\n-]*)-----\r?\n[\s\S]*?-----END \1-----/g
  for (const m of text.matchAll(re)) blocks.push({type: m[1], text: m[0]})
  return blocks
}

/** The error text for a CA bundle with no usable certificate, or undefined when it has one. */
export async function rootCAProblem(pem: Buffer): Promise<string | undefined> {
  const {X509Certificate} = await import('node:crypto')
  for (const block of pemBlocks(pem)) {
    if (block.type !== 'CERTIFICATE') continue
    try {
      new X509Certificate(block.text)
      return undefined
    } catch {
      // Go skips certificates it cannot parse
    }
  }
  return 'unable to load root certificates: unable to parse bytes as PEM block'
}

/** The error text for a client certificate and key that do not form a pair, or undefined. */
export async function keyPairProblem(certPem: Buffer, keyPem: Buffer): Promise<string | undefined> {
  const certBlocks = pemBlocks(certPem)
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE')
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type)
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input'
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`
  }
  const keyBlocks = pemBlocks(keyPem)
  const key = keyBlocks.find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'))
  if (!key) {
    const skipped = keyBlocks.map((b) => b.type)
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input'
    if (skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key'
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`
  }
  const {X509Certificate, createPrivateKey} = await import('node:crypto')
  let cert: InstanceType<typeof X509Certificate>
  try {
    cert = new X509Certificate(certs[0].text)
  } catch {
    return 'x509: malformed certificate'
  }
  let keyObject: ReturnType<typeof createPrivateKey>
  try {
    keyObject = createPrivateKey(key.text)
  } catch {
    return 'tls: failed to parse private key'
  }
  return cert.checkPrivateKey(keyObject) ? undefined : 'tls: private key does not match public key'
}
