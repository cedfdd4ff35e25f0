import type { SqliteDatabase } from './database.ts'

/**
 * Additions for the privacy duties (docs/privacy.md), safe to run on every start: the activity
 * column for the retention period, indexes for deleting by workspace and purging by age, and
 * `secure_delete`, so deleted rows are overwritten with zeros instead of lingering in free pages.
 */
export const applyPrivacySchema = (db: SqliteDatabase): void => {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(workspaces)').all()
  if (!columns.some((column) => column.name === 'last_activity_at')) {
    db.exec('ALTER TABLE workspaces ADD COLUMN last_activity_at TEXT')
  }
  db.exec(`
    CREATE INDEX IF NOT EXISTS sessions_by_workspace ON sessions (workspace_id);
    CREATE INDEX IF NOT EXISTS sessions_by_created ON sessions (created_at);
    CREATE INDEX IF NOT EXISTS access_keys_by_workspace ON access_keys (workspace_id);
  `)
  db.pragma('secure_delete = ON')
}
