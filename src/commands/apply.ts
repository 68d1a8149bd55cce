import {Flags} from '@oclif/core'
import {allowMissingTemplateKeysFlag, cascadeFlag, deleteTimeoutFlag, gracePeriodFlag, objectOutputFlag, templateFlag} from '../lib/flag-defs.js'
import {commandUsageError} from '../lib/errors.js'
import {intFlag, KubeCommand} from '../lib/kube-command.js'

export default class Apply extends KubeCommand {
  static summary = 'Apply a configuration to a resource by file name or stdin'
  static description =
    'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be ' +
    'created if it doesn\'t exist yet. JSON and YAML formats are accepted.\n\n' +
    'With --force, as in kubectl, an object whose patch the server refuses as Invalid (an immutable field changed) or ' +
    'keeps refusing with a Conflict is deleted (with --cascade and --grace-period), waited for (up to --timeout) and created ' +
    'from the manifest; if that create fails, the object as it was is created again.\n\n' +
    'Beyond kubectl:\n' +
    '  - Every document is read, validated and matched to a served type before anything is sent: one bad document changes ' +
    'nothing in the cluster, and every problem is listed.\n' +
    '  - Namespaces and CustomResourceDefinitions are applied first; custom resources of CRDs in the same input wait until ' +
    'their CRD is Established, so a CRD and its objects can be applied in one command.\n' +
    '  - Objects are applied several at a time (--concurrency); lines still print in manifest order.\n' +
    '  - Client-side apply reads the live objects of four or more of one type in one namespace with one LIST (kubectl ' +
    'GETs each), falling back to a GET each when the LIST is refused or the namespace holds many more of that type.\n' +
    '  - On a terminal, once applying has taken a second, stderr shows the object the next line waits for ' +
    '(Applying 37/200: deployment.apps/web), erased before each line and at the end; kubectl shows no progress. Piped, ' +
    'nothing extra is written.\n' +
    '  - --prune skips allowlisted types the server does not serve (kubectl fails on them); with --wait, ktl waits until the ' +
    'pruned objects are gone (kubectl 1.32 takes --wait and does not wait).\n' +
    '  - --dry-run=client -o yaml|json on an existing object prints it as the apply would leave it (the three-way patch ' +
    'applied to the live object); kubectl 1.32 prints the live object unchanged.'
  static examples = [
    '<%= config.bin %> apply -f ./pod.json',
    'cat pod.json | <%= config.bin %> apply -f -',
    '<%= config.bin %> apply -f manifests/ -R',
    '<%= config.bin %> apply --server-side -f app.yaml --field-manager=ci',
    '<%= config.bin %> apply --prune -f manifest.yaml -l app=nginx',
  ]
  // Arguments are refused in kubectl's words rather than taken for a subcommand.
  static strict = false
  static flags = {
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'The files that contain the configurations to apply.'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. ' +
        'If server strategy, submit server-side request without persisting the resource.',
    }),
    output: objectOutputFlag(),
    template: templateFlag(),
    'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
    'server-side': Flags.boolean({description: 'If true, apply runs in the server instead of the client.'}),
    'force-conflicts': Flags.boolean({description: 'If true, server-side apply will force the changes against conflicts.'}),
    force: Flags.boolean({
      description:
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    }),
    'field-manager': Flags.string({description: 'Name of the manager used to track field ownership. (default "kubectl-client-side-apply", or "kubectl" with --server-side)'}),
    overwrite: Flags.boolean({
      default: true,
      allowNo: true,
      description: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    }),
    prune: Flags.boolean({description: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.'}),
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types.'}),
    selector: Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'."}),
    'prune-allowlist': Flags.string({multiple: true, multipleNonGreedy: true, description: 'Overwrite the default allowlist with <group/version/kind> for --prune'}),
    validate: Flags.string({
      default: 'strict',
      description:
        'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail ' +
        'the request if invalid. "warn" will warn about unknown or duplicate fields without blocking the request. "false" or "ignore" ' +
        'will not perform any schema validation.',
    }),
    'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
    cascade: cascadeFlag(),
    'grace-period': gracePeriodFlag(),
    timeout: deleteTimeoutFlag(),
    wait: Flags.boolean({
      allowNo: true,
      description: 'If true, wait for resources to be gone before returning. This waits for finalizers. (Beyond kubectl 1.32, which takes the flag but does not wait: ktl waits for the objects --prune deleted.)',
    }),
    concurrency: intFlag({bits: 64, default: 8, description: 'How many objects to apply at once (beyond kubectl, which applies one at a time).'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Apply)
    if (argv.length > 0) throw commandUsageError('apply', `Unexpected args: [${argv.join(' ')}]`)
    const {parseDryRun, writeDryRunWarning} = await import('../lib/dry-run.js')
    const [{runApply}, {parseValidationMode}] = await Promise.all([import('../lib/ops/apply.js'), import('../lib/validate/mode.js')])
    const ctx = this.ctx(flags)
    const {dryRun, warning} = parseDryRun(flags['dry-run'])
    // kubectl's klog warning for the deprecated spellings (--dry-run alone, --dry-run=true).
    writeDryRunWarning(ctx.io.err, warning)
    await runApply(ctx, {
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      dryRun,
      serverSide: flags['server-side'],
      forceConflicts: flags['force-conflicts'],
      force: flags.force,
      fieldManager: flags['field-manager'],
      overwrite: flags.overwrite,
      prune: flags.prune,
      all: flags.all,
      selector: flags.selector,
      pruneAllowlist: flags['prune-allowlist'] ?? [],
      cascade: flags.cascade,
      gracePeriod: flags['grace-period'],
      timeoutMs: flags.timeout,
      wait: flags.wait,
      output: flags.output,
      template: flags.template,
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      validate: parseValidationMode(flags.validate),
      showManagedFields: flags['show-managed-fields'],
      concurrency: flags.concurrency,
    })
  }
}
