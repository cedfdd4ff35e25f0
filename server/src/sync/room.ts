import {
  CloseCode,
  encodeAwarenessFrame,
  encodeUpdateFrame,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import * as Y from 'yjs'
import type { ClientClaim, StoredDocument } from '../store/documentStore.ts'
import { metrics } from '../metrics.ts'
import { ClientOwners } from './clientOwners.ts'
import type { Connection, ConnectionHost } from './connection.ts'
import { DocumentSize } from './documentSize.ts'
import { BUS_ORIGIN, isRoomOrigin, LOAD_ORIGIN } from './origin.ts'
import { SeqTracker } from './seqTracker.ts'
import { ColorAssignments } from './colorAssignments.ts'
import { RoomPresence } from './roomPresence.ts'
import { SyncReplies } from './syncReplies.ts'
import { dropPending, UpdateIntake, type MemoryBudget } from './updateIntake.ts'

/** The other instances that serve this workspace (SCALE-3); see `RoomLink`. */
export interface RoomPeers {
  /** This instance stored an update: tell the others. */
  committed(seq: number, update: Uint8Array, claims: readonly ClientClaim[]): void
  /** This instance's sockets changed their awareness. */
  awarenessChanged(update: Uint8Array): void
  /** Applies what the other instances stored meanwhile (after a bus outage). */
  catchUp(): Promise<void>
  close(): void
}

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
  /** An update of this room was stored and broadcast. */
  onCommitted(room: Room): void
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
  /** Which stored updates this room holds (its own commits and other instances'). */
  readonly seqs: SeqTracker
  /** Log rows since the last snapshot. */
  logRows: number
  readonly size: DocumentSize
  private pending: Uint8Array[] = []
  private inFlight = 0
  /** Other instances' updates that wait to go out with the commit under way (SCALE-10). */
  private heldRemote: Uint8Array[] = []
  /** Changes with every change of the document (for the shared full-state reply). */
  private version = 0
  private readonly owners: ClientOwners
  private readonly replies: SyncReplies
  private readonly intake: UpdateIntake
  private peers: RoomPeers | null = null
  private presenceTimer: NodeJS.Timeout | null = null
  private lastPresenceFlush = 0
  /** Joined since the last "everyone" frame (SYNC-2): sent once a turn, encoded once for all. */
  private readonly awaitingEveryone = new Set<Connection>()
  private everyoneScheduled = false
  private destroyed = false
  /** Nothing of the stored updates was left pending when they were applied. */
  private readonly loadedWhole: boolean

  constructor(
    readonly docId: string,
    stored: StoredDocument,
    private readonly limits: Limits,
    private readonly scheduler: RoomScheduler,
    private readonly events: RoomEvents,
    budget: MemoryBudget,
  ) {
    this.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN)
    }, LOAD_ORIGIN)
    this.loadedWhole = !dropPending(this.doc)
    this.owners = new ClientOwners(this.doc, stored.owners)
    this.seqs = new SeqTracker(stored.seq)
    this.logRows = stored.logRows
    this.size = new DocumentSize(this.doc, stored.bytes)
    this.replies = new SyncReplies(
      this.doc,
      limits,
      () => this.hasUncommitted,
      () => this.version,
    )
    this.intake = new UpdateIntake(this.doc, limits, this.size, this.owners, this.replies, budget)
    this.doc.on('update', this.onDocUpdate)
    metrics.roomsLoaded.inc()
    this.presence = new RoomPresence(this.doc, this.limits.maxAwarenessStateBytes, () =>
      this.schedulePresenceFlush(),
    )
  }

  /** Every stored update up to this seq is in the room. */
  get lastSeq(): number {
    return this.seqs.through
  }

  /**
   * SYNC-26: the stored document's sync step 2 frame, encoded while the room loaded (SYNC-25),
   * answers "send me everything" as long as the document has not changed since the load.
   */
  reuseStoredReply(frame: Buffer): void {
    if (this.loadedWhole) this.replies.reuseFullState(frame)
  }

  attachPeers(peers: RoomPeers): void {
    this.peers = peers
  }

  /** SCALE-3: catches up from the store when the bus may have lost messages. */
  catchUp(): Promise<void> {
    return this.peers?.catchUp() ?? Promise.resolve()
  }

  /**
   * SCALE-3: an update another instance stored. Applied as `bus` (never stored or judged again)
   * and broadcast to this instance's sockets. Returns false when Yjs could not integrate it
   * whole (a predecessor is missing): nothing of it is kept pending, the caller catches up.
   */
  applyRemote(update: Uint8Array, claims: readonly ClientClaim[]): boolean {
    if (this.destroyed) return true
    this.owners.learn(claims)
    Y.applyUpdate(this.doc, update, BUS_ORIGIN)
    return !dropPending(this.doc)
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.destroyed) this.presence.applyRemote(update)
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
    this.replies.ask(connection)
    this.awaitingEveryone.add(connection)
    if (!this.everyoneScheduled) {
      this.everyoneScheduled = true
      setImmediate(this.sendEveryone)
    }
    connection.attach(this)
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.awaitingEveryone.delete(connection)
    this.replies.forget(connection)
    this.colors.release(connection.principal.participantId)
    this.presence.release(connection)
    if (this.connections.size === 0 && !this.destroyed) this.events.onEmpty(this)
  }

  handleFrame(connection: Connection, frame: ClientFrame): void {
    switch (frame.type) {
      case 'sync-step1':
        return this.replies.answer(connection, frame.stateVector)
      case 'sync-step2':
      case 'update':
        return this.intake.receive(connection, frame.update, frame.empty)
      case 'awareness':
        this.presence.apply(connection, frame.entries)
        return
      case 'query-awareness':
        return this.answerAwarenessQuery(connection)
      case 'auth':
        return
    }
  }

  refuseReadOnly(connection: Connection): void {
    this.intake.refuseReadOnly(connection)
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
    const frame = this.takePresenceFrame()
    if (frame) this.broadcast(frame)
  }

  /** The awareness changes of the window as one frame (null when none); the window restarts. */
  private takePresenceFrame(): Uint8Array | null {
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    if (this.destroyed) return null
    this.lastPresenceFlush = performance.now()
    const changes = this.presence.takeChanges()
    if (!changes) return null
    if (changes.here) this.peers?.awarenessChanged(changes.here)
    return encodeAwarenessFrame(changes.all)
  }

  /** SYNC-24: an awareness flush is waiting and falls due before the next commit would. */
  private presenceDueBeforeNextCommit(): boolean {
    if (!this.presenceTimer) return false
    const wait = this.lastPresenceFlush + this.limits.presenceIntervalMs - performance.now()
    return wait <= this.limits.broadcastIntervalMs
  }

  commitSucceeded(update: Uint8Array, seq: number, claims: readonly ClientClaim[]): void {
    this.inFlight--
    if (this.destroyed) return
    this.seqs.add(seq)
    this.logRows++
    // SCALE-12: the other instances first; their sockets need not wait for this fan-out.
    this.peers?.committed(seq, update, claims)
    // One write: the other instances' updates that waited for this commit (SCALE-10), its
    // update, and the carets that fall due with it (SYNC-24).
    const frames = [...this.heldRemote.map(encodeUpdateFrame), encodeUpdateFrame(update)]
    this.heldRemote = []
    const presence = this.presenceDueBeforeNextCommit() ? this.takePresenceFrame() : null
    if (presence) frames.push(presence)
    this.broadcastTogether(frames)
    this.replies.answerWaiting()
    if (this.logRows > this.limits.compactAfterUpdates) this.events.onCompactionDue(this)
    this.events.onCommitted(this)
  }

  /** DUR-6: nothing of a failed append is broadcast; every socket of the room is closed. */
  commitFailed(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    if (this.destroyed) return
    this.pending = []
    this.heldRemote = []
    this.replies.clear()
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
    this.size.measured(stateBytes)
  }

  closeAll(code: CloseCode): void {
    for (const connection of [...this.connections]) connection.close(code)
  }

  /** PERM-16: closes the sockets of these participants (their sessions were ended). */
  closeParticipants(participantIds: readonly string[], code: CloseCode): void {
    const ended = new Set(participantIds)
    for (const connection of [...this.connections]) {
      if (ended.has(connection.principal.participantId)) connection.close(code)
    }
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    metrics.roomsLoaded.dec()
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awaitingEveryone.clear()
    this.closeAll(CloseCode.GoingAway)
    this.doc.off('update', this.onDocUpdate)
    this.peers?.close()
    this.intake.destroy()
    this.replies.clear()
    this.presence.destroy()
    this.doc.destroy()
  }

  private changed(update: Uint8Array): void {
    this.version++
    this.size.grew(update.byteLength)
    this.size.recount()
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

  private broadcastTogether(frames: Uint8Array[]): void {
    const buffers = frames.map(asBuffer)
    for (const connection of this.connections) connection.sendTogether(buffers)
  }

  /**
   * SYNC-2: everyone's awareness for the sockets that joined this turn. A room built after a
   * join storm attaches hundreds at once; one encoding per socket would grow with the square.
   */
  private readonly sendEveryone = (): void => {
    this.everyoneScheduled = false
    if (this.destroyed) return
    const everyone = this.presence.encodeAll()
    const frame = everyone && asBuffer(encodeAwarenessFrame(everyone))
    if (frame) for (const connection of this.awaitingEveryone) connection.send(frame)
    this.awaitingEveryone.clear()
  }

  /** SYNC-22: everyone's awareness, at most once per `queryAwarenessIntervalMs` per socket. */
  private answerAwarenessQuery(connection: Connection): void {
    const now = performance.now()
    if (now - connection.lastAwarenessQuery < this.limits.queryAwarenessIntervalMs) return
    connection.lastAwarenessQuery = now
    const everyone = this.presence.encodeAll()
    if (everyone) connection.send(encodeAwarenessFrame(everyone))
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
        this.changed(update)
        this.scheduler.schedule(this)
        return
      case 'bus':
        // Stored by another instance already (SCALE-3): only this instance's sockets need it,
        // with the commit under way when there is one (SCALE-10); one only queued is a window
        // away, too long to wait for.
        this.changed(update)
        if (this.inFlight > 0) this.heldRemote.push(update)
        else this.broadcast(encodeUpdateFrame(update))
        return
    }
  }
}
