import * as Y from 'yjs'
import { newId } from '../ids.ts'
import { evenRanks } from '../ordering/rank.ts'
import { insertRanked, orderedEntries, placeAt } from '../ordering/rankedMap.ts'
import { readMap, readString, readTextString, transact } from '../read.ts'
import { Root } from '../roots.ts'
import { writeTextField } from '../textFields.ts'

// The `board` root (ROUND-4, ROUND-5): cards the server revealed, and the clusters everyone makes
// of them. Editors may write a card's `cluster` and `rank` and everything of a cluster; a card's
// text and round, and adding or removing cards, are the server's (auth/policy.ts).

export const BoardKey = { cards: 'cards', clusters: 'clusters' } as const

export interface BoardCard {
  id: string
  text: string
  roundId: string
  /** '' when the card is in no (existing) cluster. */
  cluster: string
  rank: string
}

export interface BoardCluster {
  id: string
  name: string
  roundId: string
  rank: string
}

export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(Root.board)
}

/** A part of the board, created in the caller's transaction for an older document (DM-9). */
function boardPart(doc: Y.Doc, key: string): Y.Map<unknown> {
  const board = boardMap(doc)
  let part = readMap(board, key)
  if (!part) {
    part = new Y.Map<unknown>()
    board.set(key, part)
  }
  return part
}

/** Created with the workspace, so two replicas never both create a part (DM-9). */
export function createBoardState(board: Y.Map<unknown>): void {
  board.set(BoardKey.cards, new Y.Map<unknown>())
  board.set(BoardKey.clusters, new Y.Map<unknown>())
}

/** The cards of one round (all rounds when `roundId` is undefined), in board order. */
export function listBoardCards(doc: Y.Doc, roundId?: string): BoardCard[] {
  const cards = readMap(boardMap(doc), BoardKey.cards)
  const clusters = readMap(boardMap(doc), BoardKey.clusters)
  if (!cards) return []
  return orderedEntries(cards)
    .map(({ id, rank, item }) => {
      const cluster = readString(item, 'cluster')
      return {
        id,
        rank,
        text: readString(item, 'text'),
        roundId: readString(item, 'roundId'),
        cluster: cluster !== '' && clusters?.get(cluster) instanceof Y.Map ? cluster : '',
      }
    })
    .filter((card) => roundId === undefined || card.roundId === roundId)
}

export function listClusters(doc: Y.Doc, roundId?: string): BoardCluster[] {
  const clusters = readMap(boardMap(doc), BoardKey.clusters)
  if (!clusters) return []
  return orderedEntries(clusters)
    .map(({ id, rank, item }) => ({
      id,
      rank,
      name: readTextString(item, 'name'),
      roundId: readString(item, 'roundId'),
    }))
    .filter((cluster) => roundId === undefined || cluster.roundId === roundId)
}

/** The cluster name as collaborative text (bind an input to it), if the cluster exists. */
export function clusterNameText(doc: Y.Doc, clusterId: string): Y.Text | undefined {
  const cluster = readMap(readMap(boardMap(doc), BoardKey.clusters) ?? new Y.Map(), clusterId)
  const name = cluster?.get('name')
  return name instanceof Y.Text ? name : undefined
}

/** Whether an id is a revealed card or a cluster (a vote may be about either, ROUND-7). */
export function isBoardItem(doc: Y.Doc, id: string): boolean {
  const board = boardMap(doc)
  return (
    readMap(board, BoardKey.cards)?.get(id) instanceof Y.Map ||
    readMap(board, BoardKey.clusters)?.get(id) instanceof Y.Map
  )
}

/**
 * ROUND-4 (server): the revealed cards of a round, in the order given (the server shuffles),
 * ungrouped, in one transaction. Ids already on the board are skipped.
 */
