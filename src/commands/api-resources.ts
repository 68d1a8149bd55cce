import {Flags} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'

export default class ApiResources extends KubeCommand {
  static summary = 'Print the supported API resources on the server'
  static description = 'Print the supported API resources on the server.'
  static examples = [
    '<%= config.bin %> api-resources',
    '<%= config.bin %> api-resources -o wide',
    '<%= config.bin %> api-resources --sort-by=name',
    '<%= config.bin %> api-resources --namespaced=true',
    '<%= config.bin %> api-resources --namespaced=false',
    '<%= config.bin %> api-resources --api-group=rbac.authorization.k8s.io',
  ]
  static strict = false
  static flags = {
    'api-group': Flags.string({description: 'Limit to resources in the specified API group.'}),
    cached: Flags.boolean({description: 'Use the cached list of resources if available.'}),
    categories: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Limit to resources that belong to the specified categories.'}),
    namespaced: Flags.boolean({
      allowNo: true,
      description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    }),
    'no-headers': Flags.boolean({description: "When using the default or custom-column output format, don't print headers (default print headers)."}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (wide, name).'}),
    'sort-by': Flags.string({description: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'."}),
    verbs: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Limit to resources that support the specified verbs.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(ApiResources)
    const {runAPIResources} = await import('../lib/ops/api-resources.js')
    await runAPIResources(this.ctx(flags), {
      args: argv as string[],
      output: flags.output,
      sortBy: flags['sort-by'],
      apiGroup: flags['api-group'],
      namespaced: flags.namespaced,
      verbs: flags.verbs ?? [],
      categories: flags.categories ?? [],
      noHeaders: flags['no-headers'],
      cached: flags.cached,
    })
  }
}
