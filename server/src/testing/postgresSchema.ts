import { randomBytes } from 'node:crypto'
import { migratePostgres } from '../store/postgres/migrations.ts'
import { openPool, quoteIdent, type PgPool } from '../store/postgres/pool.ts'

/** Set in CI (`.ci/run`); tests that need PostgreSQL are skipped without it. */
export const DATABASE_URL = process.env.DATABASE_URL ?? ''

/** A schema of its own for one test file, migrated; `drop()` removes it with everything in it. */
export const postgresTestSchema = async (): Promise<{
  pool: PgPool
  schema: string
  drop(): Promise<void>
}> => {
  const schema = `koers_test_${randomBytes(6).toString('hex')}`
  const pool = await openPool(DATABASE_URL, schema)
  await migratePostgres(pool)
  return {
    pool,
    schema,
    drop: async () => {
      await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`)
      await pool.end()
    },
  }
}

/** Drops a schema a test gave to its servers (`KOERS_DATABASE_SCHEMA`). */
export const dropPostgresSchema = async (schema: string): Promise<void> => {
  const pool = await openPool(DATABASE_URL)
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`)
  } finally {
    await pool.end()
  }
}
