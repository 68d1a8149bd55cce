import {KubeCommand} from '../lib/kube-command.js'

export default class ApiVersions extends KubeCommand {
  static summary = 'Print the supported API versions on the server, in the form of "group/version"'
  static description = 'Print the supported API versions on the server, in the form of "group/version".'
  static examples = ['<%= config.bin %> api-versions']
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ApiVersions)
    const {runAPIVersions} = await import('../lib/ops/api-versions.js')
    await runAPIVersions(this.ctx(flags), {args: argv as string[]})
  }
}
