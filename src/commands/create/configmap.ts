import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {splitStringSlice} from '../../lib/create/string-slice.js'

const PATH = 'create configmap'

export default class CreateConfigMap extends CreateObjectCommand {
  static summary = 'Create a config map from a local file, directory or literal value'
  static description =
    'A single config map may package one or more key/value pairs.\n\n' +
    'When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the ' +
    'file content. If the basename is an invalid key, you may specify an alternate key.\n\n' +
    'When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into ' +
    'the config map. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).'
  static aliases = ['create:cm']
  static usage = 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a new config map named my-config based on folder bar\n<%= config.bin %> create configmap my-config --from-file=path/to/bar',
    '# Create a new config map named my-config with specified keys instead of file basenames on disk\n' +
      '<%= config.bin %> create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt',
    '# Create a new config map named my-config with key1=config1 and key2=config2\n' +
      '<%= config.bin %> create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2',
    '# Create a new config map named my-config from an env file\n' +
      '<%= config.bin %> create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    'from-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description:
        'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key ' +
        'and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory ' +
        'whose basename is a valid configmap key.',
    }),
    'from-literal': Flags.string({multiple: true, multipleNonGreedy: true, description: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)'}),
    'from-env-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Specify the path to a file to read lines of key=val pairs to create a configmap.',
    }),
    'append-hash': Flags.boolean({description: 'Append a hash of the configmap to its name.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateConfigMap)
    const fromFile = splitStringSlice(flags['from-file'], 'from-file', PATH)
    const fromEnvFile = splitStringSlice(flags['from-env-file'], 'from-env-file', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildConfigMap}, {runCreateObject}] = await Promise.all([import('../../lib/create/configmap.js'), import('../../lib/ops/create.js')])
    const configMap = buildConfigMap({name, fromFile, fromLiteral: flags['from-literal'] ?? [], fromEnvFile, appendHash: flags['append-hash'], env: process.env})
    await runCreateObject(this.ctx(flags), configMap, {...options, errorPrefix: 'failed to create configmap: '})
  }
}
