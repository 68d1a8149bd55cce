// kubectl delete's flag values: cascade strategies, grace periods, --timeout and -o, each with
// kubectl 1.32's words for what it refuses.
import {describe, expect, it} from 'vitest'
import {parseDurationFlag} from '../../src/lib/duration-flag.js'
import {parseIntFlag} from '../../src/lib/int-flag.js'
import {effectiveGracePeriod, parseCascade, validateOutput} from '../../src/lib/ops/delete-options.js'

// What the --grace-period (intFlag, 64 bits) and --timeout (durationFlag) flags of delete parse with.
const parseGracePeriodFlag = (text: string) => parseIntFlag(text, 64, 'grace-period', 'delete')
const parseTimeoutFlag = (text: string) => parseDurationFlag('timeout', text, 'delete')

function cascade(value: string): {policy?: string; warnings: string[]} {
  const warnings: string[] = []
  return {policy: parseCascade(value, (w) => warnings.push(w)), warnings}
}

describe('--cascade', () => {
  it('takes the three strategies', () => {
    expect(cascade('background')).toEqual({policy: 'Background', warnings: []})
    expect(cascade('foreground')).toEqual({policy: 'Foreground', warnings: []})
    expect(cascade('orphan')).toEqual({policy: 'Orphan', warnings: []})
  })

  it("takes Go's boolean spellings with kubectl's deprecation warning", () => {
    expect(cascade('true')).toEqual({
      policy: 'Background',
      warnings: ['warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.'],
    })
    expect(cascade('F')).toEqual({
      policy: 'Orphan',
      warnings: ['warning: --cascade=F is deprecated (boolean value) and can be replaced with --cascade=orphan.'],
    })
    expect(cascade('1').policy).toBe('Background')
    expect(cascade('FALSE').policy).toBe('Orphan')
  })

  it('refuses anything else, capitals included', () => {
    expect(() => cascade('Orphan')).toThrow('error: invalid cascade value (Orphan). Must be "background", "foreground", or "orphan"')
    expect(() => cascade('yes')).toThrow('error: invalid cascade value (yes). Must be "background", "foreground", or "orphan"')
  })
})

describe('grace period', () => {
  const grace = (gracePeriod: number, now = false, force = false) => effectiveGracePeriod({gracePeriod, now, force})

  it('sends none by default, 1 for --now, 0 for --force', () => {
    expect(grace(-1)).toBe(-1)
    expect(grace(-1, true)).toBe(1)
    expect(grace(-1, false, true)).toBe(0)
    expect(grace(30)).toBe(30)
  })

  it('turns --grace-period=0 into 1 unless --force', () => {
    expect(grace(0)).toBe(1)
    expect(grace(0, false, true)).toBe(0)
  })

  it('refuses --now with --grace-period', () => {
    expect(() => grace(5, true)).toThrow('error: --now and --grace-period cannot be specified together')
  })

  it("reads the flag as pflag's IntVar does", () => {
    expect(parseGracePeriodFlag('-1')).toBe(-1)
    expect(parseGracePeriodFlag('30')).toBe(30)
    expect(parseGracePeriodFlag('0x10')).toBe(16)
    expect(parseGracePeriodFlag('010')).toBe(8)
    expect(() => parseGracePeriodFlag('abc')).toThrow(
      'error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'ktl delete --help\' for usage.',
    )
    expect(() => parseGracePeriodFlag('99999999999999999999')).toThrow(
      'error: invalid argument "99999999999999999999" for "--grace-period" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    )
  })
})

describe('--timeout', () => {
  it('reads Go durations', () => {
    expect(parseTimeoutFlag('0s')).toBe(0)
    expect(parseTimeoutFlag('0')).toBe(0)
    expect(parseTimeoutFlag('1m30s')).toBe(90_000)
    expect(parseTimeoutFlag('1.5s')).toBe(1500)
    expect(parseTimeoutFlag('-2s')).toBe(-2000)
    expect(parseTimeoutFlag('250ms')).toBe(250)
  })

  it("refuses bad values with time.ParseDuration's words", () => {
    const usage = "\nSee 'ktl delete --help' for usage."
    expect(() => parseTimeoutFlag('abc')).toThrow(`error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"${usage}`)
    expect(() => parseTimeoutFlag('1')).toThrow(`error: invalid argument "1" for "--timeout" flag: time: missing unit in duration "1"${usage}`)
    expect(() => parseTimeoutFlag('1x')).toThrow(`error: invalid argument "1x" for "--timeout" flag: time: unknown unit "x" in duration "1x"${usage}`)
    expect(() => parseTimeoutFlag('')).toThrow('time: invalid duration ""')
    expect(() => parseTimeoutFlag('.s')).toThrow('time: invalid duration ".s"')
  })
})

describe('-o', () => {
  it('takes only name', () => {
    expect(() => validateOutput(undefined)).not.toThrow()
    expect(() => validateOutput('name')).not.toThrow()
    expect(() => validateOutput('yaml')).toThrow("error: unexpected -o output mode: yaml. We only support '-o name'")
  })
})
