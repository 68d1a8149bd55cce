import {CliError} from '../../lib/errors.js'
import {KubeCommand} from '../../lib/kube-command.js'

export default class ConfigRenameContext extends KubeCommand {
  static summary = 'Rename a context from the kubeconfig file'
  static description = `Renames a context from the kubeconfig file.

CONTEXT_NAME is the context name that you want to change.

NEW_NAME is the new name you want to set.

Note: If the context being renamed is the 'current-context', this field will also be updated.`
  static examples = ["# Rename the context 'old-name' to 'new-name' in your kubeconfig file\n<%= config.bin %> config rename-context old-name new-name"]
  static usage = 'config rename-context CONTEXT_NAME NEW_NAME'
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ConfigRenameContext)
    if (argv.length !== 2) {
      // kubectl shows the help, then fails.
      await this.printHelp()
      throw new CliError(`error: Unexpected args: [${argv.join(' ')}]`)
    }
    const {runRenameContext} = await import('../../lib/ops/config-contexts.js')
    await runRenameContext(this.ctx(flags), {from: argv[0] as string, to: argv[1] as string})
  }
}
