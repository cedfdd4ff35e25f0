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
  { table: 'versions', column: 'workspace_id' },
  { table: 'round_cards', column: 'workspace_id' },
  { table: 'round_ballots', column: 'workspace_id' },
  { table: 'revealed_cards', column: 'workspace_id' },
  { table: 'rounds', column: 'workspace_id' },
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
  createWorkspaceWithDocument: async ({ id, title, school, keyHashes }, state) => {
    await inTransaction(pool, async (client) => {
      await client.query(
        'INSERT INTO workspaces (id, title, school, created_at) VALUES ($1, $2, $3, now())',
        [id, title, school],
      )
      for (const [role, hash] of Object.entries(keyHashes)) {
        await client.query(
          'INSERT INTO access_keys (key_hash, workspace_id, role) VALUES ($1, $2, $3)',
          [hash, id, role],
        )
      }
      await client.query('INSERT INTO snapshots (doc_id, data, seq) VALUES ($1, $2, 0)', [
        id,
        Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      ])
      await client.query('INSERT INTO doc_heads (doc_id, seq) VALUES ($1, 0)', [id])
    })
  },

  countParticipants: async (workspaceId) =>
    Number(
      (
        await pool.query<{ n: string }>(
          'SELECT COUNT(DISTINCT participant_id) AS n FROM sessions WHERE workspace_id = $1',
          [workspaceId],
        )
      ).rows[0]?.n ?? 0,
    ),

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
