import { afterAll, describe } from 'vitest'
import { DATABASE_URL, postgresTestSchema } from '../../testing/postgresSchema.ts'
import { joinCodeStoreContract } from '../joinCodeStore.contract.ts'
import { createPgAccessStore } from './pgAccessStore.ts'
import { createPgJoinCodeStore } from './pgJoinCodeStore.ts'

// SCALE-2: join codes in PostgreSQL pass the same contract as SQLite's (each case its own schema).
describe.skipIf(!DATABASE_URL)('PostgreSQL join code store', () => {
  const drops: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const drop of drops) await drop()
  })
  joinCodeStoreContract('postgres', async () => {
    const { pool, drop } = await postgresTestSchema()
    drops.push(drop)
    const access = createPgAccessStore(pool)
    return {
      store: createPgJoinCodeStore(pool),
      addWorkspace: (id) =>
        access.createWorkspace({
          id,
          title: 'T',
          school: 'S',
          keyHashes: { facilitator: `f-${id}`, editor: `e-${id}`, viewer: `v-${id}` },
        }),
    }
  })
})
