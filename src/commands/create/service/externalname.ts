import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs, requiredFlagError} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create service externalname'

export default class CreateServiceExternalName extends CreateObjectCommand {
  static summary = 'Create an ExternalName service'
  static description = 'Create an ExternalName service with the specified name.'
  static aliases = ['create:svc:externalname']
  static usage = 'create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new ExternalName service named my-ns\n<%= config.bin %> create service externalname my-ns --external-name bar.com']
  static strict = false
  static flags = {
    ...createObjectFlags,
    tcp: Flags.string({multiple: true, multipleNonGreedy: true, description: "Port pairs can be specified as '<port>:<targetPort>'."}),
    'external-name': Flags.string({description: 'External name of service'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateServiceExternalName)
    const tcp = splitStringSlice(flags.tcp, 'tcp', PATH)
    if (flags['external-name'] === undefined) throw requiredFlagError('external-name')
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildService}, {runCreateObject}] = await Promise.all([import('../../../lib/create/service.js'), import('../../../lib/ops/create.js')])
    const service = buildService({name, type: 'ExternalName', tcp, externalName: flags['external-name']})
    // kubectl's service generators never read --save-config
    await runCreateObject(this.ctx(flags), service, {...options, saveConfig: false, errorPrefix: 'failed to create ExternalName service: '})
  }
}