export function revealCards(
  doc: Y.Doc,
  roundId: string,
  cards: readonly { id: string; text: string }[],
): void {
  transact(boardMap(doc), () => {
    const map = boardPart(doc, BoardKey.cards)
    boardPart(doc, BoardKey.clusters)
    const fresh = cards.filter((card) => !map.has(card.id))
    if (fresh.length === 0) return
    // Existing cards keep their order; the new ones follow, all evenly spaced (DM-7).
    const existing = orderedEntries(map)
    const ranks = evenRanks(existing.length + fresh.length)
    existing.forEach(({ item, rank }, i) => {
      if (rank !== ranks[i]) item.set('rank', ranks[i]!)
    })
    fresh.forEach((card, i) => {
      const item = new Y.Map<unknown>()
      map.set(card.id, item)
      item.set('text', card.text)
      item.set('roundId', roundId)
      item.set('cluster', '')
      item.set('rank', ranks[existing.length + i]!)
    })
  })
}

/** ROUND-5: a new cluster (with these cards moved into it), in one transaction; its id. */
export function addCluster(
  doc: Y.Doc,
  input: { name: string; roundId: string; cardIds?: readonly string[] },
): string {
  const id = newId()
  transact(boardMap(doc), () => {
    insertRanked(boardPart(doc, BoardKey.clusters), id, undefined, (cluster) => {
      cluster.set('name', new Y.Text(input.name.slice(0, 100)))
      cluster.set('roundId', input.roundId)
    })
    for (const cardId of input.cardIds ?? []) setCardCluster(doc, cardId, id)
  })
  return id
}

export function renameCluster(doc: Y.Doc, clusterId: string, name: string): void {
  const cluster = readMap(boardPart(doc, BoardKey.clusters), clusterId)
  if (cluster) transact(cluster, () => writeTextField(cluster, 'name', name.slice(0, 100)))
}

function setCardCluster(doc: Y.Doc, cardId: string, clusterId: string): void {
  const card = readMap(readMap(boardMap(doc), BoardKey.cards) ?? new Y.Map(), cardId)
  if (card && readString(card, 'cluster') !== clusterId) card.set('cluster', clusterId)
}

/**
 * ROUND-5: "verplaats naar groep…": puts a card in a cluster ('' = out of every cluster) and, when
 * `toIndex` is given, at that place among the cards of that cluster. One transaction.
 */
export function moveCardToCluster(
  doc: Y.Doc,
  cardId: string,
  clusterId: string,
  toIndex?: number,
): void {
  const cards = readMap(boardMap(doc), BoardKey.cards)
  if (!cards?.has(cardId)) return
  transact(cards, () => {
    setCardCluster(doc, cardId, clusterId)
    if (toIndex !== undefined) {
      placeAt(cards, cardId, toIndex, (item) => readString(item, 'cluster') === clusterId)
    }
  })
}

/** ROUND-5: moves every card of `fromId` into `intoId` and removes `fromId`; one transaction. */
export function mergeClusters(doc: Y.Doc, fromId: string, intoId: string): void {
  if (fromId === intoId) return
  const clusters = readMap(boardMap(doc), BoardKey.clusters)
  if (!clusters?.has(fromId) || !clusters.has(intoId)) return
  transact(clusters, () => {
    for (const card of listBoardCards(doc)) {
      if (card.cluster === fromId) setCardCluster(doc, card.id, intoId)
    }
    clusters.delete(fromId)
  })
}

/** ROUND-5: removes a cluster; its cards go back to the ungrouped cards. One transaction. */
export function removeCluster(doc: Y.Doc, clusterId: string): void {
  const clusters = readMap(boardMap(doc), BoardKey.clusters)
  if (!clusters?.has(clusterId)) return
  transact(clusters, () => {
    for (const card of listBoardCards(doc)) {
      if (card.cluster === clusterId) setCardCluster(doc, card.id, '')
    }
    clusters.delete(clusterId)
  })
}

export function moveCluster(doc: Y.Doc, clusterId: string, toIndex: number): void {
  const clusters = readMap(boardMap(doc), BoardKey.clusters)
  if (clusters) placeAt(clusters, clusterId, toIndex)
}
