import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'

export default class CreateSecretTLS extends CreateObjectCommand {
  static summary = 'Create a TLS secret'
  static description =
    'Create a TLS secret from the given public/private key pair.\n\n' +
    'The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.'
  static usage = 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a new TLS secret named tls-secret with the given key pair\n<%= config.bin %> create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    cert: Flags.string({description: 'Path to PEM encoded public key certificate.', default: ''}),
    key: Flags.string({description: 'Path to private key associated with given certificate.', default: ''}),
    'append-hash': Flags.boolean({description: 'Append a hash of the secret to its name.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateSecretTLS)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, 'create secret tls')
    const [{buildTLSSecret}, {runCreateObject}] = await Promise.all([import('../../../lib/create/secret.js'), import('../../../lib/ops/create.js')])
    const secret = await buildTLSSecret({name, cert: flags.cert, key: flags.key, appendHash: flags['append-hash']})
    await runCreateObject(this.ctx(flags), secret, {...options, errorPrefix: 'failed to create secret '})
  }
}
