// Runs tasks with at most `limit` in flight and hands their results over in input order, so a verb can
// work on many objects at once and still print as if it had done them one by one.

export async function forEachOrdered<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
  onResult: (result: R, item: T, index: number) => void | Promise<void>,
): Promise<void> {
  const pending: Array<Promise<R>> = []
  let next = 0
  const start = () => {
    const i = next++
    pending[i] = run(items[i], i)
    // The rejection is handled when its turn comes; until then it must not count as unhandled.
    pending[i].catch(() => undefined)
  }
  while (next < items.length && next < limit) start()
  for (let i = 0; i < items.length; i++) {
    const result = await pending[i]
    delete pending[i]
    if (next < items.length) start()
    await onResult(result, items[i], i)
  }
}
