// Mistyped commands: cobra's suggestions and kubectl's texts, and the built CLI printing them.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {levenshtein, suggestionsFor, unknownCommandText} from '../../src/lib/unknown-command.js'
import {KUBECTL} from '../fixtures/kubeconfig/temp.js'
import {spawnNode} from '../support/spawn-node.js'

// kubectl 1.32's visible top-level commands, and two of its groups' subcommands.
const KUBECTL_IDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout:status', 'rollout:undo', 'scale', 'autoscale',
  'certificate:approve', 'cluster-info', 'top:pod', 'top:node', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth:can-i', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize',
  'label', 'annotate', 'completion', 'plugin:list', 'version', 'api-versions', 'api-resources', 'config:view', 'options',
]

describe('levenshtein and suggestionsFor (cobra)', () => {
  it('counts edits case-insensitively', () => {
    expect(levenshtein('gett', 'get')).toBe(1)
    expect(levenshtein('GETT', 'set')).toBe(2)
    expect(levenshtein('', 'cp')).toBe(2)
    expect(levenshtein('kitten', 'sitting')).toBe(3)
  })

  it('suggests within distance 2 or by prefix, in the given order', () => {
    expect(suggestionsFor('gett', ['set', 'get', 'delete'])).toEqual(['set', 'get'])
    expect(suggestionsFor('api', ['apply', 'api-versions', 'api-resources'])).toEqual(['api-versions', 'api-resources'])
    expect(suggestionsFor('zzzz', ['get'])).toEqual([])
  })
})

describe('unknownCommandText', () => {
  it('at the top level: the suggestions in kubectl\'s order, ktl\'s own commands after', () => {
    expect(unknownCommandText('gett:pods', ['get', 'validate', 'config:view'], 'ktl')).toBe('error: unknown command "gett" for "ktl"\n\nDid you mean this?\n\tget\n')
    expect(unknownCommandText('val', ['validate', 'get', 'apply'], 'ktl')).toBe('error: unknown command "val" for "ktl"\n\nDid you mean this?\n\tvalidate\n')
    expect(unknownCommandText('ap', ['validate', 'apply', 'api-resources', 'api-versions'], 'ktl')).toBe(
      'error: unknown command "ap" for "ktl"\n\nDid you mean this?\n\tapply\n\tapi-versions\n\tapi-resources\n',
    )
    expect(unknownCommandText('zzzz', ['get'], 'ktl')).toBe('error: unknown command "zzzz" for "ktl"\n')
  })

  it('under a command group: kubectl\'s usage error, no suggestions', () => {
    expect(unknownCommandText('config:gett', ['config:view', 'get'], 'ktl')).toBe("error: unknown command \"gett\"\nSee 'ktl config -h' for help and examples\n")
    expect(unknownCommandText('rollout:sttus:deploy/x', ['rollout:status'], 'ktl')).toBe("error: unknown command \"sttus\"\nSee 'ktl rollout -h' for help and examples\n")
  })

  it.skipIf(!existsSync(KUBECTL))('prints what kubectl 1.32 prints given kubectl\'s commands', () => {
    for (const args of [['gett', 'pods'], ['a'], ['c'], ['e'], ['d'], ['GETT'], ['zzzz'], ['config', 'gett'], ['top', 'foo'], ['rollout', 'sttus']]) {
      const want = spawnSync(KUBECTL, args, {encoding: 'utf8'})
      expect(unknownCommandText(args.join(':'), KUBECTL_IDS, 'kubectl'), args.join(' ')).toBe(want.stderr)
      expect(want.status).toBe(1)
    }
  })
})

const home = mkdtempSync(join(tmpdir(), 'ktl-unknown-'))
afterAll(() => rmSync(home, {recursive: true, force: true}))
const ktl = (args: string[]) => spawnNode(['bin/run.js', ...args], {HOME: home})

describe('ktl with a mistyped command (built CLI)', () => {
  it.concurrent.each([
    [['gett', 'pods'], 'error: unknown command "gett" for "ktl"\n\nDid you mean this?\n\tget\n'],
    [['zzzz'], 'error: unknown command "zzzz" for "ktl"\n'],
    [['-n', 'x', 'descrbe', 'pod'], 'error: unknown command "descrbe" for "ktl"\n\nDid you mean this?\n\tdescribe\n'],
    [['config', 'gett'], "error: unknown command \"gett\"\nSee 'ktl config -h' for help and examples\n"],
    [['gett', '--output-errors=json'], '{"reason":"BadRequest","code":400,"message":"unknown command \\"gett\\" for \\"ktl\\"\\n\\nDid you mean this?\\n\\tget"}\n'],
  ])('ktl %j', async (args, stderr) => {
    const run = await ktl(args)
    expect(run).toEqual({stdout: '', stderr, code: 1})
  })
})
