import {Flags} from '@oclif/core'
import {intFlag, KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Describe extends KubeCommand {
  static summary = 'Show details of a specific resource or group of resources'
  static description =
    'Print a detailed description of the selected resources, including related resources such as events or controllers. ' +
    'You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n' +
    '    $ ktl describe TYPE NAME_PREFIX\n\n' +
    'will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every ' +
    'resource that has a name prefixed with NAME_PREFIX.\n\n' +
    'Beyond kubectl: an object that is being deleted (it has a deletionTimestamp) says so: "Status: Terminating (lasts <age>)" ' +
    'where kubectl prints no status for its kind (right after Name and Namespace), and "Waiting on finalizers: <names>" for the ' +
    'finalizers that still hold it. Secrets show the size of every value, never the value (kubectl prints service-account ' +
    'tokens in full).\n\n' +
    'Use "ktl api-resources" for a complete list of supported resources.\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)'
  static examples = [
    '<%= config.bin %> describe nodes kubernetes-node-emt8.c.myproject.internal',
    '<%= config.bin %> describe pods/nginx',
    '<%= config.bin %> describe -f pod.json',
    '<%= config.bin %> describe pods',
    '<%= config.bin %> describe pods -l name=myLabel',
    '<%= config.bin %> describe pods frontend',
  ]
  static strict = false
  static flags = {
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'Filename, directory, or URL to files containing the resource to describe'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    }),
    'chunk-size': intFlag({bits: 64, default: 500, description: 'Return large lists in chunks rather than all at once. Pass 0 to disable.'}),
    selector: Flags.string({
      char: 'l',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    'show-events': Flags.boolean({allowNo: true, default: true, description: 'If true, display events related to the described object.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Describe)
    const {runDescribe} = await import('../lib/ops/describe.js')
    await runDescribe(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      allNamespaces: flags['all-namespaces'],
      showEvents: flags['show-events'],
      chunkSize: flags['chunk-size'],
    })
  }
}
