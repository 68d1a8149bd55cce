import {spawnSync} from 'node:child_process'
import {Parser} from '@oclif/core'
import {describe, expect, it} from 'vitest'
import {FlagValueError} from '../../src/lib/errors.js'
import {bareOptionalValues, intFlag, lastValueWins, normalizeBooleanFlags, overridesFromFlags} from '../../src/lib/kube-command.js'

describe('normalizeBooleanFlags', () => {
  const booleans = new Map([
    ['insecure-skip-tls-verify', false],
    ['show-events', true],
  ])

  it('turns kubectl-style =true into the bare flag and drops =false', () => {
    expect(normalizeBooleanFlags(['get', '--insecure-skip-tls-verify=true', 'pods'], booleans)).toEqual(['get', '--insecure-skip-tls-verify', 'pods'])
    expect(normalizeBooleanFlags(['--insecure-skip-tls-verify=false'], booleans)).toEqual([])
  })

  it('uses the --no- form for flags that default to true', () => {
    expect(normalizeBooleanFlags(['--show-events=false'], booleans)).toEqual(['--no-show-events'])
  })

  it('takes strconv.ParseBool\'s spellings and refuses the rest with pflag\'s error', () => {
    expect(normalizeBooleanFlags(['--insecure-skip-tls-verify=T', '--show-events=0'], booleans)).toEqual(['--insecure-skip-tls-verify', '--no-show-events'])
    expect(() => normalizeBooleanFlags(['--show-events=maybe'], booleans, 'describe', new Map([['show-events', 'e']]))).toThrow(
      'error: invalid argument "maybe" for "-e, --show-events" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'ktl describe --help\' for usage.',
    )
  })

  it('reads a boolean shorthand with a value (-w=false) as pflag does', () => {
    const watch = new Map([['watch', true]])
    const chars = new Map([['watch', 'w'], ['output', 'o']])
    expect(normalizeBooleanFlags(['-w=false', '-w=true', '-o=json'], watch, 'rollout:status', chars)).toEqual(['--no-watch', '--watch', '-o=json'])
    expect(() => normalizeBooleanFlags(['-w=maybe'], watch, 'rollout:status', chars)).toThrow(
      'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'ktl rollout status --help\' for usage.',
    )
  })

  it('leaves string flags, unknown flags and everything after -- alone', () => {
    expect(normalizeBooleanFlags(['--output=true', '--', '--show-events=false'], booleans)).toEqual(['--output=true', '--', '--show-events=false'])
  })
})

describe('intFlag', () => {
  const flags = {'chunk-size': intFlag({bits: 64, default: 500, description: ''}), v: intFlag({bits: 32, base: 10, char: 'v', default: 0, description: ''})}
  const parse = (argv: string[]) => Parser.parse(argv, {flags, context: {id: 'get'} as never})

  it('reads values as pflag does, base prefixes included, and keeps the default', async () => {
    expect((await parse(['--chunk-size=0x10', '-v', '3'])).flags).toEqual({'chunk-size': 16, v: 3})
    expect((await parse([])).flags).toEqual({'chunk-size': 500, v: 0})
  })

  it('refuses a value with pflag\'s one line, kept apart from oclif\'s "Parsing --flag" rewrite', async () => {
    const err = await parse(['--chunk-size=x']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FlagValueError)
    expect((err as FlagValueError).text).toBe('error: invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'ktl get --help\' for usage.')
    await expect(parse(['-v=0x1'])).rejects.toHaveProperty('text', expect.stringMatching(/^error: invalid argument "0x1" for "-v, --v" flag: /))
  })
})

describe('overridesFromFlags', () => {
  it('maps kubectl global flags onto kubeconfig overrides', () => {
    expect(overridesFromFlags({namespace: 'x', 'insecure-skip-tls-verify': false, 'request-timeout': '5s', 'client-key': 'k'})).toEqual({
      kubeconfig: undefined,
      context: undefined,
      cluster: undefined,
      user: undefined,
      namespace: 'x',
      server: undefined,
      token: undefined,
      certificateAuthority: undefined,
      clientCertificate: undefined,
      clientKey: 'k',
      insecureSkipTlsVerify: undefined,
      tlsServerName: undefined,
      requestTimeout: '5s',
      impersonate: undefined,
      impersonateUid: undefined,
      impersonateGroups: undefined,
    })
  })

  it('maps --as, --as-uid and --as-group onto the impersonation overrides', () => {
    expect(overridesFromFlags({as: 'bob', 'as-uid': '7', 'as-group': ['g1', 'g2']})).toMatchObject({impersonate: 'bob', impersonateUid: '7', impersonateGroups: ['g1', 'g2']})
  })
})

// The machine's own Node (20) is older than ktl supports: bin/run.js must say so in one line.
const systemNode = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], {encoding: 'utf8'})
const systemMajor = Number(systemNode.stdout?.split('.')[0])

describe('bin/run.js', () => {
  it.runIf(systemMajor > 0 && systemMajor < 22)('refuses Node older than 22 with one line and exit 1', () => {
    const run = spawnSync('/usr/bin/node', ['bin/run.js', 'version', '--client'], {encoding: 'utf8'})
    expect(run.stderr).toBe(`error: ktl requires Node.js 22 or newer (this is v${systemNode.stdout.trim()})\n`)
    expect(run.status).toBe(1)
  })
})

describe('bareOptionalValues', () => {
  it('gives a bare --dry-run and --cascade their no-value meaning, for commands that have them, before --', () => {
    const flags = {'dry-run': {}, cascade: {}, filename: {}}
    expect(bareOptionalValues(['--dry-run', '-f', 'x.yaml', '--cascade', '--', '--dry-run'], flags)).toEqual([
      '--dry-run=unchanged', '-f', 'x.yaml', '--cascade=background', '--', '--dry-run',
    ])
    expect(bareOptionalValues(['--dry-run=server', '--cascade=orphan'], flags)).toEqual(['--dry-run=server', '--cascade=orphan'])
    expect(bareOptionalValues(['--dry-run', 'x'], {filename: {}})).toEqual(['--dry-run', 'x'])
  })
})

describe('lastValueWins', () => {
  const flags = {
    namespace: {char: 'n', type: 'option' as const},
    output: {char: 'o', type: 'option' as const},
    filename: {char: 'f', type: 'option' as const, multiple: true},
    watch: {char: 'w', type: 'boolean' as const},
  }

  it("keeps each flag's last value, in every spelling pflag takes", () => {
    expect(lastValueWins(['get', 'po', '-n', 'a', '--namespace=b', '-nc'], flags)).toEqual(['get', 'po', '-nc'])
    expect(lastValueWins(['get', 'po', '-o', 'name', 'web', '-o=json'], flags)).toEqual(['get', 'po', 'web', '-o=json'])
    expect(lastValueWins(['get', 'po', '--watch', '-w', '--no-watch'], flags)).toEqual(['get', 'po', '--no-watch'])
  })

  it('keeps every value of a flag that collects them, and what follows --', () => {
    expect(lastValueWins(['apply', '-f', 'a.yaml', '-f', 'b.yaml'], flags)).toEqual(['apply', '-f', 'a.yaml', '-f', 'b.yaml'])
    expect(lastValueWins(['exec', '-n', 'a', '--', 'sh', '-n', 'b'], flags)).toEqual(['exec', '-n', 'a', '--', 'sh', '-n', 'b'])
  })

  it('leaves unknown flags and positional words alone', () => {
    expect(lastValueWins(['get', '--bogus', 'x', '--bogus', 'y'], flags)).toEqual(['get', '--bogus', 'x', '--bogus', 'y'])
  })
})
