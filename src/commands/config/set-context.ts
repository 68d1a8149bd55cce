import {Args, Flags} from '@oclif/core'
import {usageError} from '../../lib/errors.js'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigSetContext extends KubeCommand {
  static summary = 'Set a context entry in kubeconfig'
  static description = 'Set a context entry in kubeconfig.\n\nSpecifying a name that already exists will merge new fields on top of existing values for those fields.'
  static examples = ['<%= config.bin %> config set-context gce --user=cluster-admin', '<%= config.bin %> config set-context --current --namespace=dev']
  static strict = false
  static args = {name: Args.string({description: 'NAME'})}
  // These shadow the global flags of the same names: here they are the values to store.
  static flags = {
    cluster: Flags.string({description: 'cluster for the context entry in kubeconfig'}),
    current: Flags.boolean({description: 'Modify the current context'}),
    namespace: Flags.string({description: 'namespace for the context entry in kubeconfig'}),
    user: Flags.string({description: 'user for the context entry in kubeconfig'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigSetContext)
    if (argv.length > 1) throw usageError(`Unexpected args: [${argv.join(' ')}]\nSee '${this.config.bin} config set-context --help' for usage.`)
    const {runSetContext} = await import('../../lib/ops/config-contexts.js')
    await runSetContext(this.ctx({...flags, cluster: undefined, namespace: undefined, user: undefined}), {
      name: (argv[0] as string | undefined) ?? '',
      current: flags.current,
      cluster: flags.cluster,
      user: flags.user,
      namespace: flags.namespace,
    })
  }
}
