import { afterAll, beforeAll, describe } from 'vitest'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { documentStoreContract } from '../documentStore.contract.ts'
import { createPgDocumentStore } from './pgDocumentStore.ts'
import type { PgPool } from './pool.ts'

// SCALE-2: the PostgreSQL store passes the same contract as SQLite (run when DATABASE_URL is set).
describe.skipIf(!DATABASE_URL)('PostgreSQL document store', () => {
  let pool: PgPool
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())
  documentStoreContract('postgres', { open: async () => createPgDocumentStore(pool) })
})
