import { readFileSync } from 'node:fs'
import type { Server, ServerOptions, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** SEC-4: the Node HTTP server's own timeouts. */
export const HTTP_SERVER_OPTIONS = {
  /** The request line and headers must be complete this long after they began. */
  headersTimeout: 10_000,
  /** A whole request (at most 64 KiB of body) must have arrived within this. */
  requestTimeout: 30_000,
  /** How long a kept-alive connection may wait for its next request. */
  keepAliveTimeout: 5_000,
  /** How often the two limits above are checked (Node's default is 30 s). */
  connectionsCheckingInterval: 1_000,
} satisfies ServerOptions

/** A connection that sends nothing at all is closed after this long. */
export const IDLE_SOCKET_MS = 10_000

const DEFAULT_MAX_CONNECTIONS = 10_000
/** File descriptors kept free for the database, static files and logs. */
const RESERVED_DESCRIPTORS = 256

/** The soft limit on open files of this process (Linux), or null when it cannot be read. */
export const openFileLimit = (): number | null => {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('Max open files'))
    const soft = line?.split(/\s{2,}/)[1]
    const value = Number(soft)
    return Number.isInteger(value) && value > 0 ? value : null
  } catch {
    return null
  }
}

/** The connection cap: KOERS_MAX_CONNECTIONS or 10,000, never closer than 256 to the fd limit. */
export const connectionCap = (configured: number | null, fdLimit: number | null): number => {
  const wanted = configured ?? DEFAULT_MAX_CONNECTIONS
  if (fdLimit === null) return wanted
  return Math.max(16, Math.min(wanted, fdLimit - RESERVED_DESCRIPTORS))
}

/**
 * SEC-4: at most `maxConnections` open HTTP connections (WebSockets included), so the process
 * never runs out of file descriptors. When a new connection would pass the cap, the oldest
 * *idle* one (no request in progress, not a WebSocket) is closed to make room; only when every
 * connection is busy is the new one refused. So thousands of held-open raw connections cannot
 * keep `/healthz` or a participant out. A connection that sends nothing is closed after
 * `idleMs`, unless the server itself is still working on its request (an export waiting for
 * the worker): a slow server must not cut off its own answer. Once the answer has started, a
 * client that stops reading is idle again.
 */
export const guardConnections = (
  server: Server,
  maxConnections: number,
  idleMs = IDLE_SOCKET_MS,
): void => {
  server.timeout = idleMs
  const idle = new Set<Socket>()
  const busy = new Map<Socket, number>()
  const answering = new Map<Socket, ServerResponse>()
  // With a listener here, Node leaves the timed-out socket to us instead of destroying it.
  server.on('timeout', (socket: Socket) => {
    const response = answering.get(socket)
    if (response && !response.headersSent) return
    socket.destroy()
  })
  let open = 0
  server.on('connection', (socket: Socket) => {
    open++
    socket.once('close', () => {
      open--
      idle.delete(socket)
      busy.delete(socket)
      answering.delete(socket)
    })
    if (open > maxConnections) {
      const oldest = idle.values().next()
      if (oldest.done) {
        socket.destroy()
        return
      }
      idle.delete(oldest.value)
      oldest.value.destroy()
    }
    idle.add(socket)
  })
  server.on('request', (request, response) => {
    const socket = request.socket
    idle.delete(socket)
    busy.set(socket, (busy.get(socket) ?? 0) + 1)
    answering.set(socket, response)
    response.once('close', () => {
      if (answering.get(socket) === response) answering.delete(socket)
      const left = (busy.get(socket) ?? 1) - 1
      if (left > 0) return void busy.set(socket, left)
      busy.delete(socket)
      if (!socket.destroyed) idle.add(socket)
    })
  })
  server.on('upgrade', (request: { socket: Socket }) => {
    idle.delete(request.socket)
  })
}
