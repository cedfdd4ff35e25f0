import { DEFAULT_LIMITS, type Limits } from '@koers/protocol'
import { totalmem } from 'node:os'
import { resolve } from 'node:path'
import { getHeapStatistics } from 'node:v8'

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** When set, `POST /api/workspaces` needs `Authorization: Bearer <createKey>`. */
  createKey: string | null
  /** Public origin (e.g. https://koers.school.nl), used for links, cookies and Origin checks. */
  publicUrl: string | null
  /** Extra origins allowed to open the WebSocket. */
  allowedOrigins: string[]
  /** Built web app; missing → a plain page that says to run `pnpm build`. */
  webDir: string
  /** SQLite `synchronous`: normal survives a killed process, full also a power cut. */
  sqliteSync: 'normal' | 'full'
  /** Heap bytes the loaded documents may cost together (LIM-3). */
  memoryBudgetBytes: number
  /** `DATABASE_URL`: PostgreSQL instead of the embedded SQLite database (SCALE-2). */
  databaseUrl: string | null
  /** `KOERS_DATABASE_SCHEMA`: the PostgreSQL schema to use (default: the search path). */
  databaseSchema: string | null
  /** `REDIS_URL`: the bus between instances (SCALE-3); null for one instance. */
  redisUrl: string | null
  /** `KOERS_REDIS_PREFIX`: prefix of every Redis channel and key. */
  redisPrefix: string
  /** `KOERS_METRICS_TOKEN`: when set, `GET /metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | null
  limits: Limits
  /** Hardening and privacy settings (docs/security.md, docs/privacy.md). */
  protection: ProtectionConfig
  /** EXP-17: export once at start so the first real export is not slow (KOERS_EXPORT_WARMUP). */
  exportWarmup: boolean
}

export interface ProtectionConfig {
  /** Take the client address from X-Forwarded-For (one reverse proxy in front). SEC-1 */
  trustProxy: boolean
  /** Workspaces one address may create per hour. SEC-2 */
  createsPerHour: number
  /** Joins (`POST /api/session`) one address may make per minute. SEC-2 */
  joinsPerMinute: number
  /** Wrong join codes one address may send per minute. PERM-14 */
  codeGuessesPerMinute: number
  /** Creation is refused once this many workspaces exist. SEC-3 */
  maxWorkspaces: number
  /** Creation is refused when the data dir's disk has less free space than this. SEC-3 */
  minFreeDiskBytes: number
  /** Concurrent HTTP connections; null: 10,000, lowered to fit the file-descriptor limit. SEC-4 */
  maxConnections: number | null
  /** Days a workspace may go unused before it is deleted; null: kept until deleted. PRIV-5 */
  retentionDays: number | null
}

/**
 * The default memory budget: half of what V8 may use, and at most half of the machine's memory,
 * leaving room for sockets, requests and the garbage collector.
 */
export const defaultMemoryBudgetMb = (): number =>
  Math.floor(Math.min(getHeapStatistics().heap_size_limit, totalmem()) / 2 / 2 ** 20)

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

type Env = Record<string, string | undefined>

const integer = (env: Env, name: string, fallback: number, min = 0): number => {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`)
  }
  return value
}

const origin = (name: string, raw: string): string => {
  try {
    return new URL(raw).origin
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${raw}"`)
  }
}

const serviceUrl = (env: Env, name: string, protocols: string[]): string | null => {
  const raw = env[name]?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`)
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}//`)
  }
  return raw
}

