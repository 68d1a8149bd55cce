import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreatePodDisruptionBudget extends CreateObjectCommand {
  static summary = 'Create a pod disruption budget with the specified name'
  static description = 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.'
  static aliases = ['create:pdb']
  static usage = 'create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n# and require at least one of them being available at any point in time\n<%= config.bin %> create poddisruptionbudget my-pdb --selector=app=rails --min-available=1',
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n# and require at least half of the pods selected to be available at any point in time\n<%= config.bin %> create pdb my-pdb --selector=app=nginx --min-available=50%',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    'min-available': Flags.string({description: 'The minimum number or percentage of available pods this budget requires.'}),
    'max-unavailable': Flags.string({description: 'The maximum number or percentage of unavailable pods this budget requires.'}),
    selector: Flags.string({description: 'A label selector to use for this budget. Only equality-based selector requirements are supported.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreatePodDisruptionBudget)
    const name = nameFromArgs(args, 'create poddisruptionbudget')
    const options = createObjectOptions(flags)
    const [{buildPodDisruptionBudget, validatePodDisruptionBudget}, {runCreateObject}] = await Promise.all([
      import('../../lib/create/pod-disruption-budget.js'),
      import('../../lib/ops/create.js'),
    ])
    const budget = {name, selector: flags.selector ?? '', minAvailable: flags['min-available'] ?? '', maxUnavailable: flags['max-unavailable'] ?? ''}
    validatePodDisruptionBudget(budget)
    await runCreateObject(this.ctx(flags), buildPodDisruptionBudget(budget), {...options, errorPrefix: 'failed to create poddisruptionbudgets: '})
  }
}
