import type { ConsentAnswer, ConsentTally } from '@koers/protocol'
import { randomInt } from 'node:crypto'

// Pure arithmetic of a reveal (ROUND-9, ROUND-11): ballots in, anonymous totals out.

/** A copy in a uniformly random order (Fisher–Yates with the crypto generator). */
export const shuffled = <T>(list: readonly T[]): T[] => {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

const parse = (ballot: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(ballot)
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Item id → total dots, every item of the round included (0 when nobody chose it). */
export const voteTotals = (
  items: readonly string[],
  ballots: readonly string[],
): Record<string, number> => {
  const totals: Record<string, number> = Object.fromEntries(items.map((item) => [item, 0]))
  for (const ballot of ballots) {
    for (const [item, dots] of Object.entries(parse(ballot))) {
      if (item in totals && typeof dots === 'number' && Number.isInteger(dots) && dots > 0) {
        totals[item]! += dots
      }
    }
  }
  return totals
}

/** Principle id → consents, concerns, objections and the notes in a random order. */
export const consentTallies = (
  items: readonly string[],
  ballots: readonly string[],
): Record<string, ConsentTally> => {
  const tallies: Record<string, ConsentTally> = Object.fromEntries(
    items.map((item) => [item, { consent: 0, concern: 0, objection: 0, notes: [] }]),
  )
  for (const ballot of ballots) {
    for (const [item, raw] of Object.entries(parse(ballot))) {
      const tally = tallies[item]
      const answer = raw as Partial<ConsentAnswer> | null
      if (!tally || !answer || typeof answer !== 'object') continue
      if (answer.choice === 'consent') tally.consent++
      else if (answer.choice === 'concern' || answer.choice === 'objection') {
        tally[answer.choice]++
        if (typeof answer.note === 'string' && answer.note !== '') {
          tally.notes.push({ choice: answer.choice, text: answer.note })
        }
      }
    }
  }
  for (const tally of Object.values(tallies)) tally.notes = shuffled(tally.notes)
  return tallies
}
