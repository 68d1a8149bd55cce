import {Args} from '@oclif/core'
import {usageError} from '../../lib/errors.js'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigUseContext extends KubeCommand {
  static summary = 'Set the current-context in a kubeconfig file'
  static hiddenAliases = ['config:use']
  static examples = ['<%= config.bin %> config use-context minikube']
  static strict = false
  static args = {name: Args.string({description: 'CONTEXT_NAME'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigUseContext)
    if (argv.length !== 1) {
      throw usageError(`Unexpected args: [${argv.join(' ')}]\nSee '${this.config.bin} config use-context --help' for usage.`)
    }
    const {runUseContext} = await import('../../lib/ops/config-contexts.js')
    await runUseContext(this.ctx(flags), {name: argv[0] as string})
  }
}
