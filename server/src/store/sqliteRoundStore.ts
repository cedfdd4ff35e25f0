import { ROUND_KINDS, type RoundKind } from '@koers/protocol'
import type { SqliteDatabase } from './database.ts'
import type {
  CardText,
  InputOutcome,
  RoundStore,
  StoredRound,
  StoredRoundStatus,
} from './roundStore.ts'

/** A row of `rounds`; shared with the PostgreSQL store, which selects the same columns. */
export interface RoundRow {
  id: string
  workspace_id: string
  kind: string
  status: string
  question: string
  phase_id: string
  items: string
  dots_per_person: number
  max_per_item: number
  rerun_of: string
  created_at: string
  reveal_started_at: string | null
  revealed_at: string | null
  participants: number
  cards: number
  results: string | null
}

export const ROUND_COLUMNS = `id, workspace_id, kind, status, question, phase_id, items,
  dots_per_person, max_per_item, rerun_of, created_at, reveal_started_at, revealed_at,
  participants, cards, results`

const parseItems = (json: string): string[] => {
  try {
    const items: unknown = JSON.parse(json)
    return Array.isArray(items) ? items.filter((item) => typeof item === 'string') : []
  } catch {
    return []
  }
}

export const roundFromRow = (row: RoundRow): StoredRound => ({
  id: row.id,
  workspaceId: row.workspace_id,
  kind: (ROUND_KINDS as readonly string[]).includes(row.kind) ? (row.kind as RoundKind) : 'vote',
  status: (['open', 'revealing', 'revealed'].includes(row.status)
    ? row.status
    : 'revealed') as StoredRoundStatus,
  question: row.question,
  phaseId: row.phase_id,
  items: parseItems(row.items),
  dotsPerPerson: Number(row.dots_per_person),
  maxPerItem: Number(row.max_per_item),
  rerunOf: row.rerun_of,
  createdAt: row.created_at,
  revealStartedAt: row.reveal_started_at,
  revealedAt: row.revealed_at,
  participants: Number(row.participants),
  cards: Number(row.cards),
  results: row.results,
})

