import Database from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'

export interface Occurrence {
  table: string
  column: string
  rows: number
}

/**
 * Every column of every table in the SQLite file at `path` whose value contains `text` (as
 * text or inside a blob). Opens the file read-only, so a running server may keep it open.
 */
export const findInDatabase = (path: string, text: string): Occurrence[] => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
    const found: Occurrence[] = []
    for (const { name: table } of tables) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info("${table}")`).all()
      for (const { name: column } of columns) {
        const row = db
          .prepare<[Buffer], { n: number }>(
            `SELECT COUNT(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), ?) > 0`,
          )
          .get(Buffer.from(text, 'utf8'))
        if (row && row.n > 0) found.push({ table, column, rows: row.n })
      }
    }
    return found
  } finally {
    db.close()
  }
}

/** The names of every table in the SQLite file at `path`. */
export const tableNames = (path: string): string[] => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((row) => row.name)
  } finally {
    db.close()
  }
}

/** Whether the raw bytes of the database file or its write-ahead log contain `text` (UTF-8). */
export const fileBytesContain = (path: string, text: string): boolean =>
  [path, `${path}-wal`].some(
    (file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8')),
  )

/** How many rows a table of the SQLite file at `path` has (read-only, beside a running server). */
export const countRows = (path: string, table: string): number => {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`).get()?.n ?? 0
  } finally {
    db.close()
  }
}
