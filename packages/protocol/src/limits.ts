export interface Limits {
  /** Largest accepted WebSocket frame; larger frames close the socket with 1009. */
  maxFrameBytes: number
  /** Frames a socket may send while its room is still loading. */
  maxPendingFramesBeforeSync: number
  /** Token bucket per connection: sustained rate ... */
  maxMessagesPerSecond: number
  /** ... and burst size. */
  messageBurst: number
  /** Under load, document updates are committed and broadcast at most this often. */
  broadcastIntervalMs: number
  /** Awareness changes of a room are merged over this window and sent as one frame. */
  presenceIntervalMs: number
  /** Largest awareness state (JSON characters) a client may publish; larger ones are dropped. */
  maxAwarenessStateBytes: number
  /** Bytes of sync frames a connection may send: sustained per second, and burst. */
  maxSyncBytesPerSecond: number
  syncByteBurst: number
  /** Bytes of awareness frames a connection may send: sustained per second, and burst. */
  maxAwarenessBytesPerSecond: number
  awarenessByteBurst: number
  /** A connection's query-awareness is answered at most once per this interval. */
  queryAwarenessIntervalMs: number
  /** Open sockets of one participant (tabs, devices with one browser session) ... */
  maxConnectionsPerParticipant: number
  /** ... and of the whole server. */
  maxConnections: number
  /** Budget for echoed awareness frames (PROTO-6): sustained rate and burst. */
  maxEchoesPerSecond: number
  echoBurst: number
  /** A socket whose unsent bytes exceed this is closed as a slow consumer. */
  maxOutgoingBufferedBytes: number
  /** Upper bound on the stored size of one workspace document. */
  maxDocumentBytes: number
  /** Upper bound on the Yjs structs of one document (what it costs in memory). */
  maxDocumentItems: number
  /** Lifetime of a WebSocket ticket. */
  ticketTtlMs: number
  /** A room without connections is unloaded after this long. */
  roomIdleMs: number
  /** An editor connection is closed after this many frames that had to be reverted. */
  maxRevertsBeforeClose: number
  /** Log rows per document before the store folds them into the snapshot. */
  compactAfterUpdates: number
  /**
   * SYNC-25: a large document's room is built once no socket joined for this long (and every
   * joined socket was answered from the stored bytes), or after `storedReplyMaxWaitMs`.
   */
  storedReplyQuietMs: number
  storedReplyMaxWaitMs: number
}

const MiB = 1024 * 1024

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFrameBytes: 2 * MiB,
  maxPendingFramesBeforeSync: 64,
  maxMessagesPerSecond: 60,
  messageBurst: 300,
  broadcastIntervalMs: 10,
  presenceIntervalMs: 40,
  maxAwarenessStateBytes: 8 * 1024,
  maxSyncBytesPerSecond: 1 * MiB,
  syncByteBurst: 4 * MiB,
  maxAwarenessBytesPerSecond: 32 * 1024,
  awarenessByteBurst: 128 * 1024,
  queryAwarenessIntervalMs: 2_000,
  maxConnectionsPerParticipant: 12,
  maxConnections: 5_000,
  maxEchoesPerSecond: 100,
  echoBurst: 500,
  maxOutgoingBufferedBytes: 16 * MiB,
  maxDocumentBytes: 8 * MiB,
  maxDocumentItems: 300_000,
  ticketTtlMs: 30_000,
  roomIdleMs: 30_000,
  maxRevertsBeforeClose: 20,
  compactAfterUpdates: 500,
  storedReplyQuietMs: 50,
  storedReplyMaxWaitMs: 1_000,
})
