import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {splitStringSlice} from '../../lib/create/string-slice.js'

const PATH = 'create role'

export default class CreateRole extends CreateObjectCommand {
  static summary = 'Create a role with single rule'
  static usage = 'create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create role pod-reader --verb=get --verb=list --verb=watch --resource=pods',
    '# Create a role named "pod-reader" with ResourceName specified\n<%= config.bin %> create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
    '# Create a role named "foo" with API Group specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=rs.apps',
    '# Create a role named "foo" with SubResource specified\n<%= config.bin %> create role foo --verb=get,list,watch --resource=pods,pods/status',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    verb: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Verb that applies to the resources contained in the rule'}),
    resource: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Resource that the rule applies to'}),
    'resource-name': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items',
    }),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateRole)
    const verbs = splitStringSlice(flags.verb, 'verb', PATH)
    const resources = splitStringSlice(flags.resource, 'resource', PATH)
    const name = nameFromArgs(args, PATH)
    const options = createObjectOptions(flags)
    const {runCreateRole} = await import('../../lib/create/role.js')
    await runCreateRole(this.ctx(flags), {name, verbs, resources, resourceNames: flags['resource-name'] ?? []}, options)
  }
}
