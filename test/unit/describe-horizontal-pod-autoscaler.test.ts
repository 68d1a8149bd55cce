// ktl's describeHorizontalPodAutoscaler against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-config.mjs): whole outputs compared byte for byte.
import {describe, expect, test} from 'vitest'
import {describeHorizontalPodAutoscaler} from '../../src/lib/describe/horizontal-pod-autoscaler.js'
import {addedLines, configCases, replay} from '../fixtures/describe/replay-config.js'

describe('describeHorizontalPodAutoscaler prints what kubectl 1.32 prints', () => {
  test.each(configCases('horizontalpodautoscaler').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await replay(c, describeHorizontalPodAutoscaler)
    expect(result.unanswered).toEqual([])
    expect(result.unused).toEqual([])
    expect(result.output).toBe(c.ktlStdout ?? c.stdout)
  })
})

describe('beyond kubectl: describeHorizontalPodAutoscaler', () => {
  const terminating = configCases('horizontalpodautoscaler').find((c) => c.id === 'horizontalpodautoscaler/terminating')!

  test('an object being deleted says so and names the finalizers holding it', () => {
    const [status, finalizers, ...rest] = addedLines(terminating)
    expect(status).toMatch(/^Status: {2}Terminating \(lasts \d+s\)$/)
    expect(finalizers).toBe('Waiting on finalizers:  example.com/hold, example.com/audit')
    expect(rest).toEqual([])
  })
})
