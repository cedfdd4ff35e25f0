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
  if (schema) await createSchemaOnce(pool, schema)
  return pool
}

/** Any constant: the advisory lock under which a schema is created. */
const SCHEMA_LOCK = 0x6b6f657274

/**
 * `CREATE SCHEMA IF NOT EXISTS` is not safe when two instances run it at once (one fails on
 * pg_namespace's unique index), so it runs under a transaction-scoped advisory lock.
 */
const createSchemaOnce = async (pool: PgPool, schema: string): Promise<void> => {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
  })
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
  // A connection lost mid-transaction emits 'error' on the client (not the pool): the query
  // fails with it anyway, so the event only needs a listener, or Node ends the process.
  const ignore = (): void => undefined
  client.on('error', ignore)
  let failure: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    failure = error instanceof Error ? error : new Error(String(error))
    throw error
  } finally {
    client.off('error', ignore)
    // After a failure the connection may be broken: the pool replaces it rather than reuse it.
    client.release(failure)
  }
}
