import {Flags} from '@oclif/core'
import {intFlag, KubeCommand} from '../lib/kube-command.js'
import {allNamespacesFlag, objectPrintFlags} from '../lib/print-flags.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Events extends KubeCommand {
  static summary = 'List events'
  static description =
    'Display events.\n\n' +
    'Prints a table of the most important information about events. You can request events for a namespace, for all ' +
    'namespace, or filtered to only those pertaining to a specified resource.\n\n' +
    'Differences from kubectl: with --watch, a watch the server closes is resumed from the last event seen (kubectl stops ' +
    'silently).\n\n' +
    TYPE_SUGGESTION_HELP
  static usage =
    'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]'
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
    ...allNamespacesFlag,
    ...objectPrintFlags,
    'chunk-size': intFlag({
      bits: 64,
      default: 500,
      description: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
    }),
    for: Flags.string({description: 'Filter events to only those pertaining to the specified resource.'}),
    'no-headers': Flags.boolean({description: "When using the default output format, don't print headers."}),
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
      template: flags.template,
      chunkSize: flags['chunk-size'],
    })
  }
}
