import {Flags} from '@oclif/core'
import {commandUsageError} from '../../lib/errors.js'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigView extends KubeCommand {
  static summary = 'Display merged kubeconfig settings or a specified kubeconfig file'
  static examples = ['<%= config.bin %> config view', '<%= config.bin %> config view --raw', '<%= config.bin %> config view --minify -o json']
  // Arguments are refused in kubectl's words rather than taken for a subcommand.
  static strict = false
  static flags = {
    flatten: Flags.boolean({description: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)'}),
    merge: Flags.boolean({allowNo: true, default: true, description: 'Merge the full hierarchy of kubeconfig files'}),
    minify: Flags.boolean({description: 'Remove all information not used by current-context from the output'}),
    output: Flags.string({char: 'o', default: 'yaml', description: 'Output format. One of: (json, yaml).'}),
    raw: Flags.boolean({description: 'Display raw byte data and sensitive data'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigView)
    if (argv.length > 0) throw commandUsageError('config view', `unexpected arguments: [${argv.join(' ')}]`)
    const {runConfigView} = await import('../../lib/ops/config-view.js')
    await runConfigView(this.ctx(flags), {flatten: flags.flatten, merge: flags.merge, minify: flags.minify, output: flags.output, raw: flags.raw})
  }
}
