import {describe, expect, it} from 'vitest'
import {sameOutput} from '../e2e/helpers.js'

describe('sameOutput (e2e comparison)', () => {
  it('forgives only ages that ticked between the two runs', () => {
    expect(sameOutput('NAME   AGE\nweb    9s\n', 'NAME   AGE\nweb    10s\n')).toBe(true)
    expect(sameOutput('a   3m2s   x\n', 'a   3m3s   x\n')).toBe(true)
    expect(sameOutput('NAME   AGE\nweb    9s\n', 'NAME   AGE\nweb2   9s\n')).toBe(false)
    expect(sameOutput('Running\n', 'Pending\n')).toBe(false)
  })
})
