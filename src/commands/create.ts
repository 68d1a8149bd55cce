import {Flags} from '@oclif/core'
import {CliError} from '../lib/errors.js'
import {CreateObjectCommand} from '../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../lib/create/flags.js'

export default class Create extends CreateObjectCommand {
  static summary = 'Create a resource from a file or from stdin'
  static description =
    'JSON and YAML formats are accepted.\n\n' +
    'Beyond kubectl: with -f, every document is read and validated against its schema before anything is sent, so a ' +
    'document with a wrong type creates nothing (kubectl creates the others); --validate=warn or ignore sends them as kubectl does. ' +
    'With stderr on a terminal, a run that takes over a second shows the object being created (Creating 37/200: configmap/web), ' +
    'erased before each line and at the end; kubectl shows no progress, and piped nothing extra is written.'
  static usage = 'create -f FILENAME [options]'
  static examples = [
    '# Create a pod using the data in pod.json\n<%= config.bin %> create -f ./pod.json',
    '# Create a pod based on the JSON passed into stdin\n<%= config.bin %> create -f - < pod.json',
    '# Create a deployment named my-dep that runs the busybox image\n<%= config.bin %> create deployment my-dep --image=busybox',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: 'Filename, directory, or URL to files to use to create the resource'}),
    recursive: Flags.boolean({
      char: 'R',
      description: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    }),
    validate: Flags.string({
      default: 'strict',
      description: 'Must be one of: strict (or true), warn, ignore (or false). As for apply: strict refuses invalid input before anything is sent.',
    }),
    selector: Flags.string({
      char: 'l',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Create)
    const options = createObjectOptions(flags)
    if (argv.length > 0) throw new CliError(`error: Unexpected args: [${argv.join(' ')}]\nSee 'ktl create -h' for help and examples`)
    const [{runCreate}, {parseValidationMode}] = await Promise.all([import('../lib/ops/create.js'), import('../lib/validate/mode.js')])
    const validate = parseValidationMode(flags.validate)
    await runCreate(this.ctx(flags), {...options, filenames: flags.filename ?? [], recursive: flags.recursive, selector: flags.selector, validate})
  }
}
