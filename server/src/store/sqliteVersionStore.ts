import type { SqliteDatabase } from './database.ts'
import {
  VERSION_KINDS,
  type StoredVersion,
  type VersionKind,
  type VersionStore,
  type VersionSummary,
} from './versionStore.ts'

interface SummaryRow {
  id: string
  name: string
  kind: string
  created_at: string
}
interface VersionRow extends SummaryRow {
  workspace_id: string
  state: Buffer
}

const asKind = (kind: string): VersionKind =>
  (VERSION_KINDS as readonly string[]).includes(kind) ? (kind as VersionKind) : 'named'

const summary = (row: SummaryRow): VersionSummary => ({
  id: row.id,
  name: row.name,
  kind: asKind(row.kind),
  createdAt: row.created_at,
})

/** VersionStore on the shared better-sqlite3 connection (table `versions`, migration 4). */
export const createSqliteVersionStore = (db: SqliteDatabase): VersionStore => {
  const insert = db.prepare<[string, string, string, string, string, Buffer]>(
    `INSERT INTO versions (id, workspace_id, name, kind, created_at, state)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const list = db.prepare<[string], SummaryRow>(
    `SELECT id, name, kind, created_at FROM versions WHERE workspace_id = ?
     ORDER BY created_at DESC, seq DESC`,
  )
  const get = db.prepare<[string, string], VersionRow>(
    `SELECT id, workspace_id, name, kind, created_at, state FROM versions
     WHERE workspace_id = ? AND id = ?`,
  )
  const replace = db.prepare<[Buffer, string, string]>(
    'UPDATE versions SET state = ? WHERE workspace_id = ? AND id = ?',
  )
  const toBuffer = (bytes: Uint8Array): Buffer =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM versions WHERE workspace_id = ?',
  )
  return {
    save: async (version) => {
      insert.run(
        version.id,
        version.workspaceId,
        version.name,
        version.kind,
        version.createdAt,
        toBuffer(version.state),
      )
    },
    list: async (workspaceId) => list.all(workspaceId).map(summary),
    get: async (workspaceId, versionId): Promise<StoredVersion | null> => {
      const row = get.get(workspaceId, versionId)
      if (!row) return null
      return {
        ...summary(row),
        workspaceId: row.workspace_id,
        state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength),
      }
    },
    count: async (workspaceId) => count.get(workspaceId)?.n ?? 0,
    replaceState: async (workspaceId, versionId, state) =>
      replace.run(toBuffer(state), workspaceId, versionId).changes > 0,
  }
}
