import {KubeCommand} from '../../lib/kube-command.js'
import {fieldManagerFlag, OUTPUT_DIFFERENCES, patchOptions, printFlags, targetFlags} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutPause extends KubeCommand {
  static summary = 'Mark the provided resource as paused'
  static description =
    'Paused resources will not be reconciled by a controller. Use "ktl rollout resume" to resume a paused resource. ' +
    'Currently only deployments support being paused.\n\n' +
    OUTPUT_DIFFERENCES +
    '\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'rollout pause RESOURCE'
  static examples = [
    '# Mark the nginx deployment as paused\n# Any current state of the deployment will continue its function; new updates\n# to the deployment will not have an effect as long as the deployment is paused\n<%= config.bin %> rollout pause deployment/nginx',
  ]
  static strict = false
  static flags = {...targetFlags, ...printFlags, ...fieldManagerFlag}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutPause)
    const {runRolloutPatch} = await import('../../lib/ops/rollout.js')
    await runRolloutPatch(this.ctx(flags), {...patchOptions(argv, flags), verb: 'pause'})
  }
}
