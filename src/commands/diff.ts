import {Flags} from '@oclif/core'
import {fieldManagerFlag, filenameFlag, recursiveFlag, selectorFlag} from '../lib/flag-defs.js'
import {commandUsageError} from '../lib/errors.js'
import {intFlag, KubeCommand} from '../lib/kube-command.js'

export default class Diff extends KubeCommand {
  static summary = 'Diff the live version against a would-be applied version'
  static description =
    'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it ' +
    'would be if applied.\n\n' +
    'The output is always YAML.\n\n' +
    'KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands ' +
    'with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n' +
    'By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent ' +
    'files as empty) options.\n\n' +
    'Exit status:\n 0\nNo differences were found.\n 1\nDifferences were found.\n >1\nKubectl or diff failed with an error.\n\n' +
    'Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.\n\n' +
    'Differences from kubectl: no -k (kustomize); --prune skips allowlisted types the server does not serve (as ktl apply --prune does).'
  static usage = 'diff -f FILENAME'
  static examples = ['# Diff resources included in pod.json\n<%= config.bin %> diff -f pod.json', '# Diff file read from stdin\ncat service.yaml | <%= config.bin %> diff -f -']
  static strict = false
  static flags = {
    'field-manager': fieldManagerFlag('kubectl-client-side-apply'),
    filename: filenameFlag('contains the configuration to diff'),
    concurrency: intFlag({
      bits: 64,
      default: 1,
      description: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
    }),
    'force-conflicts': Flags.boolean({description: 'If true, server-side apply will force the changes against conflicts.'}),
    recursive: recursiveFlag(),
    selector: selectorFlag(),
    prune: Flags.boolean({description: 'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned'}),
    'prune-allowlist': Flags.string({multiple: true, description: 'Overwrite the default allowlist with <group/version/kind> for --prune'}),
    'server-side': Flags.boolean({description: 'If true, apply runs in the server instead of the client.'}),
    'show-managed-fields': Flags.boolean({description: 'If true, include managed fields in the diff.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Diff)
    if (argv.length > 0) throw commandUsageError('diff', `Unexpected args: [${(argv as string[]).join(' ')}]`, 2)
    const {runDiff} = await import('../lib/ops/diff.js')
    const explicitManager = this.argv.some((a) => a === '--field-manager' || a.startsWith('--field-manager='))
    process.exitCode = await runDiff(this.ctx(flags), {
      filenames: flags.filename ?? [],
      recursive: flags.recursive,
      selector: flags.selector,
      serverSide: flags['server-side'],
      forceConflicts: flags['force-conflicts'],
      fieldManager: explicitManager ? flags['field-manager'] : undefined,
      showManagedFields: flags['show-managed-fields'],
      concurrency: flags.concurrency,
      prune: flags.prune,
      pruneAllowlist: flags['prune-allowlist'] ?? [],
    })
  }

  // kubectl diff words flag mistakes as its other usage errors.
  protected override flagErrorText(flagMessage: string): string {
    return commandUsageError('diff', flagMessage).message
  }

  // kubectl diff keeps 1 for "differences found": every failure, flag errors included, exits 2.
  async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    await super.catch(err)
    if (process.exitCode === 1) process.exitCode = 2
  }
}
