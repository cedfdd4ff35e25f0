import {
  CloseCode,
  closeReason,
  decodeClientFrame,
  FrameError,
  peekAwarenessClientIds,
  type ClientFrame,
  type Limits,
} from '@koers/protocol'
import { participantColor } from '@koers/protocol'
import { documentAccessFor, type DocumentAccess } from '../auth/policy.ts'
import type { Principal } from '../auth/role.ts'
import { errorFields, type Logger } from '../log.ts'
import type { ConnectionOrigin } from './origin.ts'
import type { SocketLike } from './socket.ts'
import { TokenBucket } from './tokenBucket.ts'

/** What a Connection needs from its room (implemented by Room). */
export interface ConnectionHost {
  handleFrame(connection: Connection, frame: ClientFrame): void
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
  private host: ConnectionHost | null = null
  private early: Uint8Array[] | null = []
  private readonly bucket: TokenBucket
  private readonly echoBucket: TokenBucket
  private closedFlag = false

  constructor(
    readonly socket: SocketLike,
    readonly principal: Principal,
    private readonly limits: Limits,
    private readonly log: Logger,
  ) {
    this.access = documentAccessFor(principal.role)
    this.user = {
      name: principal.displayName,
      color: participantColor(principal.participantId),
      role: principal.role,
    }
    this.bucket = new TokenBucket(limits.maxMessagesPerSecond, limits.messageBurst)
    this.echoBucket = new TokenBucket(limits.maxEchoesPerSecond, limits.echoBurst)
  }

  /** The room's colour for this participant (PERM-6), stamped into every awareness state. */
  assignColor(color: string): void {
    this.user = { ...this.user, color }
  }

  get closed(): boolean {
    return this.closedFlag
  }

  /** Called once the room is loaded; replays the frames that arrived meanwhile. */
  attach(host: ConnectionHost): void {
    if (this.closedFlag) return
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
        if (this.early.length >= this.limits.maxPendingFramesBeforeSync) {
          return this.close(CloseCode.RateLimited)
        }
        this.early.push(bytes)
        return
      }
      this.handle(bytes)
    })
  }

  send(frame: Uint8Array): void {
    if (this.closedFlag || !this.socket.isOpen) return
    if (this.socket.bufferedAmount > this.limits.maxOutgoingBufferedBytes) {
      this.close(CloseCode.SlowConsumer)
      return
    }
    this.socket.send(frame)
  }

  close(code: CloseCode): void {
    if (this.closedFlag) return
    this.closedFlag = true
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
    this.early = null
    const host = this.host
    this.host = null
    host?.removeConnection(this)
  }

  private handle(bytes: Uint8Array): void {
    let frame: ClientFrame
    try {
      if (this.isAwarenessEcho(bytes)) {
        if (!this.echoBucket.take()) this.close(CloseCode.RateLimited)
        return
      }
      if (!this.bucket.take()) return this.close(CloseCode.RateLimited)
      frame = decodeClientFrame(bytes)
    } catch (error) {
      if (error instanceof FrameError) return this.close(CloseCode.MalformedFrame)
      throw error
    }
    this.host?.handleFrame(this, frame)
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
