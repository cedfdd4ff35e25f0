import {
  CloseCode,
  encodeAwarenessFrame,
  encodePermissionDeniedFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
  PERMISSION_DENIED_READ_ONLY,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import * as Y from 'yjs'
import type { ClientClaim, StoredDocument } from '../store/documentStore.ts'
import type { Connection, ConnectionHost } from './connection.ts'
import { isRoomOrigin, LOAD_ORIGIN } from './origin.ts'
import { ClientOwners } from './clientOwners.ts'
import { WriteGuard } from './writeGuard.ts'
import { RoomPresence } from './roomPresence.ts'

/** How a room hands its work to the per-tick commit (see BroadcastBatcher). */
export interface RoomScheduler {
  schedule(room: Room): void
}

export interface RoomEvents {
  /** The last connection left. */
  onEmpty(room: Room): void
  /** A store append failed; the room closed its sockets and must be discarded. */
  onBroken(room: Room): void
  /** The log grew past the compaction threshold. */
  onCompactionDue(room: Room): void
}

/**
 * Yjs keeps an update it cannot integrate yet (a gap in a client's clock, a deletion of items
 * it has not seen) as pending and retries it inside every later transaction. A stock client on
 * an ordered socket never needs that; a crafted one could use it to slip a deletion into a
 * facilitator's transaction past the protection, or to grow the document unseen. So the room
 * never keeps pending state. Returns whether there was any.
 */
const dropPending = (doc: Y.Doc): boolean => {
  const { store } = doc
  if (store.pendingStructs === null && store.pendingDs === null) return false
  store.pendingStructs = null
  store.pendingDs = null
  return true
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * One workspace document in memory with its connections. Transport-agnostic: it knows
 * Connections, never sockets or Hono. Incoming updates are applied at once and queued; the
 * BroadcastBatcher stores the queue of a tick in one transaction and only then the room
 * broadcasts one merged frame to every connection (DUR-1, SYNC-5).
 */
export class Room implements ConnectionHost {
  readonly doc = new Y.Doc({ gc: true })
  readonly presence: RoomPresence
  readonly connections = new Set<Connection>()
  /** Sequence number of the last stored update. */
  lastSeq: number
  /** Log rows since the last snapshot. */
  logRows: number
  /** Upper bound of the document's encoded size (stored bytes + accepted updates). */
  docBytes: number
  private pending: Uint8Array[] = []
  private inFlight = 0
  /** Connections with a sync step 1 that waits for a commit or for their resync (SYNC-10). */
  private readonly deferredReplies = new Set<Connection>()
  private guard: WriteGuard | null = null
  private readonly owners: ClientOwners
  private presenceTimer: NodeJS.Timeout | null = null
  private lastPresenceFlush = 0
  private destroyed = false

  constructor(
    readonly docId: string,
    stored: StoredDocument,
    private readonly limits: Limits,
    private readonly scheduler: RoomScheduler,
    private readonly events: RoomEvents,
  ) {
    this.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN)
    }, LOAD_ORIGIN)
    dropPending(this.doc)
    this.owners = new ClientOwners(this.doc, stored.owners)
    this.lastSeq = stored.seq
    this.logRows = stored.logRows
    this.docBytes = stored.bytes
    this.doc.on('update', this.onDocUpdate)
    this.presence = new RoomPresence(this.doc, this.limits.maxAwarenessStateBytes, () =>
      this.schedulePresenceFlush(),
    )
  }

  get isDestroyed(): boolean {
    return this.destroyed
  }

  /** True while updates are applied but not yet stored. */
  get hasUncommitted(): boolean {
    return this.pending.length > 0 || this.inFlight > 0
  }

  addConnection(connection: Connection): void {
    if (this.destroyed) {
      connection.close(CloseCode.StoreUnavailable)
      return
    }
    this.connections.add(connection)
    connection.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)))
    const everyone = this.presence.encodeAll()
    if (everyone) connection.send(encodeAwarenessFrame(everyone))
    connection.attach(this)
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.deferredReplies.delete(connection)
    this.presence.release(connection)
    if (this.connections.size === 0 && !this.destroyed) this.events.onEmpty(this)
  }

  handleFrame(connection: Connection, frame: ClientFrame): void {
    switch (frame.type) {
      case 'sync-step1':
        return this.answerStep1(connection, frame.stateVector)
      case 'sync-step2':
      case 'update':
        return this.receiveUpdate(connection, frame.update, frame.empty)
      case 'awareness':
        this.presence.apply(connection, frame.entries)
        return
      case 'query-awareness': {
        const everyone = this.presence.encodeAll()
        if (everyone) connection.send(encodeAwarenessFrame(everyone))
        return
      }
      case 'auth':
        return
    }
  }

  /** Takes the queued updates of this tick as one merged update (null when none). */
  takePendingUpdate(): { update: Uint8Array; claims: ClientClaim[] } | null {
    if (this.pending.length === 0 || this.destroyed) return null
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
    this.pending = []
    this.inFlight++
    return { update: merged, claims: this.owners.takeClaims() }
  }

  /** Sends the awareness changes of the window, merged and encoded once, to every connection. */
  flushPresence(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    if (this.destroyed) return
    this.lastPresenceFlush = performance.now()
    const changes = this.presence.takeChanges()
    if (changes) this.broadcast(encodeAwarenessFrame(changes))
  }

  commitSucceeded(update: Uint8Array, seq: number): void {
    this.inFlight--
    if (this.destroyed) return
    this.lastSeq = Math.max(this.lastSeq, seq)
    this.logRows++
    this.broadcast(encodeUpdateFrame(update))
    if (!this.hasUncommitted) this.answerDeferred()
    if (this.logRows > this.limits.compactAfterUpdates) this.events.onCompactionDue(this)
  }

  /** DUR-6: nothing of a failed append is broadcast; every socket of the room is closed. */
  commitFailed(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    if (this.destroyed) return
    this.pending = []
    this.deferredReplies.clear()
    for (const connection of [...this.connections]) connection.close(CloseCode.StoreUnavailable)
    this.events.onBroken(this)
  }

  /** The encoded state for a snapshot, with the seq it covers; null while updates are unstored. */
  snapshot(): { state: Uint8Array; seq: number } | null {
    if (this.hasUncommitted || this.destroyed) return null
    return { state: Y.encodeStateAsUpdate(this.doc), seq: this.lastSeq }
  }

  compacted(stateBytes: number, seq: number): void {
    if (seq !== this.lastSeq) return
    this.logRows = 0
    this.docBytes = stateBytes
  }

  closeAll(code: CloseCode): void {
    for (const connection of [...this.connections]) connection.close(code)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.closeAll(CloseCode.GoingAway)
    this.doc.off('update', this.onDocUpdate)
    this.guard?.destroy()
    this.presence.destroy()
    this.doc.destroy()
  }

  /** PROTO-5: at most one awareness frame per `presenceIntervalMs`; the first one at once. */
  private schedulePresenceFlush(): void {
    if (this.presenceTimer || this.destroyed) return
    const wait = this.lastPresenceFlush + this.limits.presenceIntervalMs - performance.now()
    this.presenceTimer = setTimeout(() => this.flushPresence(), Math.max(0, wait))
  }

  private broadcast(frame: Uint8Array): void {
    const bytes = asBuffer(frame)
    for (const connection of this.connections) connection.send(bytes)
  }

  /**
   * SYNC-10: the step 2 reply acknowledges every update that reached the room before the step 1,
   * so it waits while updates are unstored, and while this connection owes a resync (one of its
   * updates was dropped, SYNC-13). Only the newest step 1 of a connection is kept: its answer
   * covers the older ones.
   */
  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    if (this.hasUncommitted || connection.droppedUpdate) {
      connection.deferredStateVector = stateVector
      this.deferredReplies.add(connection)
      return
    }
    connection.send(encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector)))
  }

  private answerDeferred(): void {
    for (const connection of this.deferredReplies) {
      const stateVector = connection.deferredStateVector
      if (connection.droppedUpdate && !connection.closed) continue
      this.deferredReplies.delete(connection)
      connection.deferredStateVector = null
      if (connection.closed || !stateVector) continue
      connection.send(encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector)))
    }
  }

  /** Once the room holds what it dropped of a connection, its deferred step 1 may go out. */
  private resynced(connection: Connection): void {
    const dropped = connection.droppedUpdate
    if (!dropped || !Y.snapshotContainsUpdate(Y.snapshot(this.doc), dropped)) return
    connection.droppedUpdate = null
    if (!this.hasUncommitted) this.answerDeferred()
  }

  /** SYNC-13: remembers what was dropped (bounded: a stock client drops little, once). */
  private dropped(connection: Connection, update: Uint8Array): void {
    const previous = connection.droppedUpdate
    const merged = previous ? Y.mergeUpdates([previous, update]) : update
    if (merged.byteLength > 2 * this.limits.maxFrameBytes) {
      connection.close(CloseCode.MalformedFrame)
      return
    }
    connection.droppedUpdate = merged
    connection.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)))
  }

  private receiveUpdate(connection: Connection, update: Uint8Array, empty: boolean): void {
    if (empty) return this.resynced(connection)
    const access = connection.access
    if (access.kind === 'read-only') {
      // A returning viewer's step 2 repeats deletions the room already has: not a change (PROTO-3).
      if (!Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
        connection.send(encodePermissionDeniedFrame(PERMISSION_DENIED_READ_ONLY))
      }
      return
    }
    if (this.docBytes + update.byteLength > this.limits.maxDocumentBytes) {
      connection.close(CloseCode.DocumentTooLarge)
      return
    }
    if (!this.owners.admit(connection.principal.participantId, update)) {
      return connection.close(CloseCode.PermissionDenied)
    }
    this.guard ??= new WriteGuard(this.doc)
    let resync = false
    const result = this.guard.apply(connection, () => {
      Y.applyUpdate(this.doc, update, connection)
      // SYNC-13: what cannot be integrated now is never kept pending (see dropPending); the
      // client is asked for what the room lacks, and its answer brings it complete and in order.
      resync = dropPending(this.doc)
    })
    // Decodable but inconsistent updates make Yjs throw; that is the sender's fault (SYNC-7).
    if (result.kind === 'malformed') {
      dropPending(this.doc)
      return connection.close(CloseCode.MalformedFrame)
    }
    if (resync) this.dropped(connection, update)
    else this.resynced(connection)
    if (result.kind === 'applied') return
    connection.reverts++
    connection.send(encodePermissionDeniedFrame(result.reasons[0] ?? 'invalid'))
    if (connection.reverts >= this.limits.maxRevertsBeforeClose) {
      connection.close(CloseCode.PermissionDenied)
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Anything not typed is treated as a server change: every change must be stored.
    const kind = isRoomOrigin(origin) ? origin.kind : 'server'
    switch (kind) {
      case 'load':
        return
      case 'connection':
      case 'server':
        this.pending.push(update)
        this.docBytes += update.byteLength
        this.scheduler.schedule(this)
        return
    }
  }
}
