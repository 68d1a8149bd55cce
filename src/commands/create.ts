import {Flags} from '@oclif/core'
import {CliError} from '../lib/errors.js'
import {CreateObjectCommand} from '../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../lib/create/flags.js'

export default class Create extends CreateObjectCommand {
  static summary = 'Create a resource from a file or from stdin'
  static description = 'JSON and YAML formats are accepted.'
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
    selector: Flags.string({
      char: 'l',
      description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Create)
    const options = createObjectOptions(flags)
    if (argv.length > 0) throw new CliError(`error: Unexpected args: [${argv.join(' ')}]\nSee 'ktl create -h' for help and examples`)
    const {runCreate} = await import('../lib/ops/create.js')
    await runCreate(this.ctx(flags), {...options, filenames: flags.filename ?? [], recursive: flags.recursive, selector: flags.selector})
  }
}
