import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { listActions, actionProvenance } from '../actions.ts'
import { principleProvenance } from '../principles.ts'
import { documentViolations } from '../schema/documentViolations.ts'
import { createWorkspaceDoc } from '../template/createWorkspaceDoc.ts'
import {
  addCluster,
  isBoardItem,
  listBoardCards,
  listClusters,
  moveCardToCluster,
  revealCards,
} from './board.ts'
import { promoteToAction, promoteToPrinciple, provenanceText } from './promote.ts'
import {
  latestConsentFor,
  listRounds,
  readRound,
  voteTotals,
  writeRoundCounts,
  writeRoundOpened,
  writeRoundRevealed,
} from './sessionRounds.ts'

const workspace = (): Y.Doc => {
  const doc = new Y.Doc()
  createWorkspaceDoc(doc, { title: 'Visie', school: 'De Linde' })
  return doc
}

const opened = (id: string, kind: 'brainstorm' | 'vote' | 'consent', createdAt: number) => ({
  id,
  kind,
  question: 'Wat mag nooit verloren gaan?',
  phaseId: '',
  items: kind === 'brainstorm' ? [] : ['a', 'b'],
  dotsPerPerson: kind === 'vote' ? 3 : 0,
  maxPerItem: kind === 'vote' ? 2 : 0,
  rerunOf: '',
  createdAt,
})

describe('ROUND rounds in the document', () => {
  it('ROUND-1 ROUND-9: a round is opened, counted and revealed inside the schema', () => {
    const doc = workspace()
    doc.transact(() => writeRoundOpened(doc, opened('v1', 'vote', 2)))
    doc.transact(() => writeRoundOpened(doc, opened('b1', 'brainstorm', 1)))
    expect(listRounds(doc).map((round) => round.id)).toEqual(['b1', 'v1'])
    doc.transact(() => writeRoundCounts(doc, 'v1', { participants: 4, cards: 0 }))
    expect(readRound(doc, 'v1')).toMatchObject({
      status: 'open',
      items: ['a', 'b'],
      participants: 4,
      results: {},
    })
    doc.transact(() =>
      writeRoundRevealed(doc, 'v1', {
        revealedAt: 5,
        participants: 4,
        cards: 0,
        results: { a: { dots: 3 }, b: { dots: 7 } },
      }),
    )
    const round = readRound(doc, 'v1')!
    expect(round.status).toBe('revealed')
    expect(voteTotals(round)).toEqual([
      { id: 'b', dots: 7 },
      { id: 'a', dots: 3 },
    ])
    expect(documentViolations(doc)).toEqual([])
  })

  it('ROUND-4 ROUND-5: revealed cards keep the given order, are revealed once, and cluster', () => {
    const doc = workspace()
    const cards = [
      { id: 'c2', text: 'tweede' },
      { id: 'c1', text: 'eerste' },
    ]
    doc.transact(() => revealCards(doc, 'r1', cards))
    doc.transact(() => revealCards(doc, 'r1', cards))
    doc.transact(() => revealCards(doc, 'r2', [{ id: 'c3', text: 'derde' }]))
    expect(listBoardCards(doc).map((card) => card.text)).toEqual(['tweede', 'eerste', 'derde'])
    expect(listBoardCards(doc, 'r1')).toHaveLength(2)
    const group = addCluster(doc, { name: 'Groep', roundId: 'r1', cardIds: ['c1'] })
    moveCardToCluster(doc, 'c2', group, 0)
    expect(listBoardCards(doc, 'r1').map((card) => [card.id, card.cluster])).toEqual([
      ['c2', group],
      ['c1', group],
    ])
    expect(listClusters(doc, 'r1').map((cluster) => cluster.name)).toEqual(['Groep'])
    expect(isBoardItem(doc, group)).toBe(true)
    expect(isBoardItem(doc, 'c3')).toBe(true)
    expect(isBoardItem(doc, 'nee')).toBe(false)
    expect(documentViolations(doc)).toEqual([])
  })

  it('ROUND-11 ROUND-12: the latest revealed consent round about a principle is shown', () => {
    const doc = workspace()
    for (const [id, at] of [
      ['k1', 1],
      ['k2', 2],
    ] as const) {
      doc.transact(() => writeRoundOpened(doc, { ...opened(id, 'consent', at), items: ['p'] }))
    }
    doc.transact(() =>
      writeRoundRevealed(doc, 'k1', {
        revealedAt: 3,
        participants: 2,
        cards: 0,
        results: {
          p: { consent: 1, objection: 1, notes: [{ choice: 'objection', text: 'vaag' }] },
        },
      }),
    )
    expect(latestConsentFor(doc, 'p')?.round.id).toBe('k1')
    expect(latestConsentFor(doc, 'p')?.result.notes).toEqual([
      { choice: 'objection', text: 'vaag' },
    ])
    doc.transact(() =>
      writeRoundRevealed(doc, 'k2', {
        revealedAt: 4,
        participants: 2,
        cards: 0,
        results: { p: { consent: 2 } },
      }),
    )
    expect(latestConsentFor(doc, 'p')).toMatchObject({
      round: { id: 'k2' },
      result: { consent: 2 },
    })
    expect(latestConsentFor(doc, 'other')).toBeNull()
    expect(documentViolations(doc)).toEqual([])
  })

  it('ROUND-13: promoting keeps a readable provenance on the principle or the action', () => {
    const doc = workspace()
    const source = {
      kind: 'brainstorm',
      question: 'Wat mag nooit verloren gaan?',
      cards: 3,
      dots: 14,
    } as const
    expect(provenanceText(source, 'nl')).toBe(
      "uit brainstorm 'Wat mag nooit verloren gaan?', 3 kaartjes, 14 stippen",
    )
    expect(provenanceText({ kind: 'vote', question: '', dots: 1 }, 'en')).toBe('from vote, 1 dot')
    const principle = promoteToPrinciple(doc, { statement: 'Rust', source, language: 'nl' })
    expect(principleProvenance(doc, principle)).toContain('14 stippen')
    const action = promoteToAction(doc, {
      what: 'Doen',
      source,
      language: 'nl',
      principleId: principle,
    })
    expect(actionProvenance(doc, action)).toContain('3 kaartjes')
    expect(listActions(doc).find((a) => a.id === action)?.principleId).toBe(principle)
    expect(documentViolations(doc)).toEqual([])
  })
})
