import { LexoRank } from 'lexorank'

// Ranks are lexorank strings in bucket 0 (`0|hzzzzz:`, `0|i00007:3`). Their integer part always
// has six digits and the fraction has no trailing zeros, so plain code-unit string comparison
// orders them exactly like the numbers they stand for (DM-4). Never use localeCompare on ranks.
const RANK_PATTERN = /^0\|[0-9a-z]{6}:[0-9a-z]*$/

/** Ranks longer than this trigger a rebalance of their collection (DM-7). */
export const MAX_RANK_LENGTH = 48

export function isValidRank(rank: unknown): rank is string {
  return typeof rank === 'string' && RANK_PATTERN.test(rank)
}

/** Code-unit comparison of two strings (locale-independent, the same on every replica). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Order of ranked items: by rank, then by id when ranks are equal (DM-5). */
export function compareRanked(
  a: { id: string; rank: string },
  b: { id: string; rank: string },
): number {
  return compareStrings(a.rank, b.rank) || compareStrings(a.id, b.id)
}

/**
 * A rank strictly between `before` and `after` (null = open end), or null when there is none
 * (a bound is the minimum/maximum rank) or a bound is not a valid rank. Equal bounds are not
 * handled here: see `rankBetween`.
 */
export function tryRankBetween(before: string | null, after: string | null): string | null {
  if (before !== null && !isValidRank(before)) return null
  if (after !== null && !isValidRank(after)) return null
  let rank: string
  if (before === null && after === null) rank = LexoRank.middle().toString()
  else if (after === null) rank = LexoRank.parse(before!).genNext().toString()
  else if (before === null) rank = LexoRank.parse(after).genPrev().toString()
  else if (before < after) rank = LexoRank.parse(before).between(LexoRank.parse(after)).toString()
  else return null
  if (before !== null && !(before < rank)) return null
  if (after !== null && !(rank < after)) return null
  return rank
}

/**
 * A rank between two neighbours (null = no neighbour on that side) (DM-6).
 *
 * - `before === after` (two items ranked equal by concurrent inserts, ordered by id): the result
 *   sorts just above that rank, so the new item lands after the whole tie group, never inside it.
 *   To place an item exactly inside a tie group the collection is rebalanced first (`placeAt`).
 * - `before > after`: the bounds are swapped.
 * - an invalid bound is ignored (treated as an open end).
 *
 * Throws a RangeError only when no rank exists on the requested side (a bound is the minimum
 * or maximum rank, which the writers here never produce).
 */
export function rankBetween(before: string | null, after: string | null): string {
  let lo = isValidRank(before) ? before : null
  let hi = isValidRank(after) ? after : null
  let rank: string | null
  if (lo !== null && lo === hi) {
    // Just above the tie: halfway to `lo` plus one extra fraction digit, not a whole step up,
    // so items ranked a little above the tie stay after the new one.
    rank = tryRankBetween(lo, `${lo}1`)
  } else {
    if (lo !== null && hi !== null && lo > hi) [lo, hi] = [hi, lo]
    rank = tryRankBetween(lo, hi)
  }
  if (rank === null) throw new RangeError(`No rank between ${String(before)} and ${String(after)}`)
  return rank
}

/**
 * The rank for an item that should end at `toIndex` in a list whose other items have
 * `sortedRanks` (ascending, the moving item left out). `toIndex` is clamped to the list.
 */
export function rankForIndex(sortedRanks: string[], toIndex: number): string {
  const index = clampIndex(toIndex, sortedRanks.length)
  return rankBetween(sortedRanks[index - 1] ?? null, sortedRanks[index] ?? null)
}

export function clampIndex(index: number, length: number): number {
  if (!Number.isFinite(index)) return index > 0 ? length : 0
  return Math.min(Math.max(Math.trunc(index), 0), length)
}

const RANK_BASE = 36
const RANK_DIGITS = 6
const RANK_SPACE = RANK_BASE ** RANK_DIGITS

/** `count` valid, strictly increasing ranks spread evenly over the whole rank space. */
export function evenRanks(count: number): string[] {
  const step = Math.max(1, Math.floor(RANK_SPACE / (count + 1)))
  const ranks: string[] = []
  for (let i = 1; i <= count; i++) {
    const value = Math.min(i * step, RANK_SPACE - 1)
    ranks.push(`0|${value.toString(RANK_BASE).padStart(RANK_DIGITS, '0')}:`)
  }
  return ranks
}
