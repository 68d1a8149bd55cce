import {Flags} from '@oclif/core'
import {allowMissingTemplateKeysFlag, dryRunFlag, filenameFlag, objectOutputFlag, recursiveFlag, selectorFlag, templateFlag} from '../lib/flag-defs.js'
import {CliError} from '../lib/errors.js'
import {durationFlag, intFlag, KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Scale extends KubeCommand {
  static summary = 'Set a new size for a deployment, replica set, or replication controller'
  static description =
    'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n' +
    'Scale also allows users to specify one or more preconditions for the scale action.\n\n' +
    'If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is ' +
    'guaranteed that the precondition holds true when the scale is sent to the server.\n\n' +
    'Any type with a scale subresource can be scaled, custom resources included: ktl, like kubectl, sets the size through ' +
    'the object\'s /scale subresource.\n\n' +
    TYPE_SUGGESTION_HELP
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
    'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
    'current-replicas': intFlag({
      bits: 64,
      default: -1,
      description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    }),
    'dry-run': dryRunFlag(),
    filename: filenameFlag('identifying the resource to set a new size'),
    output: objectOutputFlag(),
    recursive: recursiveFlag(),
    replicas: intFlag({bits: 64, default: -1, description: 'The new desired number of replicas. Required.'}),
    'resource-version': Flags.string({description: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.'}),
    selector: selectorFlag(),
    template: templateFlag(),
    timeout: durationFlag({
      default: '0s',
      description:
        "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Scale)
    // pflag reads every value (oclif's parse above) before cobra's MarkFlagRequired check.
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
      timeoutMs: flags.timeout,
      dryRun: flags['dry-run'],
      output: flags.output,
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
    })
  }
}
