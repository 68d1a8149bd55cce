import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateQuota extends CreateObjectCommand {
  static summary = 'Create a quota with the specified name'
  static description = 'Create a resource quota with the specified name, hard limits, and optional scopes.'
  static aliases = ['create:resourcequota']
  static usage = 'create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a new resource quota named my-quota\n<%= config.bin %> create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10',
    '# Create a new resource quota named best-effort\n<%= config.bin %> create quota best-effort --hard=pods=100 --scopes=BestEffort',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    hard: Flags.string({description: 'A comma-delimited set of resource=quantity pairs that define a hard limit.'}),
    scopes: Flags.string({description: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateQuota)
    const name = nameFromArgs(args, 'create quota')
    const options = createObjectOptions(flags)
    const [{buildQuota}, {runCreateObject}] = await Promise.all([import('../../lib/create/quota.js'), import('../../lib/ops/create.js')])
    const quota = buildQuota({name, hard: flags.hard ?? '', scopes: flags.scopes ?? ''})
    await runCreateObject(this.ctx(flags), quota, {...options, errorPrefix: 'failed to create quota: '})
  }
}
