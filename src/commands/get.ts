import {Flags} from '@oclif/core'
import {allowMissingTemplateKeysFlag, templateFlag} from '../lib/flag-defs.js'
import {intFlag, KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Get extends KubeCommand {
  static summary = 'Display one or many resources'
  static description =
    'Prints a table of the most important information about the specified resources. You can filter the list using a label ' +
    'selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current ' +
    'namespace unless you pass --all-namespaces.\n\nUse "ktl api-resources" for a complete list of supported resources.\n\n' +
    TYPE_SUGGESTION_HELP
  static examples = [
    '<%= config.bin %> get pods',
    '<%= config.bin %> get pods -o wide',
    '<%= config.bin %> get deployment,services -A',
    '<%= config.bin %> get pod web-1 -o jsonpath=\'{.status.podIP}\'',
    '<%= config.bin %> get pods -o go-template=\'{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}\'',
    '<%= config.bin %> get pods --sort-by=.metadata.creationTimestamp',
    '<%= config.bin %> get cm -L app -l tier=backend',
    '<%= config.bin %> get -f ./pod.yaml -o json',
    '<%= config.bin %> get pods --watch-table',
  ]
  static strict = false
  static flags = {
    output: Flags.string({
      char: 'o',
      description:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). ' +
        'See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
    }),
    template: templateFlag(),
    'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'Filename, directory, or URL to files identifying the resource to get from a server.'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    'all-namespaces': Flags.boolean({char: 'A', description: 'If present, list the requested object(s) across all namespaces.'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'. With -f it keeps the named objects whose live " +
        'labels match, in every output format (kubectl prints no table rows at all in that case).',
    }),
    'field-selector': Flags.string({description: 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.'}),
    'show-labels': Flags.boolean({description: 'When printing, show all labels as the last column.'}),
    'label-columns': Flags.string({char: 'L', multiple: true, multipleNonGreedy: true, description: 'Accepts a comma separated list of labels that are going to be presented as columns.'}),
    'sort-by': Flags.string({description: 'If non-empty, sort list types using this field specification (a JSONPath expression).'}),
    'no-headers': Flags.boolean({description: 'When using the default or custom-column output format, don\'t print headers.'}),
    'show-kind': Flags.boolean({description: 'If present, list the resource type for the requested object(s).'}),
    'chunk-size': intFlag({bits: 64, default: 500, description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.'}),
    'ignore-not-found': Flags.boolean({description: 'If the requested object does not exist the command will return exit code 0.'}),
    'show-managed-fields': Flags.boolean({description: 'If true, keep the managedFields when printing objects in JSON or YAML format.'}),
    raw: Flags.string({description: 'Raw URI to request from the server.'}),
    watch: Flags.boolean({
      char: 'w',
      description:
        'After listing/getting the requested object, watch for changes. Unlike kubectl, ktl resumes a watch the server closes, ' +
        'waits up to 30s for a server that restarts, and re-lists after 410 Gone, printing each change once.',
    }),
    'watch-only': Flags.boolean({description: 'Watch for changes to the requested object(s), without listing/getting first.'}),
    'watch-table': Flags.boolean({
      description:
        'ktl addition: --watch that redraws one table in place on a terminal: rows updated where they are, new ones added, ' +
        'deleted ones removed. Piped, or with -o other than wide, it prints as --watch does.',
    }),
    'output-watch-events': Flags.boolean({description: 'Output watch event objects when --watch or --watch-only is used.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Get)
    const {runGet} = await import('../lib/ops/get.js')
    await runGet(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      output: flags.output,
      template: flags.template,
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      showLabels: flags['show-labels'],
      labelColumns: (flags['label-columns'] ?? []).flatMap((l) => l.split(',')),
      sortBy: flags['sort-by'],
      noHeaders: flags['no-headers'],
      showKind: flags['show-kind'],
      chunkSize: flags['chunk-size'],
      ignoreNotFound: flags['ignore-not-found'],
      showManagedFields: flags['show-managed-fields'],
      raw: flags.raw,
      watch: flags.watch,
      watchOnly: flags['watch-only'],
      watchTable: flags['watch-table'],
      outputWatchEvents: flags['output-watch-events'],
    })
  }
}
