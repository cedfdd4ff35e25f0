import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase } from './database.ts'
import { documentStoreContract } from './documentStore.contract.ts'
import { createSqliteDocumentStore } from './sqliteDocumentStore.ts'

const dir = mkdtempSync(join(tmpdir(), 'koers-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

documentStoreContract('sqlite', {
  open: async () => {
    const db = openDatabase(dir, 'normal')
    return { ...createSqliteDocumentStore(db), close: async () => void db.close() }
  },
})
