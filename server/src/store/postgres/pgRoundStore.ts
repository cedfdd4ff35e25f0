import type { CardText, InputOutcome, RoundStore } from '../roundStore.ts'
import { ROUND_COLUMNS, roundFromRow, type RoundRow } from '../sqliteRoundStore.ts'
import { inTransaction, type PgClient, type PgPool } from './pool.ts'

/**
 * 'ok' when the round of this workspace is open. Locks its row until the transaction ends, so
 * input and the start of a reveal (ROUND-15) are ordered: input committed before the reveal
 * starts is counted, input after it sees `revealing`.
 */
const lockOpen = async (
  client: PgClient,
  workspaceId: string,
  roundId: string,
): Promise<InputOutcome> => {
  const { rows } = await client.query<{ status: string }>(
    'SELECT status FROM rounds WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
    [workspaceId, roundId],
  )
  if (!rows[0]) return 'not_found'
  return rows[0].status === 'open' ? 'ok' : 'closed'
}

const exists = async (pool: PgPool, workspaceId: string, roundId: string): Promise<boolean> =>
  ((
    await pool.query('SELECT 1 FROM rounds WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      roundId,
    ])
  ).rowCount ?? 0) > 0

const counts = async (
  db: PgPool | PgClient,
  roundId: string,
): Promise<{ cards: number; authors: number }> => {
  const { rows } = await db.query<{ n: string; authors: string }>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT author) AS authors FROM round_cards
     WHERE round_id = $1`,
    [roundId],
  )
  return { cards: Number(rows[0]?.n ?? 0), authors: Number(rows[0]?.authors ?? 0) }
}

/** Rounds in PostgreSQL (SCALE-2); the same behaviour as `sqliteRoundStore.ts`. */
export const createPgRoundStore = (pool: PgPool): RoundStore => ({
  create: (round, max) =>
    inTransaction(pool, async (client) => {
      // One creation per workspace at a time, so the cap holds with several instances.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `rounds:${round.workspaceId}`,
      ])
      const { rows } = await client.query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM rounds WHERE workspace_id = $1',
        [round.workspaceId],
      )
      if (Number(rows[0]?.n ?? 0) >= max) return false
      await client.query(
        `INSERT INTO rounds (id, workspace_id, kind, status, question, phase_id, items,
           dots_per_person, max_per_item, rerun_of, created_at, participants, cards)
         VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, 0, 0)`,
        [
          round.id,
          round.workspaceId,
          round.kind,
          round.question,
          round.phaseId,
          JSON.stringify(round.items),
          round.dotsPerPerson,
          round.maxPerItem,
          round.rerunOf,
          round.createdAt,
        ],
      )
      return true
    }),
  get: async (workspaceId, roundId) => {
    const { rows } = await pool.query<RoundRow>(
      `SELECT ${ROUND_COLUMNS} FROM rounds WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, roundId],
    )
    return rows[0] ? roundFromRow(rows[0]) : null
  },
  list: async (workspaceId) => {
    const { rows } = await pool.query<RoundRow>(
      `SELECT ${ROUND_COLUMNS} FROM rounds WHERE workspace_id = $1 ORDER BY seq`,
      [workspaceId],
    )
    return rows.map(roundFromRow)
  },
  addCard: (workspaceId, roundId, card, limits) =>
    inTransaction(pool, async (client) => {
      const open = await lockOpen(client, workspaceId, roundId)
      if (open !== 'ok') return open
      const { rows } = await client.query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM round_cards WHERE round_id = $1 AND author = $2',
        [roundId, card.author],
      )
      if (Number(rows[0]?.n ?? 0) >= limits.perPerson) return 'limit'
      if ((await counts(client, roundId)).cards >= limits.perRound) return 'limit'
      await client.query(
        `INSERT INTO round_cards (id, round_id, workspace_id, author, text)
         VALUES ($1, $2, $3, $4, $5)`,
        [card.id, roundId, workspaceId, card.author, card.text],
      )
      return 'ok'
    }),
  editCard: (workspaceId, roundId, cardId, author, text) =>
    inTransaction(pool, async (client) => {
      const open = await lockOpen(client, workspaceId, roundId)
      if (open !== 'ok') return open
      const result =
        text === null
          ? await client.query(
              'DELETE FROM round_cards WHERE id = $1 AND round_id = $2 AND author = $3',
              [cardId, roundId, author],
            )
          : await client.query(
              'UPDATE round_cards SET text = $1 WHERE id = $2 AND round_id = $3 AND author = $4',
              [text, cardId, roundId, author],
            )
      return (result.rowCount ?? 0) > 0 ? 'ok' : 'not_found'
    }),
  ownCards: async (workspaceId, roundId, author) =>
    (
      await pool.query<CardText>(
        `SELECT id, text FROM round_cards WHERE workspace_id = $1 AND round_id = $2
         AND author = $3 ORDER BY seq`,
        [workspaceId, roundId, author],
      )
    ).rows,
  cardCounts: async (workspaceId, roundId) =>
    (await exists(pool, workspaceId, roundId)) ? counts(pool, roundId) : { cards: 0, authors: 0 },
  revealedCards: async (workspaceId, roundId) =>
    (
      await pool.query<CardText>(
        `SELECT id, text FROM revealed_cards WHERE workspace_id = $1 AND round_id = $2
         ORDER BY position`,
        [workspaceId, roundId],
      )
    ).rows,
  putBallot: (workspaceId, roundId, participantId, ballot) =>
    inTransaction(pool, async (client) => {
      const open = await lockOpen(client, workspaceId, roundId)
      if (open !== 'ok') return open
      if (ballot === null) {
        await client.query(
          'DELETE FROM round_ballots WHERE round_id = $1 AND participant_id = $2',
          [roundId, participantId],
        )
      } else {
        await client.query(
          `INSERT INTO round_ballots (round_id, workspace_id, participant_id, ballot)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (round_id, participant_id) DO UPDATE SET ballot = EXCLUDED.ballot`,
          [roundId, workspaceId, participantId, ballot],
        )
      }
      return 'ok'
    }),
  ballotOf: async (workspaceId, roundId, participantId) =>
    (
      await pool.query<{ ballot: string }>(
        `SELECT ballot FROM round_ballots WHERE workspace_id = $1 AND round_id = $2
         AND participant_id = $3`,
        [workspaceId, roundId, participantId],
      )
    ).rows[0]?.ballot ?? null,
  ballotCount: async (workspaceId, roundId) =>
    Number(
      (
        await pool.query<{ n: string }>(
          'SELECT COUNT(*) AS n FROM round_ballots WHERE workspace_id = $1 AND round_id = $2',
          [workspaceId, roundId],
        )
      ).rows[0]?.n ?? 0,
    ),
  startReveal: async (workspaceId, roundId, now, staleBefore) => {
    if (!(await exists(pool, workspaceId, roundId))) return 'not_found'
    const result = await pool.query(
      `UPDATE rounds SET status = 'revealing', reveal_started_at = $1
       WHERE workspace_id = $2 AND id = $3
         AND (status = 'open' OR (status = 'revealing' AND reveal_started_at < $4))`,
      [now, workspaceId, roundId, staleBefore],
    )
    return (result.rowCount ?? 0) > 0 ? 'started' : 'conflict'
  },
  privateInput: async (workspaceId, roundId) => {
    if (!(await exists(pool, workspaceId, roundId))) return { cards: [], authors: 0, ballots: [] }
    const cards = await pool.query<CardText>(
      'SELECT id, text FROM round_cards WHERE round_id = $1 ORDER BY seq',
      [roundId],
    )
    const ballots = await pool.query<{ ballot: string }>(
      'SELECT ballot FROM round_ballots WHERE round_id = $1 ORDER BY random()',
      [roundId],
    )
    return {
      cards: cards.rows,
      authors: (await counts(pool, roundId)).authors,
      ballots: ballots.rows.map((row) => row.ballot),
    }
  },
  finishReveal: (workspaceId, roundId, outcome) =>
    inTransaction(pool, async (client) => {
      const { rowCount } = await client.query(
        'SELECT 1 FROM rounds WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
        [workspaceId, roundId],
      )
      if (!rowCount) return
      const cards = outcome.revealedCards
      if (cards.length > 0) {
        await client.query(
          `INSERT INTO revealed_cards (id, round_id, workspace_id, position, text)
           SELECT id, $2, $3, position, text
           FROM unnest($1::text[], $4::int[], $5::text[]) AS c(id, position, text)
           ON CONFLICT (id) DO NOTHING`,
          [
            cards.map((card) => card.id),
            roundId,
            workspaceId,
            cards.map((_, position) => position),
            cards.map((card) => card.text),
          ],
        )
      }
      await client.query('DELETE FROM round_cards WHERE round_id = $1', [roundId])
      await client.query('DELETE FROM round_ballots WHERE round_id = $1', [roundId])
      await client.query(
        `UPDATE rounds SET status = 'revealed', revealed_at = $1, participants = $2, cards = $3,
           results = $4 WHERE workspace_id = $5 AND id = $6`,
        [
          outcome.revealedAt,
          outcome.participants,
          outcome.cards,
          outcome.results,
          workspaceId,
          roundId,
        ],
      )
    }),
})
