import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Network } from '../testing/network.ts'
import { isValidRank, MAX_RANK_LENGTH } from './rank.ts'
import {
  insertRanked,
  insertIndex,
  needsRebalance,
  orderedIds,
  placeAt,
  rebalance,
} from './rankedMap.ts'

function setup(ids: string[]): { doc: Y.Doc; map: Y.Map<unknown> } {
  const doc = new Y.Doc()
  const map = doc.getMap<unknown>('list')
  for (const id of ids) insertRanked(map, id, undefined, () => {})
  return { doc, map }
}

function rankOf(map: Y.Map<unknown>, id: string): unknown {
  return (map.get(id) as Y.Map<unknown>).get('rank')
}

function countTransactions(doc: Y.Doc, fn: () => void): number {
  let count = 0
  const onUpdate = () => count++
  doc.on('update', onUpdate)
  fn()
  doc.off('update', onUpdate)
  return count
}

describe('ranked map ordering', () => {
  it('DM-3: inserts first, after an item and last', () => {
    const { map } = setup(['a', 'b'])
    insertRanked(map, 'first', null, () => {})
    insertRanked(map, 'mid', 'a', () => {})
    insertRanked(map, 'last', undefined, () => {})
    insertRanked(map, 'unknown-after', 'no-such-id', () => {})
    expect(orderedIds(map)).toEqual(['first', 'a', 'mid', 'b', 'last', 'unknown-after'])
    expect(insertIndex(map, 'b')).toBe(4)
  })

  it('DM-3: a move is one rank write in one transaction and ends at the requested index', () => {
    const { doc, map } = setup(['a', 'b', 'c', 'd'])
    const before = new Map(['a', 'b', 'c', 'd'].map((id) => [id, rankOf(map, id)]))
    const transactions = countTransactions(doc, () => placeAt(map, 'd', 1))
    expect(transactions).toBe(1)
    expect(orderedIds(map)).toEqual(['a', 'd', 'b', 'c'])
    for (const id of ['a', 'b', 'c']) expect(rankOf(map, id)).toBe(before.get(id))
    placeAt(map, 'a', 99)
    expect(orderedIds(map)).toEqual(['d', 'b', 'c', 'a'])
    placeAt(map, 'c', -1)
    expect(orderedIds(map)).toEqual(['c', 'd', 'b', 'a'])
  })

  it('DM-3: moving an item to where it already is writes nothing', () => {
    const { doc, map } = setup(['a', 'b', 'c'])
    expect(countTransactions(doc, () => placeAt(map, 'b', 1))).toBe(0)
    expect(countTransactions(doc, () => placeAt(map, 'missing', 0))).toBe(0)
  })

  it('DM-5: items with equal ranks are ordered by id on every replica', () => {
    const { map } = setup([])
    for (const id of ['m', 'c', 'x']) {
      const item = new Y.Map<unknown>()
      map.set(id, item)
      item.set('rank', '0|i00000:')
    }
    expect(orderedIds(map)).toEqual(['c', 'm', 'x'])
  })

  it('DM-6: moving into a tie group rebalances first, so the item lands exactly there', () => {
    const { map } = setup(['a'])
    for (const id of ['t1', 't2', 't3']) {
      const item = new Y.Map<unknown>()
      map.set(id, item)
      item.set('rank', '0|t00000:')
    }
    expect(orderedIds(map)).toEqual(['a', 't1', 't2', 't3'])
    placeAt(map, 'a', 2)
    expect(orderedIds(map)).toEqual(['t1', 't2', 'a', 't3'])
    const ranks = orderedIds(map).map((id) => rankOf(map, id))
    expect(new Set(ranks).size).toBe(4)
    insertRanked(map, 'n', 't1', () => {})
    expect(orderedIds(map)).toEqual(['t1', 'n', 't2', 'a', 't3'])
  })

  it('DM-7: rebalance keeps the order, gives short distinct ranks, in one transaction', () => {
    const { doc, map } = setup(['a', 'b'])
    for (let i = 0; i < 200; i++) insertRanked(map, `x${i}`, 'a', () => {})
    const order = orderedIds(map)
    const transactions = countTransactions(doc, () => rebalance(map))
    expect(transactions).toBeLessThanOrEqual(1)
    expect(orderedIds(map)).toEqual(order)
    const ranks = order.map((id) => rankOf(map, id) as string)
    expect(ranks.every((rank) => isValidRank(rank) && rank.length <= MAX_RANK_LENGTH)).toBe(true)
    expect(needsRebalance(map)).toBe(false)
  })

  it('DM-7: long ranks trigger an automatic rebalance in the writing transaction', () => {
    const { map } = setup(['a', 'b'])
    let longest = 0
    for (let i = 0; i < 400; i++) {
      insertRanked(map, `x${i}`, 'a', () => {})
      for (const id of orderedIds(map))
        longest = Math.max(longest, (rankOf(map, id) as string).length)
    }
    expect(longest).toBeLessThanOrEqual(MAX_RANK_LENGTH)
    const expected = ['a', ...Array.from({ length: 400 }, (_, i) => `x${399 - i}`), 'b']
    expect(orderedIds(map)).toEqual(expected)
  })

  it('DM-7, DM-11: malformed items are skipped or ranked first, then repaired by a write', () => {
    const { map } = setup(['a', 'b'])
    map.set('not-a-map', 'oops')
    const broken = new Y.Map<unknown>()
    map.set('broken', broken)
    broken.set('rank', 42)
    expect(orderedIds(map)).toEqual(['broken', 'a', 'b'])
    expect(needsRebalance(map)).toBe(true)
    placeAt(map, 'broken', 2)
    expect(orderedIds(map)).toEqual(['a', 'b', 'broken'])
    expect(needsRebalance(map)).toBe(false)
  })

  it('DM-5: concurrent moves on two replicas converge without duplicates', () => {
    const origin = new Y.Doc()
    const list = origin.getMap<unknown>('list')
    for (const id of ['a', 'b', 'c', 'd', 'e']) insertRanked(list, id, undefined, () => {})
    const net = new Network(2, origin)
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    placeAt(one.getMap('list'), 'a', 4) // a to the end
    placeAt(two.getMap('list'), 'a', 2) // the same item elsewhere
    placeAt(two.getMap('list'), 'e', 0)
    placeAt(one.getMap('list'), 'd', 0) // two items to the same spot
    net.syncAll()
    const orderOne = orderedIds(one.getMap('list'))
    expect(orderOne).toEqual(orderedIds(two.getMap('list')))
    expect([...orderOne].sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('DM-5: concurrent inserts at the same place get equal ranks and converge by id', () => {
    const origin = new Y.Doc()
    for (const id of ['a', 'b']) insertRanked(origin.getMap('list'), id, undefined, () => {})
    const net = new Network(2, origin)
    const [one, two] = net.docs as [Y.Doc, Y.Doc]
    insertRanked(one.getMap('list'), 'n2', 'a', () => {})
    insertRanked(two.getMap('list'), 'n1', 'a', () => {})
    net.syncAll()
    const map = one.getMap<unknown>('list')
    expect(rankOf(map, 'n1')).toBe(rankOf(map, 'n2'))
    expect(orderedIds(map)).toEqual(['a', 'n1', 'n2', 'b'])
    expect(orderedIds(two.getMap('list'))).toEqual(['a', 'n1', 'n2', 'b'])
  })

  it('accepts a Y.Map typed as a map of maps', () => {
    const doc = new Y.Doc()
    const typed: Y.Map<Y.Map<unknown>> = doc.getMap('typed')
    expect(orderedIds(typed)).toEqual([])
    expect(needsRebalance(typed)).toBe(false)
  })
})
