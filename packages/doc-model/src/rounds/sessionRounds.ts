import * as Y from 'yjs'
import { readMap, readNumber, readString, transact } from '../read.ts'
import { sessionMap, sessionPart, SessionKey } from '../session.ts'
import {
  CONSENT_NOTE_CHOICES,
  isRoundKind,
  isRoundStatus,
  type ConsentNoteChoice,
  type RoundKindValue,
  type RoundStatusValue,
} from './roundVocabulary.ts'

// `session.rounds` (ROUND-1): what everyone may know about a round. Written only by the server
// (`registry.writeAsServer`); editors are refused like anything else in `session` (PERM-4).

export interface ConsentNote {
  choice: ConsentNoteChoice
  text: string
}

export interface RoundResult {
  dots: number
  consent: number
  concern: number
  objection: number
  notes: ConsentNote[]
}

export interface RoundState {
  id: string
  kind: RoundKindValue
  status: RoundStatusValue
  question: string
  phaseId: string
  items: string[]
  dotsPerPerson: number
  maxPerItem: number
  rerunOf: string
  createdAt: number
  revealedAt: number
  participants: number
  cards: number
  /** Item id → result; empty before the reveal. */
  results: Record<string, RoundResult>
}

/** What the server writes when a round opens. */
export interface OpenedRound {
  id: string
  kind: RoundKindValue
  question: string
  phaseId: string
  items: readonly string[]
  dotsPerPerson: number
  maxPerItem: number
  rerunOf: string
  createdAt: number
}

function roundsMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  return readMap(sessionMap(doc), SessionKey.rounds)
}

const readResult = (item: Y.Map<unknown>): RoundResult => {
  const notes = item.get('notes')
  return {
    dots: readNumber(item, 'dots'),
    consent: readNumber(item, 'consent'),
    concern: readNumber(item, 'concern'),
    objection: readNumber(item, 'objection'),
    notes:
      notes instanceof Y.Array
        ? notes.toArray().flatMap((entry) => {
            if (!(entry instanceof Y.Map)) return []
            const choice = readString(entry as Y.Map<unknown>, 'choice')
            const text = readString(entry as Y.Map<unknown>, 'text')
            return (CONSENT_NOTE_CHOICES as readonly string[]).includes(choice)
              ? [{ choice: choice as ConsentNoteChoice, text }]
              : []
          })
        : [],
  }
}

const readRoundItem = (id: string, item: Y.Map<unknown>): RoundState | null => {
  const kind = item.get('kind')
  if (!isRoundKind(kind)) return null
  const status = item.get('status')
  const items = item.get('items')
  const results: Record<string, RoundResult> = {}
  readMap(item, 'results')?.forEach((value, key) => {
    if (value instanceof Y.Map) results[key] = readResult(value as Y.Map<unknown>)
  })
  return {
    id,
    kind,
    status: isRoundStatus(status) ? status : 'open',
    question: readString(item, 'question'),
    phaseId: readString(item, 'phaseId'),
    items:
      items instanceof Y.Array
        ? items
            .toArray()
            .flatMap((entry) =>
              entry instanceof Y.Map && typeof entry.get('id') === 'string'
                ? [entry.get('id') as string]
                : [],
            )
        : [],
    dotsPerPerson: readNumber(item, 'dotsPerPerson'),
    maxPerItem: readNumber(item, 'maxPerItem'),
    rerunOf: readString(item, 'rerunOf'),
    createdAt: readNumber(item, 'createdAt'),
    revealedAt: readNumber(item, 'revealedAt'),
    participants: readNumber(item, 'participants'),
    cards: readNumber(item, 'cards'),
    results,
  }
}

