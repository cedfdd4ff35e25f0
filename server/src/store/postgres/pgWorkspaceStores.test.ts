import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { workspaceStoresContract } from '../workspaceStores.contract.ts'
import { createPgAccessStore } from './pgAccessStore.ts'
import { createPgDocumentStore } from './pgDocumentStore.ts'
import { createPgLifecycleStore, PG_WORKSPACE_TABLES } from './pgLifecycleStore.ts'
import type { PgPool } from './pool.ts'

// SCALE-2: the PostgreSQL access and lifecycle stores pass the same contract as SQLite's.
describe.skipIf(!DATABASE_URL)('PostgreSQL access and lifecycle stores', () => {
  let pool: PgPool
  let schema: string
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, schema, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())

  const tables = async (): Promise<string[]> =>
    (
      await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      )
    ).rows.map((row) => row.table_name)

  workspaceStoresContract('postgres', async () => ({
    documents: createPgDocumentStore(pool),
    access: createPgAccessStore(pool),
    lifecycle: createPgLifecycleStore(pool),
    allText: async () => {
      const all: string[] = []
      for (const table of await tables()) {
        const { rows } = await pool.query(`SELECT * FROM ${table}`)
        all.push(JSON.stringify(rows))
      }
      return all.join('\n')
    },
  }))

  it('PRIV-3: every table that can hold workspace data is deleted with the workspace', async () => {
    const listed = new Set(PG_WORKSPACE_TABLES.map(({ table }) => table))
    expect(
      (await tables()).filter((table) => table !== 'koers_schema' && !listed.has(table)),
    ).toEqual([])
  })
})