/** Reads the environment into a typed config; throws ConfigError with a readable message. */
export const loadConfig = (env: Env = process.env): ServerConfig => {
  const publicUrl = env.KOERS_PUBLIC_URL?.trim()
    ? origin('KOERS_PUBLIC_URL', env.KOERS_PUBLIC_URL.trim())
    : null
  const allowedOrigins = (env.KOERS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0)
    .map((value) => origin('KOERS_ALLOWED_ORIGINS', value))
  const sync = (env.KOERS_SQLITE_SYNC ?? 'normal').trim().toLowerCase()
  if (sync !== 'normal' && sync !== 'full') {
    throw new ConfigError(`KOERS_SQLITE_SYNC must be "normal" or "full", got "${sync}"`)
  }
  const trustProxy = (env.KOERS_TRUST_PROXY ?? '0').trim()
  if (trustProxy !== '0' && trustProxy !== '1' && trustProxy !== '') {
    throw new ConfigError(`KOERS_TRUST_PROXY must be "0" or "1", got "${trustProxy}"`)
  }
  const warmup = (env.KOERS_EXPORT_WARMUP ?? '1').trim()
  if (warmup !== '0' && warmup !== '1' && warmup !== '') {
    throw new ConfigError(`KOERS_EXPORT_WARMUP must be "0" or "1", got "${warmup}"`)
  }
  const optional = (name: string, min: number): number | null =>
    env[name]?.trim() ? integer(env, name, 0, min) : null
  return {
    port: integer(env, 'PORT', 8080),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.KOERS_DATA_DIR?.trim() || './data'),
    createKey: env.KOERS_CREATE_KEY?.trim() || null,
    publicUrl,
    allowedOrigins,
    webDir: resolve(env.KOERS_WEB_DIR?.trim() || 'apps/web/dist'),
    sqliteSync: sync,
    exportWarmup: warmup !== '0',
    memoryBudgetBytes:
      integer(env, 'KOERS_MEMORY_BUDGET_MB', defaultMemoryBudgetMb(), 16) * 2 ** 20,
    databaseUrl: serviceUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseSchema: env.KOERS_DATABASE_SCHEMA?.trim() || null,
    redisUrl: serviceUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: env.KOERS_REDIS_PREFIX?.trim() || 'koers',
    metricsToken: env.KOERS_METRICS_TOKEN?.trim() || null,
    limits: {
      ...DEFAULT_LIMITS,
      maxFrameBytes: integer(env, 'KOERS_MAX_FRAME_BYTES', DEFAULT_LIMITS.maxFrameBytes, 1024),
      maxDocumentBytes: integer(
        env,
        'KOERS_MAX_DOCUMENT_BYTES',
        DEFAULT_LIMITS.maxDocumentBytes,
        1024,
      ),
      maxDocumentItems: integer(
        env,
        'KOERS_MAX_DOCUMENT_ITEMS',
        DEFAULT_LIMITS.maxDocumentItems,
        1000,
      ),
      maxConnections: integer(env, 'KOERS_MAX_SOCKETS', DEFAULT_LIMITS.maxConnections, 1),
      roomIdleMs: integer(env, 'KOERS_ROOM_IDLE_MS', DEFAULT_LIMITS.roomIdleMs),
      ticketTtlMs: integer(env, 'KOERS_TICKET_TTL_MS', DEFAULT_LIMITS.ticketTtlMs, 1),
      broadcastIntervalMs: integer(
        env,
        'KOERS_BROADCAST_INTERVAL_MS',
        DEFAULT_LIMITS.broadcastIntervalMs,
      ),
      presenceIntervalMs: integer(
        env,
        'KOERS_PRESENCE_INTERVAL_MS',
        DEFAULT_LIMITS.presenceIntervalMs,
      ),
    },
    protection: {
      trustProxy: trustProxy === '1',
      createsPerHour: integer(env, 'KOERS_CREATES_PER_HOUR', 30, 1),
      joinsPerMinute: integer(env, 'KOERS_JOINS_PER_MINUTE', 600, 1),
      codeGuessesPerMinute: integer(env, 'KOERS_CODE_GUESSES_PER_MINUTE', 20, 1),
      maxWorkspaces: integer(env, 'KOERS_MAX_WORKSPACES', 10_000, 1),
      minFreeDiskBytes: integer(env, 'KOERS_MIN_FREE_DISK_MB', 1024) * 1024 * 1024,
      maxConnections: optional('KOERS_MAX_CONNECTIONS', 16),
      retentionDays: optional('KOERS_RETENTION_DAYS', 1),
    },
  }
}
