import type { Logger } from '../log.ts'
import type { DocumentSize } from './documentSize.ts'
import type { MemoryBudget } from './updateIntake.ts'

/** Above this share of the memory budget, idle rooms are unloaded at once (LIM-3). */
const EVICT_IDLE_ABOVE = 0.8
/** Past the budget, rooms other than the largest may still grow this much at a time: typing. */
const SMALL_GROWTH_BYTES = 64 * 1024
const WARNING_INTERVAL_MS = 10_000

const total = (sizes: DocumentSize[]): number =>
  sizes.reduce((sum, size) => sum + size.heapBytes, 0)

/**
 * LIM-3: the heap the loaded documents may cost together. Near the budget, idle rooms whose
 * changes are all stored are unloaded at once (their next load replays the log). Past it, new
 * loads are refused, and so is growth, except small growth (typing) in a room that is not the
 * largest: the room that floods the server stops, every other room keeps working.
 */
export class RoomMemoryBudget implements MemoryBudget {
  private lastWarning = -Infinity

  constructor(
    private readonly budgetBytes: number,
    /** The sizes of the rooms loaded now. */
    private readonly loaded: () => DocumentSize[],
    private readonly evictIdleRooms: () => void,
    private readonly log: Logger,
  ) {}

  /** What the loaded documents cost in the heap, estimated from their structs and size. */
  get used(): number {
    return total(this.loaded())
  }

  allowGrowth(room: { size: DocumentSize } | null, bytes: number): boolean {
    let sizes = this.loaded()
    if (total(sizes) + bytes > this.budgetBytes * EVICT_IDLE_ABOVE) {
      this.evictIdleRooms()
      sizes = this.loaded()
    }
    const used = total(sizes)
    if (used + bytes <= this.budgetBytes) return true
    const larger = (size: DocumentSize): boolean => size.heapBytes > room!.size.heapBytes
    if (room && bytes <= SMALL_GROWTH_BYTES && sizes.some(larger)) return true
    const now = performance.now()
    if (now - this.lastWarning > WARNING_INTERVAL_MS) {
      this.lastWarning = now
      this.log.warn('memory budget reached: refusing to load or grow documents', {
        usedMb: Math.round(used / 2 ** 20),
        budgetMb: Math.round(this.budgetBytes / 2 ** 20),
        rooms: sizes.length,
      })
    }
    return false
  }
}
