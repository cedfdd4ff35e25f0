/**
 * Which stored updates of one document a room holds (SCALE-3): every seq up to `through`, plus
 * some above it that arrived early (its own commits, or bus messages out of order). A seq above
 * a hole means a bus message is missing or late: the room catches up from the store.
 */
export class SeqTracker {
  private readonly ahead = new Set<number>()

  constructor(private throughSeq: number) {}

  get through(): number {
    return this.throughSeq
  }

  /** Whether some seq above `through` is held while one below it is not. */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  has(seq: number): boolean {
    return seq <= this.throughSeq || this.ahead.has(seq)
  }

  add(seq: number): void {
    if (this.has(seq)) return
    this.ahead.add(seq)
    while (this.ahead.delete(this.throughSeq + 1)) this.throughSeq++
  }

  /** Everything up to `seq` is held (a catch-up from the store brought it). */
  caughtUp(seq: number): void {
    if (seq <= this.throughSeq) return
    this.throughSeq = seq
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held)
    while (this.ahead.delete(this.throughSeq + 1)) this.throughSeq++
  }
}
