// cliflag.MapStringString as `create clusterrole --aggregation-rule` reads it.
import {expect, test} from 'vitest'
import {mapStringString} from '../../src/lib/create/create-b-args.js'

test('pairs split on commas, trimmed, later keys win, empty pieces skipped', () => {
  expect([...mapStringString(['b=1, a = 2 ', 'c=3,,b=4=5'], 'aggregation-rule', 'create clusterrole')]).toEqual([
    ['b', '4=5'],
    ['a', '2'],
    ['c', '3'],
  ])
  expect(mapStringString([''], 'aggregation-rule', 'create clusterrole').size).toBe(0)
  expect(mapStringString(undefined, 'aggregation-rule', 'create clusterrole').size).toBe(0)
})

test('a piece without = is refused as pflag words it', () => {
  expect(() => mapStringString(['a=b,cd'], 'aggregation-rule', 'create clusterrole')).toThrow(
    'error: invalid argument "a=b,cd" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee \'ktl create clusterrole --help\' for usage.',
  )
})
