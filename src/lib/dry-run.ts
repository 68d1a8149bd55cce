// kubectl's --dry-run flag, shared by every verb that writes: none, client or server, plus the
// boolean spellings kubectl still takes with a deprecation warning.
import {usageError} from './errors.js'
import {klogLine} from './go/klog.js'
import {parseGoBool} from './go/strconv.js'

export type DryRun = 'none' | 'client' | 'server'

/** What `--dry-run` with no value stands for (pflag's NoOptDefVal). */
export const DRY_RUN_UNCHANGED = 'unchanged'

export function parseDryRun(value: string): {dryRun: DryRun; warning?: string} {
  const bool = parseGoBool(value)
  if (bool === true) return {dryRun: 'client', warning: `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.`}
  if (bool === false) return {dryRun: 'none', warning: `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.`}
  switch (value) {
    case DRY_RUN_UNCHANGED:
      return {dryRun: 'client', warning: '--dry-run is deprecated and can be replaced with --dry-run=client.'}
    case 'client':
    case 'server':
    case 'none':
      return {dryRun: value}
  }
  throw usageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

/** What kubectl adds to an object's line in a dry run: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
}

/** kubectl's klog warning for a deprecated spelling, logged from its cmdutil helpers whatever the verb. */
export function writeDryRunWarning(err: {write(text: string): unknown}, warning: string | undefined, now = new Date()): void {
  if (warning) err.write(`${klogLine('W', 'helpers.go:702', warning, now)}\n`)
}
