// ktl describe against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-workloads.mjs): whole outputs compared byte for byte.
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {type CaseResult, candidateNows, recordedCases, runCase} from '../fixtures/describe/replay-workloads.js'

// kubectl printed its times in UTC when the cases were recorded.
const tz = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'UTC'
})
afterAll(() => {
  if (tz === undefined) delete process.env.TZ
  else process.env.TZ = tz
})

const cases = recordedCases(['pod', 'deployment', 'replicaset', 'statefulset', 'daemonset', 'job', 'cronjob', 'generic', 'op'])

/** Ages kubectl measured at an instant between its start and end: the first instant ktl agrees at, else its start. */
async function closest(c: (typeof cases)[number], expected: string): Promise<CaseResult> {
  let first: CaseResult | undefined
  for (const now of candidateNows(c)) {
    const result = await runCase(c, {now})
    if (result.stdout === expected) return result
    first ??= result
  }
  return first as CaseResult
}

/** What is left of a description without the lines ktl adds about deletion, spacing collapsed. */
function withoutTerminating(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('Waiting on finalizers:'))
    .map((line) => line.replace(/^(Status:\s+\w+), Terminating \(lasts [^)]*\)$/, '$1').replace(/ +/g, ' '))
    .join('\n')
}

describe('describe prints what kubectl 1.32 prints', () => {
  test.each(cases.filter((c) => !c.ktlStdout).map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await closest(c, c.stdout)
    expect(result.unanswered).toEqual([])
    expect(result.stdout).toBe(c.stdout)
    expect(result.stderr).toBe(c.stderr)
    expect(result.code).toBe(c.code)
  })
})

describe('beyond kubectl: objects being deleted say what holds them', () => {
  test.each(cases.filter((c) => c.ktlStdout).map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await closest(c, c.ktlStdout as string)
    expect(result.unanswered).toEqual([])
    expect(result.stdout).toBe(c.ktlStdout)
    expect(result.stdout).toContain('Terminating (lasts ')
    expect(withoutTerminating(result.stdout)).toBe(withoutTerminating(c.stdout))
    expect(result.code).toBe(c.code)
  })
})
