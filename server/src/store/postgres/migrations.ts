import { inTransaction, type PgClient, type PgPool } from './pool.ts'

interface PgMigration {
  version: number
  name: string
  sql: string
}

/** Any constant: the advisory lock that makes two instances starting at once migrate once. */
const MIGRATION_LOCK = 0x6b6f657273

/**
 * The versioned PostgreSQL schema (SCALE-1): the same tables as SQLite's, typed for PostgreSQL.
 * Append new steps; never change one that has shipped.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'documents, workspaces, keys, sessions, client owners, tickets',
    sql: `
      CREATE TABLE snapshots (
        doc_id TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        seq BIGINT NOT NULL
      );
      CREATE TABLE doc_heads (
        doc_id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL
      );
      CREATE TABLE updates (
        doc_id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (doc_id, seq)
      );
      CREATE TABLE client_owners (
        doc_id TEXT NOT NULL,
        client_id BIGINT NOT NULL,
        participant_id TEXT NOT NULL,
        PRIMARY KEY (doc_id, client_id)
      );
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        school TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        last_activity_at TIMESTAMPTZ
      );
      CREATE TABLE access_keys (
        key_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        role TEXT NOT NULL
      );
      CREATE INDEX access_keys_by_workspace ON access_keys (workspace_id);
      CREATE TABLE sessions (
        token_hash TEXT NOT NULL,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        role TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (token_hash, workspace_id)
      );
      CREATE INDEX sessions_by_workspace ON sessions (workspace_id);
      CREATE INDEX sessions_by_created ON sessions (created_at);
      CREATE TABLE tickets (
        ticket_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        role TEXT NOT NULL,
        display_name TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX tickets_by_participant ON tickets (participant_id);
      CREATE INDEX tickets_by_expiry ON tickets (expires_at);
    `,
  },
  {
    version: 2,
    name: 'join codes of the study day (STUDY-8)',
    sql: `
      CREATE TABLE join_codes (
        code_hash TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        closed_at TIMESTAMPTZ
      );
      CREATE INDEX join_codes_by_workspace ON join_codes (workspace_id);
    `,
  },
  {
    version: 3,
    name: 'named versions of workspace documents (VER-1)',
    sql: `
      CREATE TABLE versions (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state BYTEA NOT NULL
      );
      CREATE INDEX versions_by_workspace ON versions (workspace_id, created_at);
    `,
  },
  {
    version: 4,
    name: 'participation rounds: rounds, private cards and ballots, revealed cards (ROUND-1)',
    sql: `
      CREATE TABLE rounds (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        question TEXT NOT NULL,
        phase_id TEXT NOT NULL,
        items TEXT NOT NULL,
        dots_per_person INTEGER NOT NULL,
        max_per_item INTEGER NOT NULL,
        rerun_of TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reveal_started_at TEXT,
        revealed_at TEXT,
        participants INTEGER NOT NULL,
        cards INTEGER NOT NULL,
        results TEXT
      );
      CREATE INDEX rounds_by_workspace ON rounds (workspace_id, seq);
      CREATE TABLE round_cards (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        round_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX round_cards_by_author ON round_cards (round_id, author);
      CREATE INDEX round_cards_by_workspace ON round_cards (workspace_id);
      CREATE TABLE round_ballots (
        round_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        ballot TEXT NOT NULL,
        PRIMARY KEY (round_id, participant_id)
      );
      CREATE INDEX round_ballots_by_workspace ON round_ballots (workspace_id);
      CREATE TABLE revealed_cards (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX revealed_cards_by_round ON revealed_cards (round_id, position);
      CREATE INDEX revealed_cards_by_workspace ON revealed_cards (workspace_id);
    `,
  },
  {
    version: 5,
    name: 'the link (key hash) each session came in through (PERM-16)',
    sql: `
      ALTER TABLE sessions ADD COLUMN key_hash TEXT;
      CREATE INDEX sessions_by_key ON sessions (key_hash);
    `,
  },
  {
    version: 6,
    name: 'one group commit in one round trip (SCALE-11)',
    sql: `
      CREATE FUNCTION koers_append(
        doc_ids TEXT[], datas BYTEA[],
        claim_docs TEXT[], claim_clients BIGINT[], claim_participants TEXT[]
      ) RETURNS BIGINT[] LANGUAGE plpgsql AS $$
      DECLARE
        head BIGINT;
        owner TEXT;
        seqs BIGINT[] := '{}';
      BEGIN
        -- Heads locked in a fixed order, so two instances appending to the same documents
        -- never deadlock.
        PERFORM 1 FROM doc_heads WHERE doc_id = ANY(doc_ids) ORDER BY doc_id FOR UPDATE;
        FOR i IN 1 .. cardinality(doc_ids) LOOP
          UPDATE doc_heads SET seq = seq + 1 WHERE doc_id = doc_ids[i] RETURNING seq INTO head;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'document % was never created', doc_ids[i];
          END IF;
          INSERT INTO updates (doc_id, seq, data) VALUES (doc_ids[i], head, datas[i]);
          seqs := seqs || head;
        END LOOP;
        -- Two instances may each have let a different participant claim one id before they
        -- heard of each other (SYNC-19): the first stored claim wins, the other append fails.
        FOR i IN 1 .. cardinality(claim_docs) LOOP
          INSERT INTO client_owners (doc_id, client_id, participant_id)
            VALUES (claim_docs[i], claim_clients[i], claim_participants[i])
            ON CONFLICT (doc_id, client_id)
              DO UPDATE SET participant_id = client_owners.participant_id
            RETURNING participant_id INTO owner;
          IF owner <> claim_participants[i] THEN
            RAISE EXCEPTION 'client id % of % belongs to another participant',
              claim_clients[i], claim_docs[i];
          END IF;
        END LOOP;
        RETURN seqs;
      END
      $$;
    `,
  },
]

const applied = async (client: PgClient): Promise<number> => {
  await client.query(
    'CREATE TABLE IF NOT EXISTS koers_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  )
  const { rows } = await client.query<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM koers_schema',
  )
  return rows[0]?.version ?? 0
}

/**
 * Brings the database to the newest schema. A transaction-scoped advisory lock serialises
 * instances that start at once; each step runs once, with its version recorded in the same
 * transaction. A database newer than this code is refused.
 */
export const migratePostgres = async (
  pool: PgPool,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<void> => {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    const current = await applied(client)
    const newest = migrations.at(-1)?.version ?? 0
    if (current > newest) {
      throw new Error(
        `the database has schema version ${current}; this Koers knows up to ${newest}`,
      )
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO koers_schema (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
    }
  })
}
