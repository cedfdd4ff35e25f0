import type { LifecycleStore, WorkspaceSummary } from '../lifecycleStore.ts'
import { inTransaction, type PgPool } from './pool.ts'

/** Every table that holds workspace data, and the column naming the workspace (PRIV-3). */
export const PG_WORKSPACE_TABLES: readonly { table: string; column: string }[] = [
  { table: 'updates', column: 'doc_id' },
  { table: 'snapshots', column: 'doc_id' },
  { table: 'doc_heads', column: 'doc_id' },
  { table: 'client_owners', column: 'doc_id' },
  { table: 'tickets', column: 'workspace_id' },
  { table: 'join_codes', column: 'workspace_id' },
  { table: 'sessions', column: 'workspace_id' },
  { table: 'access_keys', column: 'workspace_id' },
  { table: 'workspaces', column: 'id' },
]

interface SummaryRow {
  id: string
  title: string
  school: string
  created_at: Date
  last_activity_at: Date
}

const summary = (row: SummaryRow): WorkspaceSummary => ({
  id: row.id,
  title: row.title,
  school: row.school,
  createdAt: row.created_at.toISOString(),
  lastActivityAt: row.last_activity_at.toISOString(),
})

/** LifecycleStore on PostgreSQL (SCALE-2); the same behaviour as `sqliteLifecycleStore.ts`. */
export const createPgLifecycleStore = (pool: PgPool): LifecycleStore => ({
  countWorkspaces: async () =>
    Number((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM workspaces')).rows[0]?.n),

  listWorkspaces: async () =>
    (
      await pool.query<SummaryRow>(
        `SELECT id, title, school, created_at,
           COALESCE(last_activity_at, created_at) AS last_activity_at
         FROM workspaces ORDER BY 5`,
      )
    ).rows.map(summary),

  lastActivity: async (workspaceId) => {
    const { rows } = await pool.query<{ at: Date }>(
      'SELECT COALESCE(last_activity_at, created_at) AS at FROM workspaces WHERE id = $1',
      [workspaceId],
    )
    return rows[0]?.at ?? null
  },

  touchWorkspace: async (workspaceId, at) => {
    await pool.query('UPDATE workspaces SET last_activity_at = $1 WHERE id = $2', [at, workspaceId])
  },

  idleWorkspaces: async (before, limit) =>
    (
      await pool.query<{ id: string }>(
        'SELECT id FROM workspaces WHERE COALESCE(last_activity_at, created_at) < $1 LIMIT $2',
        [before, limit],
      )
    ).rows.map((row) => row.id),

  deleteWorkspace: async (workspaceId) => {
    await inTransaction(pool, async (client) => {
      for (const { table, column } of PG_WORKSPACE_TABLES) {
        await client.query(`DELETE FROM ${table} WHERE ${column} = $1`, [workspaceId])
      }
    })
  },

  purgeSessions: async (before) =>
    (await pool.query('DELETE FROM sessions WHERE created_at < $1', [before])).rowCount ?? 0,
})
