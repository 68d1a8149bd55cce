import {CreateGroupCommand} from '../../lib/create/group-command.js'

export default class CreateSecret extends CreateGroupCommand {
  static summary = 'Create a secret using a specified subcommand'
  static description =
    'Create a secret with specified type.\n\n' +
    'A docker-registry type secret is for accessing a container registry.\n\n' +
    'A generic type secret indicate an Opaque secret type.\n\n' +
    'A tls type secret holds TLS certificate and its associated key.'
  static strict = false
  static usage = 'create secret (docker-registry | generic | tls) [options]'
  static subcommands: Array<[string, string]> = [
    ['docker-registry', 'Create a secret for use with a Docker registry'],
    ['generic', 'Create a secret from a local file, directory, or literal value'],
    ['tls', 'Create a TLS secret'],
  ]
}
