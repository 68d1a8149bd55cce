import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {TYPE_SUGGESTION_HELP} from '../../lib/discovery/suggest.js'

export default class CreateJob extends CreateObjectCommand {
  static summary = 'Create a job with the specified name'
  static description = 'Create a job with the specified name.\n\n' + TYPE_SUGGESTION_HELP
  static usage = 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]'
  static examples = [
    '# Create a job\n<%= config.bin %> create job my-job --image=busybox',
    '# Create a job with a command\n<%= config.bin %> create job my-job --image=busybox -- date',
    '# Create a job from a cron job named "a-cronjob"\n<%= config.bin %> create job test-job --from=cronjob/a-cronjob',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    image: Flags.string({description: 'Image name to run.'}),
    from: Flags.string({description: 'The name of the resource to create a Job from (only cronjob is supported).'}),
  }

  async run(): Promise<void> {
    const {flags, args, afterDash} = await this.parseGenerator(CreateJob)
    const name = nameFromArgs(args, 'create job')
    const options = createObjectOptions(flags)
    const {runCreateJob} = await import('../../lib/create/job.js')
    await runCreateJob(this.ctx(flags), {name, image: flags.image ?? '', from: flags.from ?? '', command: afterDash}, options)
  }
}
