import { writeRoundCounts } from '@koers/doc-model'
import { errorFields, type Logger } from '../log.ts'
import type { RoundStore } from '../store/roundStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { ensureRoundInDocument } from './roundDocument.ts'

/** ROUND-3: how long input to one round is gathered before its counts are written. */
export const COUNT_INTERVAL_MS = 1_000

/**
 * ROUND-3: writes a round's live counts (people, cards; never content) into `session.rounds`
 * at most once per interval per round, read from the store so several instances agree.
 */
export class CountWriter {
  private readonly pending = new Map<string, NodeJS.Timeout>()
  private stopped = false

  constructor(
    private readonly store: RoundStore,
    private readonly registry: RoomRegistry,
    private readonly log: Logger,
    private readonly intervalMs = COUNT_INTERVAL_MS,
  ) {}

  schedule(workspaceId: string, roundId: string): void {
    const key = `${workspaceId}/${roundId}`
    if (this.stopped || this.pending.has(key)) return
    const timer = setTimeout(() => {
      this.pending.delete(key)
      void this.write(workspaceId, roundId)
    }, this.intervalMs)
    timer.unref()
    this.pending.set(key, timer)
  }

  private async write(workspaceId: string, roundId: string): Promise<void> {
    try {
      const round = await this.store.get(workspaceId, roundId)
      if (!round || round.status !== 'open') return
      const counts =
        round.kind === 'brainstorm'
          ? await this.store.cardCounts(workspaceId, roundId)
          : { cards: 0, authors: await this.store.ballotCount(workspaceId, roundId) }
      await this.registry.writeAsServer(workspaceId, (doc) => {
        // A reveal written meanwhile has the final counts.
        if (ensureRoundInDocument(doc, round)?.status !== 'open') return
        writeRoundCounts(doc, roundId, { participants: counts.authors, cards: counts.cards })
      })
    } catch (error) {
      this.log.warn('round counts not written', { workspaceId, roundId, ...errorFields(error) })
    }
  }

  stop(): void {
    this.stopped = true
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }
}
