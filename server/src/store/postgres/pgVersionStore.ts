import {
  VERSION_KINDS,
  type StoredVersion,
  type VersionKind,
  type VersionStore,
  type VersionSummary,
} from '../versionStore.ts'
import type { PgPool } from './pool.ts'

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

const buffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** Versions in PostgreSQL (SCALE-2); the same behaviour as `sqliteVersionStore.ts`. */
export const createPgVersionStore = (pool: PgPool): VersionStore => ({
  save: async (version) => {
    await pool.query(
      `INSERT INTO versions (id, workspace_id, name, kind, created_at, state)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        version.id,
        version.workspaceId,
        version.name,
        version.kind,
        version.createdAt,
        buffer(version.state),
      ],
    )
  },
  list: async (workspaceId) =>
    (
      await pool.query<SummaryRow>(
        `SELECT id, name, kind, created_at FROM versions WHERE workspace_id = $1
         ORDER BY created_at DESC, seq DESC`,
        [workspaceId],
      )
    ).rows.map(summary),
  get: async (workspaceId, versionId): Promise<StoredVersion | null> => {
    const row = (
      await pool.query<VersionRow>(
        `SELECT id, workspace_id, name, kind, created_at, state FROM versions
         WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, versionId],
      )
    ).rows[0]
    if (!row) return null
    return {
      ...summary(row),
      workspaceId: row.workspace_id,
      state: new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength),
    }
  },
  count: async (workspaceId) =>
    Number(
      (
        await pool.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM versions WHERE workspace_id = $1',
          [workspaceId],
        )
      ).rows[0]?.n ?? 0,
    ),
  replaceState: async (workspaceId, versionId, state) =>
    ((
      await pool.query('UPDATE versions SET state = $1 WHERE workspace_id = $2 AND id = $3', [
        buffer(state),
        workspaceId,
        versionId,
      ])
    ).rowCount ?? 0) > 0,
})
