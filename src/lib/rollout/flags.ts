// The flags every rollout subcommand shares, with kubectl's names, defaults and help text.
import {fieldManagerFlag as fieldManager, filenameFlag, recursiveFlag, selectorFlag} from '../flag-defs.js'
import {objectPrintFlags} from '../print-flags.js'

export const targetFlags = {
  filename: filenameFlag('identifying the resource to get from a server.'),
  recursive: recursiveFlag(),
  selector: selectorFlag(),
}

export const printFlags = objectPrintFlags

export const fieldManagerFlag = {
  'field-manager': fieldManager('kubectl-rollout'),
}

/** The options every subcommand passes to findTargets. */
export function targetOptions(argv: unknown[], flags: {filename?: string[]; recursive: boolean; selector?: string}) {
  return {args: argv as string[], filenames: flags.filename ?? [], recursive: flags.recursive, selector: flags.selector}
}

/** What differs from kubectl in -o, said once in each subcommand's help. */
export const OUTPUT_DIFFERENCES =
  'Differences from kubectl: an -o it cannot print is refused before anything is changed (kubectl makes the change, then fails to print it).'

/** What pause, resume and restart pass on: their flags are the same. */
export function patchOptions(
  argv: unknown[],
  flags: {filename?: string[]; recursive: boolean; selector?: string; output?: string; 'show-managed-fields': boolean; 'allow-missing-template-keys': boolean; template?: string; 'field-manager': string},
) {
  return {
    ...targetOptions(argv, flags),
    output: flags.output,
    showManagedFields: flags['show-managed-fields'],
    allowMissingTemplateKeys: flags['allow-missing-template-keys'],
    template: flags.template,
    fieldManager: flags['field-manager'],
  }
}
