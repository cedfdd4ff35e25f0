import {
  isBoardItem,
  newId,
  principleMap,
  revealCards,
  writeRoundRevealed,
  type RoundResult,
} from '@koers/doc-model'
import {
  ROUND_LIMITS,
  type CardList,
  type ConsentAnswer,
  type ConsentTally,
  type CreateRoundRequest,
  type RoundInfo,
} from '@koers/protocol'
import type { Principal } from '../auth/role.ts'
import type { Logger } from '../log.ts'
import type { RoundStore, StoredRound } from '../store/roundStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { CountWriter } from './countWriter.ts'
import { ensureRoundInDocument } from './roundDocument.ts'
import { RoundError } from './roundErrors.ts'
import {
  checkAllocation,
  checkAnswers,
  refuseOutcome,
  requireFacilitator,
  requireWriter,
} from './roundInput.ts'
import { consentTallies, shuffled, voteTotals } from './tally.ts'

/** ROUND-15: a reveal that began this long ago and never finished may be taken over. */
export const STALE_REVEAL_MS = 60_000

const KIND_WORD = { brainstorm: 'a brainstorm', vote: 'a vote', consent: 'a consent round' }

const parseJson = <T>(json: string | null): T | null => {
  if (json === null) return null
  try {
    return JSON.parse(json) as T
  } catch {
    return null
  }
}

/**
 * Participation rounds (docs/rounds.md): private input in the store, public state written into
 * the document by the server, anonymous after the reveal.
 */
export class RoundService {
  private readonly counts: CountWriter

  constructor(
    private readonly store: RoundStore,
    private readonly registry: RoomRegistry,
    private readonly log: Logger,
    countIntervalMs?: number,
  ) {
    this.counts = new CountWriter(store, registry, log, countIntervalMs)
  }

  stop(): void {
    this.counts.stop()
  }

  private async round(workspaceId: string, roundId: string): Promise<StoredRound> {
    const round = await this.store.get(workspaceId, roundId)
    if (!round) throw new RoundError('not_found', 'No such round in this workspace')
    return round
  }

  private async roundOfKind(
    workspaceId: string,
    roundId: string,
    kind: StoredRound['kind'],
  ): Promise<StoredRound> {
    const round = await this.round(workspaceId, roundId)
    if (round.kind !== kind) {
      throw new RoundError('conflict', `This round is ${KIND_WORD[round.kind]}`)
    }
    return round
  }

  /** ROUND-1, ROUND-7, ROUND-10, ROUND-12. */
  async create(principal: Principal, request: CreateRoundRequest): Promise<string> {
    requireFacilitator(principal, 'open a round')
    const { workspaceId } = principal
    const items = request.kind === 'brainstorm' ? [] : request.items
    if (new Set(items).size !== items.length) {
      throw new RoundError('unprocessable', 'An item is listed twice')
    }
    if (request.kind === 'vote' && request.maxPerItem > request.dotsPerPerson) {
      throw new RoundError('unprocessable', 'maxPerItem is more than dotsPerPerson')
    }
    if (request.kind === 'consent' && request.rerunOf) {
      const earlier = await this.store.get(workspaceId, request.rerunOf)
      if (earlier?.kind !== 'consent') {
        throw new RoundError('not_found', 'rerunOf is not a consent round of this workspace')
      }
    }
    if (items.length > 0) {
      // Read as the server: the room's document once everything sent so far is committed.
      const unknown = await this.registry.writeAsServer(workspaceId, (doc) =>
        items.filter((item) =>
          request.kind === 'consent'
            ? !principleMap(doc, item)
            : !isBoardItem(doc, item) && !principleMap(doc, item),
        ),
      )
      if (unknown.length > 0) {
        throw new RoundError('unprocessable', `Unknown item: ${unknown[0]}`)
      }
    }
    const round: StoredRound = {
      id: newId(),
      workspaceId,
      kind: request.kind,
      question: request.question ?? '',
      phaseId: request.phaseId ?? '',
      items,
      dotsPerPerson: request.kind === 'vote' ? request.dotsPerPerson : 0,
      maxPerItem: request.kind === 'vote' ? request.maxPerItem : 0,
      rerunOf: request.kind === 'consent' ? (request.rerunOf ?? '') : '',
      createdAt: new Date().toISOString(),
      status: 'open',
      revealStartedAt: null,
      revealedAt: null,
      participants: 0,
      cards: 0,
      results: null,
    }
    if (!(await this.store.create(round, ROUND_LIMITS.roundsPerWorkspace))) {
      throw new RoundError(
        'unprocessable',
        `A workspace holds at most ${ROUND_LIMITS.roundsPerWorkspace} rounds`,
      )
    }
    await this.registry.writeAsServer(workspaceId, (doc) => {
      ensureRoundInDocument(doc, round)
    })
    return round.id
  }

