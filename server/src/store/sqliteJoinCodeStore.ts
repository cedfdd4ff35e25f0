import type { SqliteDatabase } from './database.ts'
import type { JoinCodeStore } from './joinCodeStore.ts'

interface CodeRow {
  workspace_id: string
  expires_at: string
  closed_at: string | null
}

export const createSqliteJoinCodeStore = (db: SqliteDatabase): JoinCodeStore => {
  const byHash = db.prepare<[string], CodeRow>(
    'SELECT workspace_id, expires_at, closed_at FROM join_codes WHERE code_hash = ?',
  )
  const deleteHash = db.prepare<[string]>('DELETE FROM join_codes WHERE code_hash = ?')
  const forgetWorkspace = db.prepare<[string]>('DELETE FROM join_codes WHERE workspace_id = ?')
  const insert = db.prepare<[string, string, string, string]>(
    `INSERT INTO join_codes (code_hash, workspace_id, created_at, expires_at, closed_at)
     VALUES (?, ?, ?, ?, NULL)`,
  )
  const open = db.prepare<[string, string], { expires_at: string }>(
    `SELECT expires_at FROM join_codes
     WHERE workspace_id = ? AND closed_at IS NULL AND expires_at > ?
     ORDER BY expires_at DESC LIMIT 1`,
  )
  const close = db.prepare<[string, string]>(
    'UPDATE join_codes SET closed_at = ? WHERE workspace_id = ? AND closed_at IS NULL',
  )

  const openTx = db.transaction(
    (workspaceId: string, codeHash: string, createdAt: string, expiresAt: string): boolean => {
      const taken = byHash.get(codeHash)
      if (taken && taken.closed_at === null && taken.expires_at > createdAt) return false
      if (taken) deleteHash.run(codeHash)
      forgetWorkspace.run(workspaceId)
      insert.run(codeHash, workspaceId, createdAt, expiresAt)
      return true
    },
  )

  return {
    open: async (workspaceId, codeHash, createdAt, expiresAt) =>
      openTx(workspaceId, codeHash, createdAt.toISOString(), expiresAt.toISOString()),
    find: async (codeHash) => {
      const row = byHash.get(codeHash)
      if (!row) return null
      return {
        workspaceId: row.workspace_id,
        expiresAt: new Date(row.expires_at),
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      }
    },
    current: async (workspaceId, now) => {
      const row = open.get(workspaceId, now.toISOString())
      return row ? { expiresAt: new Date(row.expires_at) } : null
    },
    close: async (workspaceId, at) => close.run(at.toISOString(), workspaceId).changes > 0,
  }
}
