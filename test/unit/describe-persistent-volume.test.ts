// ktl's describePersistentVolume against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-config.mjs): whole outputs compared byte for byte.
import {describe, expect, test} from 'vitest'
import {describePersistentVolume} from '../../src/lib/describe/persistent-volume.js'
import {configCases, replay} from '../fixtures/describe/replay-config.js'

describe('describePersistentVolume prints what kubectl 1.32 prints', () => {
  test.each(configCases('persistentvolume').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await replay(c, describePersistentVolume)
    expect(result.unanswered).toEqual([])
    expect(result.unused).toEqual([])
    expect(result.output).toBe(c.ktlStdout ?? c.stdout)
  })
})
