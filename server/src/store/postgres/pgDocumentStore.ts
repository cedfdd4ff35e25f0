import type { AppendEntry, ClientClaim, DocumentStore, StoredDocument } from '../documentStore.ts'
import { inTransaction, type PgClient, type PgPool } from './pool.ts'

const bytes = (data: Buffer): Uint8Array =>
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
const buffer = (data: Uint8Array): Buffer =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength)

interface Row {
  data: Buffer
  seq: string
}

/**
 * DocumentStore on PostgreSQL (SCALE-2). Sequence numbers are per document and come from a
 * `doc_heads` row that each append updates first: its row lock orders appends of one document
 * across instances, so a seq is only handed out after every smaller one is committed.
 */
export const createPgDocumentStore = (pool: PgPool): DocumentStore => {
  const rowsAfter = async (client: PgClient | PgPool, docId: string, after: number) =>
    (
      await client.query<Row>(
        'SELECT data, seq FROM updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
        [docId, after],
      )
    ).rows

  const snapshotOf = async (client: PgClient | PgPool, docId: string) =>
    (await client.query<Row>('SELECT data, seq FROM snapshots WHERE doc_id = $1', [docId])).rows[0]

  const snapshotSeqOf = async (client: PgClient, docId: string): Promise<number | null> => {
    const row = (
      await client.query<{ seq: string }>('SELECT seq FROM snapshots WHERE doc_id = $1', [docId])
    ).rows[0]
    return row ? Number(row.seq) : null
  }

  const ownersOf = async (client: PgClient, docId: string): Promise<ClientClaim[]> =>
    (
      await client.query<{ client_id: string; participant_id: string }>(
        'SELECT client_id, participant_id FROM client_owners WHERE doc_id = $1',
        [docId],
      )
    ).rows.map((row) => [Number(row.client_id), row.participant_id])

  return {
    create: async (docId, state) => {
      await inTransaction(pool, async (client) => {
        await client.query('INSERT INTO snapshots (doc_id, data, seq) VALUES ($1, $2, 0)', [
          docId,
          buffer(state),
        ])
        await client.query('INSERT INTO doc_heads (doc_id, seq) VALUES ($1, 0)', [docId])
      })
    },

    load: async (docId) =>
      inTransaction(pool, async (client): Promise<StoredDocument | null> => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const snapshot = await snapshotOf(client, docId)
        if (!snapshot) return null
        const rows = await rowsAfter(client, docId, Number(snapshot.seq))
        const owners = await ownersOf(client, docId)
        const updates = [bytes(snapshot.data), ...rows.map((row) => bytes(row.data))]
        return {
          updates,
          seq: Number(rows.at(-1)?.seq ?? snapshot.seq),
          logRows: rows.length,
          bytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
          owners: new Map(owners),
        }
      }),

    append: async (batch) => {
      if (batch.length === 0) return []
      // SCALE-11: one statement, its own transaction; the function holds what was four round
      // trips (BEGIN, head, insert, COMMIT), each a wait for a scheduler on a busy machine.
      const claims = (batch as AppendEntry[]).flatMap(({ docId, claims }) =>
        (claims ?? []).map(([clientId, participantId]) => ({ docId, clientId, participantId })),
      )
      const { rows } = await pool.query<{ seqs: string[] }>(
        'SELECT koers_append($1, $2, $3, $4, $5) AS seqs',
        [
          batch.map((entry) => entry.docId),
          batch.map((entry) => buffer(entry.update)),
          claims.map((claim) => claim.docId),
          claims.map((claim) => claim.clientId),
          claims.map((claim) => claim.participantId),
        ],
      )
      return rows[0]!.seqs.map(Number)
    },

    compact: async (docId, state, throughSeq) => {
      await inTransaction(pool, async (client) => {
        // The row lock serialises compactions of one document across instances (SCALE-4).
        const current = (
          await client.query<{ seq: string }>(
            'SELECT seq FROM snapshots WHERE doc_id = $1 FOR UPDATE',
            [docId],
          )
        ).rows[0]
        if (current && Number(current.seq) > throughSeq) return
        await client.query(
          `INSERT INTO snapshots (doc_id, data, seq) VALUES ($1, $2, $3)
           ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, seq = excluded.seq`,
          [docId, buffer(state), throughSeq],
        )
        await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq <= $2', [
          docId,
          throughSeq,
        ])
      })
    },

    catchUp: async (docId, afterSeq) =>
      inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        // The snapshot's bytes only when a compaction folded in what the room lacks: a
        // catch-up after a late bus message must not read the whole document.
        const snapshotSeq = await snapshotSeqOf(client, docId)
        if (snapshotSeq === null) return null
        const snapshot = snapshotSeq > afterSeq ? await snapshotOf(client, docId) : undefined
        const rows = await rowsAfter(client, docId, snapshot ? Number(snapshot.seq) : afterSeq)
        return {
          updates: [...(snapshot ? [bytes(snapshot.data)] : []), ...rows.map((r) => bytes(r.data))],
          seq: Number(rows.at(-1)?.seq ?? Math.max(snapshotSeq, afterSeq)),
          claims: await ownersOf(client, docId),
        }
      }),

    ping: async () => {
      await pool.query('SELECT 1')
    },

    // The pool belongs to the store factory, which ends it once for every store.
    close: async () => undefined,
  }
}
