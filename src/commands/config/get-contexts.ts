import {Args, Flags} from '@oclif/core'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigGetContexts extends KubeCommand {
  static summary = 'Describe one or many contexts'
  static description = 'Display one or many contexts from the kubeconfig file.'
  static examples = ['<%= config.bin %> config get-contexts', '<%= config.bin %> config get-contexts my-context']
  static strict = false
  static args = {name: Args.string({description: 'context names to show'})}
  static flags = {
    'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers)."}),
    output: Flags.string({char: 'o', default: '', description: 'Output format. One of: (name).'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigGetContexts)
    const {runGetContexts} = await import('../../lib/ops/config-contexts.js')
    await runGetContexts(this.ctx(flags), {names: argv as string[], output: flags.output, noHeaders: flags['no-headers']})
  }
}
