import { serve, type ServerType } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import type { AddressInfo } from 'node:net'
import { SessionService } from './auth/sessions.ts'
import { TicketStore } from './auth/tickets.ts'
import type { ServerConfig } from './config.ts'
import { createApp, finishApp } from './http/app.ts'
import type { AppDeps } from './http/context.ts'
import { consoleLogger, type Logger } from './log.ts'
import { openDatabase } from './store/database.ts'
import { createSqliteAccessStore } from './store/sqliteAccessStore.ts'
import { createSqliteDocumentStore } from './store/sqliteDocumentStore.ts'
import { RoomRegistry } from './sync/roomRegistry.ts'
import { startKeepalive } from './http/keepalive.ts'
import { guardUpgrades } from './http/guardUpgrades.ts'

export { loadConfig, type ServerConfig } from './config.ts'
export type { DocumentStore, AppendEntry, StoredDocument } from './store/documentStore.ts'

export interface RunningServer {
  url: string
  port: number
  /** In-process access for tests (room inspection, flushing). */
  registry: RoomRegistry
  close(): Promise<void>
}

export interface StartOptions {
  log?: Logger
}

const displayHost = (host: string): string => {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return 'localhost'
  return host.includes(':') ? `[${host}]` : host
}

/** Starts Koers (HTTP API, WebSocket sync, web app) and resolves once it accepts connections. */
export const startServer = async (
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> => {
  const log = options.log ?? consoleLogger
  const db = openDatabase(config.dataDir, config.sqliteSync)
  const documents = createSqliteDocumentStore(db)
  const access = createSqliteAccessStore(db)
  const registry = new RoomRegistry(documents, config.limits, log, config.memoryBudgetBytes)
  const deps: AppDeps = {
    config,
    documents,
    access,
    sessions: new SessionService(access),
    tickets: new TicketStore(config.limits.ticketTtlMs),
    registry,
    log,
  }
  const app = createApp(deps)
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // ws itself closes a socket that sends a bigger frame, with 1009 (SYNC-8).
  wss.options.maxPayload = config.limits.maxFrameBytes
  finishApp(app, deps, upgradeWebSocket)

  const server = await new Promise<ServerType>((resolveServer, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolveServer(started),
    )
    started.once('error', reject)
  })
  injectWebSocket(guardUpgrades(server, log))
  const stopKeepalive = startKeepalive(wss)
  const port = (server.address() as AddressInfo).port

  let closing: Promise<void> | null = null
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopKeepalive()
      const stopped = new Promise<void>((done) => server.close(() => done()))
      await registry.close()
      for (const ws of wss.clients) ws.terminate()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await stopped
      await documents.close()
    })())

  return { url: `http://${displayHost(config.host)}:${port}`, port, registry, close }
}
