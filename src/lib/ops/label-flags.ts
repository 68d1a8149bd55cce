// The flags label and annotate share (kubectl gives both the same set), so each command file stays thin.
import {Flags, type Interfaces} from '@oclif/core'
import {DRY_RUN_UNCHANGED} from '../dry-run.js'

export function metadataFlags(noun: 'label' | 'annotation', fieldManager: string) {
  const plural = noun === 'label' ? 'labels' : 'annotation'
  return {
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types'}),
    'all-namespaces': Flags.boolean({char: 'A', description: 'If true, check the specified action in all namespaces.'}),
    'allow-missing-template-keys': Flags.boolean({
      allowNo: true,
      default: true,
      description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
    }),
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    }),
    'field-manager': Flags.string({default: fieldManager, description: 'Name of the manager used to track field ownership.'}),
    'field-selector': Flags.string({
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: `Filename, directory, or URL to files identifying the resource to update the ${plural}`}),
    list: Flags.boolean({description: `If true, display the ${noun}s for a given resource. (ktl lists the keys sorted; kubectl in Go map order.)`}),
    local: Flags.boolean({description: `If true, ${noun} will NOT contact api-server but run locally.`}),
    output: Flags.string({
      char: 'o',
      description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).',
    }),
    overwrite: Flags.boolean({
      description:
        noun === 'label'
          ? 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.'
          : 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
    }),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    'resource-version': Flags.string({
      description: `If non-empty, the ${noun}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    }),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
  }
}

/** kubectl's --dry-run takes an optional value: alone, it never takes the next word. */
export function bareDryRun(argv: string[]): string[] {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length
  return argv.map((arg, i) => (i < end && arg === '--dry-run' ? `--dry-run=${DRY_RUN_UNCHANGED}` : arg))
}

export type MetadataFlags = Interfaces.InferredFlags<ReturnType<typeof metadataFlags>>

export function metadataOptions(args: string[], flags: MetadataFlags) {
  return {
    args,
    filenames: flags.filename ?? [],
    recursive: flags.recursive,
    selector: flags.selector,
    fieldSelector: flags['field-selector'],
    all: flags.all,
    allNamespaces: flags['all-namespaces'],
    overwrite: flags.overwrite,
    list: flags.list,
    local: flags.local,
    resourceVersion: flags['resource-version'],
    dryRun: flags['dry-run'],
    output: flags.output,
    fieldManager: flags['field-manager'],
    showManagedFields: flags['show-managed-fields'],
  }
}
