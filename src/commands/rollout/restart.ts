import {KubeCommand} from '../../lib/kube-command.js'
import {fieldManagerFlag, OUTPUT_DIFFERENCES, patchOptions, printFlags, targetFlags} from '../../lib/rollout/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class RolloutRestart extends KubeCommand {
  static summary = 'Restart a resource'
  static description =
    'Resource rollout will be restarted: the pod template gets a kubectl.kubernetes.io/restartedAt annotation with the ' +
    'current time, so its controller replaces every pod. Deployments, daemon sets and stateful sets can be restarted; a paused ' +
    'deployment must be resumed first.\n\n' +
    OUTPUT_DIFFERENCES +
    '\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'rollout restart RESOURCE'
  static examples = [
    '# Restart all deployments in the test-namespace namespace\n<%= config.bin %> rollout restart deployment -n test-namespace',
    '# Restart a deployment\n<%= config.bin %> rollout restart deployment/nginx',
    '# Restart a daemon set\n<%= config.bin %> rollout restart daemonset/abc',
    '# Restart deployments with the app=nginx label\n<%= config.bin %> rollout restart deployment --selector=app=nginx',
  ]
  static strict = false
  static flags = {...targetFlags, ...printFlags, ...fieldManagerFlag}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(RolloutRestart)
    const {runRolloutPatch} = await import('../../lib/ops/rollout.js')
    await runRolloutPatch(this.ctx(flags), {...patchOptions(argv, flags), verb: 'restart'})
  }
}
