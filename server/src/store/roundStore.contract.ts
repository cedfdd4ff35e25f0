import { describe, expect, it } from 'vitest'
import type { NewRound, RoundStore } from './roundStore.ts'

/** Opens a store; `allRows()` is every row of every table, as text (for the anonymity scan). */
export interface RoundStoreFactory {
  open(): Promise<{ store: RoundStore; allRows(): Promise<string>; close(): Promise<void> }>
}

let counter = 0
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}-${Date.now()}`

const round = (workspaceId: string, overrides: Partial<NewRound> = {}): NewRound => ({
  id: unique('round'),
  workspaceId,
  kind: 'brainstorm',
  question: 'Wat mag nooit verloren gaan?',
  phaseId: '',
  items: [],
  dotsPerPerson: 0,
  maxPerItem: 0,
  rerunOf: '',
  createdAt: '2026-12-02T10:00:00.000Z',
  ...overrides,
})

const LIMITS = { perPerson: 3, perRound: 5 }

/** The rules every RoundStore implementation must satisfy (docs/rounds.md). */
export const roundStoreContract = (name: string, factory: RoundStoreFactory): void => {
  describe(`RoundStore contract: ${name}`, () => {
    it('ROUND-1: creates rounds per workspace, lists them oldest first, caps their number', async () => {
      const { store, close } = await factory.open()
      const ws = unique('ws')
      const first = round(ws)
      const second = round(ws, { kind: 'vote', items: ['a', 'b'], dotsPerPerson: 3, maxPerItem: 2 })
      expect(await store.create(first, 2)).toBe(true)
      expect(await store.create(second, 2)).toBe(true)
      expect(await store.create(round(ws), 2)).toBe(false)
      expect((await store.list(ws)).map((r) => r.id)).toEqual([first.id, second.id])
      const got = await store.get(ws, second.id)
      expect(got).toMatchObject({
        kind: 'vote',
        status: 'open',
        items: ['a', 'b'],
        dotsPerPerson: 3,
        maxPerItem: 2,
        results: null,
        revealedAt: null,
      })
      expect(await store.get(unique('other-ws'), second.id)).toBeNull()
      await close()
    })

    it('ROUND-2: cards are added, edited and deleted only by their author, within limits', async () => {
      const { store, close } = await factory.open()
      const ws = unique('ws')
      const r = round(ws)
      await store.create(r, 10)
      const add = (id: string, author: string) =>
        store.addCard(ws, r.id, { id, author, text: `kaart ${id}` }, LIMITS)
      expect(await add('c1', 'ann')).toBe('ok')
      expect(await add('c2', 'ann')).toBe('ok')
      expect(await add('c3', 'ann')).toBe('ok')
      expect(await add('c4', 'ann')).toBe('limit')
      expect(await add('c5', 'bob')).toBe('ok')
      expect(await add('c6', 'bob')).toBe('ok')
      expect(await add('c7', 'cas')).toBe('limit')
      expect(await store.cardCounts(ws, r.id)).toEqual({ cards: 5, authors: 2 })
      expect(await store.editCard(ws, r.id, 'c1', 'bob', 'gekaapt')).toBe('not_found')
      expect(await store.editCard(ws, r.id, 'c1', 'ann', 'nieuw')).toBe('ok')
      expect(await store.editCard(ws, r.id, 'c2', 'ann', null)).toBe('ok')
      expect(await store.ownCards(ws, r.id, 'ann')).toEqual([
        { id: 'c1', text: 'nieuw' },
        { id: 'c3', text: 'kaart c3' },
      ])
      expect(await store.ownCards(unique('other'), r.id, 'ann')).toEqual([])
      expect(
        await store.addCard(unique('other'), r.id, { id: 'x', author: 'a', text: 't' }, LIMITS),
      ).toBe('not_found')
      await close()
    })

    it('ROUND-15: a reveal starts once; input after it is closed; an interrupted one may resume', async () => {
      const { store, close } = await factory.open()
      const ws = unique('ws')
      const r = round(ws, { kind: 'vote', items: ['a'], dotsPerPerson: 2, maxPerItem: 2 })
      await store.create(r, 10)
      expect(await store.putBallot(ws, r.id, 'ann', '{"a":2}')).toBe('ok')
      const now = '2026-12-02T11:00:00.000Z'
      expect(await store.startReveal(ws, r.id, now, '2026-12-02T10:59:00.000Z')).toBe('started')
      expect(await store.startReveal(ws, r.id, now, '2026-12-02T10:59:00.000Z')).toBe('conflict')
      expect(await store.putBallot(ws, r.id, 'bob', '{"a":1}')).toBe('closed')
      // A reveal that began before `staleBefore` was interrupted and may be taken over.
      expect(await store.startReveal(ws, r.id, now, '2026-12-02T11:00:01.000Z')).toBe('started')
      expect(await store.startReveal(unique('other'), r.id, now, now)).toBe('not_found')
      await close()
    })

    it('ROUND-14: after the reveal no row links a person to a card, its text or a ballot', async () => {
      const { store, allRows, close } = await factory.open()
      const ws = unique('ws')
      const brainstorm = round(ws)
      const vote = round(ws, { kind: 'vote', items: ['item-x'], dotsPerPerson: 3, maxPerItem: 3 })
      await store.create(brainstorm, 10)
      await store.create(vote, 10)
      const person = unique('participant')
      const cardId = unique('card')
      const text = unique('geheime-tekst')
      await store.addCard(ws, brainstorm.id, { id: cardId, author: person, text }, LIMITS)
      await store.putBallot(ws, vote.id, person, '{"item-x":3}')
      expect(await store.ballotOf(ws, vote.id, person)).toBe('{"item-x":3}')
      expect(await store.ballotCount(ws, vote.id)).toBe(1)
      expect(await allRows()).toContain(person)

      for (const r of [brainstorm, vote]) {
        expect(await store.startReveal(ws, r.id, '2026-12-02T12:00:00.000Z', '0')).toBe('started')
      }
      const input = await store.privateInput(ws, brainstorm.id)
      expect(input).toEqual({ cards: [{ id: cardId, text }], authors: 1, ballots: [] })
      expect((await store.privateInput(ws, vote.id)).ballots).toEqual(['{"item-x":3}'])
      await store.finishReveal(ws, brainstorm.id, {
        revealedAt: '2026-12-02T12:00:01.000Z',
        participants: 1,
        cards: 1,
        results: null,
        revealedCards: input.cards,
      })
      await store.finishReveal(ws, vote.id, {
        revealedAt: '2026-12-02T12:00:01.000Z',
        participants: 1,
        cards: 0,
        results: '{"item-x":3}',
        revealedCards: [],
      })
      expect(await store.revealedCards(ws, brainstorm.id)).toEqual([{ id: cardId, text }])
      expect(await store.ownCards(ws, brainstorm.id, person)).toEqual([])
      expect(await store.ballotOf(ws, vote.id, person)).toBeNull()
      expect(await store.get(ws, vote.id)).toMatchObject({
        status: 'revealed',
        participants: 1,
        results: '{"item-x":3}',
      })
      // The card and the totals are still there; the person is nowhere.
      const rows = await allRows()
      expect(rows).toContain(text)
      expect(rows).not.toContain(person)
      await close()
    })

    it('ROUND-15: 50 people adding cards and ballots at once are all counted', async () => {
      const { store, close } = await factory.open()
      const ws = unique('ws')
      const brainstorm = round(ws)
      const vote = round(ws, { kind: 'vote', items: ['a'], dotsPerPerson: 1, maxPerItem: 1 })
      await store.create(brainstorm, 10)
      await store.create(vote, 10)
      const people = Array.from({ length: 50 }, (_, i) => `p${i}`)
      const outcomes = await Promise.all(
        people.flatMap((person) => [
          store.addCard(
            ws,
            brainstorm.id,
            { id: unique(person), author: person, text: person },
            {
              perPerson: 5,
              perRound: 1_000,
            },
          ),
          store.putBallot(ws, vote.id, person, '{"a":1}'),
        ]),
      )
      expect(outcomes.every((outcome) => outcome === 'ok')).toBe(true)
      expect(await store.cardCounts(ws, brainstorm.id)).toEqual({ cards: 50, authors: 50 })
      expect(await store.ballotCount(ws, vote.id)).toBe(50)
      await close()
    })
  })
}
