import type { NewWorkspace } from './accessStore.ts'
import type { SqliteDatabase } from './database.ts'
import type { LifecycleStore, WorkspaceSummary } from './lifecycleStore.ts'

/**
 * PRIV-3: every table of the database and the column that names the workspace. Deletion runs in
 * this order (rows that reference `workspaces` first). A table that holds no workspace data is
 * listed with `column: null`.
 */
export const WORKSPACE_TABLES: readonly { table: string; column: string | null }[] = [
  { table: 'updates', column: 'doc_id' },
  { table: 'snapshots', column: 'doc_id' },
  { table: 'client_owners', column: 'doc_id' },
  { table: 'versions', column: 'workspace_id' },
  { table: 'round_cards', column: 'workspace_id' },
  { table: 'round_ballots', column: 'workspace_id' },
  { table: 'revealed_cards', column: 'workspace_id' },
  { table: 'rounds', column: 'workspace_id' },
  { table: 'sessions', column: 'workspace_id' },
  { table: 'join_codes', column: 'workspace_id' },
  { table: 'access_keys', column: 'workspace_id' },
  { table: 'workspaces', column: 'id' },
]

export const createSqliteLifecycleStore = (db: SqliteDatabase): LifecycleStore => {
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workspaces')
  const list = db.prepare<[], WorkspaceSummary>(
    `SELECT id, title, school, created_at AS createdAt,
       COALESCE(last_activity_at, created_at) AS lastActivityAt
     FROM workspaces ORDER BY lastActivityAt`,
  )
  const activity = db.prepare<[string], { at: string }>(
    'SELECT COALESCE(last_activity_at, created_at) AS at FROM workspaces WHERE id = ?',
  )
  const touch = db.prepare<[string, string]>(
    'UPDATE workspaces SET last_activity_at = ? WHERE id = ?',
  )
  const idle = db.prepare<[string, number], { id: string }>(
    'SELECT id FROM workspaces WHERE COALESCE(last_activity_at, created_at) < ? LIMIT ?',
  )
  const purge = db.prepare<[string]>('DELETE FROM sessions WHERE created_at < ?')
  const deletes = WORKSPACE_TABLES.filter(({ column }) => column !== null).map(
    ({ table, column }) => db.prepare<[string]>(`DELETE FROM ${table} WHERE ${column} = ?`),
  )
  const deleteTx = db.transaction((workspaceId: string) => {
    for (const statement of deletes) statement.run(workspaceId)
  })

  const participants = db.prepare<[string], { n: number }>(
    'SELECT COUNT(DISTINCT participant_id) AS n FROM sessions WHERE workspace_id = ?',
  )
  const insertSnapshot = db.prepare<[string, Buffer]>(
    'INSERT INTO snapshots (doc_id, data, seq) VALUES (?, ?, 0)',
  )
  const insertWorkspace = db.prepare<[string, string, string, string]>(
    'INSERT INTO workspaces (id, title, school, created_at) VALUES (?, ?, ?, ?)',
  )
  const insertKey = db.prepare<[string, string, string]>(
    'INSERT INTO access_keys (key_hash, workspace_id, role) VALUES (?, ?, ?)',
  )
  const createTx = db.transaction((workspace: NewWorkspace, state: Uint8Array) => {
    insertWorkspace.run(workspace.id, workspace.title, workspace.school, new Date().toISOString())
    for (const [role, hash] of Object.entries(workspace.keyHashes)) {
      insertKey.run(hash, workspace.id, role)
    }
    insertSnapshot.run(workspace.id, Buffer.from(state.buffer, state.byteOffset, state.byteLength))
  })

  return {
    createWorkspaceWithDocument: async (workspace, state) => createTx(workspace, state),
    countParticipants: async (workspaceId) => participants.get(workspaceId)?.n ?? 0,
    countWorkspaces: async () => count.get()?.n ?? 0,
    listWorkspaces: async () => list.all(),
    lastActivity: async (workspaceId) => {
      const row = activity.get(workspaceId)
      return row ? new Date(row.at) : null
    },
    touchWorkspace: async (workspaceId, at) => {
      touch.run(at.toISOString(), workspaceId)
    },
    idleWorkspaces: async (before, limit) =>
      idle.all(before.toISOString(), limit).map((row) => row.id),
    deleteWorkspace: async (workspaceId) => {
      deleteTx(workspaceId)
      // The old page images in the write-ahead log still hold the rows: fold the log into the
      // database (where secure_delete zeroed them) and cut it to nothing.
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
    purgeSessions: async (before) => purge.run(before.toISOString()).changes,
  }
}
