import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateNamespace extends CreateObjectCommand {
  static summary = 'Create a namespace with the specified name'
  static aliases = ['create:ns']
  static usage = 'create namespace NAME [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new namespace named my-namespace\n<%= config.bin %> create namespace my-namespace']
  static strict = false
  static flags = createObjectFlags

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateNamespace)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, 'create namespace')
    const [{buildNamespace}, {runCreateObject}] = await Promise.all([import('../../lib/create/namespace.js'), import('../../lib/ops/create.js')])
    await runCreateObject(this.ctx(flags), buildNamespace({name}), options)
  }
}
