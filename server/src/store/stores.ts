import { MemoryTicketStore, type TicketStore } from '../auth/tickets.ts'
import type { AccessStore } from './accessStore.ts'
import { openDatabase } from './database.ts'
import type { DocumentStore } from './documentStore.ts'
import type { JoinCodeStore } from './joinCodeStore.ts'
import type { LifecycleStore } from './lifecycleStore.ts'
import { createPgJoinCodeStore } from './postgres/pgJoinCodeStore.ts'
import { createSqliteJoinCodeStore } from './sqliteJoinCodeStore.ts'
import { createPgVersionStore } from './postgres/pgVersionStore.ts'
import { createSqliteVersionStore } from './sqliteVersionStore.ts'
import type { VersionStore } from './versionStore.ts'
import type { RoundStore } from './roundStore.ts'
import { createSqliteRoundStore } from './sqliteRoundStore.ts'
import { createPgRoundStore } from './postgres/pgRoundStore.ts'
import { migratePostgres } from './postgres/migrations.ts'
import { createPgAccessStore } from './postgres/pgAccessStore.ts'
import { createPgDocumentStore } from './postgres/pgDocumentStore.ts'
import { createPgLifecycleStore } from './postgres/pgLifecycleStore.ts'
import { createPgTicketStore } from './postgres/pgTicketStore.ts'
import { openPool } from './postgres/pool.ts'
import { createSqliteAccessStore } from './sqliteAccessStore.ts'
import { createSqliteDocumentStore } from './sqliteDocumentStore.ts'
import { createSqliteLifecycleStore } from './sqliteLifecycleStore.ts'

/**
 * Every store of one database, opened together and closed once (SCALE-2): the database handle
 * (SQLite file or PostgreSQL pool) belongs here, not to any one store.
 */
export interface Stores {
  kind: 'sqlite' | 'postgres'
  documents: DocumentStore
  access: AccessStore
  lifecycle: LifecycleStore
  tickets: TicketStore
  joinCodes: JoinCodeStore
  versions: VersionStore
  /** Participation rounds and their private input (docs/rounds.md). */
  rounds: RoundStore
  close(): Promise<void>
}

export interface StoreConfig {
  dataDir: string
  sqliteSync: 'normal' | 'full'
  /** `postgres://…` selects PostgreSQL; null keeps the embedded SQLite database. */
  databaseUrl: string | null
  /** Schema for PostgreSQL (tests give each server its own); the default search path if null. */
  databaseSchema?: string | null
  ticketTtlMs: number
}

export const openStores = async (config: StoreConfig): Promise<Stores> => {
  if (config.databaseUrl) {
    const pool = await openPool(config.databaseUrl, config.databaseSchema ?? undefined)
    await migratePostgres(pool)
    return {
      kind: 'postgres',
      documents: createPgDocumentStore(pool),
      access: createPgAccessStore(pool),
      lifecycle: createPgLifecycleStore(pool),
      tickets: createPgTicketStore(pool, config.ticketTtlMs),
      joinCodes: createPgJoinCodeStore(pool),
      versions: createPgVersionStore(pool),
      rounds: createPgRoundStore(pool),
      close: () => pool.end(),
    }
  }
  const db = openDatabase(config.dataDir, config.sqliteSync)
  return {
    kind: 'sqlite',
    documents: createSqliteDocumentStore(db),
    access: createSqliteAccessStore(db),
    lifecycle: createSqliteLifecycleStore(db),
    tickets: new MemoryTicketStore(config.ticketTtlMs),
    joinCodes: createSqliteJoinCodeStore(db),
    versions: createSqliteVersionStore(db),
    rounds: createSqliteRoundStore(db),
    close: async () => {
      if (db.open) db.close()
    },
  }
}
