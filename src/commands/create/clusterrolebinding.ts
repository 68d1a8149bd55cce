import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs, requiredFlagError} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateClusterRoleBinding extends CreateObjectCommand {
  static summary = 'Create a cluster role binding for a particular cluster role'
  static usage =
    'create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n<%= config.bin %> create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    clusterrole: Flags.string({description: 'ClusterRole this ClusterRoleBinding should reference'}),
    user: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Usernames to bind to the clusterrole. The flag can be repeated to add multiple users.'}),
    group: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Groups to bind to the clusterrole. The flag can be repeated to add multiple groups.'}),
    serviceaccount: Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
    }),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateClusterRoleBinding)
    if (flags.clusterrole === undefined) throw requiredFlagError('clusterrole')
    const name = nameFromArgs(args, 'create clusterrolebinding')
    const options = createObjectOptions(flags)
    const [{buildClusterRoleBinding}, {runCreateObject}] = await Promise.all([import('../../lib/create/role-binding.js'), import('../../lib/ops/create.js')])
    const binding = buildClusterRoleBinding({
      name,
      clusterRole: flags.clusterrole,
      users: flags.user ?? [],
      groups: flags.group ?? [],
      serviceAccounts: flags.serviceaccount ?? [],
    })
    // --user names a subject here, as in kubectl, not the kubeconfig user
    await runCreateObject(this.ctx({...flags, user: undefined}), binding, {...options, errorPrefix: 'failed to create clusterrolebinding: '})
  }
}
