// Colour for status words in tables on a terminal, a long-standing request of kubectl users. Only
// when stdout is a TTY and NO_COLOR is unset (FORCE_COLOR forces it); piped output stays kubectl's.
import type {ChalkInstance} from 'chalk'

const GOOD = new Set(['Running', 'Succeeded', 'Completed', 'Active', 'Bound', 'Ready', 'Available', 'Established', 'True'])
const WAITING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'Unknown', 'Released', 'SchedulingDisabled'])
const BAD = new Set(['Failed', 'CrashLoopBackOff', 'Error', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'Evicted', 'OOMKilled', 'NotReady', 'Lost', 'False', 'DeadlineExceeded', 'BackoffLimitExceeded'])

/** The columns whose values are status words. */
const STATUS_COLUMNS = new Set(['Status', 'Phase'])

export type CellColorizer = (column: string, value: string) => string

export async function statusColorizer(): Promise<CellColorizer> {
  const {Chalk} = await import('chalk')
  const chalk: ChalkInstance = new Chalk({level: 1})
  return (column, value) => {
    if (!STATUS_COLUMNS.has(column)) return value
    // "Init:0/1" and "Init:Error" style values take the colour of their last word.
    const word = value.split(':').pop() ?? value
    if (GOOD.has(word)) return chalk.green(value)
    if (WAITING.has(word)) return chalk.yellow(value)
    if (BAD.has(word) || /^Init:(Error|CrashLoopBackOff)/.test(value)) return chalk.red(value)
    return value
  }
}
