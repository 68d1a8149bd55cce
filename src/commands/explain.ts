import {Flags} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Explain extends KubeCommand {
  static summary = 'Get documentation for a resource'
  static description = `Describe fields and structure of various resources.

This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

Information about each field is retrieved from the server in OpenAPI format (v3 where the server serves it, v2 otherwise).

Use "ktl api-resources" for a complete list of supported resources.

Differences from kubectl: when no cluster can be reached (no kubeconfig, connection refused, unknown host), ktl explains built-in types from its bundled Kubernetes 1.36 schemas instead of failing, says so in one warning line on stderr; offline, types are found by their plural, singular or kind name (not short names such as "deploy", which only a server's discovery lists), and no enum values are listed (the spec the bundled schemas come from has none).

${TYPE_SUGGESTION_HELP}`
  static examples = [
    '# Get the documentation of the resource and its fields\n<%= config.bin %> explain pods',
    '# Get all the fields in the resource\n<%= config.bin %> explain pods --recursive',
    '# Get the explanation for deployment in supported api versions\n<%= config.bin %> explain deployments --api-version=apps/v1',
    '# Get the documentation of a specific field of a resource\n<%= config.bin %> explain pods.spec.containers',
    '# Get the documentation of resources in different format\n<%= config.bin %> explain deployment --output=plaintext-openapiv2',
  ]
  static usage = 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]'
  static strict = false
  static flags = {
    'api-version': Flags.string({description: 'Use given api-version (group/version) of the resource.'}),
    output: Flags.string({char: 'o', default: 'plaintext', description: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).'}),
    recursive: Flags.boolean({description: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Explain)
    const {runExplain} = await import('../lib/ops/explain.js')
    await runExplain(this.ctx(flags), {args: argv as string[], recursive: flags.recursive, apiVersion: flags['api-version'], output: flags.output})
  }
}
