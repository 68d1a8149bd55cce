import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigGetUsers extends KubeCommand {
  static summary = 'Display users defined in the kubeconfig'
  static examples = ['<%= config.bin %> config get-users']
  static strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigGetUsers)
    const {runGetNames} = await import('../../lib/ops/config-contexts.js')
    await runGetNames(this.ctx(flags), {kind: 'users'})
  }
}
