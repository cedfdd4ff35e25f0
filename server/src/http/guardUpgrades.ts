import { EventEmitter } from 'node:events'
import type { ServerType } from '@hono/node-server'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from '../log.ts'

/**
 * @hono/node-ws parses the request URL in an async 'upgrade' listener of its own, where a URL
 * such as `//` throws outside any handler and would take the process down. Upgrades pass through
 * here first: only a parseable path reaches it, anything else gets its socket destroyed.
 */
export const guardUpgrades = (server: ServerType, log: Logger): ServerType => {
  const guarded = new EventEmitter()
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isParseablePath(request.url)) {
      log.warn('refused upgrade with an invalid url')
      socket.destroy()
      return
    }
    guarded.emit('upgrade', request, socket, head)
  })
  // Only the 'upgrade' event is used by injectWebSocket.
  return guarded as unknown as ServerType
}

const isParseablePath = (url: string | undefined): boolean => {
  if (!url?.startsWith('/') || url.startsWith('//')) return false
  try {
    new URL(url, 'http://localhost')
    return true
  } catch {
    return false
  }
}
