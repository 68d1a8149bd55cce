import {describe, expect, test} from 'vitest'
import {parseLabelSelector} from '../../src/lib/resources/label-selector.js'

describe('parseLabelSelector', () => {
  const labels = {app: 'web', tier: 'front', n: '5'}
  test.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (db, web)', true],
    ['app notin (db,web)', false],
    ['missing notin (a)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app=web,tier=back', false],
    ['app=web, tier in (front)', true],
    ['n>4', true],
    ['n<5', false],
    ['app==web,n>3', true],
    ['', true],
  ])('%s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected)
  })

  test('objects without labels', () => {
    expect(parseLabelSelector('!a')(undefined)).toBe(true)
    expect(parseLabelSelector('a')(undefined)).toBe(false)
  })

  test.each([
    ['a=b,x y', "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=(b', "unable to parse requirement: found '(', expected: identifier"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a=b,,', "found ',', expected: identifier after ','"],
  ])('%s is refused with kubectl\'s builder error', (selector, why) => {
    expect(() => parseLabelSelector(selector)).toThrow(`error: the provided selector "${selector}" is not valid: ${why}`)
  })
})
