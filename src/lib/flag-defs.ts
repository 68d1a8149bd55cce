// Flags several verbs define with kubectl's same words, defined once.
import {Flags} from '@oclif/core'
import {durationFlag, intFlag} from './kube-command.js'

export const dryRunFlag = () =>
  Flags.string({
    default: 'none',
    description:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  })

export const allowMissingTemplateKeysFlag = () =>
  Flags.boolean({
    allowNo: true,
    default: true,
    description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  })

export const recursiveFlag = () =>
  Flags.boolean({
    char: 'R',
    description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  })

export const selectorFlag = () =>
  Flags.string({
    char: 'l',
    description:
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
  })

export const showManagedFieldsFlag = () => Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'})

export const fieldManagerFlag = (name: string) => Flags.string({default: name, description: 'Name of the manager used to track field ownership.'})

export const filenameFlag = (usage: string) => Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: `Filename, directory, or URL to files ${usage}`})

/** -o for verbs that print objects the way create does. */
export const objectOutputFlag = () =>
  Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'})

/** --template, the template of -o go-template, jsonpath and their -file forms when not given after `=`. */
export const templateFlag = () =>
  Flags.string({
    description:
      'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  })

/** How deleted objects' dependents go (delete, and apply's --prune). */
export const cascadeFlag = () =>
  Flags.string({
    default: 'background',
    description:
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
  })

export const gracePeriodFlag = () =>
  intFlag({
    bits: 64,
    default: -1,
    description:
      'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
  })

/** --timeout of a delete's wait (delete, and apply's --prune). */
export const deleteTimeoutFlag = () =>
  durationFlag({
    default: '0s',
    description: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
  })
