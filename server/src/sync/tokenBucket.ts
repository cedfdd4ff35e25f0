/** Per-connection message budget: `ratePerSecond` sustained, `burst` at once. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = burst
    this.last = now()
  }

  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.last) * this.ratePerSecond) / 1000,
    )
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
