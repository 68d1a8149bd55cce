import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {mapStringString} from '../../lib/create/create-b-args.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {splitStringSlice} from '../../lib/create/string-slice.js'

const PATH = 'create clusterrole'

export default class CreateClusterRole extends CreateObjectCommand {
  static summary = 'Create a cluster role'
  static usage = 'create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n<%= config.bin %> create clusterrole pod-reader --verb=get,list,watch --resource=pods',
    '# Create a cluster role named "pod-reader" with ResourceName specified\n<%= config.bin %> create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod',
    '# Create a cluster role named "foo" with API Group specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=rs.apps',
    '# Create a cluster role named "foo" with SubResource specified\n<%= config.bin %> create clusterrole foo --verb=get,list,watch --resource=pods,pods/status',
    '# Create a cluster role name "foo" with NonResourceURL specified\n<%= config.bin %> create clusterrole "foo" --verb=get --non-resource-url=/logs/*',
    '# Create a cluster role name "monitoring" with AggregationRule specified\n<%= config.bin %> create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    verb: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Verb that applies to the resources contained in the rule'}),
    'non-resource-url': Flags.string({multiple: true, multipleNonGreedy: true, description: 'A partial url that user should have access to.'}),
    resource: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Resource that the rule applies to'}),
    'resource-name': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items',
    }),
    'aggregation-rule': Flags.string({multiple: true, multipleNonGreedy: true, description: 'An aggregation label selector for combining ClusterRoles.'}),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateClusterRole)
    const verbs = splitStringSlice(flags.verb, 'verb', PATH)
    const nonResourceURLs = splitStringSlice(flags['non-resource-url'], 'non-resource-url', PATH)
    const resources = splitStringSlice(flags.resource, 'resource', PATH)
    const aggregationLabels = mapStringString(flags['aggregation-rule'], 'aggregation-rule', PATH)
    const name = nameFromArgs(args, PATH)
    const options = createObjectOptions(flags)
    const {runCreateClusterRole} = await import('../../lib/create/cluster-role.js')
    await runCreateClusterRole(
      this.ctx(flags),
      {name, verbs, resources, resourceNames: flags['resource-name'] ?? [], nonResourceURLs, aggregationLabels},
      options,
    )
  }
}
