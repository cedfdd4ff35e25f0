import { afterAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { DATABASE_URL } from '../../testing/postgresSchema.ts'
import { migratePostgres, PG_MIGRATIONS } from './migrations.ts'
import { openPool, quoteIdent, type PgPool } from './pool.ts'

describe.skipIf(!DATABASE_URL)('PostgreSQL migrations (SCALE-1, SCALE-2)', () => {
  const pools: PgPool[] = []
  const schema = `koers_test_${randomBytes(6).toString('hex')}`
  afterAll(async () => {
    await pools[0]?.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`)
    await Promise.all(pools.map((pool) => pool.end()))
  })

  it('SCALE-1: two instances starting at once apply each step exactly once', async () => {
    // Opened together: each creates the missing schema, which once failed on a unique index.
    pools.push(...(await Promise.all([1, 2, 3, 4].map(() => openPool(DATABASE_URL, schema)))))
    await Promise.all(pools.map((pool) => migratePostgres(pool)))
    const { rows } = await pools[0]!.query<{ version: number }>(
      'SELECT version FROM koers_schema ORDER BY version',
    )
    expect(rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((m) => m.version))
    await migratePostgres(pools[1]!)
    const again = await pools[0]!.query('SELECT COUNT(*) AS n FROM koers_schema')
    expect(Number(again.rows[0].n)).toBe(PG_MIGRATIONS.length)
  })
})