/** Every round, oldest first (ties by id). */
export function listRounds(doc: Y.Doc): RoundState[] {
  const rounds = roundsMap(doc)
  if (!rounds) return []
  const list: RoundState[] = []
  rounds.forEach((value, id) => {
    const round = value instanceof Y.Map ? readRoundItem(id, value as Y.Map<unknown>) : null
    if (round) list.push(round)
  })
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function readRound(doc: Y.Doc, roundId: string): RoundState | null {
  const item = roundsMap(doc)?.get(roundId)
  return item instanceof Y.Map ? readRoundItem(roundId, item as Y.Map<unknown>) : null
}

/** The round open for input right now, newest first; null when none is. */
export function openRounds(doc: Y.Doc): RoundState[] {
  return listRounds(doc)
    .filter((round) => round.status === 'open')
    .reverse()
}

/**
 * ROUND-11: the results of the latest revealed consent round about a principle (a rerun for a
 * revised principle replaces the earlier result in what is shown); null when there is none.
 */
export function latestConsentFor(
  doc: Y.Doc,
  principleId: string,
): { round: RoundState; result: RoundResult } | null {
  const rounds = listRounds(doc).filter(
    (round) => round.kind === 'consent' && round.status === 'revealed',
  )
  for (let i = rounds.length - 1; i >= 0; i--) {
    const round = rounds[i]!
    const result = round.results[principleId]
    if (result) return { round, result }
  }
  return null
}

// Server writers: run inside `registry.writeAsServer` (one transaction each).

export function writeRoundOpened(doc: Y.Doc, round: OpenedRound): void {
  transact(sessionMap(doc), () => {
    const rounds = sessionPart(doc, SessionKey.rounds)
    const item = new Y.Map<unknown>()
    rounds.set(round.id, item)
    item.set('kind', round.kind)
    item.set('status', 'open')
    item.set('question', round.question)
    item.set('phaseId', round.phaseId)
    const items = new Y.Array<Y.Map<unknown>>()
    item.set('items', items)
    items.push(
      round.items.map((id) => {
        const entry = new Y.Map<unknown>()
        entry.set('id', id)
        return entry
      }),
    )
    item.set('dotsPerPerson', round.dotsPerPerson)
    item.set('maxPerItem', round.maxPerItem)
    item.set('rerunOf', round.rerunOf)
    item.set('createdAt', round.createdAt)
    item.set('revealedAt', 0)
    item.set('participants', 0)
    item.set('cards', 0)
    item.set('results', new Y.Map<unknown>())
  })
}

/** ROUND-3: the live counts (never content); only values that changed are written. */
export function writeRoundCounts(
  doc: Y.Doc,
  roundId: string,
  counts: { participants: number; cards: number },
): void {
  const item = readMap(roundsMap(doc) ?? new Y.Map(), roundId)
  if (!item) return
  transact(item, () => {
    if (readNumber(item, 'participants') !== counts.participants) {
      item.set('participants', counts.participants)
    }
    if (readNumber(item, 'cards') !== counts.cards) item.set('cards', counts.cards)
  })
}

/** ROUND-9, ROUND-11: marks the round revealed and writes its results, in one transaction. */
export function writeRoundRevealed(
  doc: Y.Doc,
  roundId: string,
  revealed: {
    revealedAt: number
    participants: number
    cards: number
    results: Record<string, Partial<RoundResult>>
  },
): void {
  const item = readMap(roundsMap(doc) ?? new Y.Map(), roundId)
  if (!item) return
  transact(item, () => {
    item.set('status', 'revealed')
    item.set('revealedAt', revealed.revealedAt)
    item.set('participants', revealed.participants)
    item.set('cards', revealed.cards)
    const results = new Y.Map<unknown>()
    item.set('results', results)
    for (const [itemId, result] of Object.entries(revealed.results)) {
      const entry = new Y.Map<unknown>()
      results.set(itemId, entry)
      entry.set('dots', result.dots ?? 0)
      entry.set('consent', result.consent ?? 0)
      entry.set('concern', result.concern ?? 0)
      entry.set('objection', result.objection ?? 0)
      const notes = new Y.Array<Y.Map<unknown>>()
      entry.set('notes', notes)
      notes.push(
        (result.notes ?? []).map((note) => {
          const map = new Y.Map<unknown>()
          map.set('choice', note.choice)
          map.set('text', note.text)
          return map
        }),
      )
    }
  })
}

/** Vote results as item id → dots, highest first (ties in the round's item order). */
export function voteTotals(round: RoundState): { id: string; dots: number }[] {
  return round.items
    .map((id, index) => ({ id, dots: round.results[id]?.dots ?? 0, index }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map(({ id, dots }) => ({ id, dots }))
}
