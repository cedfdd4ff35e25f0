import { LexoRank } from 'lexorank'
import { describe, expect, it } from 'vitest'
import { seeded } from '../testing/random.ts'
import {
  compareRanked,
  evenRanks,
  isValidRank,
  rankBetween,
  rankForIndex,
  tryRankBetween,
} from './rank.ts'

describe('rankBetween', () => {
  it('DM-6: gives the middle rank for an empty list and ranks around a single neighbour', () => {
    const middle = rankBetween(null, null)
    expect(middle).toBe(LexoRank.middle().toString())
    const after = rankBetween(middle, null)
    const before = rankBetween(null, middle)
    expect(before < middle && middle < after).toBe(true)
    expect([after, before].every(isValidRank)).toBe(true)
  })

  it('DM-6: returns a rank strictly between two different neighbours, in either order', () => {
    const a = rankBetween(null, null)
    const b = rankBetween(a, null)
    const mid = rankBetween(a, b)
    expect(a < mid && mid < b).toBe(true)
    expect(rankBetween(b, a)).toBe(mid)
  })

  it('DM-6: equal neighbours (a tie) give a rank just above the tie, below the next rank', () => {
    const tie = rankBetween(null, null)
    const next = rankBetween(tie, null)
    const bumped = rankBetween(tie, tie)
    expect(bumped > tie).toBe(true)
    expect(bumped < next).toBe(true)
    expect(bumped < rankBetween(tie, next)).toBe(true)
    // A tied item that is an exact prefix (no fraction) still gets a valid, larger rank.
    expect(isValidRank(bumped)).toBe(true)
    const deep = rankBetween(tie, bumped)
    expect(rankBetween(deep, deep) > deep).toBe(true)
  })

  it('DM-6: ignores invalid bounds instead of throwing', () => {
    const middle = rankBetween(null, null)
    expect(rankBetween('garbage', null)).toBe(middle)
    expect(rankBetween('', middle) < middle).toBe(true)
  })

  it('DM-6: throws only when no rank exists beyond the extreme rank', () => {
    expect(() => rankBetween(null, '0|000000:')).toThrow(RangeError)
    expect(tryRankBetween(null, '0|000000:')).toBeNull()
    expect(tryRankBetween('0|zzzzzz:', null)).toBeNull()
    expect(tryRankBetween('0|i00000:', '0|i00000:')).toBeNull()
  })

  it('DM-6: 500 inserts into the same gap stay strictly ordered', () => {
    let lo = rankBetween(null, null)
    const hi = rankBetween(lo, null)
    for (let i = 0; i < 500; i++) {
      const next = rankBetween(lo, hi)
      expect(lo < next && next < hi).toBe(true)
      lo = next
    }
  })
})

describe('rank order', () => {
  it('DM-4: code-unit string order equals lexorank numeric order (seeded)', () => {
    const random = seeded(4)
    const ranks = [rankBetween(null, null)]
    for (let i = 0; i < 300; i++) {
      const sorted = [...ranks].sort()
      const index = random.int(sorted.length + 1)
      ranks.push(rankForIndex(sorted, index))
    }
    const byString = [...ranks].sort()
    const byLexo = [...ranks].sort((a, b) => {
      const x = LexoRank.parse(a).getDecimal()
      const y = LexoRank.parse(b).getDecimal()
      return x.compareTo(y)
    })
    expect(byString).toEqual(byLexo)
    expect(new Set(ranks).size).toBe(ranks.length)
  })

  it('DM-5: compareRanked orders by rank, then by id', () => {
    const items = [
      { id: 'b', rank: '0|i00000:' },
      { id: 'a', rank: '0|i00000:' },
      { id: 'z', rank: '0|100000:' },
    ]
    expect(items.sort(compareRanked).map((item) => item.id)).toEqual(['z', 'a', 'b'])
  })
})

describe('rankForIndex', () => {
  it('DM-3: places at the start, the middle and the end; clamps out-of-range indexes', () => {
    const ranks = evenRanks(3)
    const [r0, r1, r2] = ranks as [string, string, string]
    expect(rankForIndex(ranks, 0) < r0).toBe(true)
    const middle = rankForIndex(ranks, 2)
    expect(r1 < middle && middle < r2).toBe(true)
    expect(rankForIndex(ranks, 3) > r2).toBe(true)
    expect(rankForIndex(ranks, 99)).toBe(rankForIndex(ranks, 3))
    expect(rankForIndex(ranks, -5)).toBe(rankForIndex(ranks, 0))
    expect(rankForIndex([], 0)).toBe(rankBetween(null, null))
  })
})

describe('evenRanks', () => {
  it('DM-7: gives valid, strictly increasing, short ranks', () => {
    for (const count of [0, 1, 2, 13, 1000]) {
      const ranks = evenRanks(count)
      expect(ranks).toHaveLength(count)
      expect(ranks.every(isValidRank)).toBe(true)
      expect(ranks.every((rank, i) => i === 0 || ranks[i - 1]! < rank)).toBe(true)
      expect(ranks.every((rank) => rank.length === 9)).toBe(true)
    }
  })
})
