// A timer for a deadline any distance away: setTimeout holds at most 2^31-1 ms (about 24.8 days)
// and fires at once for anything longer, so longer waits are armed in steps.
const MAX_TIMER_MS = 2 ** 31 - 1

export class DeadlineTimer {
  private timer?: NodeJS.Timeout
  constructor(
    private deadline: number,
    private fire: () => void,
  ) {
    this.arm()
  }

  private arm(): void {
    const left = this.deadline - Date.now()
    if (left <= 0) {
      this.fire()
      return
    }
    this.timer = setTimeout(() => this.arm(), Math.min(left, MAX_TIMER_MS))
  }

  clear(): void {
    clearTimeout(this.timer)
  }
}
