import { readRound, writeRoundOpened, type RoundState } from '@koers/doc-model'
import type * as Y from 'yjs'
import type { StoredRound } from '../store/roundStore.ts'

const ms = (iso: string | null): number => (iso ? Date.parse(iso) : 0)

/**
 * The round's entry in `session.rounds`, written from the store when the document lacks it (a
 * creation whose document write failed): every server write of a round starts with this, so
 * the store stays the truth and the document catches up. Runs inside `writeAsServer`.
 */
export const ensureRoundInDocument = (doc: Y.Doc, round: StoredRound): RoundState | null => {
  if (!readRound(doc, round.id)) {
    writeRoundOpened(doc, {
      id: round.id,
      kind: round.kind,
      question: round.question,
      phaseId: round.phaseId,
      items: round.items,
      dotsPerPerson: round.dotsPerPerson,
      maxPerItem: round.maxPerItem,
      rerunOf: round.rerunOf,
      createdAt: ms(round.createdAt),
    })
  }
  return readRound(doc, round.id)
}
