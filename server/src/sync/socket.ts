/**
 * The transport a Connection needs; the Hono/ws route adapts a `ws` WebSocket to it, tests use
 * an in-memory fake. Rooms and connections never see the transport itself.
 */
export interface SocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number
  readonly isOpen: boolean
}
