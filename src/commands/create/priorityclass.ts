import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {parseIntFlag} from '../../lib/int-flag.js'

const PATH = 'create priorityclass'

export default class CreatePriorityClass extends CreateObjectCommand {
  static summary = 'Create a priority class with the specified name'
  static description = 'Create a priority class with the specified name, value, globalDefault and description.'
  static aliases = ['create:pc']
  static usage = 'create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a priority class named high-priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority"',
    '# Create a priority class named default-priority that is considered as the global default priority\n<%= config.bin %> create priorityclass default-priority --value=1000 --global-default=true --description="default priority"',
    '# Create a priority class named high-priority that cannot preempt pods with lower priority\n<%= config.bin %> create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    value: Flags.string({description: 'the value of this priority class.', default: '0'}),
    'global-default': Flags.boolean({description: 'global-default specifies whether this PriorityClass should be considered as the default priority.'}),
    description: Flags.string({description: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.'}),
    'preemption-policy': Flags.string({description: 'preemption-policy is the policy for preempting pods with lower priority.', default: 'PreemptLowerPriority'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreatePriorityClass)
    const value = parseIntFlag(flags.value, 32, 'value', PATH)
    const name = nameFromArgs(args, PATH)
    const options = createObjectOptions(flags)
    const [{buildPriorityClass}, {runCreateObject}] = await Promise.all([import('../../lib/create/priority-class.js'), import('../../lib/ops/create.js')])
    const priorityClass = buildPriorityClass({
      name,
      value,
      globalDefault: flags['global-default'],
      description: flags.description ?? '',
      preemptionPolicy: flags['preemption-policy'],
    })
    await runCreateObject(this.ctx(flags), priorityClass, {...options, errorPrefix: 'failed to create priorityclass: '})
  }
}
