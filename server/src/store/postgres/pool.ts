import pg from 'pg'

export type PgPool = pg.Pool
export type PgClient = pg.PoolClient

/**
 * A connection pool for `DATABASE_URL`. `schema` (tests give each run its own) becomes the
 * search path of every connection, and is created when missing.
 */
export const openPool = async (url: string, schema?: string): Promise<PgPool> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client that loses its server (a restart) must not crash the process: the pool
  // replaces it; callers see the error on their next query.
  pool.on('error', () => undefined)
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
  return pool
}

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe identifier: ${name}`)
  return `"${name}"`
}

/** Runs `work` in one transaction; rolls back on error. */
export const inTransaction = async <T>(
  pool: PgPool,
  work: (client: PgClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
