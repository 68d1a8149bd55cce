// kubectl's print flags for commands that print the objects they work on (-o json|yaml|name|jsonpath),
// shared by rollout, wait and events.
import {Flags} from '@oclif/core'

export const objectPrintFlags = {
  'allow-missing-template-keys': Flags.boolean({
    allowNo: true,
    default: true,
    description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to jsonpath output formats.',
  }),
  output: Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).'}),
  'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
}

export const allNamespacesFlag = {
  'all-namespaces': Flags.boolean({
    char: 'A',
    description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  }),
}
