import { CloseCode, type Limits } from '@koers/protocol'
import * as Y from 'yjs'
import type { Principal } from '../auth/role.ts'
import { errorFields, type Logger } from '../log.ts'
import type { DocumentStore } from '../store/documentStore.ts'
import { BroadcastBatcher } from './broadcastBatcher.ts'
import { Connection } from './connection.ts'
import { SERVER_ORIGIN } from './origin.ts'
import { Room, type RoomEvents } from './room.ts'
import type { Bus } from '../bus/bus.ts'
import type { DocumentSize } from './documentSize.ts'
import { RoomLink } from './roomLink.ts'
import { serveStoredWhileLoading, type LoadingRoom } from './storedReply.ts'
import { metrics } from '../metrics.ts'
import { RoomMemoryBudget } from './roomMemoryBudget.ts'
import type { SocketLike } from './socket.ts'

/** `waiting`: sockets that joined while the room loads; `storedReply`: SYNC-25. */
interface RoomEntry extends LoadingRoom {
  loading: Promise<Room>
  room: Room | null
  idleTimer: NodeJS.Timeout | null
}

const BUS_DOWN_POLL_MS = 1_000
/** How often a server read or write waits for commits before it gives up (a room never idle). */
const MAX_FLUSH_ROUNDS = 50

/** The room could not be loaded or written now (memory budget, shutdown, a failed store). */
export class RoomUnavailableError extends Error {
  override readonly name = 'RoomUnavailableError'
}

/** Called with a room after it was loaded, or after one of its updates was stored and broadcast. */
export type CommitListener = (room: Room) => void

