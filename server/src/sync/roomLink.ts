import { CloseCode } from '@koers/protocol'
import type { Bus, BusUpdate, RoomSubscriber } from '../bus/bus.ts'
import { errorFields, type Logger } from '../log.ts'
import { metrics } from '../metrics.ts'
import type { ClientClaim, DocumentStore } from '../store/documentStore.ts'
import type { Room, RoomPeers } from './room.ts'

/** How long a hole in the seqs may wait for a late bus message before the store is asked. */
const LATE_MESSAGE_MS = 150

/**
 * One room's link to the other instances (SCALE-3). It publishes what this room stored and its
 * sockets' awareness, applies what others stored (once: seqs already held are skipped, so a
 * duplicate changes nothing), and repairs a lost or late message from the store: a seq above a
 * hole, or an update Yjs could not integrate, starts a catch-up of everything after the last
 * contiguous seq.
 */
export class RoomLink implements RoomPeers, RoomSubscriber {
  private readonly unsubscribe: () => void
  private timer: NodeJS.Timeout | null = null
  private holeTimer: NodeJS.Timeout | null = null
  private catchingUp: Promise<void> | null = null
  private closed = false

  constructor(
    private readonly room: Room,
    private readonly bus: Bus,
    private readonly store: DocumentStore,
    private readonly log: Logger,
  ) {
    this.unsubscribe = bus.subscribe(room.docId, this)
    room.attachPeers(this)
    // What was stored between the room's load and this subscription came by no message.
    void this.catchUp()
  }

  committed(seq: number, update: Uint8Array, claims: readonly ClientClaim[]): void {
    this.bus.publishUpdate(this.room.docId, { seq, update, claims })
    this.checkHole()
  }

  awarenessChanged(update: Uint8Array): void {
    this.bus.publishAwareness(this.room.docId, update)
  }

  update({ seq, update, claims, sentAt }: BusUpdate): void {
    if (sentAt !== undefined) metrics.busLagSeconds.observe(Math.max(0, Date.now() - sentAt) / 1000)
    if (this.closed || this.room.seqs.has(seq)) return
    if (this.room.applyRemote(update, claims)) this.room.seqs.add(seq)
    else this.catchUpSoon(0)
    this.checkHole()
  }

  awareness(update: Uint8Array): void {
    this.room.applyRemoteAwareness(update)
  }

  sessionsEnded(participantIds: readonly string[]): void {
    if (!this.closed) this.room.closeParticipants(participantIds, CloseCode.SessionEnded)
  }

  /** Applies everything stored after the last contiguous seq. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.fetch().finally(() => {
      this.catchingUp = null
    })
    return this.catchingUp
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    if (this.holeTimer) clearTimeout(this.holeTimer)
    this.unsubscribe()
  }

  /**
   * Waits for the message that fills a hole; asks the store only if that same hole is still
   * open when the wait ends. Two instances storing into one document open and fill such holes
   * all the time (one stores seq n + 1 before the other's seq n reached it over the bus).
   */
  private checkHole(): void {
    if (!this.room.seqs.hasGap || this.holeTimer || this.closed) return
    const holeAfter = this.room.seqs.through
    this.holeTimer = setTimeout(() => {
      this.holeTimer = null
      if (this.room.seqs.through > holeAfter) this.checkHole()
      else void this.catchUp()
    }, LATE_MESSAGE_MS)
    this.holeTimer.unref()
  }

  private catchUpSoon(delayMs: number): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.catchUp()
    }, delayMs)
    this.timer.unref()
  }

  private async fetch(): Promise<void> {
    if (this.closed || this.room.isDestroyed) return
    const from = this.room.seqs.through
    metrics.busCatchUps.inc()
    try {
      const stored = await this.store.catchUp(this.room.docId, from)
      if (!stored || this.closed || this.room.isDestroyed) return
      for (const update of stored.updates) this.room.applyRemote(update, stored.claims)
      this.room.seqs.caughtUp(stored.seq)
    } catch (error) {
      this.log.warn('catch-up from the store failed', {
        workspaceId: this.room.docId,
        ...errorFields(error),
      })
      this.catchUpSoon(1_000)
    }
  }
}
