// The flags label and annotate share (kubectl gives both the same set), so each command file stays thin.
import {Flags, type Interfaces} from '@oclif/core'
import {allowMissingTemplateKeysFlag, dryRunFlag, fieldManagerFlag, filenameFlag, objectOutputFlag, recursiveFlag, selectorFlag, showManagedFieldsFlag, templateFlag} from '../flag-defs.js'

export function metadataFlags(noun: 'label' | 'annotation', fieldManager: string) {
  const plural = noun === 'label' ? 'labels' : 'annotation'
  return {
    all: Flags.boolean({description: 'Select all resources, in the namespace of the specified resource types'}),
    'all-namespaces': Flags.boolean({char: 'A', description: 'If true, check the specified action in all namespaces.'}),
    'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
    'dry-run': dryRunFlag(),
    'field-manager': fieldManagerFlag(fieldManager),
    'field-selector': Flags.string({
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: filenameFlag(`identifying the resource to update the ${plural}`),
    list: Flags.boolean({description: `If true, display the ${noun}s for a given resource. (ktl lists the keys sorted; kubectl in Go map order.)`}),
    local: Flags.boolean({description: `If true, ${noun} will NOT contact api-server but run locally.`}),
    output: objectOutputFlag(),
    overwrite: Flags.boolean({
      description:
        noun === 'label'
          ? 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.'
          : 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.',
    }),
    recursive: recursiveFlag(),
    'resource-version': Flags.string({
      description: `If non-empty, the ${noun}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    }),
    selector: selectorFlag(),
    'show-managed-fields': showManagedFieldsFlag(),
    template: templateFlag(),
  }
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
    allowMissingTemplateKeys: flags['allow-missing-template-keys'],
    template: flags.template,
  }
}