/**
 * One room per workspace. Concurrent joins share one load (SYNC-3); a failed load closes the
 * waiting sockets and leaves nothing behind (DUR-7); an idle room is compacted and destroyed.
 * It keeps the server within its memory budget (LIM-3) and its socket caps (LIM-4).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomEntry>()
  private readonly batcher: BroadcastBatcher
  private readonly compacting = new Set<Room>()
  private readonly socketsOf = new Map<string, number>()
  private readonly commitListeners = new Set<CommitListener>()
  private readonly loadListeners = new Set<CommitListener>()
  private sockets = 0
  private closing = false
  private busPoll: NodeJS.Timeout | null = null
  private readonly budget: RoomMemoryBudget

  constructor(
    private readonly store: DocumentStore,
    private readonly limits: Limits,
    private readonly log: Logger,
    /** Heap bytes the loaded documents may cost together. */
    memoryBudgetBytes = Number.POSITIVE_INFINITY,
    /** The other instances (SCALE-3); null when this process serves alone. */
    private readonly bus: Bus | null = null,
  ) {
    this.batcher = new BroadcastBatcher(store, log, limits.broadcastIntervalMs)
    this.budget = new RoomMemoryBudget(
      memoryBudgetBytes,
      () => this.loadedSizes(),
      () => this.evictIdleRooms(),
      log,
    )
    if (bus) {
      bus.onRecovered(() => this.catchUpAll())
      // While the bus is down, rooms poll the store for what other instances stored.
      this.busPoll = setInterval(() => {
        if (!bus.healthy) this.catchUpAll()
      }, BUS_DOWN_POLL_MS)
      this.busPoll.unref()
    }
  }

  private catchUpAll(): void {
    for (const entry of this.rooms.values()) void entry.room?.catchUp()
  }

  /** What the loaded documents cost in the heap, estimated from their structs and size. */
  get memoryUsed(): number {
    return this.budget.used
  }

  get socketCount(): number {
    return this.sockets
  }

  /** Creates the connection at once (it buffers frames) and attaches it when the room is ready. */
  join(principal: Principal, socket: SocketLike): Connection {
    const participant = `${principal.workspaceId}/${principal.participantId}`
    const connection = new Connection(socket, principal, this.limits, this.log, () => {
      this.sockets--
      metrics.connections.dec()
      const left = (this.socketsOf.get(participant) ?? 1) - 1
      if (left > 0) this.socketsOf.set(participant, left)
      else this.socketsOf.delete(participant)
    })
    this.sockets++
    metrics.connections.inc()
    this.socketsOf.set(participant, (this.socketsOf.get(participant) ?? 0) + 1)
    if (this.closing) {
      connection.close(CloseCode.GoingAway)
      return connection
    }
    // LIM-4: one person's tabs, and the whole server, have a socket cap.
    if (this.sockets > this.limits.maxConnections) {
      connection.close(CloseCode.TryAgainLater)
      return connection
    }
    if ((this.socketsOf.get(participant) ?? 0) > this.limits.maxConnectionsPerParticipant) {
      connection.close(CloseCode.RateLimited)
      return connection
    }
    if (!this.rooms.has(principal.workspaceId) && !this.budget.allowGrowth(null, 0)) {
      connection.close(CloseCode.TryAgainLater)
      return connection
    }
    const entry = this.entryFor(principal.workspaceId)
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer)
      entry.idleTimer = null
    }
    if (entry.room) {
      entry.room.addConnection(connection)
      return connection
    }
    entry.waiting.add(connection)
    if (entry.storedReply) connection.offerStoredReply(entry.storedReply)
    entry.loading.then(
      (room) => {
        if (!connection.closed) room.addConnection(connection)
        else this.scheduleIdleCheck(room)
      },
      () => connection.close(CloseCode.StoreUnavailable),
    )
    return connection
  }

  get roomCount(): number {
    return this.rooms.size
  }

  /** The loaded room of a workspace, if any (for tests and server-side writes). */
  roomOf(workspaceId: string): Room | null {
    return this.rooms.get(workspaceId)?.room ?? null
  }

  flush(): Promise<void> {
    return this.batcher.flush()
  }

  /** Calls `listener` when a room was loaded from the store, before anyone uses it. */
  onLoaded(listener: CommitListener): () => void {
    this.loadListeners.add(listener)
    return () => this.loadListeners.delete(listener)
  }

  /** Calls `listener` after every stored and broadcast update; returns the unsubscribe. */
  onCommitted(listener: CommitListener): () => void {
    this.commitListeners.add(listener)
    return () => this.commitListeners.delete(listener)
  }

  /**
   * DUR-1: the workspace's document as stored (a Yjs update of the whole document). From the
   * loaded room once nothing of it is uncommitted (it flushes first), else from the store.
   * Throws when the workspace has no document.
   */
  async storedState(workspaceId: string): Promise<Uint8Array> {
    for (let round = 0; round < MAX_FLUSH_ROUNDS; round++) {
      const room = this.roomOf(workspaceId)
      if (!room || room.isDestroyed) {
        const stored = await this.store.load(workspaceId)
        if (!stored) throw new Error(`document ${workspaceId} has no stored state`)
        return stored.updates.length === 1 ? stored.updates[0]! : Y.mergeUpdates(stored.updates)
      }
      if (!room.hasUncommitted) return Y.encodeStateAsUpdate(room.doc)
      await this.batcher.flush()
    }
    throw new RoomUnavailableError('the document keeps changing; try again')
  }

  /**
   * SYNC-23: writes into a workspace's document as the server. Loads the room when needed (as a
   * join would, within the memory budget), waits until nothing of it is uncommitted, so `write`
   * sees exactly the stored document, and runs `write` in ONE transaction with `SERVER_ORIGIN`:
   * no write guard, never reverted; the change is stored and broadcast like any update. Resolves
   * with `write`'s result once the change is stored; an empty room unloads later as usual.
   * `write` must not throw: what it changed before throwing would be stored all the same.
   */
  async writeAsServer<T>(workspaceId: string, write: (doc: Y.Doc) => T): Promise<T> {
    for (let round = 0; round < MAX_FLUSH_ROUNDS; round++) {
      const room = await this.loadedRoom(workspaceId)
      if (room.hasUncommitted) {
        await this.batcher.flush()
        continue
      }
      const result = room.doc.transact(() => write(room.doc), SERVER_ORIGIN)
      await this.batcher.flush()
      if (room.isDestroyed && !this.closing) {
        throw new RoomUnavailableError('the change could not be stored')
      }
      if (room.connections.size === 0) this.scheduleIdleCheck(room)
      return result
    }
    throw new RoomUnavailableError('the document keeps changing; try again')
  }

  /** The room of a workspace, loaded without a connection when it is not (for server writes). */
  private async loadedRoom(workspaceId: string): Promise<Room> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.closing) throw new RoomUnavailableError('the server is shutting down')
      if (!this.rooms.has(workspaceId) && !this.budget.allowGrowth(null, 0)) {
        throw new RoomUnavailableError('the server has no memory left for another document')
      }
      const room = await this.entryFor(workspaceId).loading
      if (!room.isDestroyed) return room
    }
    throw new RoomUnavailableError('the document could not be loaded')
  }

  /**
   * PRIV-2: a deleted workspace. Its sockets are closed with 4410, what they sent is committed
   * (the caller deletes it afterwards) and the room is dropped without a snapshot.
   */
  async closeWorkspace(workspaceId: string): Promise<void> {
    const entry = this.rooms.get(workspaceId)
    if (!entry) return
    this.rooms.delete(workspaceId)
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    const room = await entry.loading.catch(() => null)
    room?.closeAll(CloseCode.WorkspaceDeleted)
    await this.batcher.flush()
    room?.destroy()
  }

  /**
   * PERM-16: these participants' sessions were ended. Their sockets here close with 4401, and
   * the other instances are told over the bus to close theirs (a room not loaded here may be
   * loaded there, so the message goes out either way).
   */
  endSessions(workspaceId: string, participantIds: readonly string[]): void {
    if (participantIds.length === 0) return
    this.roomOf(workspaceId)?.closeParticipants(participantIds, CloseCode.SessionEnded)
    this.bus?.publishSessionsEnded(workspaceId, participantIds)
  }

  /** Shutdown: close sockets, store what is queued, write snapshots, free every room. */
  async close(): Promise<void> {
    this.closing = true
    if (this.busPoll) clearInterval(this.busPoll)
    for (const entry of this.rooms.values()) {
      if (entry.idleTimer) clearTimeout(entry.idleTimer)
      entry.room?.closeAll(CloseCode.GoingAway)
    }
    await this.batcher.flush()
    await Promise.allSettled([...this.rooms.values()].map((entry) => entry.loading))
    for (const [docId, entry] of this.rooms) {
      this.rooms.delete(docId)
      if (entry.room) await this.unload(entry.room)
    }
  }

  private entryFor(docId: string): RoomEntry {
    const existing = this.rooms.get(docId)
    if (existing) return existing
    const entry: RoomEntry = {
      loading: Promise.resolve(null as unknown as Room),
      room: null,
      idleTimer: null,
      waiting: new Set(),
      storedReply: null,
    }
    entry.loading = this.load(docId, entry)
    // Registered before any join callback, so `entry.room` is set before connections attach.
    entry.loading.then(
      (room) => {
        entry.room = room
        entry.waiting.clear()
      },
      () => {
        entry.waiting.clear()
        if (this.rooms.get(docId) === entry) this.rooms.delete(docId)
      },
    )
    this.rooms.set(docId, entry)
    return entry
  }

  private async load(docId: string, entry: RoomEntry): Promise<Room> {
    try {
      const stored = await this.store.load(docId)
      if (!stored) throw new Error(`document ${docId} has no stored state`)
      const storedReply = await serveStoredWhileLoading(entry, stored, this.limits)
      const room = new Room(docId, stored, this.limits, this.batcher, this.events, this.budget)
      if (storedReply) room.reuseStoredReply(storedReply)
      if (this.bus) new RoomLink(room, this.bus, this.store, this.log)
      this.notify(this.loadListeners, room)
      return room
    } catch (error) {
      this.log.error('room load failed', { workspaceId: docId, ...errorFields(error) })
      throw error
    }
  }

  private readonly events: RoomEvents = {
    onEmpty: (room) => this.scheduleIdleCheck(room),
    onBroken: (room) => {
      const entry = this.rooms.get(room.docId)
      if (entry?.room === room) {
        if (entry.idleTimer) clearTimeout(entry.idleTimer)
        this.rooms.delete(room.docId)
      }
      room.destroy()
    },
    onCompactionDue: (room) => {
      setImmediate(() => void this.compact(room))
    },
    onCommitted: (room) => this.notify(this.commitListeners, room),
  }

  /** Calls each listener; one that throws is logged and harms nothing else. */
  private notify(listeners: Set<CommitListener>, room: Room): void {
    for (const listener of listeners) {
      try {
        listener(room)
      } catch (error) {
        this.log.error('room listener failed', { workspaceId: room.docId, ...errorFields(error) })
      }
    }
  }

  private loadedSizes(): DocumentSize[] {
    const sizes: DocumentSize[] = []
    for (const entry of this.rooms.values()) if (entry.room) sizes.push(entry.room.size)
    return sizes
  }

  private evictIdleRooms(): void {
    for (const [docId, entry] of this.rooms) {
      const room = entry.room
      if (!room || room.connections.size > 0 || room.hasUncommitted) continue
      if (entry.idleTimer) clearTimeout(entry.idleTimer)
      this.rooms.delete(docId)
      room.destroy()
    }
  }

  private scheduleIdleCheck(room: Room): void {
    const entry = this.rooms.get(room.docId)
    if (!entry || entry.room !== room || this.closing) return
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null
      void this.unloadIfIdle(room, entry)
    }, this.limits.roomIdleMs)
    entry.idleTimer.unref()
  }

  private async unloadIfIdle(room: Room, entry: RoomEntry): Promise<void> {
    await this.batcher.flush()
    if (room.connections.size > 0 || this.rooms.get(room.docId) !== entry) return
    this.rooms.delete(room.docId)
    await this.unload(room)
  }

  private async unload(room: Room): Promise<void> {
    await this.compact(room)
    room.destroy()
  }

  private async compact(room: Room): Promise<void> {
    if (this.compacting.has(room) || room.isDestroyed || room.logRows === 0) return
    const snapshot = room.snapshot()
    if (!snapshot) return
    this.compacting.add(room)
    try {
      await this.store.compact(room.docId, snapshot.state, snapshot.seq)
      room.compacted(snapshot.state.byteLength, snapshot.seq)
    } catch (error) {
      this.log.warn('compaction failed', { workspaceId: room.docId, ...errorFields(error) })
    } finally {
      this.compacting.delete(room)
    }
  }
}
