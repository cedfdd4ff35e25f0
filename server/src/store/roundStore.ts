import type { RoundKind } from '@koers/protocol'

// Participation rounds in the store (docs/rounds.md). Private input (`round_cards` with their
// author, `round_ballots` per person) exists only until the reveal; `finishReveal` replaces it
// by anonymous rows and totals in one transaction (ROUND-14).

/** `revealing`: a reveal has begun (ROUND-15); input is refused from that moment. */
export type StoredRoundStatus = 'open' | 'revealing' | 'revealed'

export interface NewRound {
  id: string
  workspaceId: string
  kind: RoundKind
  question: string
  phaseId: string
  items: readonly string[]
  dotsPerPerson: number
  maxPerItem: number
  rerunOf: string
  /** ISO 8601 */
  createdAt: string
}

export interface StoredRound extends NewRound {
  items: string[]
  status: StoredRoundStatus
  revealStartedAt: string | null
  revealedAt: string | null
  /** Set at the reveal: how many took part and how many cards there were. */
  participants: number
  cards: number
  /** JSON of the results, set at the reveal (vote totals or consent tallies). */
  results: string | null
}

export interface CardText {
  id: string
  text: string
}

/** `limit`: a count limit of the round (cards per person or per round). */
export type InputOutcome = 'ok' | 'not_found' | 'closed' | 'limit'

export interface RevealOutcome {
  revealedAt: string
  participants: number
  cards: number
  results: string | null
  /** A brainstorm's cards in their revealed (random) order. */
  revealedCards: readonly CardText[]
}

/** What a reveal reads: the private input without any person's id. */
export interface PrivateInput {
  cards: CardText[]
  authors: number
  ballots: string[]
}

/**
 * Narrow on purpose so SQLite and PostgreSQL can both implement it; every implementation passes
 * `roundStoreContract`. Every method is scoped by the workspace: another workspace's round is
 * `null` / `not_found`.
 */
export interface RoundStore {
  /** False when the workspace already holds `maxPerWorkspace` rounds. */
  create(round: NewRound, maxPerWorkspace: number): Promise<boolean>
  get(workspaceId: string, roundId: string): Promise<StoredRound | null>
  /** Oldest first. */
  list(workspaceId: string): Promise<StoredRound[]>
  /** Only into an open round, within the per-person and per-round limits. */
  addCard(
    workspaceId: string,
    roundId: string,
    card: { id: string; author: string; text: string },
    limits: { perPerson: number; perRound: number },
  ): Promise<InputOutcome>
  /** Rewrites (`text`) or deletes (`null`) the author's own card of an open round. */
  editCard(
    workspaceId: string,
    roundId: string,
    cardId: string,
    author: string,
    text: string | null,
  ): Promise<InputOutcome>
  /** The author's cards, in the order written (before the reveal; none after). */
  ownCards(workspaceId: string, roundId: string, author: string): Promise<CardText[]>
  cardCounts(workspaceId: string, roundId: string): Promise<{ cards: number; authors: number }>
  /** A revealed brainstorm's cards in their revealed order. */
  revealedCards(workspaceId: string, roundId: string): Promise<CardText[]>
  /** Replaces (or with `null` withdraws) one person's ballot of an open round. */
  putBallot(
    workspaceId: string,
    roundId: string,
    participantId: string,
    ballot: string | null,
  ): Promise<InputOutcome>
  ballotOf(workspaceId: string, roundId: string, participantId: string): Promise<string | null>
  ballotCount(workspaceId: string, roundId: string): Promise<number>
  /**
   * ROUND-15: `open` → `revealing` in one conditional write (also a `revealing` one whose reveal
   * began before `staleBefore`, i.e. was interrupted). `conflict` when revealed or being revealed.
   */
  startReveal(
    workspaceId: string,
    roundId: string,
    now: string,
    staleBefore: string,
  ): Promise<'started' | 'not_found' | 'conflict'>
  privateInput(workspaceId: string, roundId: string): Promise<PrivateInput>
  /**
   * ROUND-14: in one transaction, stores the anonymous outcome, deletes every private row of the
   * round and marks it revealed.
   */
  finishReveal(workspaceId: string, roundId: string, outcome: RevealOutcome): Promise<void>
}
