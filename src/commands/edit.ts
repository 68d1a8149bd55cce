import {Flags} from '@oclif/core'
import {fieldManagerFlag, filenameFlag, recursiveFlag, showManagedFieldsFlag} from '../lib/flag-defs.js'
import {CliError} from '../lib/errors.js'
import {KubeCommand} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Edit extends KubeCommand {
  static summary = 'Edit a resource on the server'
  static description =
    'Edit a resource from the default editor.\n\n' +
    'The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open ' +
    'the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to \'vi\' for Linux or \'notepad\' ' +
    'for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the ' +
    "'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or " +
    "'cmd' for Windows.\n\n" +
    'You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as ' +
    'command-line arguments, although the files you point to must be previously saved versions of resources.\n\n' +
    'Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the ' +
    'resource, version, and group.\n\n' +
    'The default format is YAML. To edit in JSON, specify "-o json".\n\n' +
    'The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating ' +
    'system will be used.\n\n' +
    'In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied ' +
    'changes. The most common error when updating a resource is another editor changing the resource on the server. When this ' +
    'occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to ' +
    'include the latest resource version.\n\n' +
    'Differences from kubectl: ktl does not validate the edited file against schemas on the client (it sends ' +
    '--validate to the server as fieldValidation, as kubectl does with servers that support it), so a YAML syntax error is ' +
    'reported in the YAML parser\'s words; no -k; when a patch cannot be retried, ktl names `kubectl ' +
    'replace -f FILE` (ktl has no replace).\n\n' +
    TYPE_SUGGESTION_HELP
  static usage = 'edit (RESOURCE/NAME | -f FILENAME)'
  static examples = [
    "# Edit the service named 'registry'\n<%= config.bin %> edit svc/registry",
    "# Use an alternative editor\nKUBE_EDITOR=\"nano\" <%= config.bin %> edit svc/registry",
    "# Edit the job 'myjob' in JSON using the v1 API format\n<%= config.bin %> edit job.v1.batch/myjob -o json",
    "# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\n<%= config.bin %> edit deployment/mydeployment -o yaml",
    "# Edit the 'status' subresource for the 'mydeployment' deployment\n<%= config.bin %> edit deployment mydeployment --subresource='status'",
  ]
  static strict = false
  static flags = {
    'field-manager': fieldManagerFlag('kubectl-edit'),
    filename: filenameFlag('to use to edit the resource'),
    output: Flags.string({char: 'o', default: 'yaml', description: 'Output format. One of: (json, yaml).'}),
    'output-patch': Flags.boolean({description: 'Output the patch if the resource is edited.'}),
    recursive: recursiveFlag(),
    'save-config': Flags.boolean({
      description:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    }),
    'show-managed-fields': showManagedFieldsFlag(),
    subresource: Flags.string({
      description: "If specified, edit will operate on the subresource of the requested object. Must be one of [status]. This flag is beta and may change in the future.",
    }),
    validate: Flags.string({
      default: 'strict',
      description:
        'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    }),
    'windows-line-endings': Flags.boolean({description: 'Defaults to the line ending native to your platform.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Edit)
    const {runEdit} = await import('../lib/ops/edit.js')
    await runEdit(this.ctx(flags), {
      args: argv as string[],
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      output: flags.output,
      outputGiven: this.argv.some((a) => a === '-o' || a.startsWith('-o') || a === '--output' || a.startsWith('--output=')),
      outputPatch: flags['output-patch'],
      windowsLineEndings: flags['windows-line-endings'],
      fieldManager: flags['field-manager'],
      subresource: flags.subresource,
      showManagedFields: flags['show-managed-fields'],
      validate: flags.validate,
      saveConfig: flags['save-config'],
    })
  }

  // kubectl's ErrExit: the reason is already on stderr, only the status is left to give.
  async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    if (err instanceof CliError && err.message === '') {
      process.exitCode = err.exitCode
      return
    }
    await super.catch(err)
  }
}
