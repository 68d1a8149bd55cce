import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create service loadbalancer'

export default class CreateServiceLoadBalancer extends CreateObjectCommand {
  static summary = 'Create a LoadBalancer service'
  static description = 'Create a LoadBalancer service with the specified name.'
  static aliases = ['create:svc:loadbalancer']
  static usage = 'create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new LoadBalancer service named my-lbs\n<%= config.bin %> create service loadbalancer my-lbs --tcp=5678:8080']
  static strict = false
  static flags = {
    ...createObjectFlags,
    tcp: Flags.string({multiple: true, multipleNonGreedy: true, description: "Port pairs can be specified as '<port>:<targetPort>'."}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateServiceLoadBalancer)
    const tcp = splitStringSlice(flags.tcp, 'tcp', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildService}, {runCreateObject}] = await Promise.all([import('../../../lib/create/service.js'), import('../../../lib/ops/create.js')])
    const service = buildService({name, type: 'LoadBalancer', tcp})
    // kubectl's service generators never read --save-config
    await runCreateObject(this.ctx(flags), service, {...options, saveConfig: false, errorPrefix: 'failed to create LoadBalancer service: '})
  }
}
