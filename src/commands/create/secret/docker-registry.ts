import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create secret docker-registry'

export default class CreateSecretDockerRegistry extends CreateObjectCommand {
  static summary = 'Create a secret for use with a Docker registry'
  static description =
    'Dockercfg secrets are used to authenticate against Docker registries.\n\n' +
    'When using the Docker command line to push images, you can authenticate to a given registry by running:\n' +
    "'$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n\n" +
    "That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the " +
    'registry. The email address is optional.\n\n' +
    'When creating applications, you may have a Docker registry that requires authentication. In order for the nodes to pull images ' +
    'on your behalf, they must have the credentials. You can provide this information by creating a dockercfg secret and attaching it ' +
    'to your service account.'
  static usage =
    'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] ' +
    '[--from-file=[key=]source] [--dry-run=server|client|none] [options]'
  static examples = [
    '# If you do not already have a .dockercfg file, create a dockercfg secret directly\n' +
      '<%= config.bin %> create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER ' +
      '--docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL',
    '# Create a new secret named my-secret from ~/.docker/config.json\n<%= config.bin %> create secret docker-registry my-secret --from-file=path/to/.docker/config.json',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    'docker-server': Flags.string({description: 'Server location for Docker registry', default: 'https://index.docker.io/v1/'}),
    'docker-username': Flags.string({description: 'Username for Docker registry authentication', default: ''}),
    'docker-password': Flags.string({description: 'Password for Docker registry authentication', default: ''}),
    'docker-email': Flags.string({description: 'Email for Docker registry', default: ''}),
    'from-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description:
        'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or ' +
        'optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named ' +
        'file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.',
    }),
    'append-hash': Flags.boolean({description: 'Append a hash of the secret to its name.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateSecretDockerRegistry)
    const fromFile = splitStringSlice(flags['from-file'], 'from-file', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildDockerRegistrySecret}, {runCreateObject}] = await Promise.all([import('../../../lib/create/secret.js'), import('../../../lib/ops/create.js')])
    const secret = buildDockerRegistrySecret({
      name,
      server: flags['docker-server'],
      username: flags['docker-username'],
      password: flags['docker-password'],
      email: flags['docker-email'],
      fromFile,
      appendHash: flags['append-hash'],
    })
    await runCreateObject(this.ctx(flags), secret, {...options, errorPrefix: 'failed to create secret '})
  }
}
