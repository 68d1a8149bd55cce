import {describe, expect, it} from 'vitest'
import {moveLeadingGlobalFlags} from '../../src/lib/argv.js'
import {globalFlags} from '../../src/lib/kube-command.js'

describe('moveLeadingGlobalFlags', () => {
  it('moves global flags given before the command behind it', () => {
    expect(moveLeadingGlobalFlags(['-n', 'kube-system', 'get', 'pods'])).toEqual(['get', 'pods', '-n', 'kube-system'])
    expect(moveLeadingGlobalFlags(['--kubeconfig=/k', '--insecure-skip-tls-verify', 'config', 'view'])).toEqual(['config', 'view', '--kubeconfig=/k', '--insecure-skip-tls-verify'])
    expect(moveLeadingGlobalFlags(['-nfoo', '--context', 'c', 'get', 'po'])).toEqual(['get', 'po', '-nfoo', '--context', 'c'])
    expect(moveLeadingGlobalFlags(['--as', 'bob', '--as-group', 'g1', '--as-group=g2', '--as-uid=7', 'auth', 'can-i', 'get', 'po'])).toEqual([
      'auth', 'can-i', 'get', 'po', '--as', 'bob', '--as-group', 'g1', '--as-group=g2', '--as-uid=7',
    ])
  })

  it('drops a leading flag the command sets again: in kubectl\'s order the later value wins', () => {
    expect(moveLeadingGlobalFlags(['-n', 'a', 'get', 'pods', '--namespace=b'])).toEqual(['get', 'pods', '--namespace=b'])
    expect(moveLeadingGlobalFlags(['--context', 'c', '-n', 'a', 'get', 'pods', '-nb'])).toEqual(['get', 'pods', '-nb', '--context', 'c'])
    expect(moveLeadingGlobalFlags(['--as-group', 'g1', 'get', 'pods', '--as-group=g2'])).toEqual(['get', 'pods', '--as-group=g2', '--as-group', 'g1'])
    expect(moveLeadingGlobalFlags(['-n', 'a', 'exec', 'p', '--', 'sh', '-n', 'b'])).toEqual(['exec', 'p', '-n', 'a', '--', 'sh', '-n', 'b'])
  })

  it('keeps them before a -- separator', () => {
    expect(moveLeadingGlobalFlags(['-n', 'x', 'create', 'deploy', 'd', '--image=i', '--', 'sleep', '1'])).toEqual(['create', 'deploy', 'd', '--image=i', '-n', 'x', '--', 'sleep', '1'])
  })

  it('leaves argv alone when the command comes first or a flag is not global', () => {
    expect(moveLeadingGlobalFlags(['get', 'pods', '-n', 'x'])).toEqual(['get', 'pods', '-n', 'x'])
    expect(moveLeadingGlobalFlags(['--help'])).toEqual(['--help'])
  })

  it('knows every global flag KubeCommand declares, long and short', () => {
    for (const [name, flag] of Object.entries(globalFlags)) {
      const value = flag.type === 'boolean' ? [] : ['v']
      for (const form of [`--${name}`, ...(flag.char ? [`-${flag.char}`] : [])]) {
        expect(moveLeadingGlobalFlags([form, ...value, 'get', 'pods'])).toEqual(['get', 'pods', form, ...value])
      }
    }
  })
})
