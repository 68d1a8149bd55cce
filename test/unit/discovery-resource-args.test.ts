// TYPE / TYPE NAME / TYPE/NAME arguments, read as kubectl's resource builder reads them, with its
// error texts (checked against kubectl 1.32).
import {describe, expect, it} from 'vitest'
import {expandCategories, parseResourceArgs, splitResourceArgument} from '../../src/lib/discovery/resource-args.js'
import {CliError} from '../../src/lib/errors.js'

describe('parseResourceArgs', () => {
  it.each([
    [[], {form: 'types', types: [], names: []}],
    [['pods'], {form: 'types', types: ['pods'], names: []}],
    [['deploy,svc'], {form: 'types', types: ['deploy', 'svc'], names: []}],
    [['po,po,svc'], {form: 'types', types: ['po', 'svc'], names: []}],
    [['po,,po'], {form: 'types', types: ['po', ''], names: []}],
    [['pod', 'web-1', 'web-2'], {form: 'types', types: ['pod'], names: ['web-1', 'web-2']}],
    [['all', 'foo'], {form: 'types', types: ['all'], names: ['foo']}],
    [['pod/web-1'], {form: 'tuples', tuples: [{type: 'pod', name: 'web-1'}]}],
    [['pod/a', 'svc/b'], {form: 'tuples', tuples: [{type: 'pod', name: 'a'}, {type: 'svc', name: 'b'}]}],
    [
      ['deploy,svc', 'web', 'db'],
      {
        form: 'tuples',
        tuples: [
          {type: 'deploy', name: 'web'},
          {type: 'deploy', name: 'db'},
          {type: 'svc', name: 'web'},
          {type: 'svc', name: 'db'},
        ],
      },
    ],
  ])('%j', (args, want) => {
    expect(parseResourceArgs(args)).toEqual(want)
  })

  it.each([
    [
      ['po', 'po/x'],
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'ktl get resource/<resource_name>' instead of 'ktl get resource resource/<resource_name>'",
    ],
    [['po/x/y'], 'error: arguments in resource/name form may not have more than one slash'],
    [['po/a,svc/b'], 'error: arguments in resource/name form may not have more than one slash'],
    [['po/'], 'error: arguments in resource/name form must have a single resource and name'],
    [['/x'], 'error: arguments in resource/name form must have a single resource and name'],
    [['po,svc/x'], 'error: arguments in resource/name form must have a single resource and name'],
    [['po,', 'foo'], 'error: arguments in resource/name form must have a single resource and name'],
  ])('refuses %j', (args, message) => {
    expect(() => parseResourceArgs(args)).toThrow(new CliError(message))
  })

  it('names the program in its example', () => {
    expect(() => parseResourceArgs(['po', 'po/x'], 'kubectl')).toThrow("(e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
  })
})

describe('splitResourceArgument', () => {
  it('keeps order, drops repeats, keeps one empty entry', () => {
    expect(splitResourceArgument('a,b,a,,c,')).toEqual(['a', 'b', '', 'c'])
  })
})

describe('expandCategories', () => {
  const discovery = {
    expandCategory: async (c: string) => (c === 'all' ? ['pods', 'services', 'deployments.apps'] : undefined),
  }

  it('replaces categories with their resources, keeping the first of repeats', async () => {
    expect(await expandCategories(['all', 'po'], discovery)).toEqual(['pods', 'services', 'deployments.apps', 'po'])
    expect(await expandCategories(['services', 'all'], discovery)).toEqual(['services', 'pods', 'deployments.apps'])
  })
})
