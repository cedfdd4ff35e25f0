import { afterAll, beforeAll, describe } from 'vitest'
import { ticketStoreContract } from '../../auth/ticketStore.contract.ts'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { createPgTicketStore } from './pgTicketStore.ts'
import type { PgPool } from './pool.ts'

// SCALE-2: tickets in PostgreSQL pass the same contract as the memory store.
describe.skipIf(!DATABASE_URL)('PostgreSQL ticket store', () => {
  let pool: PgPool
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ pool, drop } = await postgresTestSchema())
  })
  afterAll(() => drop())
  ticketStoreContract('postgres', (ttlMs) => createPgTicketStore(pool, ttlMs))
})
