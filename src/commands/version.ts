import {Flags} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'

export default class Version extends KubeCommand {
  static summary = 'Print the client and server version information'
  static description = 'Print the client and server version information for the current context.'
  static examples = ['<%= config.bin %> version', '<%= config.bin %> version --client', '<%= config.bin %> version -o json']
  static flags = {
    client: Flags.boolean({description: 'If true, shows client version only (no server required).'}),
    output: Flags.string({char: 'o', description: "One of 'yaml' or 'json'."}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Version)
    const {runVersion} = await import('../lib/ops/version.js')
    await runVersion(this.ctx(flags), {client: flags.client, output: flags.output})
  }
}
