import {Flags} from '@oclif/core'
import {CreateObjectCommand, nameFromArgs} from '../../lib/create/command.js'
import {createObjectFlags, createObjectOptions} from '../../lib/create/flags.js'

export default class CreateRoleBinding extends CreateObjectCommand {
  static summary = 'Create a role binding for a particular role or cluster role'
  static usage =
    'create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]'
  static examples = [
    '# Create a role binding for user1, user2, and group1 using the admin cluster role\n<%= config.bin %> create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1',
    '# Create a role binding for service account monitoring:sa-dev using the admin role\n<%= config.bin %> create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
  ]
  static strict = false
  static flags = {
    ...createObjectFlags,
    clusterrole: Flags.string({description: 'ClusterRole this RoleBinding should reference'}),
    role: Flags.string({description: 'Role this RoleBinding should reference'}),
    user: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Usernames to bind to the role. The flag can be repeated to add multiple users.'}),
    group: Flags.string({multiple: true, multipleNonGreedy: true, description: 'Groups to bind to the role. The flag can be repeated to add multiple groups.'}),
    serviceaccount: Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      description: 'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.',
    }),
  }

  async run(): Promise<void> {
    const {flags, args} = await this.parseGenerator(CreateRoleBinding)
    const name = nameFromArgs(args, 'create rolebinding')
    const options = createObjectOptions(flags)
    const [{buildRoleBinding, validateRoleBinding}, {runCreateObject}] = await Promise.all([import('../../lib/create/role-binding.js'), import('../../lib/ops/create.js')])
    const binding = {
      name,
      role: flags.role ?? '',
      clusterRole: flags.clusterrole ?? '',
      users: flags.user ?? [],
      groups: flags.group ?? [],
      serviceAccounts: flags.serviceaccount ?? [],
    }
    validateRoleBinding(binding)
    // --user names a subject here, as in kubectl, not the kubeconfig user
    await runCreateObject(this.ctx({...flags, user: undefined}), buildRoleBinding(binding), {...options, errorPrefix: 'failed to create rolebinding: '})
  }
}
