import { errorFields, type Logger } from '../log.ts'
import { metrics } from '../metrics.ts'
import type { ClientClaim, DocumentStore } from '../store/documentStore.ts'
import type { Room, RoomScheduler } from './room.ts'

/**
 * Group commit (DUR-1, SYNC-5). Rooms that changed are collected; at the end of the event-loop
 * turn (setImmediate) ONE store append writes every room's merged update, and only after it
 * succeeded each room broadcasts its merged update. Under load, commits are at least
 * `intervalMs` apart, so the updates of that window share one commit and one frame per socket:
 * in a busy room that divides the socket writes, which is where the server's time goes.
 * Commits run one after another, so broadcast order is store order.
 */
export class BroadcastBatcher implements RoomScheduler {
  private readonly dirty = new Set<Room>()
  private pending: { cancel: () => void } | null = null
  private lastRun = -Infinity
  private chain: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  schedule(room: Room): void {
    this.dirty.add(room)
    if (this.pending) return
    const wait = this.lastRun + this.intervalMs - performance.now()
    if (wait <= 0) {
      const immediate = setImmediate(this.run)
      this.pending = { cancel: () => clearImmediate(immediate) }
    } else {
      const timer = setTimeout(this.run, wait)
      this.pending = { cancel: () => clearTimeout(timer) }
    }
  }

  /** Commits everything queued so far; resolves when it is stored and broadcast. */
  flush(): Promise<void> {
    if (this.pending) {
      this.pending.cancel()
      this.run()
    }
    return this.chain
  }

  private readonly run = (): void => {
    this.pending = null
    this.lastRun = performance.now()
    const rooms = [...this.dirty]
    this.dirty.clear()
    this.chain = this.chain.then(() => this.commit(rooms))
  }

  private async commit(rooms: Room[]): Promise<void> {
    const batch: { room: Room; update: Uint8Array; claims: ClientClaim[] }[] = []
    let settled = 0
    try {
      for (const room of rooms) {
        const taken = room.takePendingUpdate()
        if (taken) batch.push({ room, ...taken })
      }
      if (batch.length === 0) return
      const stopTimer = metrics.commitSeconds.startTimer()
      const seqs = await this.store.append(
        batch.map(({ room, update, claims }) => ({ docId: room.docId, update, claims })),
      )
      stopTimer()
      for (const { room, update, claims } of batch) {
        room.commitSucceeded(update, seqs[settled] ?? room.lastSeq, claims)
        settled++
      }
    } catch (error) {
      // The store failed, or a room did while merging or sending: the rooms of this batch are
      // closed (DUR-6) and the chain goes on for everyone else.
      this.log.error('commit failed', { rooms: batch.length, ...errorFields(error) })
      for (const { room } of batch.slice(settled)) room.commitFailed()
    }
  }
}
