import {Flags} from '@oclif/core'
import {KubeCommand} from '../../lib/kube-command.js'

export default class TopNode extends KubeCommand {
  static summary = 'Display resource (CPU/memory) usage of nodes'
  static description = `Display resource (CPU/memory) usage of nodes.

The top-node command allows you to see the resource consumption of nodes.

This command needs a Metrics API (metrics.k8s.io, e.g. metrics-server) on the server; without one it fails with "Metrics API not available", as kubectl does. ktl reads the Metrics API as JSON, so kubectl's --use-protocol-buffers flag is not offered; nodes without metrics are listed last in the order the server lists nodes (kubectl's order is random).`
  static examples = ['# Show metrics for all nodes\n<%= config.bin %> top node', '# Show metrics for a given node\n<%= config.bin %> top node NODE_NAME']
  static usage = 'top node [NAME | -l label]'
  static hiddenAliases = ['top:nodes', 'top:no']
  static strict = false
  static flags = {
    'no-headers': Flags.boolean({description: 'If present, print output without headers'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    'show-capacity': Flags.boolean({description: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.'}),
    'sort-by': Flags.string({description: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'."}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(TopNode)
    const {runTopNode} = await import('../../lib/ops/top.js')
    await runTopNode(this.ctx(flags), {
      args: argv as string[],
      selector: flags.selector,
      noHeaders: flags['no-headers'],
      sortBy: flags['sort-by'],
      showCapacity: flags['show-capacity'],
    })
  }
}
