// Go's sort.Sort and sort.Slice as of Go 1.23, the toolchain kubectl 1.32 is built with: a
// pattern-defeating quicksort that is not stable. kubectl sorts events, tolerations and --sort-by
// results with it, so elements that compare equal come out where Go leaves them; this port makes
// the same calls to less and swap in the same order.

/** The sort.Interface methods sort.Sort calls; Len is passed separately. */
export interface SortInterface {
  less(i: number, j: number): boolean
  swap(i: number, j: number): void
}

/** bits.Len for the non-negative lengths a sort sees. */
function bitsLen(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n)
}

/** Go's sort.Sort: the same calls to less and swap, in the same order. */
export function goSort(n: number, data: SortInterface): void {
  if (n <= 1) return
  pdqsort(data, 0, n, bitsLen(n))
}

function insertionSort(data: SortInterface, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1)
  }
}

function siftDown(data: SortInterface, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++
    if (!data.less(first + root, first + child)) return
    data.swap(first + root, first + child)
    root = child
  }
}

function heapSort(data: SortInterface, a: number, b: number): void {
  const first = a
  const hi = b - a
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(data, i, hi, first)
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(first, first + i)
    siftDown(data, 0, i, first)
  }
}

const enum Hint {
  Unknown,
  Increasing,
  Decreasing,
}

const MAX_INSERTION = 12

function pdqsort(data: SortInterface, a: number, b: number, limit: number): void {
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= MAX_INSERTION) {
      insertionSort(data, a, b)
      return
    }
    if (limit === 0) {
      heapSort(data, a, b)
      return
    }
    if (!wasBalanced) {
      breakPatterns(data, a, b)
      limit--
    }

    let [pivot, hint] = choosePivot(data, a, b)
    if (hint === Hint.Decreasing) {
      reverseRange(data, a, b)
      pivot = b - 1 - (pivot - a)
      hint = Hint.Increasing
    }
    if (wasBalanced && wasPartitioned && hint === Hint.Increasing && partialInsertionSort(data, a, b)) return

    // many elements equal to the one before this range: put them first and skip them
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot)
      continue
    }

    const [mid, alreadyPartitioned] = partition(data, a, b, pivot)
    wasPartitioned = alreadyPartitioned
    const leftLen = mid - a
    const rightLen = b - mid
    const balanceThreshold = Math.trunc(length / 8)
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold
      pdqsort(data, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = rightLen >= balanceThreshold
      pdqsort(data, mid + 1, b, limit)
      b = mid
    }
  }
}

function partition(data: SortInterface, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  while (i <= j && data.less(i, a)) i++
  while (i <= j && !data.less(j, a)) j--
  if (i > j) {
    data.swap(j, a)
    return [j, true]
  }
  data.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && data.less(i, a)) i++
    while (i <= j && !data.less(j, a)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  data.swap(j, a)
  return [j, false]
}

function partitionEqual(data: SortInterface, a: number, b: number, pivot: number): number {
  data.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  for (;;) {
    while (i <= j && !data.less(a, i)) i++
    while (i <= j && data.less(a, j)) j--
    if (i > j) break
    data.swap(i, j)
    i++
    j--
  }
  return i
}

function partialInsertionSort(data: SortInterface, a: number, b: number): boolean {
  const maxSteps = 5
  const shortestShifting = 50
  let i = a + 1
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < shortestShifting) return false
    data.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break
        data.swap(j, j - 1)
      }
    }
  }
  return false
}

const UINT64 = (1n << 64n) - 1n

function breakPatterns(data: SortInterface, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  // Go 1.23's xorshift, seeded with the length; later Go releases changed the shift constants
  let random = BigInt(length)
  const modulus = BigInt(2 ** bitsLen(length))
  const from = a + Math.trunc(length / 4) * 2 - 1
  for (let idx = from; idx <= from + 2; idx++) {
    random ^= (random << 13n) & UINT64
    random ^= random >> 17n
    random ^= (random << 5n) & UINT64
    let other = Number(random & (modulus - 1n))
    if (other >= length) other -= length
    data.swap(idx, a + other)
  }
}

function choosePivot(data: SortInterface, a: number, b: number): [number, Hint] {
  const shortestNinther = 50
  const maxSwaps = 4 * 3
  const l = b - a
  const swaps = {count: 0}
  const quarter = Math.trunc(l / 4)
  let i = a + quarter
  let j = a + quarter * 2
  let k = a + quarter * 3
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = median(data, i - 1, i, i + 1, swaps)
      j = median(data, j - 1, j, j + 1, swaps)
      k = median(data, k - 1, k, k + 1, swaps)
    }
    j = median(data, i, j, k, swaps)
  }
  if (swaps.count === 0) return [j, Hint.Increasing]
  if (swaps.count === maxSwaps) return [j, Hint.Decreasing]
  return [j, Hint.Unknown]
}

function order2(data: SortInterface, a: number, b: number, swaps: {count: number}): [number, number] {
  if (data.less(b, a)) {
    swaps.count++
    return [b, a]
  }
  return [a, b]
}

function median(data: SortInterface, a: number, b: number, c: number, swaps: {count: number}): number {
  ;[a, b] = order2(data, a, b, swaps)
  ;[b, c] = order2(data, b, c, swaps)
  ;[a, b] = order2(data, a, b, swaps)
  return b
}

function reverseRange(data: SortInterface, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) data.swap(i, j)
}


/** sort.Slice: sorts `items` in place in the order Go would, and returns them. */
export function goSortSlice<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  goSort(items.length, {
    less: (i, j) => less(items[i], items[j]),
    swap: (i, j) => {
      const t = items[i]
      items[i] = items[j]
      items[j] = t
    },
  })
  return items
}
