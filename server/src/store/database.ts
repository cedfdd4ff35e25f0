import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrations.ts'

export type SqliteDatabase = Database.Database

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
  // Deleted rows are overwritten with zeros instead of lingering in free pages (PRIV-1).
  db.pragma('secure_delete = ON')
  migrate(db)
  return db
}
