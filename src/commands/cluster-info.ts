import {KubeCommand} from '../lib/kube-command.js'

export default class ClusterInfo extends KubeCommand {
  static summary = 'Display cluster information'
  static description =
    'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.\n\n' +
    'Unlike kubectl, ktl has no `cluster-info dump` yet, so it does not advertise one.'
  static examples = ['<%= config.bin %> cluster-info']
  // kubectl ignores arguments here.
  static strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ClusterInfo)
    const {runClusterInfo} = await import('../lib/ops/cluster-info.js')
    await runClusterInfo(this.ctx(flags))
  }
}
