import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create service clusterip'

export default class CreateServiceClusterIP extends CreateObjectCommand {
  static summary = 'Create a ClusterIP service'
  static description = 'Create a ClusterIP service with the specified name.'
  static aliases = ['create:svc:clusterip']
  static usage = 'create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new ClusterIP service named my-cs\n<%= config.bin %> create service clusterip my-cs --tcp=5678:8080', '# Create a new ClusterIP service named my-cs (in headless mode)\n<%= config.bin %> create service clusterip my-cs --clusterip="None"']
  static strict = false
  static flags = {
    ...createObjectFlags,
    tcp: Flags.string({multiple: true, multipleNonGreedy: true, description: "Port pairs can be specified as '<port>:<targetPort>'."}),
    clusterip: Flags.string({description: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).", default: ''}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateServiceClusterIP)
    const tcp = splitStringSlice(flags.tcp, 'tcp', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildService}, {runCreateObject}] = await Promise.all([import('../../../lib/create/service.js'), import('../../../lib/ops/create.js')])
    const service = buildService({name, type: 'ClusterIP', tcp, clusterIP: flags.clusterip})
    // kubectl's service generators never read --save-config
    await runCreateObject(this.ctx(flags), service, {...options, saveConfig: false, errorPrefix: 'failed to create ClusterIP service: '})
  }
}
