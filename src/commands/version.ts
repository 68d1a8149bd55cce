import {Flags} from '@oclif/core'
import {usageError} from '../lib/errors.js'
import {KubeCommand} from '../lib/kube-command.js'

export default class Version extends KubeCommand {
  static summary = 'Print the client and server version information'
  static description = 'Print the client and server version information for the current context.'
  static examples = ['<%= config.bin %> version', '<%= config.bin %> version --client', '<%= config.bin %> version -o json']
  // kubectl refuses arguments only when it would ask the server (not with --client).
  static strict = false
  static flags = {
    client: Flags.boolean({description: 'If true, shows client version only (no server required).'}),
    output: Flags.string({char: 'o', description: "One of 'yaml' or 'json'."}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Version)
    if (argv.length > 0 && !flags.client) throw usageError(`extra arguments: [${argv.join(' ')}]`)
    const {runVersion} = await import('../lib/ops/version.js')
    await runVersion(this.ctx(flags), {client: flags.client, output: flags.output})
  }
}
