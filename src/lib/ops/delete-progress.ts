// Beyond kubectl: while `ktl delete` waits on a terminal, stderr shows which deleted objects are still
// there and what each waits on (finalizers, a pod's grace period); terminal-progress draws the lines.
import {kindPrefix} from '../resources/paths.js'
import type {Remaining} from './delete-wait.js'

// Longer lists end in "... and N more" so the block fits a terminal.
const MAX_LINES = 10

export function progressLines(remaining: Remaining[], withNamespace: boolean): string[] {
  if (remaining.length === 0) return []
  const shown = remaining.length > MAX_LINES ? remaining.slice(0, MAX_LINES - 1) : remaining
  const noun = remaining.length === 1 ? 'object' : 'objects'
  const lines = [`Waiting for ${remaining.length} ${noun} to be deleted (Ctrl-C stops the wait, not the deletion):`]
  for (const r of shown) lines.push(`  ${objectLabel(r.target, withNamespace)}: ${waitingOn(r)}`)
  if (shown.length < remaining.length) lines.push(`  ... and ${remaining.length - shown.length} more`)
  return lines
}

export function objectLabel(target: Remaining['target'], withNamespace: boolean): string {
  const label = `${kindPrefix(target.resource)}/${target.name}`
  return withNamespace && target.namespace ? `${label} -n ${target.namespace}` : label
}

function waitingOn(r: Remaining): string {
  const metadata = r.object?.metadata
  const finalizers = metadata?.finalizers ?? []
  if (finalizers.length > 0) return `waiting for finalizers ${finalizers.join(', ')}`
  const grace = metadata?.deletionGracePeriodSeconds
  if (typeof grace === 'number' && grace > 0) return `terminating (grace period ${grace}s)`
  return 'deleting'
}
