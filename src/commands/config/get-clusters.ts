import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigGetClusters extends KubeCommand {
  static summary = 'Display clusters defined in the kubeconfig'
  static examples = ['<%= config.bin %> config get-clusters']
  static strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigGetClusters)
    const {runGetNames} = await import('../../lib/ops/config-contexts.js')
    await runGetNames(this.ctx(flags), {kind: 'clusters'})
  }
}
