import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigDeleteCluster extends KubeCommand {
  static summary = 'Delete the specified cluster from the kubeconfig'
  static description = 'Delete the specified cluster from the kubeconfig.'
  static examples = ['# Delete the minikube cluster\n<%= config.bin %> config delete-cluster minikube']
  static usage = 'config delete-cluster NAME'
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigDeleteCluster)
    // kubectl shows the help, and succeeds, when not given exactly one name.
    if (argv.length !== 1) return this.printHelp()
    const {runDeleteEntry} = await import('../../lib/ops/config-contexts.js')
    await runDeleteEntry(this.ctx(flags), {kind: 'clusters', name: argv[0] as string})
  }
}
