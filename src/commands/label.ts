import {KubeCommand} from '../lib/kube-command.js'
import {metadataFlags, metadataOptions} from '../lib/ops/label-flags.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Label extends KubeCommand {
  static summary = 'Update the labels on a resource'
  static description =
    'Update the labels on a resource.\n\n' +
    "* A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n" +
    "* Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n" +
    '* If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n' +
    '* If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.\n\n' +
    'Differences from kubectl: --list prints the labels sorted by key (kubectl prints them in random order); an -o format ktl ' +
    'cannot print is refused before anything is sent (kubectl label sends the change first).\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'
  static examples = [
    "# Update pod 'foo' with the label 'unhealthy' and the value 'true'\n<%= config.bin %> label pods foo unhealthy=true",
    "# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n<%= config.bin %> label --overwrite pods foo status=unhealthy",
    '# Update all pods in the namespace\n<%= config.bin %> label pods --all status=unhealthy',
    '# Update a pod identified by the type and name in "pod.json"\n<%= config.bin %> label -f pod.json status=unhealthy',
    "# Update pod 'foo' only if the resource is unchanged from version 1\n<%= config.bin %> label pods foo status=unhealthy --resource-version=1",
    "# Update pod 'foo' by removing a label named 'bar' if it exists\n# Does not require the --overwrite flag\n<%= config.bin %> label pods foo bar-",
  ]
  static strict = false
  static flags = metadataFlags('label', 'kubectl-label')

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Label)
    const {runLabel} = await import('../lib/ops/label.js')
    await runLabel(this.ctx(flags), {field: 'labels', ...metadataOptions(argv as string[], flags)})
  }
}
