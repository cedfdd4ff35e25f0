import { CloseCode, encodeSyncStep1Frame, encodeSyncStep2Frame, type Limits } from '@koers/protocol'
import * as Y from 'yjs'
import type { Connection } from './connection.ts'
import { decodeUntrusted } from './untrusted.ts'

/** An encoded state vector that says "I have nothing": the reply is the whole document. */
const isEmptyStateVector = (stateVector: Uint8Array): boolean =>
  stateVector.length === 1 && stateVector[0] === 0

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * The room's answers to sync step 1, and its own step 1s (SYNC-10, SYNC-13, SYNC-21):
 * - a reply acknowledges every update that reached the room before the step 1 it answers, so it
 *   waits while updates are unstored and while the connection owes a resync;
 * - a connection has at most one reply on its way out; a step 1 that arrives meanwhile waits
 *   for it (only the newest is kept: its answer covers the older ones);
 * - the whole document, asked for by everyone who joins, is encoded once per version of the
 *   document and the same bytes are queued on every socket.
 */
export class SyncReplies {
  private readonly waiting = new Set<Connection>()
  private fullState: { version: number; frame: Buffer } | null = null

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: Limits,
    /** True while updates are applied but not yet stored. */
    private readonly hasUncommitted: () => boolean,
    /** Changes whenever the document changes. */
    private readonly version: () => number,
  ) {}

  /** Sends our sync step 1; a viewer may answer it once (PERM-3). */
  ask(connection: Connection): void {
    connection.step2Allowance++
    connection.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)))
  }

  answer(connection: Connection, stateVector: Uint8Array): void {
    connection.deferredStateVector = stateVector
    this.waiting.add(connection)
    this.answerWaiting(connection)
  }

  /** Sends every reply whose conditions now hold (after a commit, a resync, a flush). */
  answerWaiting(only?: Connection): void {
    if (this.hasUncommitted()) return
    for (const connection of only ? [only] : this.waiting) {
      if (connection.closed) {
        this.forget(connection)
        continue
      }
      const stateVector = connection.deferredStateVector
      if (!stateVector || connection.droppedUpdate || connection.replyInFlight) continue
      this.forget(connection)
      this.send(connection, stateVector)
    }
  }

  forget(connection: Connection): void {
    this.waiting.delete(connection)
    connection.deferredStateVector = null
  }

  clear(): void {
    for (const connection of this.waiting) connection.deferredStateVector = null
    this.waiting.clear()
    this.fullState = null
  }

  /** SYNC-13: remembers what was dropped of a connection and asks it for a resync. */
  dropped(connection: Connection, update: Uint8Array): void {
    const previous = connection.droppedUpdate
    const merged = previous ? decodeUntrusted(() => Y.mergeUpdates([previous, update])) : update
    // A stock client drops little, once, after a reconnect; a flood of gaps is not a client.
    if (merged === null || merged.byteLength > 2 * this.limits.maxFrameBytes) {
      connection.close(CloseCode.MalformedFrame)
      return
    }
    connection.droppedUpdate = merged
    this.ask(connection)
  }

  /** Once the room holds what it dropped of a connection, its waiting reply may go out. */
  resynced(connection: Connection): void {
    const dropped = connection.droppedUpdate
    if (!dropped) return
    const arrived = decodeUntrusted(() => Y.snapshotContainsUpdate(Y.snapshot(this.doc), dropped))
    if (arrived === null) return connection.close(CloseCode.MalformedFrame)
    if (!arrived) return
    connection.droppedUpdate = null
    this.answerWaiting(connection)
  }

  private send(connection: Connection, stateVector: Uint8Array): void {
    const frame = isEmptyStateVector(stateVector)
      ? this.encodedFullState()
      : encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector))
    connection.replyInFlight = true
    connection.send(frame, () => {
      connection.replyInFlight = false
      if (connection.deferredStateVector) this.answerWaiting(connection)
    })
  }

  /** SYNC-26: `frame` holds the document as it is now, until its next change. */
  reuseFullState(frame: Buffer): void {
    this.fullState = { version: this.version(), frame }
  }

  private encodedFullState(): Buffer {
    const version = this.version()
    if (this.fullState?.version !== version) {
      const frame = asBuffer(encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc)))
      this.fullState = { version, frame }
    }
    return this.fullState.frame
  }
}
