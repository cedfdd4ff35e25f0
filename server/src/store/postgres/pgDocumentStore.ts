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
      return inTransaction(pool, async (client) => {
        const counts = new Map<string, number>()
        for (const { docId } of batch) counts.set(docId, (counts.get(docId) ?? 0) + 1)
        // Heads in a fixed order, so two instances appending to the same documents never deadlock.
        const next = new Map<string, number>()
        for (const docId of [...counts.keys()].sort()) {
          const { rows } = await client.query<{ seq: string }>(
            'UPDATE doc_heads SET seq = seq + $2 WHERE doc_id = $1 RETURNING seq',
            [docId, counts.get(docId)],
          )
          if (!rows[0]) throw new Error(`document ${docId} was never created`)
          next.set(docId, Number(rows[0].seq) - counts.get(docId)! + 1)
        }
        const seqs: number[] = []
        for (const { docId, update, claims } of batch as AppendEntry[]) {
          const seq = next.get(docId)!
          next.set(docId, seq + 1)
          seqs.push(seq)
          await client.query('INSERT INTO updates (doc_id, seq, data) VALUES ($1, $2, $3)', [
            docId,
            seq,
            buffer(update),
          ])
          for (const [clientId, participantId] of claims ?? []) {
            // Two instances may each have let a different participant claim one id before they
            // heard of each other (SYNC-19): the first stored claim wins, the other append fails.
            const { rows } = await client.query<{ participant_id: string }>(
              `INSERT INTO client_owners (doc_id, client_id, participant_id) VALUES ($1, $2, $3)
               ON CONFLICT (doc_id, client_id) DO UPDATE SET participant_id = client_owners.participant_id
               RETURNING participant_id`,
              [docId, clientId, participantId],
            )
            if (rows[0]?.participant_id !== participantId) {
              throw new Error(`client id ${clientId} of ${docId} belongs to another participant`)
            }
          }
        }
        return seqs
      })
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
