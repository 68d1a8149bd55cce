import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateServiceAccount extends CreateObjectCommand {
  static summary = 'Create a service account with the specified name'
  static aliases = ['create:sa']
  static usage = 'create serviceaccount NAME [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new service account named my-service-account\n<%= config.bin %> create serviceaccount my-service-account']
  static strict = false
  static flags = createObjectFlags

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateServiceAccount)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, 'create serviceaccount')
    const [{buildServiceAccount}, {runCreateObject}] = await Promise.all([import('../../lib/create/service-account.js'), import('../../lib/ops/create.js')])
    await runCreateObject(this.ctx(flags), buildServiceAccount({name}), {...options, errorPrefix: 'failed to create serviceaccount: '})
  }
}
