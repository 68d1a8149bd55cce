import {Flags} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'

export default class Events extends KubeCommand {
  static summary = 'List events'
  static description =
    'Display events.\n\n' +
    'Prints a table of the most important information about events. You can request events for a namespace, for all ' +
    'namespace, or filtered to only those pertaining to a specified resource.\n\n' +
    'Differences from kubectl: with --watch, a watch the server closes is resumed from the last event seen (kubectl stops ' +
    'silently); ktl has no Go templates (-o go-template and template are not offered).'
  static usage =
    'events [(-o|--output=)json|yaml|name|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]'
  static examples = [
    '# List recent events in the default namespace\n<%= config.bin %> events',
    '# List recent events in all namespaces\n<%= config.bin %> events --all-namespaces',
    '# List recent events for the specified pod, then wait for more events and list them as they arrive\n<%= config.bin %> events --for pod/web-pod-13je7 --watch',
    '# List recent events in YAML format\n<%= config.bin %> events -oyaml',
    "# List recent only events of type 'Warning' or 'Normal'\n<%= config.bin %> events --types=Warning,Normal",
  ]
  // kubectl takes and ignores positional arguments here.
  static strict = false
  static flags = {
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    }),
    'allow-missing-template-keys': Flags.boolean({
      allowNo: true,
      default: true,
      description: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to jsonpath output formats.',
    }),
    'chunk-size': Flags.integer({
      default: 500,
      description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
    }),
    for: Flags.string({description: 'Filter events to only those pertaining to the specified resource.'}),
    'no-headers': Flags.boolean({description: "When using the default output format, don't print headers."}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, jsonpath, jsonpath-as-json, jsonpath-file).'}),
    'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
    types: Flags.string({multiple: true, description: 'Output only events of given types.'}),
    watch: Flags.boolean({char: 'w', description: 'After listing the requested events, watch for more events.'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Events)
    const {runEvents} = await import('../lib/ops/events.js')
    await runEvents(this.ctx(flags), {
      allNamespaces: flags['all-namespaces'],
      for: flags.for,
      types: flags.types ?? [],
      watch: flags.watch,
      noHeaders: flags['no-headers'],
      output: flags.output,
      showManagedFields: flags['show-managed-fields'],
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      chunkSize: flags['chunk-size'],
    })
  }
}
