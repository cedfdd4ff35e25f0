import {
  decodeServerFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
} from '@koers/protocol'
import * as Y from 'yjs'
import type { Principal } from '../auth/role.ts'
import type { Connection } from '../sync/connection.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { SocketLike } from '../sync/socket.ts'

interface Outgoing {
  bytes: Uint8Array
  /** The local update this frame carries (updates and step 2 replies), for acknowledgement. */
  update: Uint8Array | null
  isStep1: boolean
}

/**
 * A client replica for the room fuzz test: a Y.Doc, a queue of frames to the server and a queue
 * of frames from it, both delivered only when the test says so (in order, out of order, or
 * twice). It answers the server's sync step 1 like y-websocket does and records which of its
 * updates the server has acknowledged: an update is acknowledged when a sync step 2 answers a
 * step 1 that reached the server after it (the guarantee the web app's "opgeslagen" rests on).
 */
export class FuzzPeer implements SocketLike {
  readonly doc = new Y.Doc()
  connection: Connection | null = null
  closedWith: number | null = null
  private linked = false
  bufferedAmount = 0
  readonly outbox: Outgoing[] = []
  readonly inbox: Uint8Array[] = []
  /** Updates the server has acknowledged as stored. */
  readonly acknowledged: Uint8Array[] = []
  denials = 0
  /** Updates delivered since the last step 1 went out, and the step 1s awaiting an answer. */
  private unconfirmed: Uint8Array[] = []
  private awaitingStep2: Uint8Array[][] = []

  constructor(
    readonly principal: Principal,
    clientId: number,
  ) {
    this.doc.clientID = clientId
  }

  get isOpen(): boolean {
    return this.linked && this.closedWith === null
  }

  // SocketLike: the server writes a frame; it waits in the inbox until delivered.
  send(data: Uint8Array, onFlushed?: () => void): void {
    if (!this.isOpen) return
    this.inbox.push(data.slice())
    if (onFlushed) queueMicrotask(onFlushed)
  }

  close(code: number): void {
    this.closedWith ??= code
    this.dropLink()
  }

  connect(registry: RoomRegistry): void {
    this.closedWith = null
    this.linked = true
    this.connection = registry.join(this.principal, this)
  }

  /** The network drops: queued frames in both directions are lost. */
  disconnect(): void {
    const connection = this.connection
    this.dropLink()
    connection?.handleTransportClose()
  }

  /** A local change, sent as one update frame (y-websocket sends one per transaction). */
  edit(change: (doc: Y.Doc) => void): void {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array, origin: unknown): void => {
      if (origin !== this) update = update ? Y.mergeUpdates([update, u]) : u
    }
    this.doc.on('update', capture)
    try {
      this.doc.transact(() => change(this.doc))
    } finally {
      this.doc.off('update', capture)
    }
    if (update && this.isOpen) this.queue(encodeUpdateFrame(update), update, false)
  }

  requestSync(): void {
    if (this.isOpen) this.queue(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)), null, true)
  }

  /** Delivers the outgoing frame at `index` (0 = in order); `twice` also sends a duplicate. */
  deliverOut(index: number, twice = false): void {
    const [frame] = this.outbox.splice(index, 1)
    if (!frame || !this.connection) return
    const connection = this.connection
    for (let i = 0; i < (twice ? 2 : 1); i++) {
      if (frame.update) this.unconfirmed.push(frame.update)
      if (frame.isStep1) {
        this.awaitingStep2.push(this.unconfirmed)
        this.unconfirmed = []
      }
      connection.receive(frame.bytes)
    }
  }

  /** Delivers the next frame from the server (always in order: the server's socket is TCP). */
  deliverIn(): void {
    const bytes = this.inbox.shift()
    if (!bytes) return
    const frame = decodeServerFrame(bytes)
    switch (frame.type) {
      case 'sync-step1':
        this.queue(
          encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, frame.stateVector)),
          Y.encodeStateAsUpdate(this.doc, frame.stateVector),
          false,
        )
        return
      case 'sync-step2': {
        Y.applyUpdate(this.doc, frame.update, this)
        const confirmed = this.awaitingStep2.shift()
        if (confirmed) this.acknowledged.push(...confirmed)
        return
      }
      case 'update':
        Y.applyUpdate(this.doc, frame.update, this)
        return
      case 'auth':
        this.denials++
        return
      default:
        return
    }
  }

  private queue(bytes: Uint8Array, update: Uint8Array | null, isStep1: boolean): void {
    this.outbox.push({ bytes, update, isStep1 })
  }

  private dropLink(): void {
    this.linked = false
    this.connection = null
    this.outbox.length = 0
    this.inbox.length = 0
    this.unconfirmed = []
    this.awaitingStep2 = []
  }
}
