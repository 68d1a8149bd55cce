import {Flags} from '@oclif/core'
import {allowMissingTemplateKeysFlag, dryRunFlag, fieldManagerFlag, filenameFlag, objectOutputFlag, recursiveFlag, showManagedFieldsFlag, templateFlag} from '../lib/flag-defs.js'
import {KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Patch extends KubeCommand {
  static summary = 'Update fields of a resource'
  static description =
    'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n' +
    'JSON and YAML formats are accepted.\n\n' +
    'Note: Strategic merge patch is not supported for custom resources.\n\n' +
    'Differences from kubectl: with --local or --dry-run=client and --type json, a failing operation is reported in ' +
    'evanphx/json-patch\'s words for the common cases only; a YAML patch that does not parse is reported with the YAML ' +
    'parser\'s own message.\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]'
  static examples = [
    '# Partially update a node using a strategic merge patch, specifying the patch as JSON\n<%= config.bin %> patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'',
    '# Partially update a node using a strategic merge patch, specifying the patch as YAML\n<%= config.bin %> patch node k8s-node-1 -p $\'spec:\\n unschedulable: true\'',
    '# Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n<%= config.bin %> patch -f node.json -p \'{"spec":{"unschedulable":true}}\'',
    '# Update a container\'s image; spec.containers[*].name is required because it\'s a merge key\n<%= config.bin %> patch pod valid-pod -p \'{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}\'',
    '# Update a container\'s image using a JSON patch with positional arrays\n<%= config.bin %> patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'',
    '# Update a deployment\'s replicas through the scale subresource using a merge patch\n<%= config.bin %> patch deployment nginx-deployment --subresource=\'scale\' --type=\'merge\' -p \'{"spec":{"replicas":2}}\'',
  ]
  static strict = false
  static flags = {
    'allow-missing-template-keys': allowMissingTemplateKeysFlag(),
    'dry-run': dryRunFlag(),
    'field-manager': fieldManagerFlag('kubectl-patch'),
    filename: filenameFlag('identifying the resource to update'),
    local: Flags.boolean({description: 'If true, patch will operate on the content of the file, not the server-side resource.'}),
    output: objectOutputFlag(),
    patch: Flags.string({char: 'p', description: 'The patch to be applied to the resource JSON file.'}),
    'patch-file': Flags.string({description: 'A file containing a patch to be applied to the resource.'}),
    recursive: recursiveFlag(),
    'show-managed-fields': showManagedFieldsFlag(),
    subresource: Flags.string({
      description:
        "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.",
    }),
    template: templateFlag(),
    type: Flags.string({default: 'strategic', description: 'The type of patch being provided; one of [json merge strategic]'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Patch)
    const {runPatch} = await import('../lib/ops/patch.js')
    await runPatch(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      patch: flags.patch,
      patchFile: flags['patch-file'],
      type: flags.type,
      dryRun: flags['dry-run'],
      local: flags.local,
      output: flags.output,
      fieldManager: flags['field-manager'],
      subresource: flags.subresource,
      showManagedFields: flags['show-managed-fields'],
      allowMissingTemplateKeys: flags['allow-missing-template-keys'],
      template: flags.template,
    })
  }
}
