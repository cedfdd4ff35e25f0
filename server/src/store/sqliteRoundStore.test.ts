import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase } from './database.ts'
import { roundStoreContract } from './roundStore.contract.ts'
import { createSqliteRoundStore } from './sqliteRoundStore.ts'

const dir = mkdtempSync(join(tmpdir(), 'koers-rounds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every row of every table of the file, as text. */
const allRows = (): string => {
  const db = new Database(join(dir, 'koers.sqlite'), { readonly: true })
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
    return tables
      .map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()))
      .join('\n')
  } finally {
    db.close()
  }
}

roundStoreContract('sqlite', {
  open: async () => {
    const db = openDatabase(dir, 'normal')
    return {
      store: createSqliteRoundStore(db),
      allRows: async () => allRows(),
      close: async () => {
        db.close()
      },
    }
  },
})
