import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigDeleteContext extends KubeCommand {
  static summary = 'Delete the specified context from the kubeconfig'
  static description = 'Delete the specified context from the kubeconfig.'
  static examples = ['# Delete the context for the minikube cluster\n<%= config.bin %> config delete-context minikube']
  static usage = 'config delete-context NAME'
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteContext)
    // kubectl shows the help, and succeeds, when not given exactly one name.
    if (argv.length !== 1) return this.printHelp()
    const {runDeleteEntry} = await import('../../lib/ops/config-contexts.js')
    await runDeleteEntry(this.ctx(flags), {kind: 'contexts', name: argv[0] as string})
  }
}
