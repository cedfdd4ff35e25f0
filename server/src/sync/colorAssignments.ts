import { PARTICIPANT_COLORS, preferredColorIndex } from '@koers/protocol'

interface Holder {
  index: number
  connections: number
}

/**
 * PERM-6: which palette colour each participant present in a room has. A participant arriving
 * gets the colour they had earlier in this room, else their preferred (hashed) colour, else the
 * first colour of the palette, each only when no one present has it. With every colour taken the
 * same order applies among the colours the fewest people present share. All tabs of one participant share one
 * colour, kept until their last connection leaves. Only arrivals and departures do work (a scan
 * of the 24 colours); stamping a frame reads the colour from its connection.
 */
export class ColorAssignments {
  private readonly holders = new Map<string, Holder>()
  /** Participants present per palette position. */
  private readonly uses = new Array<number>(PARTICIPANT_COLORS.length).fill(0)
  /** The colour a participant had when they last left, to give it back if it is still free. */
  private readonly previous = new Map<string, number>()

  /** A connection of this participant arrives; returns their colour. */
  acquire(participantId: string): string {
    const holder = this.holders.get(participantId)
    if (holder) {
      holder.connections++
      return PARTICIPANT_COLORS[holder.index]!
    }
    const index = this.choose(participantId)
    this.uses[index]!++
    this.holders.set(participantId, { index, connections: 1 })
    return PARTICIPANT_COLORS[index]!
  }

  /** A connection of this participant leaves; the colour is freed with their last one. */
  release(participantId: string): void {
    const holder = this.holders.get(participantId)
    if (!holder) return
    holder.connections--
    if (holder.connections > 0) return
    this.holders.delete(participantId)
    this.uses[holder.index]!--
    this.previous.set(participantId, holder.index)
  }

  /** Participants present (for tests and diagnostics). */
  get present(): number {
    return this.holders.size
  }

  /** The wished colours (earlier, preferred) when among the least used, else the first of those. */
  private choose(participantId: string): number {
    const fewest = Math.min(...this.uses)
    for (const wish of [this.previous.get(participantId), preferredColorIndex(participantId)]) {
      if (wish !== undefined && this.uses[wish] === fewest) return wish
    }
    return this.uses.indexOf(fewest)
  }
}
