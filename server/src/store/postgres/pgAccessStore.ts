import { isRole, type Principal } from '../../auth/role.ts'
import { SESSION_LIFETIME_MS } from '../../auth/sessions.ts'
import type { AccessStore } from '../accessStore.ts'
import { inTransaction, type PgPool } from './pool.ts'

interface SessionRow {
  workspace_id: string
  role: string
  participant_id: string
  display_name: string
}

/** AccessStore on PostgreSQL (SCALE-2); the same behaviour as `sqliteAccessStore.ts`. */
export const createPgAccessStore = (pool: PgPool): AccessStore => ({
  createWorkspace: async ({ id, title, school, keyHashes }) => {
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
    })
  },

  findKey: async (keyHash) => {
    const { rows } = await pool.query<{ workspace_id: string; role: string }>(
      'SELECT workspace_id, role FROM access_keys WHERE key_hash = $1',
      [keyHash],
    )
    const row = rows[0]
    if (!row || !isRole(row.role)) return null
    return { workspaceId: row.workspace_id, role: row.role }
  },

  saveSession: async (tokenHash, p, keyHash) => {
    await pool.query(
      `INSERT INTO sessions
         (token_hash, workspace_id, role, participant_id, display_name, created_at, key_hash)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (token_hash, workspace_id) DO UPDATE SET
         role = excluded.role, participant_id = excluded.participant_id,
         display_name = excluded.display_name, created_at = excluded.created_at,
         key_hash = excluded.key_hash`,
      [tokenHash, p.workspaceId, p.role, p.participantId, p.displayName, keyHash ?? null],
    )
  },

  findSession: async (tokenHash, workspaceId): Promise<Principal | null> => {
    const { rows } = await pool.query<SessionRow>(
      `SELECT workspace_id, role, participant_id, display_name FROM sessions
       WHERE token_hash = $1 AND workspace_id = $2 AND created_at > $3`,
      [tokenHash, workspaceId, new Date(Date.now() - SESSION_LIFETIME_MS)],
    )
    const row = rows[0]
    if (!row || !isRole(row.role)) return null
    return {
      workspaceId: row.workspace_id,
      role: row.role,
      participantId: row.participant_id,
      displayName: row.display_name,
    }
  },

  moveSessions: async (fromTokenHash, toTokenHash) => {
    await pool.query('UPDATE sessions SET token_hash = $1 WHERE token_hash = $2', [
      toTokenHash,
      fromTokenHash,
    ])
  },

  replaceKey: async (workspaceId, role, newKeyHash, endSessions) =>
    inTransaction(pool, async (client) => {
      // The workspace row is locked first, so two replaces of one workspace run one at a time.
      await client.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId])
      const { rows: old } = await client.query<{ key_hash: string }>(
        'DELETE FROM access_keys WHERE workspace_id = $1 AND role = $2 RETURNING key_hash',
        [workspaceId, role],
      )
      await client.query(
        'INSERT INTO access_keys (key_hash, workspace_id, role) VALUES ($1, $2, $3)',
        [newKeyHash, workspaceId, role],
      )
      if (!endSessions || old.length === 0) return { endedParticipantIds: [] }
      const { rows } = await client.query<{ participant_id: string }>(
        `DELETE FROM sessions WHERE workspace_id = $1 AND key_hash = ANY($2::text[])
         RETURNING participant_id`,
        [workspaceId, old.map((row) => row.key_hash)],
      )
      return { endedParticipantIds: [...new Set(rows.map((row) => row.participant_id))] }
    }),
})
