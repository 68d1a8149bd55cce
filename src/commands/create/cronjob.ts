import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'
import {CliError} from '../../lib/errors.js'

export default class CreateCronJob extends CreateObjectCommand {
  static summary = 'Create a cron job with the specified name'
  static aliases = ['create:cj']
  static usage = 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags] [options]'
  static examples = [
    '# Create a cron job\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    '# Create a cron job with a command\n<%= config.bin %> create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    image: Flags.string({description: 'Image name to run.'}),
    schedule: Flags.string({description: 'A schedule in the Cron format the job should be run with.'}),
    restart: Flags.string({description: "job's restart policy. supported values: OnFailure, Never"}),
  }

  async run(): Promise<void> {
    const {flags, args, afterDash} = await this.parseGenerator(CreateCronJob)
    // cobra names every required flag left out, before the command runs
    const missing = [flags.image === undefined && '"image"', flags.schedule === undefined && '"schedule"'].filter(Boolean)
    if (missing.length > 0) throw new CliError(`error: required flag(s) ${missing.join(', ')} not set`)
    const name = nameFromArgs(args, 'create cronjob')
    const options = createObjectOptions(flags)
    const [{buildCronJob}, {runCreateObject}] = await Promise.all([import('../../lib/create/cronjob.js'), import('../../lib/ops/create.js')])
    const cronJob = buildCronJob({name, image: flags.image ?? '', schedule: flags.schedule ?? '', restart: flags.restart || 'OnFailure', command: afterDash})
    await runCreateObject(this.ctx(flags), cronJob, {...options, errorPrefix: 'failed to create cronjob: '})
  }
}
