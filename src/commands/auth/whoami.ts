import {KubeCommand} from '../../lib/kube-command.js'
import {objectPrintFlags} from '../../lib/print-flags.js'

export default class AuthWhoAmI extends KubeCommand {
  static summary = 'Experimental: Check self subject attributes'
  static description = `Experimental: Check who you are and your attributes (groups, extra).

This command is helpful to get yourself aware of the current user attributes, especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider, is enabled in the Kubernetes cluster.`
  static examples = ['# Get your subject attributes\n<%= config.bin %> auth whoami', '# Get your subject attributes in JSON format\n<%= config.bin %> auth whoami -o json']
  static usage = 'auth whoami'
  // kubectl takes and ignores arguments here.
  static strict = false
  static flags = {...objectPrintFlags}

  async run(): Promise<void> {
    const {flags} = await this.parse(AuthWhoAmI)
    const {runWhoAmI} = await import('../../lib/ops/auth-whoami.js')
    await runWhoAmI(this.ctx(flags), {
      output: flags.output ?? '',
      template: flags.template,
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      showManagedFields: flags['show-managed-fields'],
    })
  }
}