/** RoundStore on the shared better-sqlite3 connection (migration 6). */
export const createSqliteRoundStore = (db: SqliteDatabase): RoundStore => {
  const countRounds = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM rounds WHERE workspace_id = ?',
  )
  const insertRound = db.prepare(
    `INSERT INTO rounds (id, workspace_id, kind, status, question, phase_id, items,
       dots_per_person, max_per_item, rerun_of, created_at, participants, cards)
     VALUES (@id, @workspaceId, @kind, 'open', @question, @phaseId, @items,
       @dotsPerPerson, @maxPerItem, @rerunOf, @createdAt, 0, 0)`,
  )
  const getRound = db.prepare<[string, string], RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE workspace_id = ? AND id = ?`,
  )
  const listRounds = db.prepare<[string], RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM rounds WHERE workspace_id = ? ORDER BY seq`,
  )
  const statusOf = db.prepare<[string, string], { status: string; kind: string }>(
    'SELECT status, kind FROM rounds WHERE workspace_id = ? AND id = ?',
  )
  const countMine = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM round_cards WHERE round_id = ? AND author = ?',
  )
  const countCards = db.prepare<[string], { n: number; authors: number }>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT author) AS authors FROM round_cards WHERE round_id = ?',
  )
  const insertCard = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO round_cards (id, round_id, workspace_id, author, text) VALUES (?, ?, ?, ?, ?)',
  )
  const updateCard = db.prepare<[string, string, string, string]>(
    'UPDATE round_cards SET text = ? WHERE id = ? AND round_id = ? AND author = ?',
  )
  const deleteCard = db.prepare<[string, string, string]>(
    'DELETE FROM round_cards WHERE id = ? AND round_id = ? AND author = ?',
  )
  const ownCards = db.prepare<[string, string, string], CardText>(
    `SELECT id, text FROM round_cards WHERE workspace_id = ? AND round_id = ? AND author = ?
     ORDER BY rowid`,
  )
  const allCards = db.prepare<[string], CardText>(
    'SELECT id, text FROM round_cards WHERE round_id = ? ORDER BY rowid',
  )
  const revealed = db.prepare<[string, string], CardText>(
    `SELECT id, text FROM revealed_cards WHERE workspace_id = ? AND round_id = ?
     ORDER BY position`,
  )
  const upsertBallot = db.prepare<[string, string, string, string]>(
    `INSERT INTO round_ballots (round_id, workspace_id, participant_id, ballot)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id, participant_id) DO UPDATE SET ballot = excluded.ballot`,
  )
  const deleteBallot = db.prepare<[string, string]>(
    'DELETE FROM round_ballots WHERE round_id = ? AND participant_id = ?',
  )
  const ballotOf = db.prepare<[string, string, string], { ballot: string }>(
    `SELECT ballot FROM round_ballots WHERE workspace_id = ? AND round_id = ?
     AND participant_id = ?`,
  )
  const countBallots = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM round_ballots WHERE workspace_id = ? AND round_id = ?',
  )
  const allBallots = db.prepare<[string], { ballot: string }>(
    'SELECT ballot FROM round_ballots WHERE round_id = ? ORDER BY random()',
  )
  const beginReveal = db.prepare<[string, string, string, string]>(
    `UPDATE rounds SET status = 'revealing', reveal_started_at = ?
     WHERE workspace_id = ? AND id = ?
       AND (status = 'open' OR (status = 'revealing' AND reveal_started_at < ?))`,
  )
  const insertRevealed = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO revealed_cards (id, round_id, workspace_id, position, text)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  )
  const dropCards = db.prepare<[string]>('DELETE FROM round_cards WHERE round_id = ?')
  const dropBallots = db.prepare<[string]>('DELETE FROM round_ballots WHERE round_id = ?')
  const markRevealed = db.prepare<[string, number, number, string | null, string, string]>(
    `UPDATE rounds SET status = 'revealed', revealed_at = ?, participants = ?, cards = ?,
       results = ? WHERE workspace_id = ? AND id = ?`,
  )

  /** 'ok' when the round of this workspace is open (and of `kind`, if given). */
  const openCheck = (workspaceId: string, roundId: string): InputOutcome => {
    const row = statusOf.get(workspaceId, roundId)
    if (!row) return 'not_found'
    return row.status === 'open' ? 'ok' : 'closed'
  }

  const create = db.transaction((round: Parameters<RoundStore['create']>[0], max: number) => {
    if ((countRounds.get(round.workspaceId)?.n ?? 0) >= max) return false
    insertRound.run({ ...round, items: JSON.stringify(round.items) })
    return true
  })
  const addCard = db.transaction(
    (
      workspaceId: string,
      roundId: string,
      card: { id: string; author: string; text: string },
      limits: { perPerson: number; perRound: number },
    ): InputOutcome => {
      const open = openCheck(workspaceId, roundId)
      if (open !== 'ok') return open
      if ((countMine.get(roundId, card.author)?.n ?? 0) >= limits.perPerson) return 'limit'
      if ((countCards.get(roundId)?.n ?? 0) >= limits.perRound) return 'limit'
      insertCard.run(card.id, roundId, workspaceId, card.author, card.text)
      return 'ok'
    },
  )
  const editCard = db.transaction(
    (
      workspaceId: string,
      roundId: string,
      cardId: string,
      author: string,
      text: string | null,
    ): InputOutcome => {
      const open = openCheck(workspaceId, roundId)
      if (open !== 'ok') return open
      const changed =
        text === null
          ? deleteCard.run(cardId, roundId, author).changes
          : updateCard.run(text, cardId, roundId, author).changes
      return changed > 0 ? 'ok' : 'not_found'
    },
  )
  const putBallot = db.transaction(
    (
      workspaceId: string,
      roundId: string,
      participantId: string,
      ballot: string | null,
    ): InputOutcome => {
      const open = openCheck(workspaceId, roundId)
      if (open !== 'ok') return open
      if (ballot === null) deleteBallot.run(roundId, participantId)
      else upsertBallot.run(roundId, workspaceId, participantId, ballot)
      return 'ok'
    },
  )
  const finishReveal = db.transaction(
    (workspaceId: string, roundId: string, outcome: Parameters<RoundStore['finishReveal']>[2]) => {
      if (!statusOf.get(workspaceId, roundId)) return
      outcome.revealedCards.forEach((card, position) =>
        insertRevealed.run(card.id, roundId, workspaceId, position, card.text),
      )
      dropCards.run(roundId)
      dropBallots.run(roundId)
      markRevealed.run(
        outcome.revealedAt,
        outcome.participants,
        outcome.cards,
        outcome.results,
        workspaceId,
        roundId,
      )
    },
  )

  return {
    create: async (round, max) => create(round, max),
    get: async (workspaceId, roundId) => {
      const row = getRound.get(workspaceId, roundId)
      return row ? roundFromRow(row) : null
    },
    list: async (workspaceId) => listRounds.all(workspaceId).map(roundFromRow),
    addCard: async (workspaceId, roundId, card, limits) =>
      addCard(workspaceId, roundId, card, limits),
    editCard: async (workspaceId, roundId, cardId, author, text) =>
      editCard(workspaceId, roundId, cardId, author, text),
    ownCards: async (workspaceId, roundId, author) => ownCards.all(workspaceId, roundId, author),
    cardCounts: async (workspaceId, roundId) => {
      if (!statusOf.get(workspaceId, roundId)) return { cards: 0, authors: 0 }
      const row = countCards.get(roundId)
      return { cards: row?.n ?? 0, authors: row?.authors ?? 0 }
    },
    revealedCards: async (workspaceId, roundId) => revealed.all(workspaceId, roundId),
    putBallot: async (workspaceId, roundId, participantId, ballot) =>
      putBallot(workspaceId, roundId, participantId, ballot),
    ballotOf: async (workspaceId, roundId, participantId) =>
      ballotOf.get(workspaceId, roundId, participantId)?.ballot ?? null,
    ballotCount: async (workspaceId, roundId) => countBallots.get(workspaceId, roundId)?.n ?? 0,
    startReveal: async (workspaceId, roundId, now, staleBefore) => {
      if (!statusOf.get(workspaceId, roundId)) return 'not_found'
      return beginReveal.run(now, workspaceId, roundId, staleBefore).changes > 0
        ? 'started'
        : 'conflict'
    },
    privateInput: async (workspaceId, roundId) => {
      if (!statusOf.get(workspaceId, roundId)) return { cards: [], authors: 0, ballots: [] }
      return {
        cards: allCards.all(roundId),
        authors: countCards.get(roundId)?.authors ?? 0,
        ballots: allBallots.all(roundId).map((row) => row.ballot),
      }
    },
    finishReveal: async (workspaceId, roundId, outcome) => {
      finishReveal(workspaceId, roundId, outcome)
      // As PRIV-3: no old page image in the write-ahead log keeps who wrote what (best effort;
      // a reader holding a snapshot makes it a partial checkpoint, the next one finishes it).
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
  }
}
