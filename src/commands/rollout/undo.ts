import {Flags} from '@oclif/core'
import {intFlag, KubeCommand} from '../../lib/kube-command.js'
import {OUTPUT_DIFFERENCES, printFlags, targetFlags, targetOptions} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutUndo extends KubeCommand {
  static summary = 'Undo a previous rollout'
  static description = 'Roll back to a previous rollout.\n\n' + OUTPUT_DIFFERENCES + '\n\n' + TYPE_SUGGESTION_HELP
  static usage = 'rollout undo (TYPE NAME | TYPE/NAME) [flags]'
  static examples = [
    '# Roll back to the previous deployment\n<%= config.bin %> rollout undo deployment/abc',
    '# Roll back to daemonset revision 3\n<%= config.bin %> rollout undo daemonset/abc --to-revision=3',
    '# Roll back to the previous deployment with dry-run\n<%= config.bin %> rollout undo --dry-run=server deployment/abc',
  ]
  static strict = false
  static flags = {
    ...targetFlags,
    ...printFlags,
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    }),
    'to-revision': intFlag({bits: 64, default: 0, description: 'The revision to rollback to. Default to 0 (last revision).'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutUndo)
    const {runRolloutUndo} = await import('../../lib/ops/rollout.js')
    await runRolloutUndo(this.ctx(flags), {
      ...targetOptions(argv, flags),
      toRevision: flags['to-revision'],
      dryRun: flags['dry-run'],
      output: flags.output,
      showManagedFields: flags['show-managed-fields'],
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
    })
  }
}
