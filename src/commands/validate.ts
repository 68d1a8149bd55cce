import {Flags} from '@oclif/core'
import {commandUsageError} from '../lib/errors.js'
import {KubeCommand} from '../lib/kube-command.js'

export default class Validate extends KubeCommand {
  static summary = 'Validate manifests offline against the Kubernetes schemas and CRD schemas'
  static description =
    'Checks every document of every file against the bundled schemas of Kubernetes 1.36 and reports every problem, each on ' +
    'one line on stderr as FILE:LINE:COLUMN: FIELD: MESSAGE: unknown fields (with the field you probably meant), values of ' +
    'the wrong type or outside the allowed values, missing required fields, invalid names, labels and namespaces, YAML ' +
    'syntax errors and duplicate keys, and apiVersions Kubernetes no longer serves (with their replacement).\n\n' +
    'Custom resources are checked against the schemas of CustomResourceDefinitions found in the input itself, in ' +
    '--schema-location, or, when a cluster is configured and reachable, in the cluster; no cluster is needed otherwise. ' +
    'A kind no schema describes is an error, or a warning and skipped with --ignore-missing-schemas.\n\n' +
    'The last line on stderr sums up: "N documents, M valid, K invalid" (and ", S skipped"). The exit code is 0 when every ' +
    'document is valid and 1 otherwise. With -o json, stdout gets one record per document (file, index, apiVersion, kind, ' +
    'name, valid, errors and warnings with path, line, column and message) and a summary; stderr only the summary line.'
  static examples = [
    '<%= config.bin %> validate -f deploy.yaml',
    '<%= config.bin %> validate -R -f ./manifests',
    'cat app.yaml | <%= config.bin %> validate -f -',
    '<%= config.bin %> validate -f ./manifests --schema-location ./crds',
    '<%= config.bin %> validate -f app.yaml -o json',
  ]
  // Arguments are refused in kubectl's words (as apply's) rather than taken for a subcommand.
  static strict = false
  static flags = {
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'Filename, directory, or URL to files to validate ("-" for stdin)'}),
    recursive: Flags.boolean({char: 'R', description: 'Process the directory used in -f, --filename recursively.'}),
    'schema-location': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'CustomResourceDefinition manifests (file, directory or URL) to take custom resource schemas from.',
    }),
    'ignore-missing-schemas': Flags.boolean({description: 'Skip documents of kinds no schema describes, with a warning, instead of failing.'}),
    output: Flags.string({char: 'o', description: 'Output format. One of: (text, json).'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Validate)
    if (argv.length > 0) throw commandUsageError('validate', `Unexpected args: [${argv.join(' ')}]`)
    const {runValidate} = await import('../lib/ops/validate.js')
    await runValidate(this.ctx(flags), {
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      schemaLocations: flags['schema-location'] ?? [],
      ignoreMissingSchemas: flags['ignore-missing-schemas'],
      output: flags.output,
    })
  }
}
