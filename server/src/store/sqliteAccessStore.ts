import { isRole, type Principal, type Role } from '../auth/role.ts'
import { SESSION_LIFETIME_MS } from '../auth/sessions.ts'
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
  const selectKey = db.prepare<[string], { workspace_id: string; role: string }>(
    'SELECT workspace_id, role FROM access_keys WHERE key_hash = ?',
  )
  const upsertSession = db.prepare<[string, string, string, string, string, string, string | null]>(
    `INSERT INTO sessions
       (token_hash, workspace_id, role, participant_id, display_name, created_at, key_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (token_hash, workspace_id) DO UPDATE SET
       role = excluded.role, participant_id = excluded.participant_id,
       display_name = excluded.display_name, created_at = excluded.created_at,
       key_hash = excluded.key_hash`,
  )
  const selectSession = db.prepare<[string, string, string], SessionRow>(
    `SELECT workspace_id, role, participant_id, display_name FROM sessions
     WHERE token_hash = ? AND workspace_id = ? AND created_at > ?`,
  )
  const moveSessions = db.prepare<[string, string]>(
    'UPDATE sessions SET token_hash = ? WHERE token_hash = ?',
  )

  const selectRoleKeys = db.prepare<[string, string], { key_hash: string }>(
    'SELECT key_hash FROM access_keys WHERE workspace_id = ? AND role = ?',
  )
  const deleteRoleKeys = db.prepare<[string, string]>(
    'DELETE FROM access_keys WHERE workspace_id = ? AND role = ?',
  )
  const deleteSessionsOfKey = db.prepare<[string, string], { participant_id: string }>(
    'DELETE FROM sessions WHERE workspace_id = ? AND key_hash = ? RETURNING participant_id',
  )
  const replaceTx = db.transaction(
    (workspaceId: string, role: Role, newKeyHash: string, endSessions: boolean): string[] => {
      const old = selectRoleKeys.all(workspaceId, role).map((row) => row.key_hash)
      deleteRoleKeys.run(workspaceId, role)
      insertKey.run(newKeyHash, workspaceId, role)
      if (!endSessions) return []
      const ended = new Set<string>()
      for (const keyHash of old) {
        for (const row of deleteSessionsOfKey.all(workspaceId, keyHash))
          ended.add(row.participant_id)
      }
      return [...ended]
    },
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
    findKey: async (keyHash) => {
      const row = selectKey.get(keyHash)
      if (!row || !isRole(row.role)) return null
      return { workspaceId: row.workspace_id, role: row.role }
    },
    saveSession: async (tokenHash, p, keyHash) => {
      upsertSession.run(
        tokenHash,
        p.workspaceId,
        p.role,
        p.participantId,
        p.displayName,
        new Date().toISOString(),
        keyHash ?? null,
      )
    },
    findSession: async (tokenHash, workspaceId): Promise<Principal | null> => {
      const oldest = new Date(Date.now() - SESSION_LIFETIME_MS).toISOString()
      const row = selectSession.get(tokenHash, workspaceId, oldest)
      if (!row || !isRole(row.role)) return null
      return {
        workspaceId: row.workspace_id,
        role: row.role,
        participantId: row.participant_id,
        displayName: row.display_name,
      }
    },
    moveSessions: async (fromTokenHash, toTokenHash) => {
      moveSessions.run(toTokenHash, fromTokenHash)
    },
    replaceKey: async (workspaceId, role, newKeyHash, endSessions) => ({
      endedParticipantIds: replaceTx(workspaceId, role, newKeyHash, endSessions),
    }),
  }
}
