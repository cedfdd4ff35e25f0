import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase } from './database.ts'
import { createSqliteVersionStore } from './sqliteVersionStore.ts'
import { versionStoreContract } from './versionStore.contract.ts'

const dir = mkdtempSync(join(tmpdir(), 'koers-versions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

versionStoreContract('sqlite', {
  open: async () => {
    const db = openDatabase(dir, 'normal')
    return {
      store: createSqliteVersionStore(db),
      close: async () => {
        db.close()
      },
    }
  },
})
