import type { WebSocket, WebSocketServer } from 'ws'

const INTERVAL_MS = 30_000

/** Pings every socket; one that did not answer the previous ping is cut off. */
export const startKeepalive = (wss: WebSocketServer): (() => void) => {
  const alive = new WeakMap<WebSocket, boolean>()
  wss.on('connection', (ws) => {
    alive.set(ws, true)
    ws.on('pong', () => alive.set(ws, true))
  })
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
