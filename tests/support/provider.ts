import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ticket } from './api.ts'

// Every y-websocket provider adds a process 'exit' listener; tests and the benchmark run dozens.
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000))

export interface ConnectOptions {
  /** Fetch a fresh single-use ticket before each reconnect (default true). */
  refreshTicket?: boolean
}

/**
 * A stock y-websocket provider over `ws`. BroadcastChannel is disabled: in one Node process it
 * would let providers sync with each other without the server.
 */
export async function connectProvider(
  url: string,
  workspaceId: string,
  cookie: string,
  doc: Y.Doc = new Y.Doc(),
  options: ConnectOptions = {},
): Promise<WebsocketProvider> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/sync`
  const provider = new WebsocketProvider(wsUrl, workspaceId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ticket: await ticket(url, workspaceId, cookie) },
    disableBc: true,
    maxBackoffTime: 500,
  })
  if (options.refreshTicket ?? true) {
    provider.on('connection-close', () => {
      if (!provider.shouldConnect) return
      ticket(url, workspaceId, cookie).then(
        (fresh) => {
          provider.params = { ticket: fresh }
        },
        () => undefined,
      )
    })
  }
  return provider
}

export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs)
    const onSync = (synced: boolean): void => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Connects and waits for the first sync; the provider is destroyed by `dispose`. */
export async function syncedProvider(
  url: string,
  workspaceId: string,
  cookie: string,
  doc: Y.Doc = new Y.Doc(),
): Promise<WebsocketProvider> {
  const provider = await connectProvider(url, workspaceId, cookie, doc)
  await waitForSync(provider)
  return provider
}

export function disposeProvider(provider: WebsocketProvider): void {
  provider.destroy()
  provider.doc.destroy()
}
