import {Flags} from '@oclif/core'
import {KubeCommand} from '../../lib/kube-command.js'

export default class AuthCanI extends KubeCommand {
  static summary = 'Check whether an action is allowed'
  static description = `Check whether an action is allowed.

VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.

Exits 0 when the action is allowed and 1 when it is not, as kubectl does.`
  static examples = [
    '# Check to see if I can create pods in any namespace\n<%= config.bin %> auth can-i create pods --all-namespaces',
    '# Check to see if I can list deployments in my current namespace\n<%= config.bin %> auth can-i list deployments.apps',
    '# Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"\n# You must be allowed to use impersonation for the global option "--as"\n<%= config.bin %> auth can-i list pods --as=system:serviceaccount:dev:foo -n prod',
    '# Check to see if I can do everything in my current namespace ("*" means all)\n<%= config.bin %> auth can-i \'*\' \'*\'',
    '# Check to see if I can get the job named "bar" in namespace "foo"\n<%= config.bin %> auth can-i list jobs.batch/bar -n foo',
    '# Check to see if I can read pod logs\n<%= config.bin %> auth can-i get pods --subresource=log',
    '# Check to see if I can access the URL /logs/\n<%= config.bin %> auth can-i get /logs/',
    '# List all allowed actions in namespace "foo"\n<%= config.bin %> auth can-i --list --namespace=foo',
  ]
  static usage = 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]'
  static strict = false
  static flags = {
    'all-namespaces': Flags.boolean({char: 'A', description: 'If true, check the specified action in all namespaces.'}),
    list: Flags.boolean({description: 'If true, prints all allowed actions.'}),
    'no-headers': Flags.boolean({description: 'If true, prints allowed actions without headers'}),
    quiet: Flags.boolean({char: 'q', description: 'If true, suppress output and just return the exit code.'}),
    subresource: Flags.string({description: 'SubResource such as pod/log or deployment/scale', default: ''}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(AuthCanI)
    const {runCanI} = await import('../../lib/ops/auth-can-i.js')
    await runCanI(this.ctx(flags), {
      args: argv as string[],
      allNamespaces: flags['all-namespaces'],
      list: flags.list,
      noHeaders: flags['no-headers'],
      quiet: flags.quiet,
      subresource: flags.subresource,
    })
  }
}
