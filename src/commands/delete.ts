import {Flags} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'
import {cascadeFlag, deleteTimeoutFlag, gracePeriodFlag} from '../lib/flag-defs.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Delete extends KubeCommand {
  static summary = 'Delete resources by file names, stdin, resources and names, or by resources and label selector'
  static description =
    'Deletes the objects named by TYPE NAME arguments, TYPE/NAME arguments, -f manifests (files, directories with -R, URLs or - for ' +
    'stdin), or a TYPE with -l, --field-selector or --all, in the current namespace or across all of them with -A. Output, errors ' +
    'and exit codes are kubectl\'s.\n\n' +
    'Objects that support graceful deletion (pods) get their default grace period unless --grace-period or --now (1 second) says ' +
    'otherwise; --force removes them from the API at once, without waiting for their processes to stop. By default the command ' +
    'waits until every deleted object is gone (finalizers included); --wait=false returns after the requests.\n\n' +
    'Beyond kubectl: with stderr on a terminal, a delete that takes over a second shows the object being deleted ' +
    '(Deleting 37/200: configmap/web), and while waiting for deleted objects to go, which objects remain and the ' +
    'finalizers or grace period each waits on, redrawn in place and erased when done; nothing extra is written when stderr is not a ' +
    'terminal. A delete with --all, or with -A and a selector, lists what it will delete and asks first when stdin and stderr are ' +
    'terminals (--yes skips the question); ' +
    'it never asks when stdin is not a terminal, so scripts behave exactly as with kubectl.\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])'
  static examples = [
    '<%= config.bin %> delete -f ./pod.json',
    "<%= config.bin %> delete -f '*.json'",
    'cat pod.json | <%= config.bin %> delete -f -',
    '<%= config.bin %> delete pod,service baz foo',
    '<%= config.bin %> delete pods,services -l name=myLabel',
    '<%= config.bin %> delete pod foo --now',
    '<%= config.bin %> delete pod foo --force',
    '<%= config.bin %> delete pods --all',
    '<%= config.bin %> delete pods --all --interactive',
  ]
  static strict = false
  static flags = {
    all: Flags.boolean({description: 'Delete all resources, in the namespace of the specified resource types.'}),
    'all-namespaces': Flags.boolean({
      char: 'A',
      description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
    }),
    cascade: cascadeFlag(),
    'dry-run': Flags.string({
      default: 'none',
      description:
        'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    }),
    'field-selector': Flags.string({
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'containing the resource to delete.'}),
    force: Flags.boolean({
      description:
        'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    }),
    'grace-period': gracePeriodFlag(),
    'ignore-not-found': Flags.boolean({allowNo: true, description: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'}),
    interactive: Flags.boolean({char: 'i', description: 'If true, delete resource only when user confirms.'}),
    now: Flags.boolean({description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).'}),
    output: Flags.string({char: 'o', description: 'Output mode. Use "-o name" for shorter output (resource/name).'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    timeout: deleteTimeoutFlag(),
    wait: Flags.boolean({allowNo: true, default: true, description: 'If true, wait for resources to be gone before returning. This waits for finalizers.'}),
    yes: Flags.boolean({
      char: 'y',
      description: 'Beyond kubectl: do not ask before deleting with --all, or with -A and a selector, on a terminal (ktl never asks when stdin is not a terminal).',
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Delete)
    const {runDelete} = await import('../lib/ops/delete.js')
    await runDelete(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
      cascade: flags.cascade,
      gracePeriod: flags['grace-period'],
      timeoutMs: flags.timeout,
      dryRun: flags['dry-run'],
      now: flags.now,
      force: flags.force,
      wait: flags.wait,
      ignoreNotFound: flags['ignore-not-found'],
      output: flags.output,
      interactive: flags.interactive,
      yes: flags.yes,
    })
  }
}
