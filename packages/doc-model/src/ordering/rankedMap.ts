import * as Y from 'yjs'
import { readString, transact } from '../read.ts'
import {
  clampIndex,
  compareRanked,
  evenRanks,
  isValidRank,
  MAX_RANK_LENGTH,
  tryRankBetween,
} from './rank.ts'

// A ranked collection is a Y.Map id -> Y.Map with a string field `rank` (DM-3). Entries that
// are not Y.Maps are skipped; a missing or non-string rank reads as '' (sorts first).

export type ItemFilter = (item: Y.Map<unknown>) => boolean

export interface RankedEntry {
  id: string
  rank: string
  item: Y.Map<unknown>
}

const all: ItemFilter = () => true

// Y.Map is invariant in its value type; callers may hold a Y.Map<Y.Map<unknown>> or a
// Y.Map<unknown>. Values are checked with instanceof before use, so reading them as unknown is safe.
function unknownMap<T>(map: Y.Map<T>): Y.Map<unknown> {
  return map as unknown as Y.Map<unknown>
}

/** The entries of a ranked map that pass `include`, in display order (rank, then id). */
export function orderedEntries<T>(ranked: Y.Map<T>, include: ItemFilter = all): RankedEntry[] {
  const map = unknownMap(ranked)
  const entries: RankedEntry[] = []
  map.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return
    const item = value as Y.Map<unknown>
    if (include(item)) entries.push({ id, rank: readString(item, 'rank'), item })
  })
  return entries.sort(compareRanked)
}

export function orderedIds<T>(ranked: Y.Map<T>, include: ItemFilter = all): string[] {
  const map = unknownMap(ranked)
  return orderedEntries(map, include).map((entry) => entry.id)
}

/** True when some rank is invalid or longer than MAX_RANK_LENGTH (DM-7). */
export function needsRebalance<T>(ranked: Y.Map<T>): boolean {
  const map = unknownMap(ranked)
  return orderedEntries(map).some(
    (entry) => !isValidRank(entry.rank) || entry.rank.length > MAX_RANK_LENGTH,
  )
}

/**
 * Give every item (filtered or not) a fresh, evenly spaced rank in the current order, in one
 * transaction. Only ranks that change are written (DM-7).
 */
export function rebalance<T>(ranked: Y.Map<T>): void {
  const map = unknownMap(ranked)
  transact(map, () => {
    const entries = orderedEntries(map)
    const ranks = evenRanks(entries.length)
    entries.forEach((entry, i) => {
      const rank = ranks[i]!
      if (entry.rank !== rank) entry.item.set('rank', rank)
    })
  })
}

/**
 * The rank that puts an item at `toIndex` among the included items other than `excludeId`,
 * or null when the neighbours leave no room (equal or invalid ranks).
 */
function rankAt(
  map: Y.Map<unknown>,
  toIndex: number,
  include: ItemFilter,
  excludeId: string | null,
): string | null {
  const others = orderedEntries(map, include).filter((entry) => entry.id !== excludeId)
  const index = clampIndex(toIndex, others.length)
  return tryRankBetween(others[index - 1]?.rank ?? null, others[index]?.rank ?? null)
}

/** Like `rankAt`, but rebalances first when needed, so it always returns a rank (DM-6). */
function rankAtOrRebalance(
  map: Y.Map<unknown>,
  toIndex: number,
  include: ItemFilter,
  excludeId: string | null,
): string {
  const rank = rankAt(map, toIndex, include, excludeId)
  if (rank !== null) return rank
  rebalance(map)
  return rankAt(map, toIndex, include, excludeId) ?? evenRanks(1)[0]!
}

/**
 * The index a new item gets when inserted after `after` among the included items:
 * null = first, undefined = last, an unknown (or excluded) id = last.
 */
export function insertIndex<T>(
  ranked: Y.Map<T>,
  after: string | null | undefined,
  include: ItemFilter = all,
): number {
  const map = unknownMap(ranked)
  const ids = orderedIds(map, include)
  if (after === null) return 0
  if (after === undefined) return ids.length
  const index = ids.indexOf(after)
  return index < 0 ? ids.length : index + 1
}

/**
 * Create an item at position `after` (see `insertIndex`) in one transaction: the item is set
 * into the map with its rank, then `fill` writes the other fields.
 */
export function insertRanked<T>(
  ranked: Y.Map<T>,
  id: string,
  after: string | null | undefined,
  fill: (item: Y.Map<unknown>) => void,
  include: ItemFilter = all,
): void {
  const map = unknownMap(ranked)
  transact(map, () => {
    const rank = rankAtOrRebalance(map, insertIndex(map, after, include), include, null)
    const item = new Y.Map<unknown>()
    map.set(id, item)
    item.set('rank', rank)
    fill(item)
    if (needsRebalance(map)) rebalance(map)
  })
}

/**
 * Move an item so it ends at `toIndex` among the included items: normally a single rank write
 * (DM-3); when its new neighbours share a rank, the collection is rebalanced first (DM-6).
 */
export function placeAt<T>(
  ranked: Y.Map<T>,
  id: string,
  toIndex: number,
  include: ItemFilter = all,
): void {
  const map = unknownMap(ranked)
  const value = map.get(id)
  if (!(value instanceof Y.Map)) return
  const item = value as Y.Map<unknown>
  transact(map, () => {
    const ids = orderedIds(map, include)
    const current = ids.indexOf(id)
    if (current >= 0 && current === clampIndex(toIndex, ids.length - 1)) return
    const rank = rankAtOrRebalance(map, toIndex, include, id)
    if (readString(item, 'rank') !== rank) item.set('rank', rank)
    if (needsRebalance(map)) rebalance(map)
  })
}
