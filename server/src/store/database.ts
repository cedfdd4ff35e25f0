import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { applyPrivacySchema } from './privacySchema.ts'

export type SqliteDatabase = Database.Database

const SCHEMA = `
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
CREATE TABLE IF NOT EXISTS client_owners (
  doc_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (doc_id, client_id)
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
`

/**
 * Opens `<dataDir>/koers.sqlite` in WAL mode. `synchronous = NORMAL` survives a killed process
 * (committed WAL frames are in the OS page cache); `KOERS_SQLITE_SYNC=full` adds power-loss
 * safety at the cost of one fsync per commit. See docs/durability.md.
 */
export const openDatabase = (dataDir: string, synchronous: 'normal' | 'full'): SqliteDatabase => {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'koers.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)
  applyPrivacySchema(db)
  return db
}
