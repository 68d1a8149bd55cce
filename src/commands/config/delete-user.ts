import {commandUsageError} from '../../lib/errors.js'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigDeleteUser extends KubeCommand {
  static summary = 'Delete the specified user from the kubeconfig'
  static description = 'Delete the specified user from the kubeconfig.'
  static examples = ['# Delete the minikube user\n<%= config.bin %> config delete-user minikube']
  static usage = 'config delete-user NAME'
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteUser)
    if (argv.length !== 1) throw commandUsageError('config delete-user', 'user to delete is required')
    const {runDeleteEntry} = await import('../../lib/ops/config-contexts.js')
    await runDeleteEntry(this.ctx(flags), {kind: 'users', name: argv[0] as string})
  }
}
