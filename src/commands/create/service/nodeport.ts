import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../../lib/create/flags.js'
import {parseIntFlag} from '../../../lib/int-flag.js'
import {splitStringSlice} from '../../../lib/create/string-slice.js'

const PATH = 'create service nodeport'

export default class CreateServiceNodePort extends CreateObjectCommand {
  static summary = 'Create a NodePort service'
  static description = 'Create a NodePort service with the specified name.'
  static aliases = ['create:svc:nodeport']
  static usage = 'create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]'
  static examples = ['# Create a new NodePort service named my-ns\n<%= config.bin %> create service nodeport my-ns --tcp=5678:8080']
  static strict = false
  static flags = {
    ...createObjectFlags,
    tcp: Flags.string({multiple: true, multipleNonGreedy: true, description: "Port pairs can be specified as '<port>:<targetPort>'."}),
    'node-port': Flags.string({description: 'Port used to expose the service on each node in a cluster.', default: '0'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateServiceNodePort)
    const tcp = splitStringSlice(flags.tcp, 'tcp', PATH)
    const nodePort = parseIntFlag(flags['node-port'], 64, 'node-port', PATH)
    const options = createObjectOptions(flags)
    const name = nameFromArgs(args, PATH)
    const [{buildService}, {runCreateObject}] = await Promise.all([import('../../../lib/create/service.js'), import('../../../lib/ops/create.js')])
    const service = buildService({name, type: 'NodePort', tcp, nodePort})
    // kubectl's service generators never read --save-config
    await runCreateObject(this.ctx(flags), service, {...options, saveConfig: false, errorPrefix: 'failed to create NodePort service: '})
  }
}
