import {fileURLToPath} from 'node:url'
import {Args} from '@oclif/core'
import {KubeCommand} from '../lib/kube-command.js'

export default class Completion extends KubeCommand {
  static summary = 'Output shell completion code for the specified shell (bash, zsh, or fish)'
  static description = `Output shell completion code for the specified shell (bash, zsh, or fish). The shell code must be evaluated to provide interactive completion of ktl commands. This can be done by sourcing it from the .bash_profile.

Completion covers commands, flags, resource types (from the discovery cache, as kubectl keeps it), resource names (one quick list request, remembered for a few seconds), namespaces after -n, and contexts, clusters and users after --context, --cluster and --user. A Tab never waits longer than about 300 ms: when the server is slower, nothing is offered, and the request finishes in the background so that the next Tab has the answer.

Differences from kubectl: no powershell script; resource types also complete by their short names; the scripts are ktl's own: the bash one works without the bash-completion package too, and fish offers only .json, .yaml and .yml files after -f, as bash and zsh do.

Note for zsh users: zsh completions are only supported in versions of zsh >= 5.2.`
  static examples = [
    `# Load the ktl completion code for bash into the current shell
  source <(<%= config.bin %> completion bash)`,
    `# Write bash completion code to a file and source it from .bash_profile
  <%= config.bin %> completion bash > ~/.kube/ktl-completion.bash.inc
  printf "
  # ktl shell completion
  source '$HOME/.kube/ktl-completion.bash.inc'
  " >> $HOME/.bash_profile
  source $HOME/.bash_profile`,
    `# Load the ktl completion code for zsh into the current shell
  source <(<%= config.bin %> completion zsh)`,
    `# Set the ktl completion code for zsh to autoload on startup
  <%= config.bin %> completion zsh > "\${fpath[1]}/_ktl"`,
    `# Load the ktl completion code for fish into the current shell
  <%= config.bin %> completion fish | source`,
    `# To load completions for each session, execute once:
  <%= config.bin %> completion fish > ~/.config/fish/completions/ktl.fish`,
  ]
  static strict = false
  static args = {shell: Args.string({description: 'bash, zsh or fish'})}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Completion)
    const {runCompletion} = await import('../lib/ops/completion.js')
    // dist/commands/completion.js and dist/startup/command.completion.mjs both sit two levels down.
    await runCompletion(this.ctx(flags), {args: argv as string[], packageRoot: fileURLToPath(new URL('../..', import.meta.url))})
  }
}
