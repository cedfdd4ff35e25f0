import { isRole, type Principal } from '../auth/role.ts'
import type { AccessStore } from './accessStore.ts'
import type { SqliteDatabase } from './database.ts'

interface SessionRow {
  workspace_id: string
  role: string
  participant_id: string
  display_name: string
}

export const createSqliteAccessStore = (db: SqliteDatabase): AccessStore => {
  const insertWorkspace = db.prepare<[string, string, string, string]>(
    'INSERT INTO workspaces (id, title, school, created_at) VALUES (?, ?, ?, ?)',
  )
  const insertKey = db.prepare<[string, string, string]>(
    'INSERT INTO access_keys (key_hash, workspace_id, role) VALUES (?, ?, ?)',
  )
  const selectWorkspace = db.prepare<[string], { id: string }>(
    'SELECT id FROM workspaces WHERE id = ?',
  )
  const selectKey = db.prepare<[string], { workspace_id: string; role: string }>(
    'SELECT workspace_id, role FROM access_keys WHERE key_hash = ?',
  )
  const upsertSession = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO sessions (token_hash, workspace_id, role, participant_id, display_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (token_hash, workspace_id) DO UPDATE SET
       role = excluded.role, participant_id = excluded.participant_id,
       display_name = excluded.display_name`,
  )
  const selectSession = db.prepare<[string, string], SessionRow>(
    `SELECT workspace_id, role, participant_id, display_name FROM sessions
     WHERE token_hash = ? AND workspace_id = ?`,
  )
  const selectToken = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM sessions WHERE token_hash = ? LIMIT 1',
  )

  const createTx = db.transaction(
    (id: string, title: string, school: string, keys: [string, string][]) => {
      insertWorkspace.run(id, title, school, new Date().toISOString())
      for (const [hash, role] of keys) insertKey.run(hash, id, role)
    },
  )

  return {
    createWorkspace: async ({ id, title, school, keyHashes }) => {
      createTx(id, title, school, [
        [keyHashes.facilitator, 'facilitator'],
        [keyHashes.editor, 'editor'],
        [keyHashes.viewer, 'viewer'],
      ])
    },
    workspaceExists: async (id) => selectWorkspace.get(id) !== undefined,
    findKey: async (keyHash) => {
      const row = selectKey.get(keyHash)
      if (!row || !isRole(row.role)) return null
      return { workspaceId: row.workspace_id, role: row.role }
    },
    saveSession: async (tokenHash, p) => {
      upsertSession.run(
        tokenHash,
        p.workspaceId,
        p.role,
        p.participantId,
        p.displayName,
        new Date().toISOString(),
      )
    },
    findSession: async (tokenHash, workspaceId): Promise<Principal | null> => {
      const row = selectSession.get(tokenHash, workspaceId)
      if (!row || !isRole(row.role)) return null
      return {
        workspaceId: row.workspace_id,
        role: row.role,
        participantId: row.participant_id,
        displayName: row.display_name,
      }
    },
    hasToken: async (tokenHash) => selectToken.get(tokenHash) !== undefined,
  }
}
