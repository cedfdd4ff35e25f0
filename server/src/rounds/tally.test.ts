import { describe, expect, it } from 'vitest'
import { RoundError } from './roundErrors.ts'
import { checkAllocation, checkAnswers } from './roundInput.ts'
import { consentTallies, shuffled, voteTotals } from './tally.ts'

const round = { items: ['a', 'b', 'c'], dotsPerPerson: 5, maxPerItem: 3 }

const refusal = (work: () => unknown): string => {
  try {
    work()
  } catch (error) {
    if (error instanceof RoundError) return error.code
    throw error
  }
  return 'accepted'
}

describe('ROUND-8 ROUND-9 ROUND-10 ROUND-11 the arithmetic of rounds', () => {
  it('ROUND-8: an allocation within the budget is kept without zeros; anything else is 422', () => {
    expect(checkAllocation(round, { a: 3, b: 2, c: 0 })).toEqual({ a: 3, b: 2 })
    expect(checkAllocation(round, {})).toEqual({})
    const refused: Record<string, number>[] = [
      { a: 3, b: 3 },
      { a: 4 },
      { a: -1 },
      { a: 0.5 },
      { z: 1 },
    ]
    for (const allocation of refused) {
      expect(refusal(() => checkAllocation(round, allocation))).toBe('unprocessable')
    }
  })

  it('ROUND-10: answers name items of the round; only a concern or objection has a note', () => {
    expect(
      checkAnswers(round, {
        a: { choice: 'concern', note: 'tijd' },
        b: { choice: 'consent', note: '' },
      }),
    ).toEqual({
      a: { choice: 'concern', note: 'tijd' },
      b: { choice: 'consent' },
    })
    expect(refusal(() => checkAnswers(round, { z: { choice: 'consent' } }))).toBe('unprocessable')
    expect(refusal(() => checkAnswers(round, { a: { choice: 'consent', note: 'x' } }))).toBe(
      'unprocessable',
    )
  })

  it('ROUND-9: totals count every item, and only whole positive dots of items of the round', () => {
    expect(
      voteTotals(['a', 'b', 'c'], ['{"a":2,"b":1}', '{"a":1}', '{"z":9,"b":-3}', 'kapot']),
    ).toEqual({
      a: 3,
      b: 1,
      c: 0,
    })
  })

  it('ROUND-11: consent tallies count choices and keep notes without anything else', () => {
    const tallies = consentTallies(
      ['p'],
      [
        '{"p":{"choice":"consent"}}',
        '{"p":{"choice":"concern","note":"tijd"}}',
        '{"p":{"choice":"objection","note":"vaag"}}',
        '{"q":{"choice":"consent"}}',
      ],
    )
    expect(tallies.p).toMatchObject({ consent: 1, concern: 1, objection: 1 })
    expect(tallies.p!.notes).toEqual(
      expect.arrayContaining([
        { choice: 'concern', text: 'tijd' },
        { choice: 'objection', text: 'vaag' },
      ]),
    )
  })

  it('ROUND-4: a shuffle keeps every element and does not keep the order every time', () => {
    const list = Array.from({ length: 20 }, (_, i) => i)
    const orders = new Set(Array.from({ length: 10 }, () => shuffled(list).join(',')))
    for (const order of orders)
      expect(
        order
          .split(',')
          .map(Number)
          .sort((x, y) => x - y),
      ).toEqual(list)
    expect(orders.size).toBeGreaterThan(1)
  })
})
