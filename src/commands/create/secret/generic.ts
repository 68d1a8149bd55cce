import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create secret generic'

export default class CreateSecretGeneric extends CreateObjectCommand {
  static summary = 'Create a secret from a local file, directory, or literal value'
  static description =
    'A single secret may package one or more key/value pairs.\n\n' +
    'When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file ' +
    'content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n' +
    'When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the ' +
    'secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).'
  static usage = 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a new secret named my-secret with keys for each file in folder bar\n<%= config.bin %> create secret generic my-secret --from-file=path/to/bar',
    '# Create a new secret named my-secret with specified keys instead of names on disk\n' +
      '<%= config.bin %> create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub',
    '# Create a new secret named my-secret with key1=supersecret and key2=topsecret\n' +
      '<%= config.bin %> create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret',
    '# Create a new secret named my-secret from env files\n' +
      '<%= config.bin %> create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    'from-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description:
        'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name ' +
        'and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory ' +
        'that is a valid secret key.',
    }),
    'from-literal': Flags.string({multiple: true, multipleNonGreedy: true, description: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)'}),
    'from-env-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Specify the path to a file to read lines of key=val pairs to create a secret.',
    }),
    type: Flags.string({description: 'The type of secret to create', default: ''}),
    'append-hash': Flags.boolean({description: 'Append a hash of the secret to its name.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateSecretGeneric)
    const fromFile = splitStringSlice(flags['from-file'], 'from-file', PATH)
    const fromEnvFile = splitStringSlice(flags['from-env-file'], 'from-env-file', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildGenericSecret}, {runCreateObject}] = await Promise.all([import('../../../lib/create/secret.js'), import('../../../lib/ops/create.js')])
    const secret = buildGenericSecret({
      name,
      type: flags.type,
      fromFile,
      fromLiteral: flags['from-literal'] ?? [],
      fromEnvFile,
      appendHash: flags['append-hash'],
      env: process.env,
    })
    await runCreateObject(this.ctx(flags), secret, {...options, errorPrefix: 'failed to create secret '})
  }
}
