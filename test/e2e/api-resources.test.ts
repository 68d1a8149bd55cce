// Differential: ktl and kubectl 1.32 against the same real API server print the same bytes.
import {describe, expect, it} from 'vitest'
import {ktl, kubectl} from './helpers.js'

const variants: string[][] = [
  [],
  ['-o', 'wide'],
  ['-o', 'name'],
  ['--namespaced=true'],
  ['--namespaced=false'],
  ['--api-group', 'apps'],
  ['--api-group', ''],
  ['--verbs', 'list,watch'],
  ['--verbs', 'create', '--verbs', 'delete'],
  ['--sort-by', 'name'],
  ['--sort-by', 'kind'],
  ['--no-headers'],
  ['--no-headers', '-o', 'wide', '--api-group', 'rbac.authorization.k8s.io'],
  ['--cached'],
  ['--categories', 'all'],
  ['-o', 'name', '--sort-by', 'kind'],
  ['--namespaced'],
]

describe('ktl api-resources matches kubectl', () => {
  it.each(variants.map((args) => ({args, label: args.join(' ')})))('api-resources $label', async ({args}) => {
    const theirs = await kubectl(['api-resources', ...args])
    const ours = await ktl(['api-resources', ...args])
    expect(theirs.code).toBe(0)
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.code).toBe(0)
  })

  it('rejects a bad --sort-by as kubectl does', async () => {
    const theirs = await kubectl(['api-resources', '--sort-by', 'age'])
    const ours = await ktl(['api-resources', '--sort-by', 'age'])
    expect(ours).toEqual({stdout: '', stderr: theirs.stderr, code: 1})
  })
})

describe('an unreachable server', () => {
  it('api-resources prints the header, then the one connection line kubectl ends with', async () => {
    const ours = await ktl(['api-resources', '-s', 'https://127.0.0.1:1'])
    expect(ours).toEqual({
      stdout: 'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n',
      stderr: 'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n',
      code: 1,
    })
  })
})

describe('ktl api-versions matches kubectl', () => {
  it('prints the same group/versions', async () => {
    const theirs = await kubectl(['api-versions'])
    const ours = await ktl(['api-versions'])
    expect(ours).toEqual({stdout: theirs.stdout, stderr: '', code: 0})
  })
})
