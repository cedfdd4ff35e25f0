import { afterAll, beforeAll, describe } from 'vitest'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { versionStoreContract } from '../versionStore.contract.ts'
import { createPgVersionStore } from './pgVersionStore.ts'
import type { PgPool } from './pool.ts'

// SCALE-2: versions in PostgreSQL pass the same contract as SQLite's.
describe.skipIf(!DATABASE_URL)('PostgreSQL version store', () => {
  let pool: PgPool
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())
  versionStoreContract('postgres', {
    open: async () => ({ store: createPgVersionStore(pool), close: async () => undefined }),
  })
})
