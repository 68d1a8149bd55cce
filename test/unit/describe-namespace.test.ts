// ktl's describeNamespace against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-config.mjs): whole outputs compared byte for byte.
import {describe, expect, test} from 'vitest'
import {describeNamespace} from '../../src/lib/describe/namespace.js'
import {configCases, replay} from '../fixtures/describe/replay-config.js'

describe('describeNamespace prints what kubectl 1.32 prints', () => {
  test.each(configCases('namespace').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await replay(c, describeNamespace)
    expect(result.unanswered).toEqual([])
    expect(result.unused).toEqual([])
    expect(result.output).toBe(c.ktlStdout ?? c.stdout)
  })
})
