import {
  listBoardCards,
  listClusters,
  listPrinciples,
  listRounds,
  Root,
  type BoardCard,
  type BoardCluster,
  type RoundState,
} from '@koers/doc-model'
import type * as Y from 'yjs'
import { useDocValue } from '../common/useDocValue.ts'

/** Every round, oldest first, as the server wrote it into `session.rounds` (ROUND-1). */
export function useRounds(doc: Y.Doc): RoundState[] {
  return useDocValue(doc, [Root.session], listRounds)
}

/**
 * The round a screen shows by default: the newest open one; else the newest of the current
 * phase; else the newest of all. Null when there is none.
 */
export function focusRound(rounds: RoundState[], currentPhaseId: string): RoundState | null {
  const newestFirst = [...rounds].reverse()
  return (
    newestFirst.find((round) => round.status === 'open') ??
    newestFirst.find((round) => currentPhaseId !== '' && round.phaseId === currentPhaseId) ??
    newestFirst[0] ??
    null
  )
}

export interface BoardState {
  cards: BoardCard[]
  clusters: BoardCluster[]
}

/** The revealed cards of one round and the clusters made of them (ROUND-4, ROUND-5). */
export function useBoard(doc: Y.Doc, roundId: string): BoardState {
  return useDocValue(doc, [Root.board], (d) => ({
    cards: listBoardCards(d, roundId),
    clusters: listClusters(d, roundId),
  }))
}

export type RoundItemKind = 'card' | 'cluster' | 'principle' | 'unknown'

/** Something a vote or consent round is about, with the words to show for it. */
export interface RoundItem {
  id: string
  kind: RoundItemKind
  name: string
  /** The cards it stands for: 1 for a card, the cluster's cards for a cluster, else 0. */
  cards: number
  /** The brainstorm round the card or cluster came from; '' otherwise. */
  roundId: string
}

export function readRoundItems(doc: Y.Doc, ids: readonly string[]): RoundItem[] {
  const cards = listBoardCards(doc)
  const clusters = listClusters(doc)
  const principles = listPrinciples(doc)
  return ids.map((id): RoundItem => {
    const cluster = clusters.find((c) => c.id === id)
    if (cluster) {
      const count = cards.filter((card) => card.cluster === id).length
      return { id, kind: 'cluster', name: cluster.name, cards: count, roundId: cluster.roundId }
    }
    const card = cards.find((c) => c.id === id)
    if (card) return { id, kind: 'card', name: card.text, cards: 1, roundId: card.roundId }
    const principle = principles.find((p) => p.id === id)
    if (principle)
      return { id, kind: 'principle', name: principle.statement, cards: 0, roundId: '' }
    return { id, kind: 'unknown', name: '', cards: 0, roundId: '' }
  })
}

export function useRoundItems(doc: Y.Doc, ids: readonly string[]): RoundItem[] {
  return useDocValue(doc, [Root.board, Root.principles], (d) => readRoundItems(d, ids))
}
