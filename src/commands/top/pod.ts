import {Flags} from '@oclif/core'
import {KubeCommand} from '../../lib/kube-command.js'

export default class TopPod extends KubeCommand {
  static summary = 'Display resource (CPU/memory) usage of pods'
  static description = `Display resource (CPU/memory) usage of pods.

The 'top pod' command allows you to see the resource consumption of pods.

Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.

This command needs a Metrics API (metrics.k8s.io, e.g. metrics-server) on the server; without one it fails with "Metrics API not available", as kubectl does. ktl reads the Metrics API as JSON, so kubectl's --use-protocol-buffers flag is not offered.`
  static examples = [
    '# Show metrics for all pods in the default namespace\n<%= config.bin %> top pod',
    '# Show metrics for all pods in the given namespace\n<%= config.bin %> top pod --namespace=NAMESPACE',
    '# Show metrics for a given pod and its containers\n<%= config.bin %> top pod POD_NAME --containers',
    '# Show metrics for the pods defined by label name=myLabel\n<%= config.bin %> top pod -l name=myLabel',
  ]
  static usage = 'top pod [NAME | -l label]'
  static hiddenAliases = ['top:pods', 'top:po']
  static strict = false
  static flags = {
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    }),
    containers: Flags.boolean({description: 'If present, print usage of containers within a pod.'}),
    'field-selector': Flags.string({
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    'no-headers': Flags.boolean({description: 'If present, print output without headers.'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    'sort-by': Flags.string({description: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."}),
    sum: Flags.boolean({description: 'Print the sum of the resource usage'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(TopPod)
    const {runTopPod} = await import('../../lib/ops/top.js')
    await runTopPod(this.ctx(flags), {
      args: argv as string[],
      allNamespaces: flags['all-namespaces'],
      containers: flags.containers,
      fieldSelector: flags['field-selector'],
      selector: flags.selector,
      noHeaders: flags['no-headers'],
      sortBy: flags['sort-by'],
      sum: flags.sum,
    })
  }
}