  /** ROUND-2 */
  async addCard(principal: Principal, roundId: string, text: string): Promise<string> {
    requireWriter(principal, 'write a card')
    const { workspaceId, participantId } = principal
    await this.roundOfKind(workspaceId, roundId, 'brainstorm')
    const id = newId()
    const outcome = await this.store.addCard(
      workspaceId,
      roundId,
      { id, author: participantId, text },
      { perPerson: ROUND_LIMITS.cardsPerPerson, perRound: ROUND_LIMITS.cardsPerRound },
    )
    refuseOutcome(outcome, 'round')
    this.counts.schedule(workspaceId, roundId)
    return id
  }

  /** ROUND-2: `text` null deletes. Someone else's card is not found. */
  async editCard(
    principal: Principal,
    roundId: string,
    cardId: string,
    text: string | null,
  ): Promise<void> {
    requireWriter(principal, 'change a card')
    const { workspaceId, participantId } = principal
    await this.roundOfKind(workspaceId, roundId, 'brainstorm')
    const outcome = await this.store.editCard(workspaceId, roundId, cardId, participantId, text)
    refuseOutcome(outcome, 'card of yours in this round')
    if (text === null) this.counts.schedule(workspaceId, roundId)
  }

  /** ROUND-3, ROUND-4 */
  async cards(principal: Principal, roundId: string): Promise<CardList> {
    const { workspaceId, participantId } = principal
    const round = await this.roundOfKind(workspaceId, roundId, 'brainstorm')
    if (round.status === 'revealed') {
      const cards = await this.store.revealedCards(workspaceId, roundId)
      return {
        status: 'revealed',
        count: cards.length,
        authors: round.participants,
        mine: false,
        cards,
      }
    }
    const [cards, counts] = await Promise.all([
      this.store.ownCards(workspaceId, roundId, participantId),
      this.store.cardCounts(workspaceId, roundId),
    ])
    return { status: 'open', count: counts.cards, authors: counts.authors, mine: true, cards }
  }

  /** ROUND-8 */
  async vote(
    principal: Principal,
    roundId: string,
    allocation: Record<string, number>,
  ): Promise<RoundInfo> {
    requireWriter(principal, 'vote')
    const { workspaceId, participantId } = principal
    const round = await this.roundOfKind(workspaceId, roundId, 'vote')
    if (round.status !== 'open') throw new RoundError('conflict', 'This round is closed')
    const kept = checkAllocation(round, allocation)
    const ballot = Object.keys(kept).length === 0 ? null : JSON.stringify(kept)
    refuseOutcome(await this.store.putBallot(workspaceId, roundId, participantId, ballot), 'round')
    this.counts.schedule(workspaceId, roundId)
    return this.info(principal, roundId)
  }

  /** ROUND-10 */
  async consent(
    principal: Principal,
    roundId: string,
    answers: Record<string, ConsentAnswer>,
  ): Promise<RoundInfo> {
    requireWriter(principal, 'answer a consent round')
    const { workspaceId, participantId } = principal
    const round = await this.roundOfKind(workspaceId, roundId, 'consent')
    if (round.status !== 'open') throw new RoundError('conflict', 'This round is closed')
    const kept = checkAnswers(round, answers)
    const ballot = Object.keys(kept).length === 0 ? null : JSON.stringify(kept)
    refuseOutcome(await this.store.putBallot(workspaceId, roundId, participantId, ballot), 'round')
    this.counts.schedule(workspaceId, roundId)
    return this.info(principal, roundId)
  }

  /** ROUND-9: settings, counts and the caller's own input; results only after the reveal. */
  async info(principal: Principal, roundId: string): Promise<RoundInfo> {
    return this.describe(principal, await this.round(principal.workspaceId, roundId))
  }

