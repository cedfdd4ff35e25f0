import { serve, type ServerType } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import type { Context } from 'hono'
import { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { JoinCodeService } from './auth/joinCodes.ts'
import { SessionService } from './auth/sessions.ts'
import type { ServerConfig } from './config.ts'
import { createApp, finishApp } from './http/app.ts'
import type { AppDeps } from './http/context.ts'
import { consoleLogger, errorFields, type Logger } from './log.ts'
import { openStores } from './store/stores.ts'
import { RedisBus } from './bus/redisBus.ts'
import { RoomRegistry } from './sync/roomRegistry.ts'
import { startKeepalive } from './http/keepalive.ts'
import { guardUpgrades } from './http/guardUpgrades.ts'
import {
  connectionCap,
  guardConnections,
  HTTP_SERVER_OPTIONS,
  openFileLimit,
} from './http/connectionGuard.ts'
import { createThrottle } from './http/throttle.ts'
import { ActivityTracker } from './lifecycle/activityTracker.ts'
import { startHousekeeping } from './lifecycle/housekeeping.ts'
import { WorkspaceEraser } from './lifecycle/workspaceEraser.ts'
import { ExportPool } from './export/exportPool.ts'
import { VersionService } from './versions/versionService.ts'
import { RoundService } from './rounds/roundService.ts'

export { loadConfig, type ServerConfig } from './config.ts'
export type { DocumentStore, AppendEntry, StoredDocument } from './store/documentStore.ts'

export interface RunningServer {
  url: string
  port: number
  /** In-process access for tests (room inspection, flushing). */
  registry: RoomRegistry
  /** SEC-4: the connection cap in force (KOERS_MAX_CONNECTIONS, fitted to the fd limit). */
  maxConnections: number
  close(): Promise<void>
}

export interface StartOptions {
  log?: Logger
}

/** PERM-14: the wrong-code throttle counts only joins by code (Hono caches the parsed body). */
const isCodeJoin = async (c: Context): Promise<boolean> => {
  const body: unknown = await c.req.json().catch(() => null)
  return typeof body === 'object' && body !== null && 'code' in body
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
  const stores = await openStores({
    dataDir: config.dataDir,
    sqliteSync: config.sqliteSync,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    ticketTtlMs: config.limits.ticketTtlMs,
  })
  const { documents, access, lifecycle, tickets } = stores
  const bus = config.redisUrl
    ? await RedisBus.connect(config.redisUrl, config.redisPrefix, log)
    : null
  const registry = new RoomRegistry(documents, config.limits, log, config.memoryBudgetBytes, bus)
  const activity = new ActivityTracker(lifecycle, log)
  const eraser = new WorkspaceEraser(lifecycle, tickets, registry, activity)
  const { trustProxy, createsPerHour, joinsPerMinute, codeGuessesPerMinute, retentionDays } =
    config.protection
  const throttles = {
    create: createThrottle({
      what: 'new workspaces',
      limit: createsPerHour,
      windowMs: 60 * 60_000,
      trustProxy,
    }),
    join: createThrottle({ what: 'joins', limit: joinsPerMinute, windowMs: 60_000, trustProxy }),
    codeGuess: createThrottle({
      what: 'wrong join codes',
      limit: codeGuessesPerMinute,
      windowMs: 60_000,
      trustProxy,
      onlyFailures: true,
      appliesTo: isCodeJoin,
    }),
  }
  // EXP-17, EXP-18: one export at a time beside the event loop, a few waiting.
  const exports = new ExportPool({ workers: 1, maxQueued: 8, timeoutMs: 120_000, log })
  const versions = new VersionService(registry, stores.versions, config.limits, log)
  versions.watchStatusChanges()
  const rounds = new RoundService(stores.rounds, registry, log)
  const deps: AppDeps = {
    config,
    bus,
    documents,
    access,
    sessions: new SessionService(access),
    tickets,
    registry,
    log,
    lifecycle,
    activity,
    eraser,
    joinCodes: new JoinCodeService(stores.joinCodes),
    throttles,
    exports,
    versions,
    rounds,
  }
  // PRIV-4, PRIV-5: expired sessions and workspaces go before the first request is served.
  const stopHousekeeping = await startHousekeeping({
    store: lifecycle,
    eraser,
    registry,
    retentionDays,
    log,
  })
  const app = createApp(deps)
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // ws itself closes a socket that sends a bigger frame, with 1009 (SYNC-8).
  wss.options.maxPayload = config.limits.maxFrameBytes
  finishApp(app, deps, upgradeWebSocket)

  const server = await new Promise<ServerType>((resolveServer, reject) => {
    const started = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        serverOptions: HTTP_SERVER_OPTIONS,
      },
      () => resolveServer(started),
    )
    started.once('error', reject)
  })
  const maxConnections = connectionCap(config.protection.maxConnections, openFileLimit())
  if (server instanceof HttpServer) guardConnections(server, maxConnections)
  injectWebSocket(guardUpgrades(server, log))
  const stopKeepalive = startKeepalive(wss)
  const port = (server.address() as AddressInfo).port
  if (config.exportWarmup) {
    exports.warm().catch((error: unknown) => log.warn('export warm-up failed', errorFields(error)))
  }

  let closing: Promise<void> | null = null
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopKeepalive()
      stopHousekeeping()
      throttles.create.close()
      throttles.join.close()
      throttles.codeGuess.close()
      versions.stop()
      rounds.stop()
      await exports.close()
      const stopped = new Promise<void>((done) => server.close(() => done()))
      await registry.close()
      for (const ws of wss.clients) ws.terminate()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await stopped
      await bus?.close()
      await stores.close()
    })())

  return {
    url: `http://${displayHost(config.host)}:${port}`,
    port,
    registry,
    maxConnections,
    close,
  }
}
