// The flags every `ktl create` command shares (kubectl's dry-run, print and apply-annotation flags),
// and the options they become.
import {Flags} from '@oclif/core'
import {parseDryRun} from '../dry-run.js'
import {allowMissingTemplateKeysFlag, objectOutputFlag, templateFlag} from '../flag-defs.js'
import type {CreateObjectOptions} from '../ops/create.js'
import {checkCreateOutput} from './output.js'

export const createObjectFlags = {
  'dry-run': Flags.string({
    description:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. ' +
      'If server strategy, submit server-side request without persisting the resource.',
    default: 'none',
  }),
  output: objectOutputFlag(),
  'save-config': Flags.boolean({
    description:
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. ' +
      'This flag is useful when you want to perform kubectl apply on this object in the future.',
  }),
  'field-manager': Flags.string({description: 'Name of the manager used to track field ownership.', default: 'kubectl-create'}),
  'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
  'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
  template: templateFlag(),
}

export interface CreateObjectFlags {
  'dry-run': string
  output?: string
  'save-config': boolean
  'field-manager': string
  'show-managed-fields': boolean
  'allow-missing-template-keys'?: boolean
  template?: string
}

/**
 * The options for runCreateObject/runCreate, with kubectl's errors for a bad --dry-run or -o format
 * (checked before anything else, as kubectl's Complete does; a bad jsonpath template is reported
 * when the printer is made).
 */
export function createObjectOptions(flags: CreateObjectFlags): CreateObjectOptions {
  const {dryRun, warning} = parseDryRun(flags['dry-run'])
  checkCreateOutput(flags.output ?? '', flags.template)
  return {
    dryRun,
    output: flags.output,
    saveConfig: flags['save-config'],
    fieldManager: flags['field-manager'],
    showManagedFields: flags['show-managed-fields'],
    allowMissingTemplateKeys: flags['allow-missing-template-keys'],
    template: flags.template,
    warnings: warning === undefined ? undefined : [warning],
  }
}
