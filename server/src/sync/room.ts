import {
  CloseCode,
  encodeAwarenessUpdate,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  PERMISSION_DENIED_PROTECTED,
  PERMISSION_DENIED_READ_ONLY,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import * as Y from 'yjs'
import type { StoredDocument } from '../store/documentStore.ts'
import type { Connection, ConnectionHost } from './connection.ts'
import { isRoomOrigin, LOAD_ORIGIN } from './origin.ts'
import { ColorAssignments } from './colorAssignments.ts'
import { ProtectedReverter } from './protectedReverter.ts'
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
  readonly colors = new ColorAssignments()
  /** Sequence number of the last stored update. */
  lastSeq: number
  /** Log rows since the last snapshot. */
  logRows: number
  /** Upper bound of the document's encoded size (stored bytes + accepted updates). */
  docBytes: number
  private pending: Uint8Array[] = []
  private inFlight = 0
  private deferredReplies: { connection: Connection; stateVector: Uint8Array }[] = []
  private reverter: ProtectedReverter | null = null
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
    connection.assignColor(this.colors.acquire(connection.principal.participantId))
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const everyone = this.presence.encodeAll()
    if (everyone) connection.send(encodeAwarenessUpdate(everyone))
    connection.attach(this)
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.colors.release(connection.principal.participantId)
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
        if (everyone) connection.send(encodeAwarenessUpdate(everyone))
        return
      }
      case 'auth':
        return
    }
  }

  /** Takes the queued updates of this tick as one merged update (null when none). */
  takePendingUpdate(): Uint8Array | null {
    if (this.pending.length === 0 || this.destroyed) return null
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
    this.pending = []
    this.inFlight++
    return merged
  }

  /** Sends the awareness changes of the window, merged and encoded once, to every connection. */
  flushPresence(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    if (this.destroyed) return
    this.lastPresenceFlush = performance.now()
    const changes = this.presence.takeChanges()
    if (changes) this.broadcast(encodeAwarenessUpdate(changes))
  }

  commitSucceeded(update: Uint8Array, seq: number): void {
    this.inFlight--
    if (this.destroyed) return
    this.lastSeq = Math.max(this.lastSeq, seq)
    this.logRows++
    this.broadcast(encodeUpdate(update))
    if (!this.hasUncommitted) this.answerDeferred()
    if (this.logRows > this.limits.compactAfterUpdates) this.events.onCompactionDue(this)
  }

  /** DUR-6: nothing of a failed append is broadcast; every socket of the room is closed. */
  commitFailed(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    if (this.destroyed) return
    this.pending = []
    this.deferredReplies = []
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
    this.reverter?.destroy()
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

  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    // DUR-1: a reply must not carry updates that are not stored yet.
    if (this.hasUncommitted) {
      this.deferredReplies.push({ connection, stateVector })
      return
    }
    connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
  }

  private answerDeferred(): void {
    const replies = this.deferredReplies
    this.deferredReplies = []
    for (const { connection, stateVector } of replies) {
      if (connection.closed) continue
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
    }
  }

  private receiveUpdate(connection: Connection, update: Uint8Array, empty: boolean): void {
    if (empty) return
    const access = connection.access
    if (access.kind === 'read-only') {
      // A returning viewer's step 2 repeats deletions the room already has: not a change (PROTO-3).
      if (!Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
        connection.send(encodePermissionDenied(PERMISSION_DENIED_READ_ONLY))
      }
      return
    }
    if (this.docBytes + update.byteLength > this.limits.maxDocumentBytes) {
      connection.close(CloseCode.DocumentTooLarge)
      return
    }
    // Decodable but inconsistent updates make Yjs throw; that is the sender's fault (SYNC-7).
    let rejected = false
    let resync = false
    const apply = (): void => {
      try {
        Y.applyUpdate(this.doc, update, connection)
      } catch {
        rejected = true
      }
      // SYNC-13: what cannot be integrated now is never kept pending (see dropPending); the
      // client is asked for what the room lacks, and its answer brings it complete and in order.
      if (dropPending(this.doc)) resync = true
    }
    let reverted = false
    if (access.kind === 'full') apply()
    else {
      this.reverter ??= new ProtectedReverter(this.doc, access.protectedRoots)
      reverted = this.reverter.applyGuarded(this.doc, connection, apply)
    }
    if (rejected) return connection.close(CloseCode.MalformedFrame)
    if (resync) connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    if (!reverted) return
    connection.reverts++
    connection.send(encodePermissionDenied(PERMISSION_DENIED_PROTECTED))
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
