// Differential: a mistyped resource type, ktl against kubectl 1.32 on the same real API server.
// kubectl's stdout and exit code, kubectl's error line, then ktl's one added line naming the closest
// type the server has, whichever verb resolved the type. Nothing is created: every case fails first.
import {describe, expect, it} from 'vitest'
import {ktl, kubectl} from './helpers.js'

// The 1.20 server lists no singular names, so the closest name is the plural.
const HINT = 'Did you mean "deployments"?\n'

describe('a mistyped resource type: kubectl\'s error, then the closest type', () => {
  it.each([
    ['get', 'deploymnt'],
    ['get', 'pods,deploymnt'],
    ['describe', 'deploymnt', 'web'],
    ['delete', 'deploymnt/web'],
    ['label', 'deploymnt', 'web', 'a=b'],
    ['scale', 'deploymnt/web', '--replicas=1'],
    ['rollout', 'status', 'deploymnt/web'],
    ['wait', '--for=delete', 'deploymnt/web'],
    ['explain', 'deploymnt.spec'],
    ['events', '--for=deploymnt/web'],
    ['logs', 'deploymnt/web'],
  ].map((args) => ({args, label: args.join(' ')})))('$label', async ({args}) => {
    const [theirs, ours] = await Promise.all([kubectl(args), ktl(args)])
    expect(theirs.stderr).toMatch(/^(error: )?the server doesn't have a resource type "deploymnt"\n$/)
    expect(ours).toEqual({...theirs, stderr: `${theirs.stderr}${HINT}`})
  })

  it('nothing close: kubectl\'s error alone', async () => {
    const [theirs, ours] = await Promise.all([kubectl(['describe', 'zzzzzz']), ktl(['describe', 'zzzzzz'])])
    expect(ours).toEqual({stdout: '', stderr: 'error: the server doesn\'t have a resource type "zzzzzz"\n', code: 1})
    expect(ours).toEqual(theirs)
  })
})
