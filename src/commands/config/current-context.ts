import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigCurrentContext extends KubeCommand {
  static summary = 'Display the current-context'
  static examples = ['<%= config.bin %> config current-context']
  // kubectl ignores extra arguments here
  static strict = false

  async run(): Promise<void> {
    const {flags} = await this.parse(ConfigCurrentContext)
    const {runCurrentContext} = await import('../../lib/ops/config-contexts.js')
    await runCurrentContext(this.ctx(flags))
  }
}
