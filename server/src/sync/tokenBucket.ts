/** A budget of `ratePerSecond` sustained and `burst` at once (messages, or bytes with `take(n)`). */
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

  take(cost = 1): boolean {
    const now = this.now()
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.last) * this.ratePerSecond) / 1000,
    )
    this.last = now
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
