import {KubeCommand} from '../lib/kube-command.js'
import {metadataFlags, metadataOptions} from '../lib/ops/label-flags.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Annotate extends KubeCommand {
  static summary = 'Update the annotations on a resource'
  static description =
    'Update the annotations on one or more resources.\n\n' +
    'All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are ' +
    'key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and ' +
    'system extensions may use annotations to store their own data.\n\n' +
    'Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified ' +
    'and does not match the current resource version on the server the command will fail.\n\n' +
    'Differences from kubectl: --list prints the annotations sorted by key (kubectl prints them in random order), and several ' +
    'refused keys are named in the order given.\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'
  static examples = [
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n# If the same annotation is set multiple times, only the last value will be applied\n<%= config.bin %> annotate pods foo description='my frontend'",
    '# Update a pod identified by type and name in "pod.json"\n<%= config.bin %> annotate -f pod.json description=\'my frontend\'',
    "# Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n<%= config.bin %> annotate --overwrite pods foo description='my frontend running nginx'",
    "# Update all pods in the namespace\n<%= config.bin %> annotate pods --all description='my frontend running nginx'",
    "# Update pod 'foo' only if the resource is unchanged from version 1\n<%= config.bin %> annotate pods foo description='my frontend running nginx' --resource-version=1",
    "# Update pod 'foo' by removing an annotation named 'description' if it exists\n# Does not require the --overwrite flag\n<%= config.bin %> annotate pods foo description-",
  ]
  static strict = false
  static flags = metadataFlags('annotation', 'kubectl-annotate')

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Annotate)
    const {runLabel} = await import('../lib/ops/label.js')
    await runLabel(this.ctx(flags), {field: 'annotations', ...metadataOptions(argv as string[], flags)})
  }
}
