// Differential: ktl top and kubectl 1.32 against the real control plane, which serves no Metrics
// API: the same "Metrics API not available" and argument errors, the same exit codes. The tables
// themselves are checked against kubectl's output on the fake server (test/unit/top.test.ts).
import {describe, expect, it} from 'vitest'
import {ktl, kubectl} from './helpers.js'

const cases: string[][] = [
  ['pod'],
  ['pod', '-A', '--containers', '--sum'],
  ['pod', 'x'],
  ['pod', '-l', 'app=web', '--sort-by=cpu'],
  ['node'],
  ['node', 'x', '--show-capacity'],
  ['pod', '--sort-by=foo'],
  ['node', '--sort-by=foo'],
  ['pod', 'a', 'b'],
  ['node', 'a', 'b'],
  ['pod', 'x', '-l', 'a=b'],
  ['node', 'x', '-l', 'a=b'],
  // kubectl's aliases
  ['nodes'],
  ['no', '--sort-by=foo'],
  ['pods', '-A'],
  ['po', 'a', 'b'],
]

describe('ktl top matches kubectl without a Metrics API', () => {
  it.each(cases.map((args) => ({args, label: args.join(' ')})))('top $label', async ({args}) => {
    const [theirs, ours] = await Promise.all([kubectl(['top', ...args]), ktl(['top', ...args])])
    expect(theirs.code).toBe(1)
    expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll("'kubectl top", "'ktl top")})
  })
})
