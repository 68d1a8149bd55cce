// ktl's describeEndpoints against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-config.mjs): whole outputs compared byte for byte.
import {describe, expect, test} from 'vitest'
import {describeEndpoints} from '../../src/lib/describe/endpoints.js'
import {addedLines, configCases, replay} from '../fixtures/describe/replay-config.js'

describe('describeEndpoints prints what kubectl 1.32 prints', () => {
  test.each(configCases('endpoints').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await replay(c, describeEndpoints)
    expect(result.unanswered).toEqual([])
    expect(result.unused).toEqual([])
    expect(result.output).toBe(c.ktlStdout ?? c.stdout)
  })
})

describe('beyond kubectl: describeEndpoints', () => {
  const terminating = configCases('endpoints').find((c) => c.id === 'endpoints/terminating')!

  test('an object being deleted says so and names the finalizers holding it', () => {
    const [status, finalizers, ...rest] = addedLines(terminating)
    expect(status).toMatch(/^Status: {2}Terminating \(lasts \d+s\)$/)
    expect(finalizers).toBe('Waiting on finalizers:  example.com/hold, example.com/audit')
    expect(rest).toEqual([])
  })
})