  async list(principal: Principal): Promise<RoundInfo[]> {
    const rounds = await this.store.list(principal.workspaceId)
    return Promise.all(rounds.map((round) => this.describe(principal, round)))
  }

  private async describe(principal: Principal, round: StoredRound): Promise<RoundInfo> {
    const { workspaceId, participantId } = principal
    const revealed = round.status === 'revealed'
    let participants = round.participants
    let cards = round.cards
    let own: string | null = null
    if (!revealed) {
      if (round.kind === 'brainstorm') {
        const counts = await this.store.cardCounts(workspaceId, round.id)
        participants = counts.authors
        cards = counts.cards
      } else {
        participants = await this.store.ballotCount(workspaceId, round.id)
        own = await this.store.ballotOf(workspaceId, round.id, participantId)
      }
    }
    const results = revealed ? parseJson<Record<string, unknown>>(round.results) : null
    return {
      id: round.id,
      kind: round.kind,
      status: revealed ? 'revealed' : 'open',
      question: round.question,
      phaseId: round.phaseId || null,
      items: round.items,
      dotsPerPerson: round.kind === 'vote' ? round.dotsPerPerson : null,
      maxPerItem: round.kind === 'vote' ? round.maxPerItem : null,
      rerunOf: round.rerunOf || null,
      createdAt: round.createdAt,
      revealedAt: round.revealedAt,
      participants,
      cards,
      ownAllocation:
        round.kind === 'vote' && !revealed ? (parseJson<Record<string, number>>(own) ?? {}) : null,
      ownAnswers:
        round.kind === 'consent' && !revealed
          ? (parseJson<Record<string, ConsentAnswer>>(own) ?? {})
          : null,
      results: round.kind === 'vote' && results ? (results as Record<string, number>) : null,
      consentResults:
        round.kind === 'consent' && results ? (results as Record<string, ConsentTally>) : null,
    }
  }

  /**
   * ROUND-4, ROUND-9, ROUND-11, ROUND-15: closes the round for input, writes what becomes public
   * into the document in one server change, then replaces the private input in the store by
   * anonymous rows and totals.
   */
  async reveal(principal: Principal, roundId: string): Promise<RoundInfo> {
    requireFacilitator(principal, 'reveal a round')
    const { workspaceId } = principal
    const now = new Date()
    const started = await this.store.startReveal(
      workspaceId,
      roundId,
      now.toISOString(),
      new Date(now.getTime() - STALE_REVEAL_MS).toISOString(),
    )
    if (started === 'not_found') throw new RoundError('not_found', 'No such round')
    if (started === 'conflict') {
      throw new RoundError('conflict', 'This round is revealed or being revealed')
    }
    const round = await this.round(workspaceId, roundId)
    const input = await this.store.privateInput(workspaceId, roundId)
    const revealedCards = round.kind === 'brainstorm' ? shuffled(input.cards) : []
    let participants = input.ballots.length
    let docResults: Record<string, Partial<RoundResult>> = {}
    let stored: string | null = null
    if (round.kind === 'brainstorm') {
      participants = input.authors
    } else if (round.kind === 'vote') {
      const totals = voteTotals(round.items, input.ballots)
      docResults = Object.fromEntries(
        Object.entries(totals).map(([item, dots]) => [item, { dots }]),
      )
      stored = JSON.stringify(totals)
    } else {
      const tallies = consentTallies(round.items, input.ballots)
      docResults = tallies
      stored = JSON.stringify(tallies)
    }
    const revealedAt = now.toISOString()
    await this.registry.writeAsServer(workspaceId, (doc) => {
      ensureRoundInDocument(doc, round)
      if (revealedCards.length > 0) revealCards(doc, roundId, revealedCards)
      writeRoundRevealed(doc, roundId, {
        revealedAt: now.getTime(),
        participants,
        cards: revealedCards.length,
        results: docResults,
      })
    })
    await this.store.finishReveal(workspaceId, roundId, {
      revealedAt,
      participants,
      cards: revealedCards.length,
      results: stored,
      revealedCards,
    })
    this.log.info('round revealed', { workspaceId, roundId, kind: round.kind, participants })
    return this.info(principal, roundId)
  }
}
