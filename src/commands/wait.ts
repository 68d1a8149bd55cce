import {Flags} from '@oclif/core'
import {durationFlag, KubeCommand} from '../lib/kube-command.js'
import {allNamespacesFlag, objectPrintFlags} from '../lib/print-flags.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Wait extends KubeCommand {
  static summary = 'Experimental: Wait for a specific condition on one or many resources'
  static description =
    'The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n' +
    'Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or ' +
    '"delete" keyword as the value to the --for flag.\n\n' +
    'A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option ' +
    'to change to output destination.\n\n' +
    'Differences from kubectl: --local is not offered (it only reads -f files, which have no status to wait for).\n\n' +
    TYPE_SUGGESTION_HELP
  static usage =
    "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]"
  static examples = [
    '# Wait for the pod "busybox1" to contain the status condition of type "Ready"\n<%= config.bin %> wait --for=condition=Ready pod/busybox1',
    '# The default value of status condition is true; you can wait for other targets after an equal delimiter\n<%= config.bin %> wait --for=condition=Ready=false pod/busybox1',
    '# Wait for the pod "busybox1" to contain the status phase to be "Running"\n<%= config.bin %> wait --for=jsonpath=\'{.status.phase}\'=Running pod/busybox1',
    '# Wait for the service "loadbalancer" to have ingress\n<%= config.bin %> wait --for=jsonpath=\'{.status.loadBalancer.ingress}\' service/loadbalancer',
    '# Wait for the secret "busybox1" to be created, with a timeout of 30s\n<%= config.bin %> create secret generic busybox1\n<%= config.bin %> wait --for=create secret/busybox1 --timeout=30s',
    '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n<%= config.bin %> delete pod/busybox1\n<%= config.bin %> wait --for=delete pod/busybox1 --timeout=60s',
  ]
  static strict = false
  static flags = {
    all: Flags.boolean({description: 'Select all resources in the namespace of the specified resource types'}),
    ...allNamespacesFlag,
    ...objectPrintFlags,
    'field-selector': Flags.string({
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    }),
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'identifying the resource.'}),
    for: Flags.string({
      // Repeatable only so the last one wins, as pflag's string does; never eating the arguments after it.
      multiple: true,
      multipleNonGreedy: true,
      description:
        "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    }),
    recursive: Flags.boolean({
      char: 'R',
      allowNo: true,
      default: true,
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    selector: Flags.string({
      char: 'l',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    }),
    timeout: durationFlag({
      default: '30s',
      description: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Wait)
    const {runWait} = await import('../lib/ops/wait.js')
    await runWait(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      selector: flags.selector,
      fieldSelector: flags['field-selector'],
      allNamespaces: flags['all-namespaces'],
      all: flags.all,
      // pflag keeps the last of a repeated flag.
      for: flags.for?.at(-1) ?? '',
      timeoutMs: flags.timeout,
      output: flags.output,
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
      showManagedFields: flags['show-managed-fields'],
    })
  }
}
