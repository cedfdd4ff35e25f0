import {
  CloseCode,
  closeReason,
  decodeClientFrame,
  FrameError,
  peekAwarenessClientIds,
  peekFrameKind,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import { participantColor } from '@koers/protocol'
import { documentAccessFor, type DocumentAccess } from '../auth/policy.ts'
import type { Principal } from '../auth/role.ts'
import { errorFields, type Logger } from '../log.ts'
import { metrics } from '../metrics.ts'
import type { ConnectionOrigin } from './origin.ts'
import type { SocketLike } from './socket.ts'
import { TokenBucket } from './tokenBucket.ts'

/** Sync step 1 with an empty state vector ("send me everything"), as a new client sends it. */
const isEmptyStep1 = (bytes: Uint8Array): boolean =>
  bytes.length === 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0

/** A sync frame (step 1, step 2 or update). */
const isSyncFrame = (bytes: Uint8Array): boolean => bytes[0] === 0

/** How long a loading room waits for a joined socket's first sync frame (SYNC-25). */
const FIRST_SYNC_FRAME_WAIT_MS = 100

/** What a Connection needs from its room (implemented by Room). */
export interface ConnectionHost {
  handleFrame(connection: Connection, frame: ClientFrame): void
  /** A viewer sent an update: answered with `permission denied`, never read (PERM-3). */
  refuseReadOnly(connection: Connection): void
  removeConnection(connection: Connection): void
}

/** The identity stamped into every awareness state of this connection (PERM-6). */
export interface StampedUser {
  name: string
  color: string
  role: Principal['role']
}

/**
 * One client socket in one room. It owns rate limiting, frame decoding, the outgoing-buffer
 * check and the error boundary: nothing thrown while handling a frame escapes it (SYNC-9).
 */
export class Connection implements ConnectionOrigin {
  readonly kind = 'connection' as const
  readonly access: DocumentAccess
  /** Its colour is the participant's preferred one until the room assigns one (`assignColor`). */
  user: StampedUser
  /** Frames that have been reverted because they touched protected parts. */
  reverts = 0
  /** The awareness client id this connection speaks for, once it announced one. */
  awarenessClientId: number | null = null
  /**
   * What the room dropped of its updates (SYNC-13) until its resync brings it back; while set,
   * its sync step 1 is not answered (SYNC-10).
   */
  droppedUpdate: Uint8Array | null = null
  /** Its newest unanswered sync step 1 (SYNC-10). */
  deferredStateVector: Uint8Array | null = null
  /** A sync step 2 reply is still on its way out (SYNC-21): the next one waits for it. */
  replyInFlight = false
  /** Sync step 1 frames the server sent, each of which a viewer may answer once (PERM-3). */
  step2Allowance = 0
  /** When this connection was last answered a query-awareness (SYNC-22). */
  lastAwarenessQuery = -Infinity
  private host: ConnectionHost | null = null
  private early: Uint8Array[] | null = []
  private readonly bucket: TokenBucket
  private readonly echoBucket: TokenBucket
  private readonly syncBytes: TokenBucket
  private readonly awarenessBytes: TokenBucket
  private closedFlag = false
  private gone = false
  /** SYNC-25: the stored document offered while the room loads, and what became of it. */
  private storedReply: Uint8Array | null = null
  private storedReplyStatus: 'none' | 'sent' | 'flushed' | 'declined' = 'none'

  constructor(
    readonly socket: SocketLike,
    readonly principal: Principal,
    private readonly limits: Limits,
    private readonly log: Logger,
    /** Called once when the connection is gone, attached to a room or not. */
    private readonly onGone: () => void = () => {},
  ) {
    this.access = documentAccessFor(principal.role)
    this.user = {
      name: principal.displayName,
      color: participantColor(principal.participantId),
      role: principal.role,
    }
    this.bucket = new TokenBucket(limits.maxMessagesPerSecond, limits.messageBurst)
    this.echoBucket = new TokenBucket(limits.maxEchoesPerSecond, limits.echoBurst)
    this.syncBytes = new TokenBucket(limits.maxSyncBytesPerSecond, limits.syncByteBurst)
    this.awarenessBytes = new TokenBucket(
      limits.maxAwarenessBytesPerSecond,
      limits.awarenessByteBurst,
    )
  }

  /** The room's colour for this participant (PERM-6), stamped into every awareness state. */
  assignColor(color: string): void {
    this.user = { ...this.user, color }
  }

  get closed(): boolean {
    return this.closedFlag
  }

  /**
   * SYNC-25: while its room loads, a socket whose first sync frame is an empty step 1 is
   * answered with the stored document (`frame`, encoded once for all) at once, not after the
   * load; any other first sync frame waits for the room as usual.
   */
  offerStoredReply(frame: Uint8Array): void {
    if (this.early === null || this.closedFlag || this.storedReplyStatus !== 'none') return
    this.storedReply = frame
    const first = this.early.findIndex(isSyncFrame)
    if (first === -1) return
    if (!isEmptyStep1(this.early[first]!)) {
      this.storedReplyStatus = 'declined'
      return
    }
    this.early.splice(first, 1)
    this.sendStoredReply()
  }

  /** SYNC-25: whether the loading room need not wait for this socket any longer. */
  storedReplySettled(waitedMs: number): boolean {
    if (this.closedFlag) return true
    if (this.storedReplyStatus === 'none') return waitedMs >= FIRST_SYNC_FRAME_WAIT_MS
    return this.storedReplyStatus !== 'sent'
  }

  private sendStoredReply(): void {
    const frame = this.storedReply!
    this.storedReply = null
    this.storedReplyStatus = 'sent'
    this.send(frame, () => {
      this.storedReplyStatus = 'flushed'
    })
  }

  /** Called once the room is loaded; replays the frames that arrived meanwhile. */
  attach(host: ConnectionHost): void {
    if (this.closedFlag) return
    this.storedReply = null
    if (this.storedReplyStatus === 'none') this.storedReplyStatus = 'declined'
    this.host = host
    const early = this.early ?? []
    this.early = null
    for (const bytes of early) {
      if (this.closedFlag) return
      this.guard(() => this.handle(bytes))
    }
  }

  receive(bytes: Uint8Array): void {
    if (this.closedFlag) return
    this.guard(() => {
      if (this.early !== null) {
        if (this.storedReply && this.storedReplyStatus === 'none' && isSyncFrame(bytes)) {
          if (isEmptyStep1(bytes)) return this.sendStoredReply()
          this.storedReplyStatus = 'declined'
        }
        if (this.early.length >= this.limits.maxPendingFramesBeforeSync) {
          return this.close(CloseCode.RateLimited)
        }
        this.early.push(bytes)
        return
      }
      this.handle(bytes)
    })
  }

  /**
   * SYNC-11: the outgoing buffer is checked with this frame counted, before it is queued, so a
   * socket that stopped reading can never hold more than `maxOutgoingBufferedBytes`.
   */
  send(frame: Uint8Array, onFlushed?: () => void): void {
    if (this.closedFlag || !this.socket.isOpen) return
    if (this.socket.bufferedAmount + frame.byteLength > this.limits.maxOutgoingBufferedBytes) {
      this.close(CloseCode.SlowConsumer)
      return
    }
    this.socket.send(frame, onFlushed)
    metrics.framesOut.inc()
    metrics.bytesOut.inc(frame.byteLength)
  }

  /** SYNC-24: frames that fall due together, in one socket write (SYNC-11 counts them all). */
  sendTogether(frames: readonly Uint8Array[]): void {
    if (frames.length === 1) return this.send(frames[0]!)
    if (this.closedFlag || !this.socket.isOpen) return
    const bytes = frames.reduce((n, frame) => n + frame.byteLength, 0)
    if (this.socket.bufferedAmount + bytes > this.limits.maxOutgoingBufferedBytes) {
      this.close(CloseCode.SlowConsumer)
      return
    }
    const sendAll = (): void => {
      for (const frame of frames) this.socket.send(frame)
    }
    if (this.socket.batch) this.socket.batch(sendAll)
    else sendAll()
    metrics.framesOut.inc(frames.length)
    metrics.bytesOut.inc(bytes)
  }

  close(code: CloseCode): void {
    if (this.closedFlag) return
    this.closedFlag = true
    metrics.closedSockets.inc({ code })
    try {
      this.socket.close(code, closeReason[code])
    } catch (error) {
      this.log.warn('socket close failed', errorFields(error))
    }
    this.detach()
  }

  /** The transport reports that the socket is gone. */
  handleTransportClose(): void {
    this.closedFlag = true
    this.detach()
  }

  private detach(): void {
    if (this.gone) return
    this.gone = true
    this.early = null
    const host = this.host
    this.host = null
    host?.removeConnection(this)
    this.onGone()
  }

  private handle(bytes: Uint8Array): void {
    let frame: ClientFrame
    try {
      if (this.isAwarenessEcho(bytes)) {
        if (!this.echoBucket.take()) this.close(CloseCode.RateLimited)
        return
      }
      if (!this.bucket.take() || !this.bytesAllowed(bytes)) return this.close(CloseCode.RateLimited)
      if (this.access.kind === 'read-only' && this.isUnaskedUpdate(bytes)) {
        this.host?.refuseReadOnly(this)
        return
      }
      frame = decodeClientFrame(bytes, this.awarenessClientId ?? undefined)
    } catch (error) {
      if (error instanceof FrameError) return this.close(CloseCode.MalformedFrame)
      throw error
    }
    this.host?.handleFrame(this, frame)
  }

  /** SYNC-22: sync and awareness bytes each have a budget per second, beside the frame budget. */
  private bytesAllowed(bytes: Uint8Array): boolean {
    const awareness = peekFrameKind(bytes) === 'awareness'
    return (awareness ? this.awarenessBytes : this.syncBytes).take(bytes.byteLength)
  }

  /**
   * PERM-3: a viewer's update is refused before its payload is read. Only its answers to the
   * server's own sync step 1 (one each) are read, since a returning viewer's step 2 may repeat
   * what the room has and deserves no denial (PROTO-3).
   */
  private isUnaskedUpdate(bytes: Uint8Array): boolean {
    const kind = peekFrameKind(bytes)
    if (kind === 'update') return true
    if (kind !== 'sync-step2') return false
    if (this.step2Allowance === 0) return true
    this.step2Allowance--
    return false
  }

  /** PROTO-6: an awareness frame without this connection's own client id. */
  private isAwarenessEcho(bytes: Uint8Array): boolean {
    if (this.awarenessClientId === null) return false
    const ids = peekAwarenessClientIds(bytes)
    return ids !== null && !ids.includes(this.awarenessClientId)
  }

  private guard(work: () => void): void {
    try {
      work()
    } catch (error) {
      this.log.error('connection handler failed', {
        workspaceId: this.principal.workspaceId,
        ...errorFields(error),
      })
      this.close(CloseCode.InternalError)
    }
  }
}
