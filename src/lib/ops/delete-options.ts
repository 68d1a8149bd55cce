// kubectl delete's flags read the way kubectl reads them: the cascade strategy (and its deprecated
// boolean forms) and the grace period that --now and --force imply. (--dry-run is
// src/lib/dry-run.ts, shared by every verb that writes.)
import {usageError} from '../errors.js'
import {parseGoBool} from '../go/strconv.js'
import type {DryRun} from '../dry-run.js'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

/** A week: kubectl's wait when --timeout is 0. */
export const UNLIMITED_WAIT_MS = 168 * 60 * 60 * 1000

type Warn = (line: string) => void

/**
 * metav1.DeleteOptions as kubectl sends it, in the struct's field order, with the grace period only
 * when one was given (negative: the object's own). `typed` adds the kind and apiVersion the dynamic
 * client writes (apply's --prune and --force); kubectl delete's REST helper sends the bare fields.
 */
export function deleteOptionsBody(opts: {gracePeriod: number; propagationPolicy: PropagationPolicy}, dryRun: DryRun, typed: boolean): Record<string, unknown> {
  return {
    ...(typed ? {kind: 'DeleteOptions', apiVersion: 'v1'} : {}),
    ...(opts.gracePeriod >= 0 ? {gracePeriodSeconds: opts.gracePeriod} : {}),
    propagationPolicy: opts.propagationPolicy,
    ...(dryRun === 'server' ? {dryRun: ['All']} : {}),
  }
}

export function parseCascade(value: string, warn: Warn): PropagationPolicy {
  const bool = parseGoBool(value)
  if (bool !== undefined) {
    const replacement = bool ? 'background' : 'orphan'
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.`)
    return bool ? 'Background' : 'Orphan'
  }
  switch (value) {
    case 'background':
      return 'Background'
    case 'foreground':
      return 'Foreground'
    case 'orphan':
      return 'Orphan'
    default:
      throw usageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`)
  }
}

export interface GracePeriodFlags {
  /** --grace-period as given; -1 when not set. */
  gracePeriod: number
  now: boolean
  force: boolean
}

/**
 * The grace period kubectl sends, or -1 for none: --now is 1, --grace-period=0 becomes 1 unless
 * --force (kubectl's guard against accidental data loss), --force alone is 0.
 */
export function effectiveGracePeriod(flags: GracePeriodFlags): number {
  let grace = flags.gracePeriod
  if (flags.now) {
    if (grace !== -1) throw usageError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !flags.force) grace = 1
  if (flags.force && grace < 0) grace = 0
  return grace
}

/** kubectl's only other -o for delete. */
export function validateOutput(output: string | undefined): void {
  if (output && output !== 'name') throw usageError(`unexpected -o output mode: ${output}. We only support '-o name'`)
}
