import {KubeCommand} from '../../lib/kube-command.js'
import {fieldManagerFlag, OUTPUT_DIFFERENCES, patchOptions, printFlags, targetFlags} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutResume extends KubeCommand {
  static summary = 'Resume a paused resource'
  static description =
    'Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. ' +
    'Currently only deployments support being resumed.\n\n' +
    OUTPUT_DIFFERENCES +
    '\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'rollout resume RESOURCE'
  static examples = ['# Resume an already paused deployment\n<%= config.bin %> rollout resume deployment/nginx']
  static strict = false
  static flags = {...targetFlags, ...printFlags, ...fieldManagerFlag}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutResume)
    const {runRolloutPatch} = await import('../../lib/ops/rollout.js')
    await runRolloutPatch(this.ctx(flags), {...patchOptions(argv, flags), verb: 'resume'})
  }
}
