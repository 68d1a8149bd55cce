import {Flags} from '@oclif/core'
import {CliError} from '../lib/errors.js'
import {KubeCommand} from '../lib/kube-command.js'
import {bareDryRun} from '../lib/ops/label-flags.js'

export default class Scale extends KubeCommand {
  static summary = 'Set a new size for a deployment, replica set, or replication controller'
  static description =
    'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n' +
    'Scale also allows users to specify one or more preconditions for the scale action.\n\n' +
    'If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is ' +
    'guaranteed that the precondition holds true when the scale is sent to the server.\n\n' +
    'Any type with a scale subresource can be scaled, custom resources included: ktl, like kubectl, sets the size through ' +
    'the object\'s /scale subresource. No Go templates in -o.'
  static usage = 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)'
  static examples = [
    "# Scale a replica set named 'foo' to 3\n<%= config.bin %> scale --replicas=3 rs/foo",
    '# Scale a resource identified by type and name specified in "foo.yaml" to 3\n<%= config.bin %> scale --replicas=3 -f foo.yaml',
    "# If the deployment named mysql's current size is 2, scale mysql to 3\n<%= config.bin %> scale --current-replicas=2 --replicas=3 deployment/mysql",
    '# Scale multiple replication controllers\n<%= config.bin %> scale --replicas=5 rc/example1 rc/example2 rc/example3',
    "# Scale stateful set named 'web' to 3\n<%= config.bin %> scale --replicas=3 statefulset/web",
  ]
  static strict = false
  static flags = {
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types'}),
    'allow-missing-template-keys': Flags.boolean({
      allowNo: true,
      default: true,
      description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    }),
    'current-replicas': Flags.integer({
      default: -1,
      description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    }),
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    }),
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'Filename, directory, or URL to files identifying the resource to set a new size'}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    replicas: Flags.integer({default: -1, description: 'The new desired number of replicas. Required.'}),
    'resource-version': Flags.string({description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    timeout: Flags.string({
      default: '0s',
      description:
        "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    }),
  }

  protected async init(): Promise<void> {
    this.argv = bareDryRun(this.argv)
    await super.init()
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    // cobra's MarkFlagRequired: checked before anything else.
    if (!this.argv.some((a) => a === '--replicas' || a.startsWith('--replicas='))) throw new CliError('error: required flag(s) "replicas" not set')
    const {runScale} = await import('../lib/ops/scale.js')
    await runScale(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      selector: flags.selector,
      all: flags.all,
      allNamespaces: false,
      replicas: flags.replicas,
      currentReplicas: flags['current-replicas'],
      resourceVersion: flags['resource-version'],
      timeout: flags.timeout,
      dryRun: flags['dry-run'],
      output: flags.output,
    })
  }
}
