import type { JoinCodeStore } from '../joinCodeStore.ts'
import { inTransaction, type PgPool } from './pool.ts'

interface CodeRow {
  workspace_id: string
  expires_at: Date
  closed_at: Date | null
}

/** Join codes in PostgreSQL (SCALE-2); the same behaviour as `sqliteJoinCodeStore.ts`. */
export const createPgJoinCodeStore = (pool: PgPool): JoinCodeStore => ({
  open: async (workspaceId, codeHash, createdAt, expiresAt) =>
    inTransaction(pool, async (client) => {
      const taken = (
        await client.query<CodeRow>(
          'SELECT workspace_id, expires_at, closed_at FROM join_codes WHERE code_hash = $1 FOR UPDATE',
          [codeHash],
        )
      ).rows[0]
      if (taken && taken.closed_at === null && taken.expires_at > createdAt) return false
      if (taken) await client.query('DELETE FROM join_codes WHERE code_hash = $1', [codeHash])
      await client.query('DELETE FROM join_codes WHERE workspace_id = $1', [workspaceId])
      await client.query(
        `INSERT INTO join_codes (code_hash, workspace_id, created_at, expires_at, closed_at)
         VALUES ($1, $2, $3, $4, NULL)`,
        [codeHash, workspaceId, createdAt, expiresAt],
      )
      return true
    }),

  find: async (codeHash) => {
    const row = (
      await pool.query<CodeRow>(
        'SELECT workspace_id, expires_at, closed_at FROM join_codes WHERE code_hash = $1',
        [codeHash],
      )
    ).rows[0]
    return row
      ? { workspaceId: row.workspace_id, expiresAt: row.expires_at, closedAt: row.closed_at }
      : null
  },

  current: async (workspaceId, now) => {
    const row = (
      await pool.query<{ expires_at: Date }>(
        `SELECT expires_at FROM join_codes
         WHERE workspace_id = $1 AND closed_at IS NULL AND expires_at > $2
         ORDER BY expires_at DESC LIMIT 1`,
        [workspaceId, now],
      )
    ).rows[0]
    return row ? { expiresAt: row.expires_at } : null
  },

  close: async (workspaceId, at) =>
    ((
      await pool.query(
        'UPDATE join_codes SET closed_at = $1 WHERE workspace_id = $2 AND closed_at IS NULL',
        [at, workspaceId],
      )
    ).rowCount ?? 0) > 0,
})
