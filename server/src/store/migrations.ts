import type { SqliteDatabase } from './database.ts'

/** One step of the SQLite schema; `up` runs once, in order, inside the migration transaction. */
export interface Migration {
  version: number
  name: string
  up(db: SqliteDatabase): void
}

const hasColumn = (db: SqliteDatabase, table: string, column: string): boolean =>
  db
    .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
    .all()
    .some((row) => row.name === column)

/**
 * The versioned schema (SCALE-1). Append new steps; never change one that has shipped. The first
 * steps are written so that databases created before versioning (by `CREATE TABLE IF NOT
 * EXISTS`) pass through them unchanged.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, workspaces, keys, sessions',
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS snapshots (
          doc_id TEXT PRIMARY KEY,
          data BLOB NOT NULL,
          seq INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS updates (
          doc_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (doc_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS workspaces (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          school TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS access_keys (
          key_hash TEXT PRIMARY KEY,
          workspace_id TEXT NOT NULL REFERENCES workspaces(id),
          role TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sessions (
          token_hash TEXT NOT NULL,
          workspace_id TEXT NOT NULL REFERENCES workspaces(id),
          role TEXT NOT NULL,
          participant_id TEXT NOT NULL,
          display_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (token_hash, workspace_id)
        );
      `),
  },
  {
    version: 2,
    name: 'privacy: activity column, indexes for deleting and purging',
    up: (db) => {
      if (!hasColumn(db, 'workspaces', 'last_activity_at')) {
        db.exec('ALTER TABLE workspaces ADD COLUMN last_activity_at TEXT')
      }
      db.exec(`
        CREATE INDEX IF NOT EXISTS sessions_by_workspace ON sessions (workspace_id);
        CREATE INDEX IF NOT EXISTS sessions_by_created ON sessions (created_at);
        CREATE INDEX IF NOT EXISTS access_keys_by_workspace ON access_keys (workspace_id);
      `)
    },
  },
  {
    version: 3,
    name: 'client id owners (SYNC-19)',
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS client_owners (
          doc_id TEXT NOT NULL,
          client_id INTEGER NOT NULL,
          participant_id TEXT NOT NULL,
          PRIMARY KEY (doc_id, client_id)
        ) WITHOUT ROWID;
      `),
  },
  {
    version: 4,
    name: 'join codes of the study day (STUDY-8)',
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS join_codes (
          code_hash TEXT PRIMARY KEY,
          workspace_id TEXT NOT NULL REFERENCES workspaces(id),
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          closed_at TEXT
        );
        CREATE INDEX IF NOT EXISTS join_codes_by_workspace ON join_codes (workspace_id);
      `),
  },
  {
    version: 5,
    name: 'named versions of workspace documents (VER-1)',
    up: (db) =>
      db.exec(`
        CREATE TABLE versions (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          workspace_id TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          created_at TEXT NOT NULL,
          state BLOB NOT NULL
        );
        CREATE INDEX versions_by_workspace ON versions (workspace_id, created_at);
      `),
  },
  {
    version: 6,
    name: 'participation rounds: rounds, private cards and ballots, revealed cards (ROUND-1)',
    up: (db) =>
      db.exec(`
        CREATE TABLE rounds (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          workspace_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          status TEXT NOT NULL,
          question TEXT NOT NULL,
          phase_id TEXT NOT NULL,
          items TEXT NOT NULL,
          dots_per_person INTEGER NOT NULL,
          max_per_item INTEGER NOT NULL,
          rerun_of TEXT NOT NULL,
          created_at TEXT NOT NULL,
          reveal_started_at TEXT,
          revealed_at TEXT,
          participants INTEGER NOT NULL,
          cards INTEGER NOT NULL,
          results TEXT
        );
        CREATE INDEX rounds_by_workspace ON rounds (workspace_id, seq);
        -- Private until the reveal (ROUND-14): the only tables that name a person with input.
        CREATE TABLE round_cards (
          id TEXT PRIMARY KEY,
          round_id TEXT NOT NULL,
          workspace_id TEXT NOT NULL,
          author TEXT NOT NULL,
          text TEXT NOT NULL
        );
        CREATE INDEX round_cards_by_author ON round_cards (round_id, author);
        CREATE INDEX round_cards_by_workspace ON round_cards (workspace_id);
        CREATE TABLE round_ballots (
          round_id TEXT NOT NULL,
          workspace_id TEXT NOT NULL,
          participant_id TEXT NOT NULL,
          ballot TEXT NOT NULL,
          PRIMARY KEY (round_id, participant_id)
        );
        CREATE INDEX round_ballots_by_workspace ON round_ballots (workspace_id);
        CREATE TABLE revealed_cards (
          id TEXT PRIMARY KEY,
          round_id TEXT NOT NULL,
          workspace_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          text TEXT NOT NULL
        );
        CREATE INDEX revealed_cards_by_round ON revealed_cards (round_id, position);
        CREATE INDEX revealed_cards_by_workspace ON revealed_cards (workspace_id);
      `),
  },
]

/**
 * Brings the database to the newest schema. `BEGIN IMMEDIATE` takes the write lock first, so
 * two processes starting on one file at once run each step exactly once; `user_version` records
 * how far the file is. A file newer than this code is refused rather than damaged.
 */
export const migrate = (
  db: SqliteDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): void => {
  const newest = migrations.at(-1)?.version ?? 0
  db.exec('BEGIN IMMEDIATE')
  try {
    const current = db.pragma('user_version', { simple: true }) as number
    if (current > newest) {
      throw new Error(
        `the database has schema version ${current}; this Koers knows up to ${newest}`,
      )
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
    db.exec('COMMIT')
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
}
