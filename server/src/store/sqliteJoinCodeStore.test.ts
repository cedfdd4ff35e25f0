import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openDatabase } from './database.ts'
import { joinCodeStoreContract } from './joinCodeStore.contract.ts'
import { createSqliteAccessStore } from './sqliteAccessStore.ts'
import { createSqliteJoinCodeStore } from './sqliteJoinCodeStore.ts'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

joinCodeStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koers-codes-'))
  dirs.push(dir)
  const db = openDatabase(dir, 'normal')
  const access = createSqliteAccessStore(db)
  return {
    store: createSqliteJoinCodeStore(db),
    addWorkspace: (id) =>
      access.createWorkspace({
        id,
        title: 'T',
        school: 'S',
        keyHashes: { facilitator: `f-${id}`, editor: `e-${id}`, viewer: `v-${id}` },
      }),
  }
})
