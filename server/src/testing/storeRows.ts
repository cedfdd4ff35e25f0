import Database from 'better-sqlite3'
import { openPool } from '../store/postgres/pool.ts'

/** One row of some table, every column as text (blobs as Latin-1, so ASCII inside them shows). */
export interface StoreRow {
  table: string
  text: string
}

const asText = (value: unknown): string => {
  if (Buffer.isBuffer(value)) return value.toString('latin1')
  if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1')
  return value === null || value === undefined ? '' : String(value)
}

const rowText = (row: Record<string, unknown>): string =>
  Object.values(row).map(asText).join('\u0000')

/** Every row of every table of the SQLite file at `path` (read-only, beside a running server). */
export const sqliteRows = (path: string): StoreRow[] => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
    return tables.flatMap(({ name }) =>
      db
        .prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => ({ table: name, text: rowText(row) })),
    )
  } finally {
    db.close()
  }
}

/** Every row of every table in one PostgreSQL schema. */
export const postgresRows = async (url: string, schema: string): Promise<StoreRow[]> => {
  const pool = await openPool(url, schema)
  try {
    const { rows: tables } = await pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    )
    const all: StoreRow[] = []
    for (const { table_name: table } of tables) {
      const { rows } = await pool.query<Record<string, unknown>>(`SELECT * FROM "${table}"`)
      for (const row of rows) all.push({ table, text: rowText(row) })
    }
    return all
  } finally {
    await pool.end()
  }
}
