// strconv.ParseBool's spellings and time.RFC3339, as kubectl's flags and messages use them.
import {describe, expect, it} from 'vitest'
import {parseGoBool} from '../../src/lib/go/strconv.js'
import {formatRFC3339} from '../../src/lib/go/time.js'

describe('parseGoBool', () => {
  it('takes exactly strconv.ParseBool spellings', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual([true, true, true, true, true, true])
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual([false, false, false, false, false, false])
    expect(['yes', 'tRUE', 'on', '', ' true'].map(parseGoBool)).toEqual([undefined, undefined, undefined, undefined, undefined])
  })
})

describe('formatRFC3339', () => {
  it('prints UTC with Z and whole seconds', () => {
    expect(formatRFC3339(new Date(Date.UTC(2026, 11, 7, 9, 5, 3, 999)), true)).toBe('2026-12-07T09:05:03Z')
  })

  it('prints local time with the local offset', () => {
    const t = new Date(Date.UTC(2026, 0, 2, 3, 4, 5))
    const offset = -t.getTimezoneOffset()
    const expected = offset === 0 ? /Z$/ : new RegExp(`${offset < 0 ? '-' : '\\+'}\\d\\d:\\d\\d$`)
    expect(formatRFC3339(t)).toMatch(expected)
    expect(new Date(formatRFC3339(t)).getTime()).toBe(t.getTime())
  })
})
