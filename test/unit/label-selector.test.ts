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
    ['', true],
  ])('%s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected)
  })

  test('objects without labels', () => {
    expect(parseLabelSelector('!a')(undefined)).toBe(true)
    expect(parseLabelSelector('a')(undefined)).toBe(false)
  })

  test('an unparsable requirement names itself', () => {
    expect(() => parseLabelSelector('a=b,x y')).toThrow(`error: unable to parse requirement: found 'x y', in selector "a=b,x y"`)
  })
})
