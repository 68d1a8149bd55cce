import {CreateGroupCommand} from '../../lib/create/group-command.js'

export default class CreateService extends CreateGroupCommand {
  static summary = 'Create a service using a specified subcommand'
  static aliases = ['create:svc']
  static description = 'Create a service using a specified subcommand.'
  static strict = false
  static usage = 'create service (clusterip | externalname | loadbalancer | nodeport) [options]'
  static subcommands: Array<[string, string]> = [
    ['clusterip', 'Create a ClusterIP service'],
    ['externalname', 'Create an ExternalName service'],
    ['loadbalancer', 'Create a LoadBalancer service'],
    ['nodeport', 'Create a NodePort service'],
  ]
}
