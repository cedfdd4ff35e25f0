import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import type { SocketLike } from '../sync/socket.ts'

/** A closing socket that does not finish the close handshake is cut off after this long. */
const CLOSE_GRACE_MS = 5_000

/** Adapts a `ws` WebSocket to the SocketLike a Connection needs. */
export const adaptWebSocket = (ws: WebSocket): SocketLike => ({
  send: (data, onFlushed) => ws.send(data, { binary: true }, onFlushed && (() => onFlushed())),
  close: (code, reason) => {
    ws.close(code, reason)
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
  },
  get bufferedAmount() {
    return ws.bufferedAmount
  },
  get isOpen() {
    return ws.readyState === WebSocket.OPEN
  },
  batch: (work) => {
    // `ws` writes each frame to its net.Socket at once (header and payload corked together);
    // corking around several sends makes them one writev (SYNC-24).
    const raw = (ws as unknown as { _socket?: Socket })._socket
    raw?.cork()
    try {
      work()
    } finally {
      raw?.uncork()
    }
  },
})
