import { afterAll, beforeAll, describe } from 'vitest'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { roundStoreContract } from '../roundStore.contract.ts'
import { createPgRoundStore } from './pgRoundStore.ts'
import type { PgPool } from './pool.ts'

// SCALE-2: rounds in PostgreSQL pass the same contract as SQLite's.
describe.skipIf(!DATABASE_URL)('PostgreSQL round store', () => {
  let pool: PgPool
  let schema: string
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, schema, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())
  roundStoreContract('postgres', {
    open: async () => ({
      store: createPgRoundStore(pool),
      allRows: async () => {
        const { rows } = await pool.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
          [schema],
        )
        const all: string[] = []
        for (const { table_name } of rows) {
          all.push(JSON.stringify((await pool.query(`SELECT * FROM "${table_name}"`)).rows))
        }
        return all.join('\n')
      },
      close: async () => undefined,
    }),
  })
})
