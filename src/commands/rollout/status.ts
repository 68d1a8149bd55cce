import {Flags} from '@oclif/core'
import {durationFlag, intFlag, KubeCommand} from '../../lib/kube-command.js'
import {targetFlags, targetOptions} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutStatus extends KubeCommand {
  static summary = 'Show the status of the rollout'
  static description =
    'By default \'rollout status\' will watch the status of the latest rollout until it\'s done. If you don\'t want to wait for ' +
    'the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then \'rollout status\' ' +
    'will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by ' +
    'another revision, use --revision=N where N is the revision you need to watch for.\n\n' +
    'Beyond kubectl: when stdout is a terminal, each "Waiting for ..." line replaces the one before it in place, and the final ' +
    'line stays; piped, every line is printed as kubectl prints it.\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'rollout status (TYPE NAME | TYPE/NAME) [flags]'
  static examples = ['# Watch the rollout status of a deployment\n<%= config.bin %> rollout status deployment/nginx']
  static strict = false
  static flags = {
    ...targetFlags,
    revision: intFlag({bits: 64, default: 0, description: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).'}),
    timeout: durationFlag({
      default: '0s',
      description:
        'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    }),
    watch: Flags.boolean({char: 'w', allowNo: true, default: true, description: "Watch the status of the rollout until it's done."}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutStatus)
    const {runRolloutStatus} = await import('../../lib/ops/rollout-status.js')
    await runRolloutStatus(this.ctx(flags), {
      ...targetOptions(argv, flags),
      revision: flags.revision,
      watch: flags.watch,
      timeoutMs: flags.timeout,
    })
  }
}
