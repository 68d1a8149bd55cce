import {intFlag, KubeCommand} from '../../lib/kube-command.js'
import {OUTPUT_DIFFERENCES, printFlags, targetFlags, targetOptions} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutHistory extends KubeCommand {
  static summary = 'View rollout history'
  static description =
    'View previous rollout revisions and configurations.\n\n' +
    'Beyond kubectl: with -o and a --revision that does not exist, ktl reports "unable to find the specified revision" ' +
    '(kubectl 1.32 crashes). ' +
    OUTPUT_DIFFERENCES +
    '\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'rollout history (TYPE NAME | TYPE/NAME) [flags]'
  static examples = [
    '# View the rollout history of a deployment\n<%= config.bin %> rollout history deployment/abc',
    '# View the details of daemonset revision 3\n<%= config.bin %> rollout history daemonset/abc --revision=3',
  ]
  static strict = false
  static flags = {
    ...targetFlags,
    ...printFlags,
    revision: intFlag({bits: 64, default: 0, description: 'See the details, including podTemplate of the revision specified'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutHistory)
    const {runRolloutHistory} = await import('../../lib/ops/rollout.js')
    await runRolloutHistory(this.ctx(flags), {
      ...targetOptions(argv, flags),
      revision: flags.revision,
      output: flags.output,
      showManagedFields: flags['show-managed-fields'],
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
    })
  }
}
