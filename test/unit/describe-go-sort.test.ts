// goSort leaves equal elements exactly where Go's sort.Sort leaves them (orders recorded from Go).
import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {goSortSlice as goSort} from '../../src/lib/go/sort.js'

interface SortCase {
  keys: number[]
  order: number[]
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/describe/go-sort/cases.json', import.meta.url), 'utf8')) as SortCase[]

describe('goSort', () => {
  test.each(cases.map((c, i) => [`${c.keys.length} keys, case ${i}`, c] as const))('%s', (_name, c) => {
    const items = c.keys.map((key, id) => ({key, id}))
    goSort(items, (a, b) => a.key < b.key)
    expect(items.map((i) => i.id)).toEqual(c.order)
  })

  test('sorts in place and returns the same array', () => {
    const items = [3, 1, 2]
    expect(goSort(items, (a, b) => a < b)).toBe(items)
    expect(items).toEqual([1, 2, 3])
  })
})
