// ktl's describeSecret against the exact API replies kubectl 1.32 got when it printed the recorded output
// (test/fixtures/describe/record-config.mjs): whole outputs compared byte for byte.
import {describe, expect, test} from 'vitest'
import {describeSecret} from '../../src/lib/describe/secret.js'
import {addedLines, configCases, replay} from '../fixtures/describe/replay-config.js'

describe('describeSecret prints what kubectl 1.32 prints', () => {
  test.each(configCases('secret').map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const result = await replay(c, describeSecret)
    expect(result.unanswered).toEqual([])
    expect(result.unused).toEqual([])
    expect(result.output).toBe(c.ktlStdout ?? c.stdout)
  })
})

describe('beyond kubectl: describeSecret', () => {
  const terminating = configCases('secret').find((c) => c.id === 'secret/terminating')!

  test('an object being deleted says so and names the finalizers holding it', () => {
    const [status, finalizers, ...rest] = addedLines(terminating)
    expect(status).toMatch(/^Status: {2}Terminating \(lasts \d+s\)$/)
    expect(finalizers).toBe('Waiting on finalizers:  example.com/hold, example.com/audit')
    expect(rest).toEqual([])
  })
})

describe('beyond kubectl: a secret value is never printed', () => {
  const token = configCases('secret').find((c) => c.id === 'secret/service-account-token')!

  test('a service account token prints as its size', async () => {
    const result = await replay(token, describeSecret)
    expect(token.stdout).toContain('token:      eyJhbGciOiJSUzI1NiIsImtpZCI6InN0dWIifQ.eyJzdWIiOiJzdHViIn0.c2lnbmF0dXJl\n')
    expect(result.output).not.toContain('eyJ')
    expect(addedLines(token)).toEqual(['token:  71 bytes'])
  })
})
