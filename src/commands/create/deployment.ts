import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs, requiredFlagError} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {parseIntFlag} from '../../lib/int-flag.js'
import {splitStringSlice} from '../../lib/create/string-slice.js'
import {usageError} from '../../lib/errors.js'

const PATH = 'create deployment'

export default class CreateDeployment extends CreateObjectCommand {
  static summary = 'Create a deployment with the specified name'
  static aliases = ['create:deploy']
  static usage = 'create deployment NAME --image=image -- [COMMAND] [args...] [options]'
  static examples = [
    '# Create a deployment named my-dep that runs the busybox image\n<%= config.bin %> create deployment my-dep --image=busybox',
    '# Create a deployment with a command\n<%= config.bin %> create deployment my-dep --image=busybox -- date',
    '# Create a deployment named my-dep that runs the nginx image with 3 replicas\n<%= config.bin %> create deployment my-dep --image=nginx --replicas=3',
    '# Create a deployment named my-dep that runs the busybox image and expose port 5701\n<%= config.bin %> create deployment my-dep --image=busybox --port=5701',
    '# Create a deployment named my-dep that runs multiple containers\n<%= config.bin %> create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    image: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Image names to run. A deployment can have multiple images set for multi-container pod.'}),
    port: Flags.string({description: 'The containerPort that this deployment exposes.', default: '-1'}),
    replicas: Flags.string({char: 'r', description: 'Number of replicas to create. Default is 1.', default: '1'}),
  }

  async run(): Promise<void> {
    const {flags, args, afterDash} = await this.parseGenerator(CreateDeployment)
    if (flags.image === undefined) throw requiredFlagError('image')
    const images = splitStringSlice(flags.image, 'image', PATH)
    const port = parseIntFlag(flags.port, 32, 'port', PATH)
    const replicas = parseIntFlag(flags.replicas, 32, 'replicas', PATH, 'r')
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    if (images.length > 1 && afterDash.length > 0) throw usageError('cannot specify multiple --image options and command')
    const [{buildDeployment}, {runCreateObject}] = await Promise.all([import('../../lib/create/deployment.js'), import('../../lib/ops/create.js')])
    const deployment = buildDeployment({name, images, replicas, port, command: afterDash})
    await runCreateObject(this.ctx(flags), deployment, {...options, errorPrefix: 'failed to create deployment: '})
  }
}
