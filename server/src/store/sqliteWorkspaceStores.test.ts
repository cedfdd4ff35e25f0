import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase } from './database.ts'
import { createSqliteAccessStore } from './sqliteAccessStore.ts'
import { createSqliteDocumentStore } from './sqliteDocumentStore.ts'
import { createSqliteLifecycleStore } from './sqliteLifecycleStore.ts'
import { workspaceStoresContract } from './workspaceStores.contract.ts'

const dir = mkdtempSync(join(tmpdir(), 'koers-stores-'))
const db = openDatabase(dir, 'normal')
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

workspaceStoresContract('sqlite', async () => ({
  documents: createSqliteDocumentStore(db),
  access: createSqliteAccessStore(db),
  lifecycle: createSqliteLifecycleStore(db),
  allText: async () => {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
    return tables
      .map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM ${name}`).all()))
      .join('\n')
  },
}))
