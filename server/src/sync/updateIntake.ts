import {
  CloseCode,
  encodePermissionDeniedFrame,
  PERMISSION_DENIED_READ_ONLY,
  type Limits,
} from '@koers/protocol'
import * as Y from 'yjs'
import { metrics } from '../metrics.ts'
import { ClientOwners } from './clientOwners.ts'
import type { Connection } from './connection.ts'
import { HEAP_BYTES_PER_UPDATE_BYTE, type DocumentSize } from './documentSize.ts'
import type { SyncReplies } from './syncReplies.ts'
import { decodeUntrusted } from './untrusted.ts'
import { WriteGuard } from './writeGuard.ts'

/** Lets a room grow only while the server's memory budget allows (LIM-3). */
export interface MemoryBudget {
  /**
   * Whether `room` may use about `bytes` more heap now (idle rooms may be evicted to make room);
   * `room` is null for a room that is not loaded yet.
   */
  allowGrowth(room: { size: DocumentSize } | null, bytes: number): boolean
}

/**
 * Yjs keeps an update it cannot integrate yet (a gap in a client's clock, a deletion of items
 * it has not seen) as pending and retries it inside every later transaction. A stock client on
 * an ordered socket never needs that; a crafted one could use it to slip a deletion into a
 * facilitator's transaction past the protection, or to grow the document unseen. So the room
 * never keeps pending state. Returns whether there was any.
 */
export const dropPending = (doc: Y.Doc): boolean => {
  const { store } = doc
  if (store.pendingStructs === null && store.pendingDs === null) return false
  store.pendingStructs = null
  store.pendingDs = null
  return true
}

/**
 * Every update a client sends passes here, cheapest checks first: a viewer's is refused
 * (PERM-3); then the document's size in bytes (SYNC-16) and the server's memory (LIM-3); the
 * client id it writes with (SYNC-19); then it is applied under the write policy (SYNC-20), where
 * a document grown past its struct cap is reverted whole (LIM-2).
 */
export class UpdateIntake {
  private guard: WriteGuard | null = null

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: Limits,
    readonly size: DocumentSize,
    private readonly owners: ClientOwners,
    private readonly replies: SyncReplies,
    private readonly budget: MemoryBudget,
  ) {}

  receive(connection: Connection, update: Uint8Array, empty: boolean): void {
    if (empty) return this.replies.resynced(connection)
    metrics.updatesIn.inc()
    if (connection.access.kind === 'read-only') {
      // A returning viewer's step 2 repeats what the room already has: not a change (PROTO-3).
      const known = decodeUntrusted(() => Y.snapshotContainsUpdate(Y.snapshot(this.doc), update))
      if (known === null) return connection.close(CloseCode.MalformedFrame)
      if (!known) this.refuseReadOnly(connection)
      return
    }
    if (!this.size.fits(update.byteLength, this.limits.maxDocumentBytes)) {
      return connection.close(CloseCode.DocumentTooLarge)
    }
    if (!this.budget.allowGrowth(this, update.byteLength * HEAP_BYTES_PER_UPDATE_BYTE)) {
      return connection.close(CloseCode.TryAgainLater)
    }
    switch (this.owners.admit(connection.principal.participantId, update)) {
      case 'malformed':
        return connection.close(CloseCode.MalformedFrame)
      case 'foreign':
        return connection.close(CloseCode.PermissionDenied)
      case 'admitted':
        break
    }
    this.guard ??= new WriteGuard(this.doc)
    let resync = false
    const result = this.guard.apply(
      connection,
      () => {
        Y.applyUpdate(this.doc, update, connection)
        // SYNC-13: what cannot be integrated now is never kept pending; the client is asked for
        // what the room lacks, and its answer brings it complete and in order.
        resync = dropPending(this.doc)
      },
      () => this.size.recount() > this.limits.maxDocumentItems,
    )
    // Decodable but inconsistent updates make Yjs throw; that is the sender's fault (SYNC-7).
    if (result.kind === 'malformed') {
      dropPending(this.doc)
      return connection.close(CloseCode.MalformedFrame)
    }
    if (result.kind === 'too-large') return connection.close(CloseCode.DocumentTooLarge)
    if (resync) this.replies.dropped(connection, update)
    else this.replies.resynced(connection)
    if (result.kind === 'reverted') this.refused(connection, result.reasons[0] ?? 'invalid')
  }

  /** PERM-3: a viewer's change is answered, never applied; one that keeps trying is closed. */
  refuseReadOnly(connection: Connection): void {
    this.refused(connection, PERMISSION_DENIED_READ_ONLY)
  }

  destroy(): void {
    this.guard?.destroy()
  }

  private refused(connection: Connection, reason: string): void {
    metrics.revertedChanges.inc({ reason })
    connection.reverts++
    connection.send(encodePermissionDeniedFrame(reason))
    if (connection.reverts >= this.limits.maxRevertsBeforeClose) {
      connection.close(CloseCode.PermissionDenied)
    }
  }
}
