import {
  addCluster,
  BoardKey,
  boardMap,
  createWorkspaceDoc,
  listBoardCards,
  listClusters,
  mergeClusters,
  moveCardToCluster,
  removeCluster,
  renameCluster,
  revealCards,
  Root,
  setPaused,
} from '@koers/doc-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Connection } from '../sync/connection.ts'
import { WriteGuard, type GuardResult } from '../sync/writeGuard.ts'
import type { Role } from './role.ts'

/** A server replica with three revealed cards, and a client replica in sync. */
const setup = () => {
  const server = new Y.Doc()
  createWorkspaceDoc(server, { title: 'Visie', school: 'De Linde' })
  server.transact(() =>
    revealCards(server, 'r1', [
      { id: 'c1', text: 'rust' },
      { id: 'c2', text: 'samen' },
      { id: 'c3', text: 'veilig' },
    ]),
  )
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const guard = new WriteGuard(server)
  const send = (role: Role, change: (doc: Y.Doc) => void): GuardResult => {
    const before = Y.encodeStateVector(client)
    client.transact(() => change(client))
    const update = Y.encodeStateAsUpdate(client, before)
    const connection = { kind: 'connection', principal: { role } } as unknown as Connection
    const result = guard.apply(connection, () => Y.applyUpdate(server, update, connection))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
    return result
  }
  return { server, client, send }
}

const cardsOf = (doc: Y.Doc): Y.Map<unknown> => boardMap(doc).get(BoardKey.cards) as Y.Map<unknown>

describe('ROUND-6 what editors may write on the board', () => {
  it('ROUND-6 ROUND-5: an editor clusters: adds, renames, moves cards into, merges and removes groups', () => {
    const { server, send } = setup()
    let first = ''
    let second = ''
    expect(
      send('editor', (doc) => {
        first = addCluster(doc, { name: 'Rust', roundId: 'r1', cardIds: ['c1'] })
      }),
    ).toEqual({ kind: 'applied' })
    expect(
      send('editor', (doc) => {
        second = addCluster(doc, { name: 'Samen', roundId: 'r1' })
        moveCardToCluster(doc, 'c2', second, 0)
      }),
    ).toEqual({ kind: 'applied' })
    expect(send('editor', (doc) => renameCluster(doc, first, 'Rust en ruimte'))).toEqual({
      kind: 'applied',
    })
    expect(listClusters(server).map((c) => c.name)).toEqual(['Rust en ruimte', 'Samen'])
    expect(send('editor', (doc) => mergeClusters(doc, second, first))).toEqual({
      kind: 'applied',
    })
    expect(listBoardCards(server).map((c) => [c.id, c.cluster])).toEqual([
      ['c1', first],
      ['c2', first],
      ['c3', ''],
    ])
    expect(send('editor', (doc) => removeCluster(doc, first))).toEqual({ kind: 'applied' })
    // Removing a group never removes a card.
    expect(listBoardCards(server).map((c) => [c.text, c.cluster])).toEqual([
      ['rust', ''],
      ['samen', ''],
      ['veilig', ''],
    ])
  })

  it('ROUND-6: an editor cannot add, remove or rewrite a card, nor replace the board', () => {
    const { server, client, send } = setup()
    const refused = { kind: 'reverted', reasons: ['protected'] }
    expect(send('editor', (doc) => cardsOf(doc).delete('c1'))).toEqual(refused)
    expect(
      send('editor', (doc) => {
        const card = new Y.Map<unknown>()
        cardsOf(doc).set('forged', card)
        card.set('text', 'ondergeschoven')
        card.set('roundId', 'r1')
        card.set('cluster', '')
        card.set('rank', '0|zzzzzz:')
      }),
    ).toEqual(refused)
    expect(
      send('editor', (doc) => (cardsOf(doc).get('c2') as Y.Map<unknown>).set('text', 'anders')),
    ).toEqual(refused)
    expect(send('editor', (doc) => boardMap(doc).set(BoardKey.cards, new Y.Map()))).toEqual(refused)
    const texts = ['rust', 'samen', 'veilig']
    expect(listBoardCards(server).map((c) => c.text)).toEqual(texts)
    expect(listBoardCards(client).map((c) => c.text)).toEqual(texts)
  })

  it('ROUND-6 PERM-10: a pause stops clustering too; a facilitator may still', () => {
    const { server, send } = setup()
    server.transact(() => setPaused(server, true))
    const result = send('editor', (doc) => moveCardToCluster(doc, 'c1', 'x'))
    expect(result).toEqual({ kind: 'reverted', reasons: ['paused'] })
    expect(send('facilitator', (doc) => addCluster(doc, { name: 'G', roundId: 'r1' }))).toEqual({
      kind: 'applied',
    })
    expect(server.getMap(Root.board).size).toBe(2)
  })
})
