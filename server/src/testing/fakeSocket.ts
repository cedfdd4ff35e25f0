import {
  decodeServerFrame,
  encodeAwarenessEntries,
  encodeAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
  type AwarenessEntry,
  type ClientFrame,
} from '@koers/protocol'
import * as Y from 'yjs'
import type { Connection } from '../sync/connection.ts'
import type { SocketLike } from '../sync/socket.ts'

/**
 * An in-memory socket with a Y.Doc replica on the far side: it answers sync step 1, applies
 * updates and records everything, like a y-websocket client would.
 */
export class FakePeer implements SocketLike {
  readonly doc = new Y.Doc()
  readonly frames: ClientFrame[] = []
  readonly raw: Uint8Array[] = []
  closedWith: number | null = null
  bufferedAmount = 0
  connection: Connection | null = null
  awareness = new Map<number, unknown>()
  /** How many frames each `batch` (one socket write, SYNC-24) carried. */
  readonly batches: number[] = []

  get isOpen(): boolean {
    return this.closedWith === null
  }

  /** While true, nothing sent is flushed (a client that stopped reading). */
  stalled = false
  private unflushed: (() => void)[] = []

  send(data: Uint8Array, onFlushed?: () => void): void {
    if (onFlushed) {
      if (this.stalled) this.unflushed.push(onFlushed)
      else queueMicrotask(onFlushed)
    }
    this.raw.push(data)
    const frame = decodeServerFrame(data)
    this.frames.push(frame)
    switch (frame.type) {
      case 'sync-step1':
        queueMicrotask(() =>
          this.connection?.receive(
            encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, frame.stateVector)),
          ),
        )
        return
      case 'sync-step2':
      case 'update':
        Y.applyUpdate(this.doc, frame.update, 'server')
        return
      case 'awareness':
        for (const entry of frame.entries) this.awareness.set(entry.clientId, entry.state)
        return
      default:
        return
    }
  }

  batch(work: () => void): void {
    const before = this.raw.length
    work()
    this.batches.push(this.raw.length - before)
  }

  /** The client reads again: everything queued is flushed. */
  resume(): void {
    this.stalled = false
    for (const flushed of this.unflushed.splice(0)) flushed()
  }

  close(code: number): void {
    this.closedWith ??= code
  }

  /** Makes a local change and sends it as a y-websocket client does. */
  edit(change: (doc: Y.Doc) => void): void {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array, origin: unknown): void => {
      if (origin !== 'server') update = u
    }
    this.doc.on('update', capture)
    this.doc.transact(() => change(this.doc))
    this.doc.off('update', capture)
    if (update) this.connection?.receive(encodeUpdateFrame(update))
  }

  requestSync(): void {
    this.connection?.receive(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)))
  }

  sendAwareness(entries: AwarenessEntry[]): void {
    this.connection?.receive(encodeAwarenessFrame(encodeAwarenessEntries(entries)))
  }

  count(type: ClientFrame['type']): number {
    return this.frames.filter((frame) => frame.type === type).length
  }
}
