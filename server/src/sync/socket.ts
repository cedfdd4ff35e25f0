/**
 * The transport a Connection needs; the Hono/ws route adapts a `ws` WebSocket to it, tests use
 * an in-memory fake. Rooms and connections never see the transport itself.
 */
export interface SocketLike {
  /** `onFlushed` is called once the frame has left the process (or the socket closed). */
  send(data: Uint8Array, onFlushed?: () => void): void
  close(code: number, reason: string): void
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number
  readonly isOpen: boolean
  /**
   * SYNC-24: runs `work`, whose sends leave in one write (the `ws` adapter corks the TCP
   * socket); optional, a transport without it sends each frame on its own.
   */
  batch?(work: () => void): void
}
